"""Every URL of the project as every kind of visitor.

The patterns come from the URL configuration itself (``urlwalk.all_patterns``: the
language-prefixed pages, allauth, the admin and the API), so a view is covered the day it
is added: ``test_every_pattern_is_in_the_table`` fails for a pattern nobody listed below.

Each row of ``TABLE`` says how to build the pattern's arguments from the shared world
(``world.py``: everything belongs to the *first* network and its first organisation) and
what each role gets, for GET and, where the view writes, for POST. A POST by a role whose
cell has no ``+`` must leave every table of the database as it was; a ``+`` means the
role may write and does (the control that the POST really is one that writes). No role
ever gets a 5xx.

Cells, in the order of ``ROLES`` (anon user editor xstaff staff, see ``world.ROLE_HELP``):
    200 403 404 405 400 …   that status
    302                     a redirect (not to a log-in page)
    login                   a redirect to a log-in page (allauth's or the admin's)
    home                    the admin's redirect to its index (the object is not theirs)
    200|302                 either (a door another change may turn into a redirect)
    +                       suffix: this role's POST writes to the database
"""

import datetime
import uuid
from collections.abc import Callable
from typing import NamedTuple

import pytest
from django.contrib.sites.models import Site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import resolve, reverse
from django.utils import timezone, translation

from samskab.cases.models import InterventionType, Topic
from samskab.programmes.tokens import invitation_token
from tests.factories import PASSWORD

from .support import changed_tables, db_fingerprint, module_data
from .urlwalk import all_patterns
from .world import PDF, ROLES, build_world

# --- how to build each pattern's arguments and its POST data --------------------------------


def kw(**builders):
    return lambda w: {k: (v(w) if callable(v) else v) for k, v in builders.items()}


NONE = kw()
CASE = kw(slug=lambda w: w.case.slug)
DRAFT = kw(slug=lambda w: w.draft.slug)
SUBMITTED = kw(slug=lambda w: w.submitted.slug)
GROUP = kw(slug=lambda w: w.group.slug)
EVENT = kw(pk=lambda w: w.event.pk)
PUBLIC_EVENT = kw(pk=lambda w: w.public_event.pk)
COMMENT = kw(slug=lambda w: w.case.slug, pk=lambda w: w.comment.pk)
ORG = kw(slug=lambda w: w.org_a.slug)
PERSON = kw(pk=lambda w: w.person.pk)
RESOURCE = kw(slug=lambda w: w.group.slug, pk=lambda w: w.resource.pk)
SUGGESTION = kw(slug=lambda w: w.group.slug, pk=lambda w: w.suggestion.pk)
DECISION_DRAFT = kw(slug=lambda w: w.decision_draft.slug)
DECISION_VOTING = kw(slug=lambda w: w.decision_voting.slug)
DECISION_PUBLISHED = kw(slug=lambda w: w.decision_published.slug)
DECISION_OPTION = kw(slug=lambda w: w.decision_draft.slug, pk=lambda w: w.decision_option.pk)
DECISION_PROPOSAL = kw(
    slug=lambda w: w.decision_draft.slug, pk=lambda w: w.decision_proposal.pk, action="accept"
)
DECISION_VOTING_OPTION = kw(
    slug=lambda w: w.decision_voting.slug, pk=lambda w: w.decision_voting_option.pk
)
DECISION_COMMENT = kw(slug=lambda w: w.decision_voting.slug, pk=lambda w: w.decision_comment.pk)
GROUP_DRAFT = kw(group=lambda w: w.group.slug)
REVISION = kw(slug=lambda w: w.case.slug, pk=lambda w: w.revision.pk)
MATERIAL = kw(slug=lambda w: w.case.slug, pk=lambda w: w.material.pk)
PERSON_OF_ORG = kw(slug=lambda w: w.org_a.slug, pk=lambda w: w.person.pk)
REGISTRATION = kw(pk=lambda w: w.event.pk, rid=lambda w: w.registration.pk)
ARTICLE = kw(slug=lambda w: w.article.slug)
NEWS_DRAFT = kw(slug=lambda w: w.news_draft.slug)
PAGE = kw(slug=lambda w: w.page.slug)
PAGE_DRAFT = kw(slug=lambda w: w.page_draft.slug)
PROGRAMME = kw(slug=lambda w: w.call.edition.programme.slug)
EDITION = kw(slug=lambda w: w.call.edition.programme.slug, year=lambda w: w.call.edition.year)
APPLICATION = kw(pk=lambda w: w.application.pk)
SESSION = kw(
    slug=lambda w: w.call.edition.programme.slug,
    year=lambda w: w.call.edition.year,
    pk=lambda w: w.session.pk,
)


def session_form(w):
    return {
        "kind": "course_day",
        "title": "2. kursusdag",
        "starts_at": "2040-03-01T09:00",
        "ends_at": "2040-03-01T15:00",
        "format": "online",
        f"track_{w.call.edition.tracks.get().pk}": "on",
    }


FORM = kw(pk=lambda w: w.call.form.pk)
SECTION = kw(pk=lambda w: w.call.form.pk, section_id="s-kommune")
QUESTION = kw(pk=lambda w: w.call.form.pk, section_id="s-kommune", question_id="kommune")


def case_form(w):
    """A complete, valid case form for the *first* organisation."""
    return {
        "title": "Frugt i frikvarteret",
        "summary": "Alle elever får frugt.",
        "organisation": w.org_a.pk,
        "language": "da",
        "kind": "project",
        "evaluation": "internal",
        "purpose": "Sundere vaner.",
        "action": "save",
    }


