# ruff: noqa: E501 - an export file is XML of long lines
"""A small WordPress 6.x export (WXR 1.2) of a Danish network's site, made in code.

``build()`` returns the XML bytes; ``uploads(dir)`` writes the files the export refers to
(one of them is missing on purpose). ``generated(n)`` streams a large export for the
benchmark (bench/), the same shape repeated.
"""

import io

from PIL import Image

BASE = "https://sundby.example"

HEAD = f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.6.2" created="2026-11-30 10:00" -->
<rss version="2.0"
 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
 <title>Sund By Netværket</title>
 <link>{BASE}</link>
 <description>Kommuner der samarbejder om sundhed</description>
 <language>da-DK</language>
 <wp:wxr_version>1.2</wp:wxr_version>
 <wp:base_site_url>{BASE}</wp:base_site_url>
 <wp:base_blog_url>{BASE}</wp:base_blog_url>
 <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[redaktoer]]></wp:author_login><wp:author_email><![CDATA[Redaktoer@Sundby.example]]></wp:author_email><wp:author_display_name><![CDATA[Søren Ærø]]></wp:author_display_name><wp:author_first_name><![CDATA[Søren]]></wp:author_first_name><wp:author_last_name><![CDATA[Ærø]]></wp:author_last_name></wp:author>
 <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[gaest]]></wp:author_login><wp:author_email><![CDATA[gaest@andet.example]]></wp:author_email><wp:author_display_name><![CDATA[Åse Gæst]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
 <wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[ubekraeftet]]></wp:author_login><wp:author_email><![CDATA[unverified@test.example]]></wp:author_email><wp:author_display_name><![CDATA[Uffe Ubekræftet]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
 <wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[folkesundhed]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Folkesundhed]]></wp:cat_name></wp:category>
 <wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[trivsel-og-faellesskab]]></wp:category_nicename><wp:category_parent><![CDATA[folkesundhed]]></wp:category_parent><wp:cat_name><![CDATA[Trivsel &amp; fællesskab]]></wp:cat_name></wp:category>
 <wp:tag><wp:term_id>7</wp:term_id><wp:tag_slug><![CDATA[boern]]></wp:tag_slug><wp:tag_name><![CDATA[Børn]]></wp:tag_name></wp:tag>
 <wp:tag><wp:term_id>8</wp:term_id><wp:tag_slug><![CDATA[aeldre]]></wp:tag_slug><wp:tag_name><![CDATA[Ældre]]></wp:tag_name></wp:tag>
"""

TAIL = """</channel>
</rss>
"""


def item(
    post_id,
    post_type,
    title,
    slug,
    content="",
    *,
    status="publish",
    date="2014-05-20 12:30:00",
    date_gmt="2014-05-20 10:30:00",
    creator="redaktoer",
    excerpt="",
    parent=0,
    menu_order=0,
    link=None,
    terms=(),
    meta=(),
    comments=(),
    attachment_url="",
):
    if link is None:
        y, m, d = date[:4], date[5:7], date[8:10]
        link = {
            "post": f"{BASE}/{y}/{m}/{d}/{slug}/",
            "page": f"{BASE}/{slug}/",
            "attachment": f"{BASE}/?attachment_id={post_id}",
        }.get(post_type, f"{BASE}/?p={post_id}")
    cats = "".join(
        f'<category domain="{domain}" nicename="{nice}"><![CDATA[{name}]]></category>\n'
        for domain, nice, name in terms
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key><![CDATA[{k}]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{v}]]></wp:meta_value></wp:postmeta>\n"
        for k, v in meta
    )
    comms = "".join(
        f"<wp:comment><wp:comment_id>{c['id']}</wp:comment_id>"
        f"<wp:comment_author><![CDATA[{c['author']}]]></wp:comment_author>"
        f"<wp:comment_author_email><![CDATA[{c.get('email', '')}]]></wp:comment_author_email>"
        f"<wp:comment_author_url></wp:comment_author_url>"
        f"<wp:comment_date_gmt><![CDATA[2014-05-21 08:00:00]]></wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[{c['content']}]]></wp:comment_content>"
        f"<wp:comment_approved><![CDATA[{c.get('approved', '1')}]]></wp:comment_approved>"
        f"<wp:comment_type><![CDATA[comment]]></wp:comment_type>"
        f"<wp:comment_parent>{c.get('parent', 0)}</wp:comment_parent>"
        f"<wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n"
        for c in comments
    )
    att = (
        f"<wp:attachment_url><![CDATA[{attachment_url}]]></wp:attachment_url>\n"
        if attachment_url
        else ""
    )
    return f"""<item>
