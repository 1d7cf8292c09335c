"""Highlighted titles and snippets."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import analysis
from ..models import SearchDocument
from .structures import MAX_HIGHLIGHT_CHARS, ParsedQuery


def _matcher(parsed: ParsedQuery):
    exact, prefixes = set(), []
    for group in parsed.groups:
        for alt in group.alternatives:
            for term, prefix in alt:
                if prefix:
                    prefixes.append(term)
                else:
                    exact.add(term)
    prefixes = tuple(sorted(set(prefixes)))
    # A word can only match if it begins like one of the terms (stems are prefixes of
    # their words, give or take a changed last letter): a cheap test before stemming.
    quick = tuple(sorted({t[:3] for t in (*exact, *prefixes)}))

    memo: dict[tuple[str, str], bool] = {}

    def matches(word: str, language: str) -> bool:
        key = (word, language)
        found = memo.get(key)
        if found is None:
            if analysis.is_stop_word(word, language):
                found = False
            else:
                term = analysis.stem(word, language)
                found = term in exact or (bool(prefixes) and term.startswith(prefixes))
            memo[key] = found
        return found

    matches.quick = quick
    return matches


def highlight(text: str, matches, language: str, *, window: int | None = None) -> tuple[str, bool]:
    """Escaped ``text`` with matching words in ``<mark>``; with ``window``, only about that
    many words around the first match. Returns (html, whether anything matched)."""
    text = text or ""
    tokens = list(analysis.TOKEN_RE.finditer(text, 0, MAX_HIGHLIGHT_CHARS))
    quick = getattr(matches, "quick", ("",))
    hits = [
        i
        for i, m in enumerate(tokens)
        if m.group().casefold().startswith(quick)
        and matches(analysis.normalise(m.group()), language)
    ]
    if window is not None and tokens:
        first = hits[0] if hits else 0
        start_token = max(0, first - window // 3)
        end_token = min(len(tokens), start_token + window)
        start = tokens[start_token].start() if start_token else 0
        if end_token < len(tokens) or len(text) > MAX_HIGHLIGHT_CHARS:
            end = tokens[end_token - 1].end()
        else:
            end = len(text)
    else:
        start, end = 0, len(text)
    out, pos = [], start
    hit_set = set(hits)
    for i, m in enumerate(tokens):
        if m.start() < start or m.end() > end or i not in hit_set:
            continue
        out.append(escape(text[pos : m.start()]))
        out.append(f"<mark>{escape(m.group())}</mark>")
        pos = m.end()
    out.append(escape(text[pos:end]))
    html = "".join(out).strip()
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html), bool(hits)  # noqa: S308 - every piece is escaped above


def _snippet(doc: SearchDocument, matches) -> str:
    summary_html, in_summary = highlight(doc.summary, matches, doc.language, window=40)
    if in_summary or not doc.body:
        return summary_html
    body_html, in_body = highlight(doc.body, matches, doc.language, window=40)
    return body_html if in_body or not doc.summary else summary_html
