"""A network's static pages: the reader's page, and the secretariat's list, form and delete."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.core.pagecache import public_page

from .. import selectors, services
from ..forms import PageForm
from ..models import PAGE_LANGUAGES, Page

MANAGE_MESSAGE = _("Only the network's secretariat may change its pages.")


def page_of_network(request, slug):
    network = getattr(request, "network", None)
    page = selectors.page_of_network(network=network, slug=slug) if network else None
    if page is None:
        raise Http404
    return page


def _initial(page: Page) -> dict:
    fields = ["slug", "published", "menu_position"] + [
        f"{f}_{code}" for f in ("title", "description", "body") for code in PAGE_LANGUAGES
    ]
    return {name: getattr(page, name) for name in fields}


@require_GET
@public_page
@guard("news.view_page", get=page_of_network, hidden=True, login=False)
def page_detail(request, page):
    text = page.text(get_language() or "da", page.network.default_language)
    context = {
        "page": page,
        "text": text,
        "can_change": request.user.has_perm("news.change_page", page),
    }
    return render(request, "news/page_detail.html", context)


@guard("news.manage_pages", message=MANAGE_MESSAGE)
def page_manage(request, network):
    context = {"pages": selectors.page_list(network=network)}
    return render(request, "news/page_list.html", context)


@guard("news.manage_pages", message=MANAGE_MESSAGE)
def page_create(request, network):
    form = PageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page = services.page_create(actor=request.user, network=network, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The page is saved."))
            return redirect(page.get_absolute_url())
    return render(request, "news/page_form.html", {"form": form, "heading": _("New page")})


@guard("news.change_page", get=page_of_network, message=MANAGE_MESSAGE, hidden=True)
def page_edit(request, page):
    form = PageForm(request.POST or None, initial=_initial(page))
    if request.method == "POST" and form.is_valid():
        try:
            services.page_update(actor=request.user, page=page, data=form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The page is saved."))
            return redirect(page.get_absolute_url())
    title = page.text(get_language() or "da", page.network.default_language)["title"]
    context = {
        "form": form,
        "page": page,
        "heading": _("Change “%(title)s”") % {"title": title},
    }
    return render(request, "news/page_form.html", context)


@guard("news.delete_page", get=page_of_network, message=MANAGE_MESSAGE, hidden=True)
def page_delete(request, page):
    if request.method == "POST":
        services.page_delete(actor=request.user, page=page)
        messages.success(request, _("The page is deleted."))
        return redirect("pages:manage")
    title = page.text(get_language() or "da", page.network.default_language)["title"]
    return render(request, "news/page_delete.html", {"page": page, "title": title})
