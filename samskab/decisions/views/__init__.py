from .comments import (
    comment_add,
    comment_delete,
    comment_moderate,
    comment_report,
    option_detail,
)
from .manage import (
    consultation_create,
    consultation_create_for_group,
    consultation_edit,
    consultation_phase,
    groups_create,
    option_delete,
    option_edit,
    options_manage,
    proposal_review,
)
from .pages import consultation_detail, consultation_list, propose, results_export, vote

__all__ = [
    "comment_add",
    "comment_delete",
    "comment_moderate",
    "comment_report",
    "consultation_create",
    "consultation_create_for_group",
    "consultation_detail",
    "consultation_edit",
    "consultation_list",
    "consultation_phase",
    "groups_create",
    "option_delete",
    "option_detail",
    "option_edit",
    "options_manage",
    "proposal_review",
    "propose",
    "results_export",
    "vote",
]
