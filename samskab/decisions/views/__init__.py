from .manage import (
    consultation_create,
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
    "consultation_create",
    "consultation_detail",
    "consultation_edit",
    "consultation_list",
    "consultation_phase",
    "groups_create",
    "option_delete",
    "option_edit",
    "options_manage",
    "proposal_review",
    "propose",
    "results_export",
    "vote",
]
