"""The rich-text memo: the same text is rendered once, a new sanitiser version renders again."""

import pytest

from samskab.core import richtext


@pytest.fixture(autouse=True)
def _empty_memo():
    richtext.clear_memo()
    yield
    richtext.clear_memo()


@pytest.fixture
def renders(monkeypatch):
    calls = []
    real = richtext.markdown_lib.markdown

    def counting(text, **kwargs):
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(richtext.markdown_lib, "markdown", counting)
    return calls


def test_a_text_is_rendered_once_and_then_comes_from_the_memo(renders):
    first = richtext.render_markdown("**Trivsel** i <b>skolen</b>")
    second = richtext.render_markdown("**Trivsel** i <b>skolen</b>")
    assert first == second == "<p><strong>Trivsel</strong> i &lt;b&gt;skolen&lt;/b&gt;</p>"
    assert len(renders) == 1


def test_another_process_finds_it_in_the_shared_cache(renders):
    richtext.render_markdown("delt *tekst*")
    richtext.clear_memo()  # as a second worker, with its own empty memo
    assert richtext.render_markdown("delt *tekst*") == "<p>delt <em>tekst</em></p>"
    assert len(renders) == 1


def test_a_new_sanitiser_version_renders_every_text_again(renders, monkeypatch):
    richtext.render_markdown("[link](https://example.org)")
    monkeypatch.setattr(richtext, "SANITISER_VERSION", richtext.SANITISER_VERSION + 1)
    monkeypatch.setattr(richtext, "RENDER_KEY", richtext._fingerprint())
    richtext.render_markdown("[link](https://example.org)")
    assert len(renders) == 2


def test_changing_what_the_sanitiser_allows_changes_the_key(monkeypatch):
    before = richtext._fingerprint()
    monkeypatch.setattr(richtext, "ALLOWED_TAGS", richtext.ALLOWED_TAGS - {"table"})
    assert richtext._fingerprint() != before
    monkeypatch.undo()
    monkeypatch.setattr(richtext, "URL_SCHEMES", richtext.URL_SCHEMES | {"ftp"})
    assert richtext._fingerprint() != before


def test_the_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(richtext, "_MEMO_SIZE", 3)
    for n in range(10):
        richtext.render_plain_text(f"tekst {n}")
    assert len(richtext._memo) == 3


def test_memoised_output_is_still_safe():
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    for _ in range(2):
        html = richtext.render_markdown(hostile)
        assert "<script" not in html and "javascript:" not in html and "<img" not in html
        plain = richtext.render_plain_text(hostile)
        assert "<script" not in plain and "<img" not in plain
