"""Reads for running an edition: participants, sessions, champions."""

from django.db.models import (
    Prefetch,
)
from django.http import Http404

from ..models import (
    Application,
    Champion,
    Edition,
    Session,
    SessionTrack,
)

S = Application.Status


def participants(edition: Edition):
    """The edition's participating organisations: its accepted applications."""
    return (
        Application.objects.filter(call__edition=edition, status=S.ACCEPTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def sessions_of(edition: Edition) -> list:
    """The edition's sessions in time order with their events and their tracks' topics
    (three queries, however many sessions and tracks)."""
    return list(
        Session.objects.filter(edition=edition)
        .select_related("event")
        .prefetch_related(
            Prefetch(
                "session_tracks",
                queryset=SessionTrack.objects.select_related("track").order_by(
                    "track__position", "track_id"
                ),
            )
        )
        .order_by("event__starts_at", "id")
    )


def session_table(edition: Edition, tracks: list, sessions: list) -> list[dict]:
    """The seed's table: a row per session, a cell per track (the topic, or None where the
    session is not in that track)."""
    rows = []
    for session in sessions:
        by_track = {st.track_id: st for st in session.session_tracks.all()}
        rows.append(
            {
                "session": session,
                "cells": [
                    {
                        "track": track,
                        "in_track": track.pk in by_track,
                        "row": by_track.get(track.pk),
                    }
                    for track in tracks
                ],
            }
        )
    return rows


def session_for_page(*, edition: Edition, pk: int) -> Session:
    session = (
        Session.objects.filter(edition=edition, pk=pk)
        .select_related("event", "edition__programme__network")
        .prefetch_related("session_tracks")
        .first()
    )
    if session is None:
        raise Http404
    return session


# --- the municipalities' people ------------------------------------------------------------

LEADER_ROLES = {"leder", "chef", "leader"}


def participants_from_answers(application: Application, tracks: list) -> list[dict]:
    """The people list of the application's answers (entries with a name), as rows for
    ``participants_set``: leaders in the first track, everyone else in the last."""
    rows = []
    for value in (application.answers or {}).values():
        if not isinstance(value, list):
            continue
        for entry in value:
            if (
                not isinstance(entry, dict)
                or not entry.get("name")
                or entry.get("role") == "kontakt"
            ):
                continue
            track = None
            if tracks:
                track = tracks[0] if entry.get("role") in LEADER_ROLES else tracks[-1]
            rows.append(
                {
                    "name": str(entry.get("name", "")),
                    "title": str(entry.get("title", "")),
                    "email": str(entry.get("email", "")),
                    "track": track,
                }
            )
    return rows


def participants_of(application: Application) -> list:
    return list(application.participants.select_related("track"))


def participant_for_page(*, application: Application, pk: int):
    participant = (
        application.participants.filter(pk=pk).select_related("track", "application").first()
    )
    if participant is None:
        raise Http404
    return participant


def sessions_of_participant(participant) -> list:
    """The sessions of the participant's track, with whether they declined each."""
    if participant.track_id is None:
        return []
    declined = set(participant.substitutions.values_list("session_id", flat=True))
    sessions = list(
        Session.objects.filter(
            edition_id=participant.application.call.edition_id,
            session_tracks__track_id=participant.track_id,
        )
        .select_related("event")
        .order_by("event__starts_at")
    )
    for session in sessions:
        session.declined = session.pk in declined
    return sessions


# --- champions ------------------------------------------------------------------------------


def champions_of(application: Application) -> dict:
    """The municipality's champions and its progress against the edition's target
    ("3 of 5")."""
    champions = list(Champion.objects.filter(application=application))
    edition = application.call.edition
    return {
        "champions": champions,
        "count": len(champions),
        "target": edition.champion_target,
        "max": edition.champion_max,
    }


def champion_for_page(*, application: Application, pk: int):
    champion = application.champions.filter(pk=pk).first()
    if champion is None:
        raise Http404
    return champion


# --- My page (registered in apps.py) ---------------------------------------------------------