def consultation_form(w):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    return {
        "title": "Hvilke temagrupper?",
        "question": "Hvilke temaer?",
        "method": "approval_up_to",
        "k": "2",
        "voter_role": "admin_contact",
        "voting_opens_at": start.strftime("%Y-%m-%dT%H:%M"),
        "voting_closes_at": (start + datetime.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
    }


def option_form(w):
    return {"title": "Bevægelse", "description": "Om bevægelse"}


def event_form(w):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=20)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    return {
        "title": "Ny workshop",
        "kind": "workshop",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        "format": "online",
        "audience": "public",
        "agenda-TOTAL_FORMS": "0",
        "agenda-INITIAL_FORMS": "0",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
    }


def call_form(w):
    return {
        "opens_on": "2030-01-01",
        "deadline_on": "2030-02-01",
        "deadline_time": "23:59:59",
        "seats": "20",
        "eligibility": "country",
    }


def article_form(w):
    return {"title": "Ny artikel", "lead": "Manchet", "body": "## Tekst", "tags": "sund by"}


def page_form(w):
    return {"title_da": "Kontakt", "body_da": "Skriv til os", "published": "on"}


def group_form(w):
    return {"name": "Ny temagruppe", "lead": "Om noget", "join_policy": "open"}


def person_form(w):
    return {"name": "Ny Kontakt", "title": "Konsulent", "phone": "", "email": ""}


def material_upload(w):
    return {"title": "Folder", "file": SimpleUploadedFile("folder.pdf", PDF)}


class Row(NamedTuple):
    args: Callable | None  # the pattern's keyword arguments, from the world
    get: str
    post: str | None  # None: the view takes no POST (or writes nothing); not tried
    data: Callable | None  # the POST body, from the world; empty by default
    route: Callable | None  # the path, for a pattern without a name


def R(args, get, post=None, data=None, route=None) -> Row:
    return Row(args, get, post, data, route)


