"""The case bank's pages, by reader: ``reading`` (everyone), ``editing`` (organisation
editors), ``moderation`` (the secretariat), ``social`` (follows and comments). Every view
is guarded by ``core.guards.guard`` with a getter from ``_get`` (within the current
network) and writes only through ``services``."""

from .editing import (
    case_create,
    case_delete,
    case_edit,
    case_submit,
    material_add,
    material_delete,
    my_cases,
)
from .moderation import (
    case_publish,
    case_send_back,
    queue,
    revision_detail,
    revision_restore,
    revisions,
)
from .reading import case_detail, case_list, export_csv, export_xlsx, material_download
from .social import (
    comment_add,
    comment_delete,
    comment_edit,
    comment_moderate,
    comment_report,
    follow,
    following,
    unfollow_token,
)

__all__ = [
    "case_create",
    "case_delete",
    "case_detail",
    "case_edit",
    "case_list",
    "case_publish",
    "case_send_back",
    "case_submit",
    "comment_add",
    "comment_delete",
    "comment_edit",
    "comment_moderate",
    "comment_report",
    "export_csv",
    "export_xlsx",
    "follow",
    "following",
    "material_add",
    "material_delete",
    "material_download",
    "my_cases",
    "queue",
    "revision_detail",
    "revision_restore",
    "revisions",
    "unfollow_token",
]