<title><![CDATA[{title}]]></title>
<link>{link}</link>
<pubDate>Tue, 20 May 2014 10:30:00 +0000</pubDate>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<guid isPermaLink="false">{BASE}/?p={post_id}</guid>
<description></description>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{date_gmt}]]></wp:post_date_gmt>
<wp:post_modified><![CDATA[{date}]]></wp:post_modified>
<wp:post_modified_gmt><![CDATA[{date_gmt}]]></wp:post_modified_gmt>
<wp:comment_status><![CDATA[open]]></wp:comment_status>
<wp:ping_status><![CDATA[open]]></wp:ping_status>
<wp:post_name><![CDATA[{slug}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>{parent}</wp:post_parent>
<wp:menu_order>{menu_order}</wp:menu_order>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
{att}{cats}{metas}{comms}</item>
"""


GUTENBERG = """<!-- wp:paragraph -->
<p>Mandag mødtes <strong>kontaktpersonerne</strong> fra 12 kommuner i Køge. Læs <a href="https://sundby.example/wp-content/uploads/2014/05/program.pdf">programmet</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Trivsel på tværs</h2>
<!-- /wp:heading -->

<!-- wp:image {"id":101,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://sundby.example/wp-content/uploads/2014/05/moede-1024x683.jpg" alt="Deltagere ved mødet" class="wp-image-101"/></figure>
<!-- /wp:image -->

<!-- wp:list -->
<ul><li>Børn og unge</li><li>Ældre &amp; ensomhed</li></ul>
<!-- /wp:list -->

<!-- wp:html -->
<script>alert("x")</script><p onclick="evil()">Tak for i dag.</p>
<!-- /wp:html -->"""

CLASSIC = """Vi holder [caption id="attachment_102" align="alignright" width="300"]<img src="https://sundby.example/wp-content/uploads/2015/03/cykel.png" alt="Cykel" width="300" height="200" /> Cykelstien i Ærøskøbing[/caption] temadag om bevægelse.

Se videoen: [embed]https://video.example/watch?v=abc[/embed]

[gallery ids="101,102"]

[contact-form-7 id="9" title="Tilmelding"]

Anden linje
med linjeskift."""


def build() -> bytes:
    items = [
        item(
            101,
            "attachment",
            "Deltagere ved mødet",
            "moede",
            parent=10,
            attachment_url=f"{BASE}/wp-content/uploads/2014/05/moede.jpg",
            meta=[
                ("_wp_attached_file", "2014/05/moede.jpg"),
                ("_wp_attachment_image_alt", "Deltagere ved mødet i Køge"),
                (
                    "_wp_attachment_metadata",
                    'a:3:{s:5:"width";i:1200;s:6:"height";i:800;s:4:"file";s:17:"2014/05/moede.jpg";}',
                ),
            ],
        ),
        item(
            102,
            "attachment",
            "Cykel",
            "cykel",
            parent=11,
            attachment_url=f"{BASE}/wp-content/uploads/2015/03/cykel.png",
            meta=[("_wp_attached_file", "2015/03/cykel.png")],
        ),
        item(
            103,
            "attachment",
            "Program",
            "program",
            parent=10,
            attachment_url=f"{BASE}/wp-content/uploads/2014/05/program.pdf",
            meta=[("_wp_attached_file", "2014/05/program.pdf")],
        ),
        item(
            104,
            "attachment",
            "Mangler",
            "mangler",
            attachment_url=f"{BASE}/wp-content/uploads/2013/01/mangler.jpg",
            meta=[("_wp_attached_file", "2013/01/mangler.jpg")],
        ),
        item(
            10,
            "post",
            "Netværksmøde i Køge – “trivsel” på dagsordenen",
            "netvaerksmoede-i-koege",
            GUTENBERG,
            excerpt="Kontaktpersonerne mødtes i Køge.",
            terms=[
                ("category", "folkesundhed", "Folkesundhed"),
                ("post_tag", "boern", "Børn"),
                ("post_tag", "aeldre", "Ældre"),
            ],
            meta=[("_thumbnail_id", "101"), ("_edit_last", "1")],
            comments=[
                {"id": 1, "author": "Bente", "email": "bente@x.example", "content": "Godt møde!"},
                {"id": 2, "author": "Ole", "content": "Enig.", "parent": 1},
                {"id": 3, "author": "Spam", "content": "køb nu", "approved": "spam"},
            ],
        ),
        item(
            11,
            "post",
            "Temadag om bevægelse",
            "temadag-om-bevaegelse",
            CLASSIC,
            date="2015-03-02 09:00:00",
            date_gmt="0000-00-00 00:00:00",
            creator="gaest",
            terms=[("category", "trivsel-og-faellesskab", "Trivsel &amp; fællesskab")],
        ),
        item(
            12,
            "post",
            "Kladde: Årsberetning",
            "",
            "<p>Ikke færdig.</p>",
            status="draft",
            date="2016-01-01 10:00:00",
            date_gmt="0000-00-00 00:00:00",
            creator="ubekraeftet",
        ),
        item(
            13,
            "post",
            "Styr\x01gruppen\x0b mødes",
            "styregruppen-moedes",
            "<p>Referat\x08 følger.</p>",
            date="2016-06-01 10:00:00",
            date_gmt="2016-06-01 08:00:00",
            link=f"{BASE}/?p=13",
        ),
        item(14, "post", "I papirkurven", "slettet", "<p>x</p>", status="trash"),
        item(15, "revision", "Revision", "10-revision-v1", "<p>x</p>", status="inherit"),
        item(
            20,
            "page",
            "Om netværket",
            "om-netvaerket",
            "<p>Vi er <em>18</em> kommuner.</p>",
            menu_order=1,
        ),
        item(
            21,
            "page",
            "Bestyrelsen",
            "bestyrelsen",
            "<p>Bestyrelsen består af fem medlemmer.</p>",
            parent=20,
            menu_order=2,
            link=f"{BASE}/om-netvaerket/bestyrelsen/",
        ),
        item(
            22, "page", "Kontakt", "kontakt", "<p>Skriv til os.</p>", status="draft", menu_order=3
        ),
        item(
            30, "sag", "En sag", "en-sag", "<p>Case</p>", meta=[("budget", 'a:1:{i:0;s:3:"lav";}')]
        ),
    ]
    return (HEAD + "".join(items) + TAIL).encode("utf-8")


def _image(fmt: str, size=(600, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(out, format=fmt)
    return out.getvalue()


def uploads(root) -> None:
    """The uploads folder: moede.jpg, cykel.png, program.pdf (mangler.jpg is missing)."""
    (root / "2014/05").mkdir(parents=True)
    (root / "2015/03").mkdir(parents=True)
    (root / "2014/05/moede.jpg").write_bytes(_image("JPEG"))
    (root / "2015/03/cykel.png").write_bytes(_image("PNG", (30, 20)))
    (root / "2014/05/program.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def generated(n: int):
    """An export of ``n`` posts (for the memory benchmark), yielded in chunks of bytes."""
    yield HEAD.encode()
    for i in range(n):
        yield item(
            1000 + i,
            "post",
            f"Nyhed nummer {i} om sundhed",
            f"nyhed-{i}",
            f"<!-- wp:paragraph --><p>Tekst {i} med æøå og <strong>fed</strong>.</p><!-- /wp:paragraph -->",
            terms=[("post_tag", f"emne-{i % 50}", f"Emne {i % 50}")],
            comments=[{"id": i, "author": "A", "content": "ok"}],
        ).encode()
    yield TAIL.encode()