TABLE = {
    # URL name                  arguments  GET: anon user editor xstaff staff   POST (+ writes)
    # --- outside the language prefix -----------------------------------------------------
    "healthz": R(NONE, "200 200 200 200 200"),
    "theme_css": R(kw(slug=lambda w: w.dk.slug), "200 200 200 200 200"),
    "set_language": R(NONE, "302 302 302 302 302", "302 302 302 302 302"),
    "sitemap": R(NONE, "200 200 200 200 200"),
    "robots": R(NONE, "200 200 200 200 200"),
    # An imported WordPress file (public, as it was); the world has none.
    "wpimport:file": R(kw(pk=999999, filename="x.pdf"), "404 404 404 404 404"),
    # --- the public API: the same for everyone, never the caller's own view ----------------
    "api-v1:api-root": R(NONE, "200 200 200 200 200"),  # the index answers at the root
    "api-v1:index": R(NONE, "200 200 200 200 200"),
    "api-v1:openapi-json": R(NONE, "200 200 200 200 200"),
    "api-v1:openapi-view": R(NONE, "200 200 200 200 200"),
    "api-v1:list_networks": R(NONE, "200 200 200 200 200"),
    "api-v1:list_members": R(kw(slug=lambda w: w.dk.slug), "200 200 200 200 200"),
    "api-v1:list_cases": R(NONE, "200 200 200 200 200"),
    "api-v1:get_case": R(DRAFT, "404 404 404 404 404"),
    "api-v1:list_events": R(NONE, "200 200 200 200 200"),
    "api-v1:list_news": R(NONE, "200 200 200 200 200"),
    "api-v1:get_article": R(NEWS_DRAFT, "404 404 404 404 404"),
    "api-v1:list_decisions": R(NONE, "200 200 200 200 200"),
    "api-v1:get_decision": R(DECISION_VOTING, "200 200 200 200 200"),
    "api-v1:get_event": R(kw(event_id=lambda w: w.event.pk), "404 404 404 404 404"),
    "api-v1:search": R(NONE, "200 200 200 200 200"),
    "api-v1:list_programmes": R(NONE, "200 200 200 200 200"),
    "api-v1:get_programme": R(PROGRAMME, "200 200 200 200 200"),
    # --- accounts (allauth) ----------------------------------------------------------------
    "account_login": R(NONE, "200 302 302 302 302", "200 302 302 302 302"),
    "account_logout": R(NONE, "302 200 200 200 200", "302 302 302 302 302"),
    "account_inactive": R(NONE, "200 200 200 200 200"),
    "account_signup": R(NONE, "200 302 302 302 302", "200 302 302 302 302"),
    "account_request_reauthentication_code": R(NONE, "login 200|302 200|302 200|302 200|302"),
    "account_confirm_reauthentication_code": R(NONE, "login 200|302 200|302 200|302 200|302"),
    "account_reauthenticate": R(NONE, "login 200 200 200 200", "login 200 200 200 200"),
    "account_email": R(NONE, "login 200 200 200 200", "login 302 302 302 302"),
    "account_email_verification_sent": R(NONE, "200 200 200 200 200"),
    "account_change_password": R(NONE, "login 200 200 200 200", "login 200 200 200 200"),
    "account_set_password": R(NONE, "login 302 302 302 302", "login 302 302 302 302"),
    "account_reset_password": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "account_reset_password_done": R(NONE, "200 200 200 200 200"),
    "account_reset_password_from_key": R(
        kw(uidb36="1", key="not-a-key"), "200 200 200 200 200", "200 200 200 200 200"
    ),
    "account_reset_password_from_key_done": R(NONE, "200 200 200 200 200"),
    "account_confirm_email": R(kw(key="not-a-key"), "200 200 200 200 200", "404 404 404 404 404"),
    "account_confirm_login_code": R(NONE, "login 302 302 302 302", "login 302 302 302 302"),
    "mfa_index": R(NONE, "login 200 200 200 200"),
    "mfa_authenticate": R(NONE, "login 302 302 302 302", "login 302 302 302 302"),
    "mfa_reauthenticate": R(NONE, "login 302 302 200 200", "login 302 302 200 200"),
    "mfa_activate_totp": R(NONE, "login 302 302 302 302", "login 302 302 302 302"),
    "mfa_deactivate_totp": R(NONE, "login 404 404 302 302", "login 404 404 302 302"),
    "mfa_view_recovery_codes": R(NONE, "login 404 404 404 404"),
    "mfa_generate_recovery_codes": R(NONE, "login 302 302 302 302", "login 302 302 302 302"),
    "mfa_download_recovery_codes": R(NONE, "login 404 404 404 404", "login 404 404 404 404"),
    # --- my page and people ----------------------------------------------------------------
    "core:privacy": R(NONE, "200 200 200 200 200"),
    "core:accessibility": R(NONE, "200 200 200 200 200"),
    "accounts:profile": R(NONE, "login 200 200 200 200", "login 200 200 200 200"),
    "accounts:profile_edit": R(
        NONE, "login 200 200 200 200", "login 302+ 302+ 302+ 302+", data=person_form
    ),
    "accounts:data_export": R(NONE, "login 200 200 200 200"),
    "accounts:erase": R(
        NONE,
        "login 200 200 200 200",
        "login 302+ 302+ 302+ 302+",
        data=lambda w: {"confirm": "on", "password": PASSWORD},
    ),
    "accounts:organisation_people": R(
        ORG, "login 403 403 403 200", "login 403 403 403 302+", data=person_form
    ),
    "accounts:join_withdraw": R(NONE, "login 405 405 405 405", "login 302 302 302 302"),
    # A person who asked to join: nobody here did, so those who may decide get 404 (POST);
    # the permission is checked before the method, so a GET tells others only 403.
    "accounts:join_request_decide": R(
        PERSON_OF_ORG, "login 403 403 403 405", "login 403 403 403 404"
    ),
    "accounts:person_edit": R(
        PERSON, "login 403 403 403 200", "login 403 403 403 302+", data=person_form
    ),
    "accounts:person_erase": R(PERSON, "login 403 403 403 200", "login 403 403 403 302+"),
    # --- the network -----------------------------------------------------------------------
    "networks:home": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "networks:directory": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "networks:organisation": R(ORG, "200 200 200 200 200", "200 200 200 200 200"),
    # --- theme groups ----------------------------------------------------------------------
    "groups:list": R(NONE, "200 200 200 200 200"),
    "groups:following": R(NONE, "login 200 200 200 200"),
    "groups:create": R(NONE, "login 403 403 403 200", "login 403 403 403 302+", data=group_form),
    "groups:detail": R(GROUP, "200 200 200 200 200"),
    "groups:edit": R(GROUP, "403 403 403 403 200", "403 403 403 403 302+", data=group_form),
    "groups:join": R(GROUP, "405 405 405 405 405", "403 302+ 302+ 302+ 302+"),
    "groups:leave": R(GROUP, "405 405 405 405 405", "403 403 403 403 403"),
    "groups:follow": R(GROUP, "405 405 405 405 405", "403 302+ 302+ 302+ 302+"),
    "groups:members": R(GROUP, "403 403 403 403 200", "403 403 403 403 200"),
    "groups:membership_action": R(
        kw(slug=lambda w: w.group.slug, pk=lambda w: w.request.pk, action="accept"),
        "405 405 405 405 405",
        "403 403 403 403 302+",
    ),
    "groups:resources": R(
        GROUP,
        "403 403 403 403 200",
        "403 403 403 403 302+",
        data=lambda w: {"title": "Håndbog", "url": "https://haandbog.example/"},
    ),
    "groups:resource_edit": R(
        RESOURCE,
        "403 403 403 403 200",
        "403 403 403 403 302+",
        data=lambda w: {"title": "Nyt navn", "members_only": "on"},
    ),
    "groups:resource_delete": R(RESOURCE, "405 405 405 405 405", "403 403 403 403 302+"),
    "groups:resource_download": R(RESOURCE, "403 403 403 403 200"),
    "groups:suggestions": R(
        GROUP,
        "403 403 403 403 200",
        "403 403 403 403 302+",
        data=lambda w: {"title": "Nyt emne", "description": "Fordi"},
    ),
    "groups:suggestion_support": R(SUGGESTION, "405 405 405 405 405", "403 403 403 403 403"),
    "groups:suggestion_decide": R(
        SUGGESTION,
        "403 403 403 403 200",
        "403 403 403 403 302+",
        data=lambda w: {"status": "declined"},
    ),
    # --- the case bank ---------------------------------------------------------------------
    "cases:list": R(NONE, "200 200 200 200 200"),
    "cases:create": R(NONE, "login 403 200 403 200", "login 403 200 403 302+", data=case_form),
    "cases:mine": R(NONE, "login 200 200 200 200", "login 200 200 200 200"),
    "audit:trail": R(NONE, "login 403 403 403 200"),
    "cases:queue": R(NONE, "login 403 403 403 200", "login 403 403 403 200"),
    "cases:following": R(NONE, "login 200 200 200 200", "login 302 302 302 302"),
    "cases:export_csv": R(NONE, "200 200 200 200 200"),
    "cases:export_xlsx": R(NONE, "200 200 200 200 200"),
    "cases:unfollow_token": R(
        kw(token=lambda w: w.unfollow_token), "200 200 200 200 200", "200+ 200+ 200+ 200+ 200+"
    ),
    "cases:detail": R(DRAFT, "404 404 404 404 200"),
    "cases:edit": R(DRAFT, "login 403 403 403 200", "login 403 403 403 302+", data=case_form),
    "cases:submit": R(DRAFT, "login 403 403 403 405", "login 403 403 403 302+"),
    "cases:delete": R(DRAFT, "login 403 403 403 200", "login 403 403 403 302+"),
    "cases:publish": R(SUBMITTED, "login 403 403 403 200", "login 403 403 403 302+"),
    "cases:send_back": R(
        SUBMITTED,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"comment": "Skriv mere om effekten."},
    ),
    "cases:revisions": R(CASE, "login 403 403 403 200"),
    "cases:revision": R(REVISION, "login 403 403 403 200"),
    "cases:restore": R(REVISION, "login 403 403 403 405", "login 403 403 403 302+"),
    "cases:material_add": R(
        CASE, "login 403 403 403 405", "login 403 403 403 302+", data=material_upload
    ),
    "cases:material_delete": R(MATERIAL, "login 403 403 403 405", "login 403 403 403 302+"),
    "cases:material": R(
        kw(
            slug=lambda w: w.case.slug,
            pk=lambda w: w.material.pk,
            filename=lambda w: w.material.filename,
        ),
        "200 200 200 200 200",
    ),
    "cases:follow": R(CASE, "login 405 405 405 405", "login 302+ 302+ 302+ 302+"),
    "cases:comment_add": R(
        CASE,
        "login 405 405 405 405",
        "login 302+ 302+ 302+ 302+",
        data=lambda w: {"text": "Spændende!"},
    ),
    "cases:comment_edit": R(
        COMMENT, "login 403 403 403 403", "login 403 403 403 403", data=lambda w: {"text": "x"}
    ),
    "cases:comment_delete": R(COMMENT, "login 403 403 403 405", "login 403 403 403 302+"),
    "cases:comment_report": R(COMMENT, "login 405 405 405 405", "login 302+ 302+ 302+ 302+"),
    "cases:comment_moderate": R(COMMENT, "login 403 403 403 405", "login 403 403 403 302+"),
    # --- news: drafts are 404 to everyone but their editors ----------------------------------
    "news:list": R(NONE, "200 200 200 200 200"),
    "news:rss": R(NONE, "200 200 200 200 200"),
    "news:atom": R(NONE, "200 200 200 200 200"),
    "news:tag": R(kw(slug="folkesundhed"), "200 200 200 200 200"),
    "news:tag_rss": R(kw(slug="folkesundhed"), "200 200 200 200 200"),
    "news:group_rss": R(GROUP, "200 200 200 200 200"),
    "news:tag_atom": R(kw(slug="folkesundhed"), "200 200 200 200 200"),
    "news:group_atom": R(GROUP, "200 200 200 200 200"),
    "news:year": R(kw(year=2030), "200 200 200 200 200"),
    "news:create": R(NONE, "login 403 403 403 200", "login 403 403 403 302+", data=article_form),
    "news:drafts": R(NONE, "login 403 403 403 200"),
    "news:detail": R(NEWS_DRAFT, "404 404 404 404 200"),
    "news:edit": R(
        NEWS_DRAFT, "login 404 404 404 200", "login 404 404 404 302+", data=article_form
    ),
    "news:translate": R(
        kw(slug=lambda w: w.news_draft.slug, language="en"),
        "login 404 404 404 200",
        "login 404 404 404 302+",
        data=article_form,
    ),
    "news:publish": R(NEWS_DRAFT, "405 405 405 405 405", "login 404 404 404 302+"),
    "news:unpublish": R(ARTICLE, "405 405 405 405 405", "login 404 404 404 302+"),
    "news:delete": R(NEWS_DRAFT, "login 404 404 404 200", "login 404 404 404 302+"),
    "news:image": R(kw(slug=lambda w: w.article.slug, width=480), "404 404 404 404 404"),
    "news:image_upload": R(NEWS_DRAFT, "405 405 405 405 405", "login 404 404 404 200"),
    "news:image_remove": R(NEWS_DRAFT, "405 405 405 405 405", "login 404 404 404 302"),
    # --- pages: the secretariat's; unpublished ones are 404 to everyone else ----------------
    "pages:manage": R(NONE, "login 403 403 403 200"),
    "pages:create": R(NONE, "login 403 403 403 200", "login 403 403 403 302+", data=page_form),
    "pages:detail": R(PAGE, "200 200 200 200 200"),
    "pages:edit": R(PAGE_DRAFT, "login 404 404 404 200", "login 404 404 404 302+", data=page_form),
    "pages:delete": R(PAGE_DRAFT, "login 404 404 404 200", "login 404 404 404 302+"),
    # --- programmes: public pages; set-up and review by the secretariat; the first
    # organisation's application is its own and the secretariat's -------------------------
    "programmes:list": R(NONE, "200 200 200 200 200"),
    "programmes:create": R(
        NONE,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"name": "Nyt forløb"},
    ),
    "programmes:detail": R(PROGRAMME, "200 200 200 200 200"),
    "programmes:edit": R(
        PROGRAMME,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"name": "Nyt navn"},
    ),
    "programmes:edition_create": R(
        PROGRAMME,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"year": "2040"},
    ),
    "programmes:edition": R(EDITION, "200 200 200 200 200"),
    "programmes:edition_edit": R(
        EDITION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {
            "year": str(w.call.edition.year),
            "focus": "Nyt fokus",
            "tracks": "Lederspor",
        },
    ),
    "programmes:edition_copy": R(EDITION, "405 405 405 405 405", "login 403 403 403 302+"),
    # The world's application is submitted, not accepted: its people list is the
    # secretariat's; registering finds nobody accepted to register (no write).
    "programmes:register": R(EDITION, "405 405 405 405 405", "login 403 403 403 302"),
    "programmes:participants": R(
        APPLICATION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {
            "p-TOTAL_FORMS": "1",
            "p-INITIAL_FORMS": "0",
            "p-0-name": "Ny Deltager",
            "p-0-email": "ny@example.org",
        },
    ),
    "programmes:session_decline": R(
        kw(pk=lambda w: w.application.pk, pid=lambda w: w.participant.pk),
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"session": str(w.session.pk)},
    ),
    # Champions are private: hidden (404) from everyone but the secretariat here.
    "programmes:champions": R(
        APPLICATION,
        "login 404 404 404 200",
        "login 404 404 404 302+",
        data=lambda w: {"name": "Frida Frivillig", "consent": "on"},
    ),
    "programmes:champion_remove": R(
        kw(pk=lambda w: w.application.pk, cid=lambda w: w.champion.pk),
        "405 405 405 405 405",
        "login 404 404 404 302+",
    ),
    "programmes:invite_champions": R(EDITION, "405 405 405 405 405", "login 403 403 403 302"),
    "programmes:session_create": R(
        EDITION, "login 403 403 403 200", "login 403 403 403 302+", data=session_form
    ),
    "programmes:session_edit": R(
        SESSION, "login 403 403 403 200", "login 403 403 403 302+", data=session_form
    ),
    "programmes:session_remove": R(SESSION, "login 403 403 403 200", "login 403 403 403 302+"),
    "programmes:call_edit": R(
        EDITION, "login 403 403 403 200", "login 403 403 403 302+", data=call_form
    ),
    # The editor's own organisation may apply (it is a Danish municipality).
    "programmes:apply": R(
        EDITION,
        "405 405 405 405 405",
        "login 403 302+ 403 403",
        data=lambda w: {"organisation": w.org_b.pk},
    ),
    "programmes:review": R(EDITION, "login 403 403 403 200"),
    "programmes:export": R(EDITION, "login 403 403 403 200"),
    "programmes:print": R(EDITION, "login 403 403 403 200"),
    "programmes:reviewers": R(
        EDITION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"email": "ny-bedommer@test.example", "language": "da"},
    ),
    "programmes:reviewer_revoke": R(
        kw(
            slug=lambda w: w.call.edition.programme.slug,
            year=lambda w: w.call.edition.year,
            pk=lambda w: w.invitation.pk,
        ),
        "405 405 405 405 405",
        "login 403 403 403 302+",
    ),
    # The link of an invitation to an address none of the roles has: read, never accepted.
    "programmes:reviewer_accept": R(
        kw(token=lambda w: invitation_token(w.invitation)),
        "login 200 200 200 200",
        "login 403 403 403 403",
    ),
    "programmes:application": R(APPLICATION, "login 404 404 404 200"),
    "programmes:application_file": R(
        kw(pk=lambda w: w.application.pk, fid=lambda w: w.application_file.pk),
        "login 404 404 404 200",
    ),
    "programmes:application_edit": R(APPLICATION, "login 403 403 403 403", "login 403 403 403 403"),
    "programmes:application_withdraw": R(
        APPLICATION, "405 405 405 405 405", "login 403 403 403 403"
    ),
    "programmes:decide": R(
        APPLICATION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"outcome": "accepted", "letter": ""},
    ),
    "programmes:review_save": R(
        APPLICATION,
        "405 405 405 405 405",
        "login 403 403 403 302+",
        data=lambda w: {"comment": "Stærk forankring"},
    ),
    # Only an accepted application becomes a case: the world's is submitted.
    "programmes:make_case": R(
        APPLICATION,
        "login 403 403 403 403",
        "login 403 403 403 403",
        data=lambda w: {"title": "Ny case"},
    ),
    # --- the form builder: the secretariat's ---------------------------------------------
    "formbuilder:edit": R(FORM, "login 403 403 403 200"),
    "formbuilder:preview": R(FORM, "login 403 403 403 200"),
    "formbuilder:section_new": R(
        FORM, "login 403 403 403 200", "login 403 403 403 302+", data=lambda w: {"title": "Ny"}
    ),
    "formbuilder:section": R(
        SECTION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"title": "Nyt navn"},
    ),
    "formbuilder:question_new": R(
        SECTION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"kind": "short_text", "label": "Nyt spørgsmål"},
    ),
    "formbuilder:question": R(
        QUESTION,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"kind": "short_text", "label": "Kommunens navn"},
    ),
    "formbuilder:item_action": R(
        kw(pk=lambda w: w.call.form.pk, item_id="kommune", action="down"),
        "405 405 405 405 405",
        "login 403 403 403 302+",
    ),
    # --- events ----------------------------------------------------------------------------
    "decisions:list": R(NONE, "200 200 200 200 200"),
    "decisions:create": R(
        NONE, "login 403 403 403 200", "login 403 403 403 302+", data=consultation_form
    ),
    "decisions:detail": R(DECISION_VOTING, "200 200 200 200 200"),
    "decisions:edit": R(
        DECISION_DRAFT, "login 403 403 403 200", "login 403 403 403 302+", data=consultation_form
    ),
    "decisions:options": R(
        DECISION_DRAFT, "login 403 403 403 200", "login 403 403 403 302+", data=option_form
    ),
    "decisions:option_edit": R(
        DECISION_OPTION, "login 403 403 403 200", "login 403 403 403 302+", data=option_form
    ),
    "decisions:option_delete": R(DECISION_OPTION, "405 405 405 405 405", "login 403 403 403 302+"),
    "decisions:phase": R(
        kw(slug=lambda w: w.decision_draft.slug, phase="proposals"),
        "405 405 405 405 405",
        "login 403 403 403 302+",
    ),
    "decisions:vote": R(DECISION_VOTING, "login 403 403 403 403", "login 403 403 403 403"),
    "decisions:propose": R(DECISION_DRAFT, "login 403 403 403 403", "login 403 403 403 403"),
    "decisions:proposal_review": R(
        DECISION_PROPOSAL, "405 405 405 405 405", "login 403 403 403 302+"
    ),
    "decisions:groups": R(DECISION_PUBLISHED, "405 405 405 405 405", "login 403 403 403 302+"),
    "decisions:results_csv": R(DECISION_PUBLISHED, "200 200 200 200 200"),
    "decisions:results_xlsx": R(DECISION_PUBLISHED, "200 200 200 200 200"),
    "decisions:create_for_group": R(
        GROUP_DRAFT, "login 403 403 403 200", "login 403 403 403 302+", data=consultation_form
    ),
    "decisions:option": R(DECISION_VOTING_OPTION, "200 200 200 200 200"),
    "decisions:comment_add": R(
        DECISION_VOTING_OPTION,
        "405 405 405 405 405",
        "login 403 302+ 403 302+",
        data=lambda w: {"text": "Enig."},
    ),
    "decisions:comment_delete": R(
        DECISION_COMMENT, "405 405 405 405 405", "login 403 403 403 302+"
    ),
    "decisions:comment_report": R(
        DECISION_COMMENT, "405 405 405 405 405", "login 302+ 302+ 302+ 302+"
    ),
    "decisions:comment_moderate": R(
        DECISION_COMMENT, "405 405 405 405 405", "login 403 403 403 302+"
    ),
    "events:list": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "events:past": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "events:month()": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    "events:month(year,month)": R(kw(year=2030, month=1), "200 200 200 200 200"),
    "events:create": R(NONE, "login 403 403 403 200", "login 403 403 403 302+", data=event_form),
    "events:mine": R(NONE, "login 200 200 200 200", "login 200 200 200 200"),
    "events:calendar_reset": R(NONE, "405 405 405 405 405", "login 302+ 302+ 302+ 302+"),
    "events:network_feed": R(NONE, "200 200 200 200 200"),
    "events:group_feed": R(GROUP, "200 200 200 200 200"),
    "events:personal_feed": R(kw(token=lambda w: w.calendar_token), "200 200 200 200 200"),
    "events:cancel_by_link": R(
        kw(token=lambda w: w.cancel_token), "200 200 200 200 200", "200+ 200+ 200+ 200+ 200+"
    ),
    "events:detail": R(EVENT, "login 403 403 403 200", "login 403 403 403 200"),
    "events:ics": R(EVENT, "login 403 403 403 200"),
    "events:register": R(EVENT, "login 403 403 403 200", "login 403 403 403 302+"),
    "events:register_guest": R(
        EVENT,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"name": "Gæst", "email": "gaest@test.example", "organisation": ""},
    ),
    "events:register_public": R(PUBLIC_EVENT, "200 302 302 302 302", "200 302 302 302 302"),
    "events:register_public_confirm": R(
        kw(pk=lambda w: w.public_event.pk, token=lambda w: w.signup_token),
        "200 200 200 200 200",
        "200+ 200+ 200+ 200+ 200+",
    ),
    "events:registration_cancel": R(
        REGISTRATION, "login 403 403 403 200", "login 403 403 403 302+"
    ),
    "events:edit": R(EVENT, "login 403 403 403 200", "login 403 403 403 302+", data=event_form),
    "events:cancel": R(EVENT, "login 403 403 403 200", "login 403 403 403 302+"),
    "events:participants": R(EVENT, "login 403 403 403 200"),
    "events:export": R(kw(pk=lambda w: w.event.pk, fmt="csv"), "login 403 403 403 200"),
    "events:registration_status": R(
        REGISTRATION,
        "405 405 405 405 405",
        "login 403 403 403 302+",
        data=lambda w: {"status": "cancelled"},
    ),
    "events:message": R(
        EVENT,
        "login 403 403 403 200",
        "login 403 403 403 302",
        data=lambda w: {"subject": "Husk", "body": "Vi ses."},
    ),
    "events:check_in": R(
        EVENT,
        "login 403 403 403 200",
        "login 403 403 403 200+",
        data=lambda w: {"code": w.registration.code},
    ),
    "events:attendance": R(
        EVENT,
        "login 403 403 403 200",
        "login 403 403 403 302+",
        data=lambda w: {"attended": [w.registration.pk]},
    ),
    # --- search ----------------------------------------------------------------------------
    "search:search": R(NONE, "200 200 200 200 200", "200 200 200 200 200"),
    # --- the Django admin: anyone without a network's secretariat is sent to log in ----------
    "admin:index": R(NONE, "login login login 200 200", "login login login 200 200"),
    # The admin has no log-in of its own: it sends to allauth's (issue 10 #1).
    "admin:login": R(NONE, "login 403 403 200|302 200|302", "login 403 403 200|302 200|302"),
    "admin:logout": R(NONE, "home home home 405 405", "home home home 200 200"),
    "admin:password_change": R(NONE, "login login login 200 200", "login login login 200 200"),
    "admin:password_change_done": R(NONE, "login login login 200 200"),
    "admin:autocomplete": R(NONE, "login login login 403 403"),
    "admin:jsi18n": R(NONE, "login login login 200 200"),
    "admin:view_on_site": R(
        kw(content_type_id=lambda w: w.case_type.pk, object_id=lambda w: w.draft.pk),
        "login login login 302 302",
    ),
    "admin:app_list": R(kw(app_label="cases"), "login login login 200 200"),
    "<lang>/admin/(?P<url>.*)$": R(
        None,
        "login login login 404 404",
        route=lambda w: f"/{translation.get_language()}/admin/no-such-page/",
    ),
}

