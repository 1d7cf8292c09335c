"""Filtering, counting and paging the case list (and related cases) with the index."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.networks.models import Organisation

from ..models import Case, QualityCriterion
from .index import Bits, ListingIndex, get_index


def _visible(index: ListingIndex, network) -> int:
    if network is None:
        return index.shared
    return index.networks.get(network.pk, 0) | index.shared


def _year_mask(index: ListingIndex, year: int) -> int:
    """Cases whose period covers ``year`` (started by its end, not ended before it)."""
    if year <= timezone.localdate().year:
        return index.years.get(year, 0)
    # A future year: only ongoing cases and those planned to run until then.
    bits = Bits(len(index.ids))
    for pos, (start, end) in enumerate(zip(index.starts, index.ends, strict=True)):
        if start is not None and start <= year and (end is None or end >= year):
            bits.add("y", pos)
    return bits.build().get("y", 0)


def _target_mask(index: ListingIndex, keyword: str) -> int:
    keyword = keyword.casefold()
    cached = index.keywords.get(keyword)
    if cached is None:
        bits = Bits(len(index.ids))
        for pos, text in enumerate(index.targets):
            if keyword in text:
                bits.add("t", pos)
        cached = bits.build().get("t", 0)
        if len(index.keywords) >= 200:
            index.keywords.clear()
        index.keywords[keyword] = cached
    return cached


def _filter_mask(index: ListingIndex, key: str, value) -> int:
    if key == "year":
        return _year_mask(index, int(value))
    if key == "target":
        return _target_mask(index, value)
    if key == "region":
        # A region's own cases count with its municipalities'.
        return index.masks.get("region", {}).get(value, 0) | index.masks.get(
            "municipality", {}
        ).get(value, 0)
    return index.masks.get(key, {}).get(value, 0)


class _Masks:
    """The bitmaps of one request's filters, each computed once."""

    def __init__(self, index: ListingIndex, network, filters):
        self.visible = _visible(index, network)
        self.filters = {
            key: _filter_mask(index, key, getattr(filters, key))
            for key in filters.KEYS
            if getattr(filters, key) not in ("", None)
        }

    def combined(self, without: str | None = None) -> int:
        mask = self.visible
        for key, bits in self.filters.items():
            if key != without:
                mask &= bits
        return mask


def _positions(mask: int, start: int, stop: int) -> list[int]:
    """Positions of the set bits number ``start`` to ``stop - 1`` (lowest first)."""
    # Skip whole 4096-bit blocks by counting their bits, then walk the rest bit by bit.
    out, seen, offset, block = [], 0, 0, 4096
    full = (1 << block) - 1
    while mask >> offset and len(out) < stop - start:
        chunk = (mask >> offset) & full
        count = chunk.bit_count()
        if seen + count <= start:
            seen += count
            offset += block
            continue
        while chunk and len(out) < stop - start:
            low = chunk & -chunk
            if seen >= start:
                out.append(offset + low.bit_length() - 1)
            seen += 1
            chunk ^= low
        offset += block
    return out


class _CasePage:
    """A lazy sequence of the filtered cases for ``Paginator``: counting is a popcount,
    and a slice reads only its own cases (one query and the prefetches)."""

    def __init__(self, index: ListingIndex, mask: int):
        self.index = index
        self.mask = mask

    def count(self) -> int:
        return self.mask.bit_count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop, _step = item.indices(self.count())
        ids = [self.index.ids[p] for p in _positions(self.mask, start, stop)]
        cases = (
            Case.objects.filter(pk__in=ids)
            .select_related("organisation", "network")
            .prefetch_related("topics", "prevention_types")
            .in_bulk()
        )
        return [cases[pk] for pk in ids if pk in cases]


def case_listing(*, network, filters, page, per_page: int = 20):
    """(page, facets) of the list: one index look-up and one set of filter bitmaps."""
    index = get_index()
    masks = _Masks(index, network, filters)
    return _page(index, masks, page, per_page), _facets(index, masks, filters)


def case_page(*, network, filters, page, per_page: int = 20):
    """One page of ``case_list`` (same cases, same order) from the bitmap index."""
    index = get_index()
    return _page(index, _Masks(index, network, filters), page, per_page)


