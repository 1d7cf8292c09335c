"""RSS 2.0 and Atom feeds of a network's news, per language (the URL's prefix)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samskab.core.richtext import render_markdown
from samskab.groups.models import ThemeGroup

from .models import Tag
from .selectors import article_list


class NewsFeed(Feed):
    def get_object(self, request):
        network = getattr(request, "network", None)
        if network is None:
            raise Http404
        self.request = request
        self.tag = self.group = None
        return network

    def title(self, network):
        return _("News from %(network)s") % {"network": network.name}

    # Addresses are made absolute with the request's host (the network's own domain), not
    # with the sites framework's single Site, which knows nothing of networks.
    def _absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def link(self, network):
        return self._absolute(reverse("news:list"))

    def feed_url(self, network):
        return self._absolute(self.request.path)

    def item_link(self, item):
        return self._absolute(item.get_absolute_url())

    def description(self, network):
        return network.tagline or network.name

    def items(self, network):
        # Only what every reader may see: published and past its time.
        return article_list(
            network=network, language=get_language(), tag=self.tag, group=self.group
        )[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead or render_markdown(item.body)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.revised_at or item.published_at

    def item_author_name(self, item):
        return item.author.get_full_name() if item.author else None

    def item_enclosure_url(self, item):
        image = item.image_main
        return self.request.build_absolute_uri(image["url"]) if image else None

    def item_enclosure_length(self, item):
        image = item.image_main
        return image.get("bytes", 0) if image else None

    def item_enclosure_mime_type(self, item):
        return "image/webp" if item.image_sizes else None

    def item_categories(self, item):
        return [t.name for t in item.tags.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, network):
        return self.description(network)


class TagNewsFeed(NewsFeed):
    """The network's news with one tag (tags are per language)."""

    def get_object(self, request, slug):
        network = super().get_object(request)
        self.tag = get_object_or_404(Tag, network=network, language=get_language(), slug=slug)
        return network

    def title(self, network):
        return _("News tagged “%(tag)s”") % {"tag": self.tag.name}

    def link(self, network):
        return self._absolute(self.tag.get_absolute_url())


class GroupNewsFeed(NewsFeed):
    """A theme group's news."""

    def get_object(self, request, slug):
        network = super().get_object(request)
        self.group = get_object_or_404(ThemeGroup, network=network, slug=slug)
        return network

    def title(self, network):
        return _("News from the group") + f": {self.group.name}"

    def link(self, network):
        return self._absolute(reverse("groups:detail", kwargs={"slug": self.group.slug}))


class AtomTagNewsFeed(TagNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, network):
        return self.description(network)


class AtomGroupNewsFeed(GroupNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, network):
        return self.description(network)
