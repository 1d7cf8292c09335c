"""The secretariat's pages for an edition's sessions and their topics per track."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import services
from ..forms import SessionForm
from .getters import edition_of_network, session_of_edition

ONLY_STAFF = gettext_lazy("Only the network's secretariat plans the sessions.")


def _form_page(request, edition, session):
    initial = SessionForm.initial_for(session) if session is not None else None
    form = SessionForm(
        request.POST or None,
        initial=initial,
        tracks=edition.tracks.all(),
        time_zone=edition.programme.network.time_zone,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if session is None:
                services.session_create(
                    actor=request.user,
                    edition=edition,
                    data=form.event_data(),
                    topics=form.topics(),
                )
            else:
                services.session_update(
                    actor=request.user,
                    session=session,
                    data=form.event_data(),
                    topics=form.topics(),
                )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The session has been saved."))
            return redirect(edition.get_absolute_url() + "#sessions")
    return render(
        request,
        "programmes/session_form.html",
        {"form": form, "edition": edition, "programme": edition.programme, "session": session},
    )


@guard("programmes.manage_sessions", get=edition_of_network, message=ONLY_STAFF)
def session_create(request, edition):
    return _form_page(request, edition, None)


@guard(
    "programmes.manage_sessions", get=session_of_edition, on=lambda s: s.edition, message=ONLY_STAFF
)
def session_edit(request, session):
    return _form_page(request, session.edition, session)


@guard(
    "programmes.manage_sessions", get=session_of_edition, on=lambda s: s.edition, message=ONLY_STAFF
)
def session_remove(request, session):
    """GET asks to confirm (what goes with the session); POST removes it."""
    edition = session.edition
    if request.method == "POST":
        try:
            services.session_remove(actor=request.user, session=session)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The session has been removed."))
        return redirect(edition.get_absolute_url() + "#sessions")
    return render(
        request,
        "programmes/session_remove.html",
        {
            "session": session,
            "edition": edition,
            "programme": edition.programme,
            "registrations": session.event.registrations.active().count(),
        },
    )
