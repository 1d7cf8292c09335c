"""The case bank: good practice a municipality publishes for others to reuse.

By reader: ``case`` (the case, its taxonomy, files, links, quality and revisions) and
``social`` (follows, notifications, comments).
"""

from .case import (
    Case,
    CaseLink,
    CaseMaterial,
    CaseQuality,
    CaseQuerySet,
    CaseRevision,
    InterventionType,
    QualityCriterion,
    Topic,
    material_upload_to,
)
from .social import Comment, CommentReport, Follow, Notification

__all__ = [
    "Case",
    "CaseLink",
    "CaseMaterial",
    "CaseQuality",
    "CaseQuerySet",
    "CaseRevision",
    "Comment",
    "CommentReport",
    "Follow",
    "InterventionType",
    "Notification",
    "QualityCriterion",
    "Topic",
    "material_upload_to",
]
