"""Programmes that municipalities apply to.

A ``Programme`` (Netværk for Fællesskabsagenter) runs as yearly ``Edition``s; an edition has
``Track``s (leader track, employee track) and at most one ``Call`` with its form (a
``formbuilder.Form``). An organisation answers the call with one ``Application``; every
status change is kept as an ``ApplicationLogEntry`` (who and when). The next issue hangs the
edition's sessions (``events.Event``) and champions on ``Edition`` and ``Track``.
"""

from .calls import Application, ApplicationFile, ApplicationLogEntry, Call, application_file_path
from .editions import Edition, Programme, Session, SessionTrack, Track
from .reviews import Criterion, Review, ReviewerInvitation, Score
from .running import Champion, Participant, Substitution

__all__ = [
    "Application",
    "ApplicationFile",
    "ApplicationLogEntry",
    "Call",
    "Champion",
    "Criterion",
    "Edition",
    "Participant",
    "Programme",
    "Review",
    "ReviewerInvitation",
    "Score",
    "Session",
    "SessionTrack",
    "Substitution",
    "Track",
    "application_file_path",
]
