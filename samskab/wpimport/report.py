"""The import's report as lines of text, in the active language."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

OUTCOMES = ("created", "updated", "unchanged", "skipped")


def _kind_label(kind: str) -> str:
    return {
        "post": _("Posts (news articles)"),
        "page": _("Pages"),
        "attachment": _("Files"),
        "comment": _("Comments"),
        "other": _("WordPress internals (revisions, menus ...)"),
    }.get(kind, _("Post type %(type)s") % {"type": kind})


def report_lines(report) -> list[str]:
    labels = {
        "created": _("created"),
        "updated": _("updated"),
        "unchanged": _("unchanged"),
        "skipped": _("skipped"),
    }
    lines = [
        _("Dry run: nothing was saved.") if report.dry_run else _("WordPress import finished."),
        _("Language of the posts: %(language)s") % {"language": report.language},
    ]
    for kind, counts in sorted(report.counts.items()):
        parts = ", ".join(f"{counts.get(o, 0)} {labels[o]}" for o in OUTCOMES if counts.get(o))
        lines.append(f"{_kind_label(kind)}: {parts}")
    if report.dropped_characters:
        lines.append(
            ngettext(
                "%(n)s character that XML does not allow was removed.",
                "%(n)s characters that XML does not allow were removed.",
                report.dropped_characters,
            )
            % {"n": report.dropped_characters}
        )
    if report.problems:
        lines.append(_("Not imported, or imported in part:"))
        for problem in report.problems:
            lines.append(f"  {problem['kind']} {problem['wp_id']}: {problem['reason']}")
    if report.missing_files:
        lines.append(_("Files not found in the uploads folder:"))
        lines.extend(f"  {url}" for url in report.missing_files)
    return lines
