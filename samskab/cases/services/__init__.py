"""Everything that changes the case bank. Views, forms, admin, API and commands call these.

By reader: ``cases`` (create, edit, the workflow), ``materials`` (files), ``imports`` (the
exchange format), ``social`` (follows, notifications, comments).
"""

from .cases import (
    RESERVED_SLUGS,
    SIMPLE_FIELDS,
    case_create,
    case_delete,
    case_publish,
    case_reads,
    case_reads_flush,
    case_record_view,
    case_record_view_by_id,
    case_restore,
    case_send_back,
    case_submit,
    case_update,
    revision_record,
)
from .imports import ImportError_, cases_import
from .materials import material_add, material_delete
from .social import (
    case_follow,
    case_unfollow,
    comment_create,
    comment_delete,
    comment_hide,
    comment_report,
    comment_restore,
    comment_update,
    follow_delete_by_token,
    followers_notify,
    notifications_mark_read,
    unfollow_token,
)

__all__ = [
    "RESERVED_SLUGS",
    "SIMPLE_FIELDS",
    "ImportError_",
    "case_create",
    "case_delete",
    "case_follow",
    "case_publish",
    "case_reads",
    "case_reads_flush",
    "case_record_view",
    "case_record_view_by_id",
    "case_restore",
    "case_send_back",
    "case_submit",
    "case_unfollow",
    "case_update",
    "cases_import",
    "comment_create",
    "comment_delete",
    "comment_hide",
    "comment_report",
    "comment_restore",
    "comment_update",
    "follow_delete_by_token",
    "material_add",
    "material_delete",
    "notifications_mark_read",
    "followers_notify",
    "revision_record",
    "unfollow_token",
]
