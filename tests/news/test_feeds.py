"""The feeds parsed as XML (RSS 2.0 and Atom 1.0): items, absolute links, dates and language;
and every news list, tag page and group page announcing its own feeds in its head."""

import datetime
import email.utils
from html.parser import HTMLParser

import pytest

from samskab.news import services

from .conftest import write
from .test_views import parse_xml, url

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def articles(secretariat, dk_network, group, time_machine):
    time_machine.move_to(datetime.datetime(2014, 8, 21, 10, tzinfo=datetime.UTC), tick=False)
    first = write(secretariat, dk_network, title="Første", tags=["Sund by"], groups=[group])
    time_machine.move_to(datetime.datetime(2014, 9, 1, 8, tzinfo=datetime.UTC), tick=False)
    second = write(secretariat, dk_network, title="Anden", tags=["Sund by"])
    en = services.article_create(
        actor=secretariat,
        network=dk_network,
        language="en",
        data={"title": "Second", "lead": "In English"},
        translation_of=second,
    )
    services.article_publish(actor=secretariat, article=en)
    time_machine.move_to(datetime.datetime(2015, 2, 18, 12, tzinfo=datetime.UTC), tick=False)
    services.article_update(actor=secretariat, article=first, data={"body": "Rettet."})
    write(
        secretariat,
        dk_network,
        title="Fremtid",
        at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    return {"first": first, "second": second, "en": en}


def _rss(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_xml(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("description") is not None
    return channel


def _atom(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse_xml(response.content)
    assert root.tag == ATOM + "feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(ATOM + required)
    return root


def test_rss_items_links_dates_and_language(client, articles):
    channel = _rss(client, url("news:rss"))
    assert channel.findtext("language") == "da"
    assert channel.findtext("link") == "http://testserver/da/news/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Anden", "Første"]  # newest first, no future
    first = items[1]
    assert first.findtext("link") == "http://testserver" + articles["first"].get_absolute_url()
    assert first.findtext("guid") == first.findtext("link")
    published = email.utils.parsedate_to_datetime(first.findtext("pubDate"))
    assert published == datetime.datetime(2014, 8, 21, 10, tzinfo=datetime.UTC)
    assert [c.text for c in first.findall("category")] == ["Sund by"]
    english = _rss(client, url("news:rss", "en"))
    assert english.findtext("language") == "en"
    titles = [i.findtext("title") for i in english.findall("item")]
    assert titles == ["Second", "Første"]  # the Danish one without a version, once
    assert english.findall("item")[0].findtext("link").startswith("http://testserver/en/news/")


def test_atom_entries_links_dates_and_language(client, articles):
    feed = _atom(client, url("news:atom"))
    assert feed.get(XML_LANG) == "da"
    entries = feed.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == ["Anden", "Første"]
    first = entries[1]
    link = first.find(ATOM + "link[@rel='alternate']")
    assert link.get("href") == "http://testserver" + articles["first"].get_absolute_url()
    updated = datetime.datetime.fromisoformat(first.findtext(ATOM + "updated"))
    published = datetime.datetime.fromisoformat(first.findtext(ATOM + "published"))
    assert published == datetime.datetime(2014, 8, 21, 10, tzinfo=datetime.UTC)
    assert updated == datetime.datetime(2015, 2, 18, 12, tzinfo=datetime.UTC)
    assert first.findtext(ATOM + "id")
    assert _atom(client, url("news:atom", "en")).get(XML_LANG) == "en"


def test_tag_and_group_feeds_in_both_formats(client, articles, group):
    rss = _rss(client, url("news:tag_rss", slug="sund-by"))
    assert [i.findtext("title") for i in rss.findall("item")] == ["Anden", "Første"]
    assert rss.findtext("link") == "http://testserver/da/news/tag/sund-by/"
    atom = _atom(client, url("news:tag_atom", slug="sund-by"))
    assert [e.findtext(ATOM + "title") for e in atom.findall(ATOM + "entry")] == ["Anden", "Første"]
    group_rss = _rss(client, url("news:group_rss", slug=group.slug))
    assert [i.findtext("title") for i in group_rss.findall("item")] == ["Første"]
    group_atom = _atom(client, url("news:group_atom", slug=group.slug))
    assert [e.findtext(ATOM + "title") for e in group_atom.findall(ATOM + "entry")] == ["Første"]
    assert client.get(url("news:tag_atom", slug="findes-ikke")).status_code == 404
    assert client.get(url("news:group_atom", slug="findes-ikke")).status_code == 404


class _HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.feeds, self._in_head = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self._in_head = True
        feed_types = ("application/rss+xml", "application/atom+xml")
        is_feed = attrs.get("rel") == "alternate" and attrs.get("type") in feed_types
        if tag == "link" and self._in_head and is_feed:
            self.feeds.append((attrs["type"], attrs["href"]))

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False


def _announced(client, path):
    parser = _HeadLinks()
    parser.feed(client.get(path).content.decode())
    return parser.feeds


def test_pages_announce_their_own_feeds_in_the_head(client, articles, group):
    network_feeds = [
        ("application/rss+xml", url("news:rss")),
        ("application/atom+xml", url("news:atom")),
    ]
    assert _announced(client, url("news:list")) == network_feeds
    tag_page = _announced(client, url("news:tag", slug="sund-by"))
    assert tag_page == [
        *network_feeds,
        ("application/rss+xml", url("news:tag_rss", slug="sund-by")),
        ("application/atom+xml", url("news:tag_atom", slug="sund-by")),
    ]
    group_feeds = [
        ("application/rss+xml", url("news:group_rss", slug=group.slug)),
        ("application/atom+xml", url("news:group_atom", slug=group.slug)),
    ]
    assert _announced(client, url("groups:detail", slug=group.slug)) == [
        *network_feeds,
        *group_feeds,
    ]
    filtered = _announced(client, url("news:list") + f"?group={group.pk}")
    assert filtered == [*network_feeds, *group_feeds]
    for _type, href in tag_page + group_feeds:
        assert client.get(href).status_code == 200
    english = _announced(client, url("news:tag", "en", slug="sund-by"))
    assert all(href.startswith("/en/") for _type, href in english)


def test_links_use_the_networks_own_host(client, no_network, settings):
    settings.ALLOWED_HOSTS = ["testserver", "sunne.testserver"]
    from samskab.networks.models import Role
    from tests.conftest import make_user_with_role

    staff = make_user_with_role(no_network, Role.Kind.SECRETARIAT, mfa=True)
    article = write(staff, no_network, title="Administrativ samling", language="nb")
    channel = parse_xml(client.get(url("news:rss", "nb"), HTTP_HOST="sunne.testserver").content)
    link = channel.find("channel/item/link").text
    assert link == "http://sunne.testserver" + article.get_absolute_url()
    assert channel.findtext("channel/language") == "nb"
