"""The news desk in the site: write, translate, change, preview (the article page shows an
editor the draft), publish now or at a time, unpublish, delete, and the drafts list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import ArticleForm, ArticleImageForm, PublishForm
from ..models import LANGUAGES, Article

LANGUAGE_NAMES = dict(LANGUAGES)
EDIT_MESSAGE = _(
    "Only the secretariat and the coordinators of the article's theme groups may do this."
)


def article_of_network(request, slug):
    network = getattr(request, "network", None)
    article = (
        selectors.article_for_page(network=network, slug=slug, language=get_language())
        if network is not None
        else None
    )
    if article is None:
        raise Http404
    return article


def _initial(article: Article) -> dict:
    return {
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "tags": ", ".join(t.name for t in article.tags.all()),
        "theme_groups": list(article.theme_groups.all()),
        "events": list(article.events.all()),
        "cases": list(article.cases.all()),
        "programmes": list(article.programmes.all()),
    }


@guard(
    "news.add_article",
    message=_("Only the secretariat and theme-group coordinators may write news."),
)
def article_create(request, network):
    form = ArticleForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.article_create(
                actor=request.user,
                network=network,
                language=get_language(),
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved. This is how it will look."))
            return redirect(article.get_absolute_url())
    context = {
        "form": form,
        "heading": _("Write an article"),
        "language_name": LANGUAGE_NAMES.get(get_language()),
    }
    return render(request, "news/article_form.html", context)


@guard("news.change_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_translate(request, article, language):
    if language not in LANGUAGE_NAMES or language == article.language:
        raise Http404
    form = ArticleForm(request.POST or None, network=article.network, initial=_initial(article))
    if request.method == "POST" and form.is_valid():
        try:
            version = services.article_create(
                actor=request.user,
                network=article.network,
                language=language,
                data=form.cleaned_data,
                translation_of=article,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The version is saved as a draft."))
            return redirect(version.get_absolute_url())
    context = {
        "form": form,
        "article": article,
        "heading": _("Version in %(language)s of “%(title)s”")
        % {"language": LANGUAGE_NAMES[language], "title": article.title},
        "language_name": LANGUAGE_NAMES[language],
        "form_lang": language,
    }
    return render(request, "news/article_form.html", context)


@guard("news.change_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_edit(request, article):
    form = ArticleForm(request.POST or None, network=article.network, initial=_initial(article))
    if request.method == "POST" and form.is_valid():
        try:
            services.article_update(actor=request.user, article=article, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The article is saved."))
            return redirect(article.get_absolute_url())
    context = {
        "form": form,
        "article": article,
        "heading": _("Change “%(title)s”") % {"title": article.title},
        "language_name": LANGUAGE_NAMES[article.language],
        "form_lang": article.language,
        "publish_form": PublishForm(),
        "image_form": ArticleImageForm(
            initial={
                "image_alt": article.image_alt,
                "image_caption": article.image_caption,
                "image_credit": article.image_credit,
            }
        ),
        "revisions": article.revisions.select_related("actor")[:20],
    }
    return render(request, "news/article_form.html", context)


@require_POST
@guard("news.publish_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_publish(request, article):
    form = PublishForm(request.POST)
    if form.is_valid():
        at = form.cleaned_data["publish_at"]
        if at is not None and timezone.is_naive(at):
            at = timezone.make_aware(at)  # the network's time zone (the middleware's)
        try:
            services.article_publish(actor=request.user, article=article, at=at)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if article.is_scheduled:
                local = timezone.localtime(article.published_at)
                messages.success(
                    request,
                    _("The article will be published %(when)s.")
                    % {"when": local.strftime("%d.%m.%Y %H:%M")},
                )
            else:
                messages.success(request, _("The article is published."))
    else:
        messages.error(request, _("Give the time as day, month, year, hour and minute."))
    return redirect(article.get_absolute_url())


@require_POST
@guard("news.publish_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_unpublish(request, article):
    services.article_unpublish(actor=request.user, article=article)
    messages.success(request, _("The article is a draft again; readers no longer see it."))
    return redirect(article.get_absolute_url())


@guard("news.delete_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_delete(request, article):
    if request.method == "POST":
        services.article_delete(actor=request.user, article=article)
        messages.success(request, _("The article is deleted."))
        return redirect("news:list")
    return render(request, "news/article_delete.html", {"article": article})


@guard("news.view_drafts", message=_("Only the news desk sees drafts."))
def drafts(request, network):
    context = {"articles": selectors.editor_articles(network=network, user=request.user)}
    return render(request, "news/drafts.html", context)


@require_POST
@guard("news.change_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_image(request, article):
    form = ArticleImageForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            services.article_set_image(
                actor=request.user,
                article=article,
                alt=form.cleaned_data["image_alt"],
                caption=form.cleaned_data["image_caption"],
                credit=form.cleaned_data["image_credit"],
                filename=upload.name if upload else None,
                content=form.content,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The image is saved."))
            return redirect("news:edit", slug=article.slug)
    context = {
        "form": ArticleForm(network=article.network, initial=_initial(article)),
        "article": article,
        "heading": _("Change “%(title)s”") % {"title": article.title},
        "language_name": LANGUAGE_NAMES[article.language],
        "form_lang": article.language,
        "publish_form": PublishForm(),
        "image_form": form,
        "revisions": article.revisions.select_related("actor")[:20],
    }
    return render(request, "news/article_form.html", context)


@require_POST
@guard("news.change_article", get=article_of_network, message=EDIT_MESSAGE, hidden=True)
def article_image_remove(request, article):
    services.article_remove_image(actor=request.user, article=article)
    messages.success(request, _("The image is removed."))
    return redirect("news:edit", slug=article.slug)