def facets(*, network, filters) -> list[dict]:
    """``selectors.facets`` from the bitmap index: for each filter, its options with the
    number of cases each would give together with the other chosen filters."""
    index = get_index()
    return _facets(index, _Masks(index, network, filters), filters)


def _page(index: ListingIndex, masks: _Masks, page, per_page: int):
    return Paginator(_CasePage(index, masks.combined()), per_page).get_page(page)


def _facets(index: ListingIndex, masks: _Masks, filters) -> list[dict]:
    result = []

    def counts(key: str) -> dict:
        base = masks.combined(without=key)
        found = {}
        for value, bits in index.masks.get(key, {}).items():
            n = (base & bits).bit_count()
            if n:
                found[value] = n
        return found

    def add(key, label, options, counted, *, keep_empty=False):
        selected = str(getattr(filters, key) or "")
        items = [
            {
                "value": value,
                "label": text,
                "count": counted.get(value, 0),
                "selected": selected == str(value),
            }
            for value, text in options
            if keep_empty or counted.get(value, 0) or selected == str(value)
        ]
        result.append(
            {"key": key, "label": label, "options": items, "value": getattr(filters, key) or ""}
        )

    add(
        "topic",
        _("Topic"),
        [(t.slug, t.label) for t in index.topics],
        counts("topic"),
        keep_empty=True,
    )
    add(
        "type",
        _("Intervention type"),
        [(t.slug, t.label) for t in index.types],
        counts("type"),
        keep_empty=True,
    )
    municipality_counts = counts("municipality")
    region_counts = counts("region")
    orgs = index.org_names
    missing = {filters.municipality, filters.region} - set(orgs) - {""}
    if missing:  # a chosen organisation without published cases
        orgs = {
            **orgs,
            **dict(Organisation.objects.filter(slug__in=missing).values_list("slug", "name")),
        }
    for key, label, chosen, counted in (
        (
            "municipality",
            _("Municipality or organisation"),
            filters.municipality,
            municipality_counts,
        ),
        ("region", _("Region"), filters.region, region_counts),
    ):
        options = sorted(
            ((slug, orgs[slug]) for slug in {*counted, chosen} if slug in orgs),
            key=lambda option: option[1],
        )
        add(key, label, options, counted)
    add(
        "budget",
        _("Economy per year"),
        Case.BudgetBand.choices,
        counts("budget"),
        keep_empty=True,
    )
    add(
        "evaluation",
        _("Evaluated"),
        Case.Evaluation.choices,
        counts("evaluation"),
        keep_empty=True,
    )
    add(
        "quality",
        _("Quality criterion (self-assessed)"),
        QualityCriterion.choices,
        counts("quality"),
    )
    add(
        "language",
        _("Language of the case"),
        Case.Language.choices,
        counts("language"),
    )
    add(
        "network",
        _("Network"),
        [(n.slug, n.name) for n in index.network_list],
        counts("network"),
    )
    base = masks.combined(without="year")
    year_counts = {}
    for year, bits in index.years.items():
        n = (base & bits).bit_count()
        if n:
            year_counts[year] = n
    add("year", _("Year"), [(y, str(y)) for y in sorted(year_counts, reverse=True)], year_counts)
    return result


def related_ids(*, case: Case, network, limit: int) -> list[tuple[int, int]]:
    """(id, topics shared) of up to ``limit`` published cases readers of ``network`` can
    find that share topics with ``case``: most shared topics first, then newest. Without
    topics, the newest. Served from the list's bitmap index."""
    index = get_index()
    candidates = _visible(index, network)
    if case.pk in index.position:  # an unpublished case is not in the index
        candidates &= ~(1 << index.position[case.pk])
    topic_masks = [index.masks.get("topic", {}).get(t.slug, 0) for t in case.topics.all()]
    if not topic_masks:
        return [(index.ids[p], 0) for p in _positions(candidates, 0, limit)]
    # How many of the case's topics each case has, as a binary counter in bit planes.
    planes: list[int] = []
    for mask in topic_masks:
        carry = mask
        for i, plane in enumerate(planes):
            planes[i], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    found: list[tuple[int, int]] = []
    for shared in range(len(topic_masks), 0, -1):
        exact = candidates
        for i, plane in enumerate(planes):
            exact &= plane if shared >> i & 1 else ~plane
        found += [(index.ids[p], shared) for p in _positions(exact, 0, limit - len(found))]
        if len(found) >= limit:
            break
    return found