# One row per admin page of each registered model. Columns as above; the object of the
# change, history and delete pages belongs to the first network (``ADMIN_OBJECTS``).
ADMIN_OBJECTS = {
    "auth_group": lambda w: w.auth_group.pk,
    "sites_site": lambda w: Site.objects.get_current().pk,
    "account_emailaddress": lambda w: w.email_address.pk,
    "mfa_authenticator": lambda w: w.staff_totp.pk,
    "django_tasks_database_dbtaskresult": lambda w: uuid.UUID(int=1),
    "networks_network": lambda w: w.dk.pk,
    "networks_organisation": lambda w: w.org_a.pk,
    "networks_membership": lambda w: w.membership.pk,
    "networks_role": lambda w: w.role.pk,
    "accounts_user": lambda w: w.author.pk,
    "accounts_person": lambda w: w.person.pk,
    "groups_themegroup": lambda w: w.group.pk,
    "cases_topic": lambda w: Topic.objects.order_by("pk").first().pk,
    "cases_interventiontype": lambda w: InterventionType.objects.order_by("pk").first().pk,
    "cases_case": lambda w: w.case.pk,
    "cases_comment": lambda w: w.comment.pk,
    "events_event": lambda w: w.event.pk,
    "events_registration": lambda w: w.registration.pk,
    "search_equivalent": lambda w: w.equivalent.pk,
    "decisions_consultation": lambda w: w.decision_voting.pk,
    "news_page": lambda w: w.page.pk,
}
NO = "login login login 403 403"  # the admin of this model is for superusers only
ADMIN_TABLE = {
    # model                     changelist       add              history / change / delete
    "auth_group": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    "sites_site": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    "account_emailaddress": {
        "changelist": NO,
        "add": NO,
        "history": NO,
        "change": NO,
        "delete": NO,
    },
    "mfa_authenticator": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    "django_tasks_database_dbtaskresult": {
        "changelist": NO,
        "add": NO,
        "history": "login login login home home",  # no such task result
        "change": NO,
        "delete": NO,
    },
    "accounts_user": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    "events_event": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    "events_registration": {
        "changelist": NO,
        "add": NO,
        "history": NO,
        "change": NO,
        "delete": NO,
    },
    "search_equivalent": {"changelist": NO, "add": NO, "history": NO, "change": NO, "delete": NO},
    # Scoped to the networks a staff member runs: the other network's staff are sent home.
    "networks_network": {
        "changelist": "login login login 200 200",
        "add": NO,
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": NO,
    },
    "networks_organisation": {
        "changelist": "login login login 200 200",
        "add": "login login login 200 200",
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": NO,
    },
    "networks_membership": {
        "changelist": "login login login 200 200",
        "add": (
            "login login login 200 200",
            "login login login 200 302+",
            lambda w: {"organisation": w.org_no.pk, "network": w.dk.pk, "since": "2024-01-01"},
        ),
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    "networks_role": {
        "changelist": "login login login 200 200",
        "add": (
            "login login login 200 200",
            "login login login 200 302+",
            lambda w: {
                "network": w.dk.pk,
                "person": w.person.pk,
                "kind": "org_editor",
                "organisation": w.org_a.pk,
            },
        ),
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    "accounts_person": {
        "changelist": "login login login 200 200",
        "add": "login login login 200 200",
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    "groups_themegroup": {
        "changelist": "login login login 200 200",
        "add": NO,
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    # The taxonomy is shared by all networks.
    "cases_topic": {
        "changelist": "login login login 200 200",
        "add": "login login login 200 200",
        "history": "login login login 200 200",
        "change": ("login login login 200 200", "login login login 200 200"),
        "delete": NO,
    },
    "cases_interventiontype": {
        "changelist": "login login login 200 200",
        "add": "login login login 200 200",
        "history": "login login login 200 200",
        "change": ("login login login 200 200", "login login login 200 200"),
        "delete": NO,
    },
    "cases_case": {
        "changelist": "login login login 200 200",
        "add": NO,
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 403"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    "cases_comment": {
        "changelist": "login login login 200 200",
        "add": NO,
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 302+"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    "news_page": {
        "changelist": "login login login 200 200",
        "add": "login login login 200 200",
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 200"),
        "delete": ("login login login home 200", "login login login home 302+", "yes"),
    },
    # Read-only: consultations are written on the site; only superusers delete.
    "decisions_consultation": {
        "changelist": "login login login 200 200",
        "add": NO,
        "history": "login login login home 200",
        "change": ("login login login home 200", "login login login home 403"),
        "delete": NO,
    },
}
ADMIN_EXTRA = {
    "admin:auth_user_password_change": R(
        kw(id=lambda w: w.author.pk), "login login login 403 403", "login login login 403 403"
    ),
}


def _admin_rows():
    rows = {}
    for model, views in ADMIN_TABLE.items():
        app, name = model.split("_", 1)
        if model.startswith("django_tasks_database_"):
            app, name = "django_tasks_database", model.removeprefix("django_tasks_database_")
        object_id = kw(object_id=ADMIN_OBJECTS[model])
        for view in ("changelist", "add", "history", "change", "delete"):
            spec = views[view]
            get, post, data = (spec, None, None) if isinstance(spec, str) else (*spec, None)[:3]
            if data == "yes":
                data = lambda w: {"post": "yes"}  # noqa: E731 - the delete page's confirmation
            args = NONE if view in ("changelist", "add") else object_id
            if post is None and view in ("add", "change", "delete"):
                post = get  # whoever may not see the page may not post to it either
            rows[f"admin:{model}_{view}"] = R(args, get, post, data)
        # /admin/<app>/<model>/<id>/ redirects to the change page.
        rows[f"<lang>/admin/{app}/{name}/<path:object_id>/"] = R(
            None,
            "login login login 302 302",
            route=lambda w, app=app, name=name, model=model: (
                f"/{translation.get_language()}/admin/{app}/{name}/{ADMIN_OBJECTS[model](w)}/"
            ),
        )
    return rows


TABLE.update(ADMIN_EXTRA)
TABLE.update(_admin_rows())

# --- the tests --------------------------------------------------------------------------------

with override_settings(DEBUG=False):  # the URL configuration as the tests' requests see it
    PATTERNS = all_patterns()
BY_KEY = {p.key: p for p in PATTERNS}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    settings = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # The log-ins happen once, at the start; the module's length must not matter.
        ACCOUNT_REAUTHENTICATION_TIMEOUT=24 * 3600,
        ALLOWED_HOSTS=["testserver", "sunne.testserver"],
    )
    settings.enable()
    try:
        with module_data(django_db_blocker):
            world = build_world()
            world.fingerprint = db_fingerprint()
            yield world
    finally:
        settings.disable()


def _path(key, w) -> str:
    row, pattern = TABLE[key], BY_KEY[key]
    if pattern.name is None:
        return row.route(w)
    return reverse(pattern.name, kwargs=row.args(w))


def _matches(response, cell: str) -> bool:
    status = response.status_code
    location = response.get("Location", "")
    for expected in cell.rstrip("+").split("|"):
        if expected == "login":
            if status == 302 and "/login/" in location:
                return True
        elif expected == "home":
            if status == 302 and location.rstrip("/").endswith("/admin"):
                return True
        elif expected == "302":
            if status == 302 and "/login/" not in location:
                return True
        elif str(status) == expected:
            return True
    return False


def _cells(key, method):
    row = TABLE[key]
    cells = (row.get if method == "get" else row.post).split()
    assert len(cells) == len(ROLES), f"{key}: {len(cells)} cells for {len(ROLES)} roles"
    return dict(zip(ROLES, cells, strict=True))


GET_CASES = [(k, role) for k in TABLE for role in ROLES if k in BY_KEY]
POST_CASES = [(k, role) for k in TABLE for role in ROLES if k in BY_KEY and TABLE[k].post]


def test_every_pattern_is_in_the_table():
    """A new URL pattern fails here until someone writes down who may use it."""
    missing = [f"{p.key}  ({p.route} -> {p.view})" for p in PATTERNS if p.key not in TABLE]
    assert not missing, "URL patterns nobody listed in TABLE:\n" + "\n".join(missing)


def test_the_table_lists_only_existing_patterns():
    stale = sorted(set(TABLE) - set(BY_KEY))
    assert not stale, f"rows for patterns that no longer exist: {stale}"


@pytest.mark.parametrize("language", ["da", "nb", "en"])
def test_every_language_prefix_reaches_the_same_view(world, db, language):
    for pattern in PATTERNS:
        if not pattern.i18n or pattern.name is None:
            continue
        with translation.override(language):
            path = _path(pattern.key, world)
            assert path.startswith(f"/{language}/"), path
            assert resolve(path).view_name == pattern.name, path


@pytest.mark.parametrize(("key", "role"), GET_CASES, ids=[f"{k}-{r}" for k, r in GET_CASES])
def test_get(world, db, key, role):
    expected = _cells(key, "get")[role]
    response = world.client(role).get(_path(key, world))
    assert response.status_code < 500
    assert _matches(response, expected), (
        f"GET {key} as {role}: expected {expected}, got {response.status_code} "
        f"{response.get('Location', '')}"
    )


@pytest.mark.parametrize(("key", "role"), POST_CASES, ids=[f"{k}-{r}" for k, r in POST_CASES])
def test_post(world, db, key, role):
    expected = _cells(key, "post")[role]
    row = TABLE[key]
    data = row.data(world) if row.data else {}
    response = world.client(role).post(_path(key, world), data)
    assert response.status_code < 500
    assert _matches(response, expected), (
        f"POST {key} as {role}: expected {expected}, got {response.status_code} "
        f"{response.get('Location', '')}"
    )
    changed = changed_tables(world.fingerprint, db_fingerprint())
    if expected.endswith("+"):
        assert changed, f"POST {key} as {role} was expected to write, and wrote nothing"
    else:
        assert not changed, f"POST {key} as {role} changed {changed}"


# The first network's objects that its staff may use and the other network's staff may not.
STAFF_PAGES = [
    k
    for k in TABLE
    if k in BY_KEY
    and BY_KEY[k].params
    and _cells(k, "get")["staff"] == "200"
    and _cells(k, "get")["xstaff"] not in ("200", "302")
]


@pytest.mark.parametrize("key", STAFF_PAGES)
def test_other_networks_staff_on_their_own_address(world, db, key):
    """The other network's staff, on their own network's host name, never reach the first
    network's staff pages and exports either."""
    response = world.client("xstaff").get(_path(key, world), HTTP_HOST="sunne.testserver")
    assert _matches(response, "403|404|home"), (key, response.status_code)
