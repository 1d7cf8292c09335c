"""The bitmap index of published cases behind the case list, built once per process and
rebuilt when the case bank changes (see the package's docstring)."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from samskab.core import versions
from samskab.networks.models import Network, Organisation

from ..models import Case, CaseQuality, InterventionType, Topic

VERSION_KEY = "cases:listing:version"
_lock = threading.Lock()
_current: ListingIndex | None = None


def _bump() -> None:
    versions.bump(VERSION_KEY)


def bump_version(**kwargs) -> None:
    """Now (so this process sees its own change at once) and again after the commit (so a
    process that rebuilt in between, from the data before the commit, rebuilds again)."""
    _bump()
    transaction.on_commit(_bump)


def connect_signals() -> None:
    for model in (Case, CaseQuality, Organisation, Network, Topic, InterventionType):
        post_save.connect(bump_version, sender=model, dispatch_uid=f"listing-save-{model}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"listing-del-{model}")
    for through in (Case.topics.through, Case.prevention_types.through):
        m2m_changed.connect(bump_version, sender=through, dispatch_uid=f"listing-m2m-{through}")


class Bits:
    """Collects positions per key, then turns each into an int bitmap."""

    def __init__(self, size: int = 0):
        self.size = size  # positions expected (a row grows past it if needed)
        self.rows: dict = defaultdict(bytearray)

    def add(self, key, position: int) -> None:
        row = self.rows[key]
        byte = position >> 3
        if byte >= len(row):
            row.extend(bytes(max(byte + 1, (self.size + 7) // 8, 2 * len(row)) - len(row)))
        row[byte] |= 1 << (position & 7)

    def build(self) -> dict:
        return {key: int.from_bytes(row, "little") for key, row in self.rows.items()}


@dataclass
class ListingIndex:
    version: float
    ids: list[int]  # position -> case id, newest first
    masks: dict  # key -> {value: bitmap}
    networks: dict  # network id -> bitmap of its own cases
    shared: int
    targets: list[str]  # position -> target group, case-folded
    starts: list[int | None]  # position -> first year
    ends: list[int | None]  # position -> last year (None: ongoing)
    years: dict = field(default_factory=dict)  # year -> bitmap (cases running that year)
    keywords: dict = field(default_factory=dict)  # target-group keyword -> bitmap (memo)
    position: dict = field(default_factory=dict)  # case id -> position
    # What the filters show, read once per build (labels translate per request).
    topics: list = field(default_factory=list)
    types: list = field(default_factory=list)
    network_list: list = field(default_factory=list)
    org_names: dict = field(default_factory=dict)  # organisation slug -> name
    built_ms: float = 0.0

    @property
    def all(self) -> int:
        return (1 << len(self.ids)) - 1


def build_index(version: float) -> ListingIndex:
    started = time.perf_counter()
    # Streamed (``iterator``), never a list of every row: a list of 100,000 tuples peaked
    # at about 90 MB, and a worker's memory stayed that much higher after the build.
    rows = (
        Case.objects.published()
        .order_by("-published_at", "-id")
        .values_list(
            "id",
            "network_id",
            "network__slug",
            "shared",
            "organisation__slug",
            "organisation__region__slug",
            "budget_band",
            "evaluation",
            "period_start",
            "period_end",
            "target_group",
            "language",
        )
        .iterator(chunk_size=5000)
    )
    position = {}
    bits = Bits()
    ids, targets, starts, ends = [], [], [], []
    # One object per distinct target group and year, not one per case (most repeat).
    same: dict = {}
    for pos, row in enumerate(rows):
        pk, network_id, network_slug, shared, org, region, budget, evaluation = row[:8]
        start, end, target, language = row[8:]
        position[pk] = pos
        ids.append(pk)
        bits.add(("_network", network_id), pos)
        if shared:
            bits.add(("_shared", True), pos)
        bits.add(("network", network_slug), pos)
        if org:
            bits.add(("municipality", org), pos)
        if region:
            bits.add(("region", region), pos)
        if budget:
            bits.add(("budget", budget), pos)
        if evaluation:
            bits.add(("evaluation", evaluation), pos)
        if language:
            bits.add(("language", language), pos)
        targets.append(same.setdefault(target := (target or "").casefold(), target))
        starts.append(same.setdefault(start.year, start.year) if start else None)
        ends.append(same.setdefault(end.year, end.year) if end else None)
    for pk, slug in (
        Case.topics.through.objects.filter(case__status=Case.Status.PUBLISHED)
        .values_list("case_id", "topic__slug")
        .iterator(chunk_size=5000)
    ):
        if pk in position:
            bits.add(("topic", slug), position[pk])
    for pk, slug in (
        Case.prevention_types.through.objects.filter(case__status=Case.Status.PUBLISHED)
        .values_list("case_id", "interventiontype__slug")
        .iterator(chunk_size=5000)
    ):
        if pk in position:
            bits.add(("type", slug), position[pk])
    for pk, criterion in (
        CaseQuality.objects.filter(case__status=Case.Status.PUBLISHED)
        .values_list("case_id", "criterion")
        .iterator(chunk_size=5000)
    ):
        if pk in position:
            bits.add(("quality", criterion), position[pk])
    this_year = timezone.localdate().year
    for pos, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if start is None:
            continue
        # Up to this year; later years are computed when asked for (``_year_mask``).
        for year in range(start, min(end if end is not None else this_year, this_year) + 1):
            bits.add(("_year", year), pos)
    masks = bits.build()
    by_key: dict = defaultdict(dict)
    for (key, value), mask in masks.items():
        if not key.startswith("_"):
            by_key[key][value] = mask
    index = ListingIndex(
        version=version,
        ids=ids,
        masks=dict(by_key),
        networks={k[1]: v for k, v in masks.items() if k[0] == "_network"},
        shared=masks.get(("_shared", True), 0),
        targets=targets,
        starts=starts,
        ends=ends,
        years={k[1]: v for k, v in masks.items() if k[0] == "_year"},
        position=position,
        topics=list(Topic.objects.all()),
        types=list(InterventionType.objects.all()),
        network_list=list(Network.objects.order_by("name")),
    )
    slugs = set(by_key.get("municipality", {})) | set(by_key.get("region", {}))
    index.org_names = dict(Organisation.objects.filter(slug__in=slugs).values_list("slug", "name"))
    index.built_ms = (time.perf_counter() - started) * 1000
    return index


# A larger index is rebuilt in a background thread while the previous one keeps
# answering, so that one change does not make the next reader wait for the rebuild.
BACKGROUND_REBUILD_ABOVE = 20_000
_rebuilding: set[float] = set()


def _rebuild_in_background(version: float) -> None:
    global _current
    try:
        index = build_index(version)
        with _lock:
            if _current is None or _current.version < index.version:
                _current = index
    finally:
        _rebuilding.discard(version)
        connection.close()


def get_index() -> ListingIndex:
    global _current
    version = versions.current(VERSION_KEY)
    index = _current
    if index is not None and index.version == version:
        return index
    if index is not None and len(index.ids) > BACKGROUND_REBUILD_ABOVE:
        with _lock:
            if version not in _rebuilding:
                _rebuilding.add(version)
                threading.Thread(
                    target=_rebuild_in_background, args=(version,), daemon=True
                ).start()
        return index
    with _lock:
        if _current is None or _current.version != version:
            _current = build_index(version)
        return _current
