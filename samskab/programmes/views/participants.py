"""An accepted municipality's people: the list (the municipality's and the secretariat's),
the one-step registration to every session of their track (the secretariat's) and the
decline of one session with a substitute."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.core.forms import add_errors
from samskab.core.guards import guard

from .. import selectors, services
from ..forms import DeclineForm, ParticipantFormSet
from .getters import application_of_network, edition_of_network, participant_of_network

EXTRA_ROWS = 3


@guard(
    "programmes.manage_participants",
    get=application_of_network,
    message=gettext_lazy("Only the municipality and the secretariat keep this list."),
)
def participants_edit(request, application):
    edition = application.call.edition
    tracks = list(edition.tracks.all())
    people = selectors.participants_of(application)
    if people:
        initial = [
            {"name": p.name, "title": p.title, "email": p.email, "track": p.track_id or ""}
            for p in people
        ]
    else:
        initial = [
            {**row, "track": row["track"].pk if row["track"] else ""}
            for row in selectors.participants_from_answers(application, tracks)
        ]
    initial += [{}] * EXTRA_ROWS
    formset = ParticipantFormSet(
        request.POST or None, initial=initial, form_kwargs={"tracks": tracks}, prefix="p"
    )
    if request.method == "POST" and formset.is_valid():
        try:
            services.participants_set(
                actor=request.user,
                application=application,
                rows=[form.row() for form in formset.forms if form.cleaned_data],
            )
        except ValidationError as exc:
            formset._non_form_errors = formset.error_class(exc.messages)
        else:
            messages.success(request, _("The list of participants has been saved."))
            return redirect("programmes:participants", pk=application.pk)
    return render(
        request,
        "programmes/participants_form.html",
        {
            "application": application,
            "edition": edition,
            "formset": formset,
            "people": people,
        },
    )


@require_POST
@guard(
    "programmes.manage_sessions",
    get=edition_of_network,
    message=gettext_lazy("Only the secretariat registers the participants."),
)
def edition_register(request, edition):
    try:
        counts = services.edition_register(actor=request.user, edition=edition)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _(
                "%(registered)s new registrations; %(already)s were registered already; "
                "%(without)s participants have no e-mail address and could not be registered."
            )
            % {
                "registered": counts["registered"],
                "already": counts["already"],
                "without": counts["without_email"],
            },
        )
    return redirect(edition.get_absolute_url() + "#sessions")


@guard(
    "programmes.decline_session",
    get=participant_of_network,
    message=gettext_lazy("Only the participant, their municipality and the secretariat may."),
)
def session_decline(request, participant):
    sessions = [s for s in selectors.sessions_of_participant(participant) if not s.declined]
    form = DeclineForm(request.POST or None, sessions=sessions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.session_decline(
                actor=request.user,
                participant=participant,
                session=form.sessions[data["session"]],
                substitute_name=data["substitute_name"],
                substitute_email=data["substitute_email"],
                language=get_language() or "da",
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The session has been declined."))
            return redirect(
                "programmes:session_decline", pk=participant.application_id, pid=participant.pk
            )
    return render(
        request,
        "programmes/session_decline.html",
        {
            "participant": participant,
            "application": participant.application,
            "form": form,
            "sessions": selectors.sessions_of_participant(participant),
        },
    )
