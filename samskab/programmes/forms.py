"""The programmes app's forms: shape only; the services check the rules."""

import datetime
import re

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samskab.core.params import IntegerField
from samskab.events.models import Event
from samskab.networks.models import Organisation

from .models import Application, Call


def _text(label, rows=4, help_text="", required=False):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    lead = forms.CharField(label=_("Lead"), max_length=400, required=False)
    purpose = _text(_("Purpose"), 6, _("Markdown: **bold**, lists, links."))
    funder = forms.CharField(label=_("Funded by"), max_length=200, required=False)
    participation = _text(
        _("What participation costs and gives"),
        3,
        _("For example: free; the municipality commits staff hours."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_title = forms.CharField(label=_("Contact's title"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)


class EditionForm(forms.Form):
    year = IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    focus = _text(_("Focus areas"), 4, _("Markdown: **bold**, lists, links."))
    description = _text(_("About this edition"), 6, _("Markdown: **bold**, lists, links."))
    timeline = _text(
        _("Timeline"), 6, _("Course days, network meetings and the closing conference. Markdown.")
    )
    tracks = _text(_("Tracks, one per line"), 3, _("For example: Leader track"))
    champion_target = IntegerField(
        label=_("Champions per municipality: target"),
        min_value=0,
        max_value=100,
        initial=5,
        required=False,
    )
    champion_max = IntegerField(
        label=_("Champions per municipality: most"),
        min_value=1,
        max_value=100,
        initial=8,
        required=False,
    )
    confirm_remove = forms.BooleanField(
        label=_("Remove tracks with their topics"),
        required=False,
        help_text=_("Needed when you remove a track whose sessions have topics."),
    )

    def clean_tracks(self):
        return [line.strip() for line in self.cleaned_data["tracks"].splitlines() if line.strip()]


class CallForm(forms.Form):
    opens_on = forms.DateField(
        label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    deadline_on = forms.DateField(
        label=_("Deadline (date)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "In the network's time zone. “Until 1 February” means until 23:59:59 that day."
        ),
    )
    deadline_time = forms.TimeField(
        label=_("Deadline (time of day)"),
        initial=datetime.time(23, 59, 59),
        widget=forms.TimeInput(attrs={"type": "time", "step": "1"}, format="%H:%M:%S"),
    )
    seats = IntegerField(label=_("Seats"), min_value=1, max_value=10000)
    eligibility = forms.ChoiceField(
        label=_("Who may apply"), choices=Call.Eligibility.choices, widget=forms.RadioSelect
    )
    listed_organisations = forms.ModelMultipleChoiceField(
        label=_("Listed organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only when the organisations listed may apply."),
    )
    text = _text(_("Text of the call"), 8, _("Markdown: **bold**, lists, links."))
    criteria = _text(
        _("Review criteria, one per line: name; lowest; highest"),
        4,
        _("For example: Local anchoring; 1; 5. Only the secretariat sees the scores."),
    )
    reviewers = _text(
        _("Named reviewers, one e-mail address per line"),
        3,
        _("Besides the secretariat, people with an account who read and score the applications."),
    )
    letter_accepted = _text(_("Letter: accepted"), 4)
    letter_waiting = _text(_("Letter: waiting list"), 4)
    letter_rejected = _text(_("Letter: rejected"), 4)

    def clean_reviewers(self):
        lines = [line.strip() for line in self.cleaned_data["reviewers"].splitlines()]
        validate = forms.EmailField().clean
        return [validate(line) for line in lines if line]

    def clean_criteria(self):
        rows = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in re.split(r"[;|]", line)]
            if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit() or not parts[0]:
                raise forms.ValidationError(_("Write each criterion as: name; lowest; highest."))
            low, high = int(parts[1]), int(parts[2])
            if high <= low or high > 100:
                raise forms.ValidationError(
                    _("A criterion's highest score must be above its lowest (and at most 100).")
                )
            rows.append((parts[0][:200], low, high))
        return rows

    def __init__(self, *args, network=None, **kwargs):
        super().__init__(*args, **kwargs)
        if network is not None:
            self.fields["listed_organisations"].queryset = Organisation.objects.members_of(
                network
            ).order_by("name")


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Apply on behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            id__in=[o.pk for o in organisations]
        )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s.value, s.label) for s in Application.DECISIONS],
        widget=forms.RadioSelect,
    )
    letter = _text(
        _("Letter to the organisation"),
        6,
        _("Sent by e-mail to the organisation's administrative contact. Leave empty to send none."),
    )


class ReviewFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + [c for c in Application.Status.choices if c[0] != "draft"],
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=_("All"),
    )

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions


class ReviewForm(forms.Form):
    """A score per criterion (radio buttons on the criterion's scale) and a comment."""

    comment = forms.CharField(
        label=_("Internal comment"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the secretariat sees reviews; applicants never do."),
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        fields = {}
        for criterion in self.criteria:
            choices = [("", _("Not scored"))] + [
                (str(v), str(v)) for v in range(criterion.scale_min, criterion.scale_max + 1)
            ]
            fields[f"c{criterion.pk}"] = forms.ChoiceField(
                label=str(criterion), choices=choices, required=False, widget=forms.RadioSelect
            )
        comment = self.fields.pop("comment")
        self.fields.update(fields)
        self.fields["comment"] = comment

    def scores(self) -> dict[int, int | None]:
        return {
            c.pk: (int(self.cleaned_data[f"c{c.pk}"]) if self.cleaned_data[f"c{c.pk}"] else None)
            for c in self.criteria
        }


class CaseForm(forms.Form):
    """Which answers fill the draft case's purpose, description and partners."""

    title = forms.CharField(label=_("Title of the case"), max_length=200)
    purpose = forms.ChoiceField(label=_("Purpose, from the answer to"), required=False)
    description = forms.ChoiceField(label=_("Description, from the answer to"), required=False)
    partners = forms.ChoiceField(
        label=_("Organisation and partners, from the answer to"), required=False
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(none)"))] + [(q["id"], q["label"]) for q in questions]
        for name in ("purpose", "description", "partners"):
            self.fields[name].choices = choices


DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
SESSION_KINDS = [
    (k, label)
    for k, label in Event.Kind.choices
    if k in ("course_day", "network_meeting", "conference")
]
TOPIC_LANGUAGES = (
    ("da", _("Topic in Danish")),
    ("nb", _("Topic in Norwegian")),
    ("en", _("Topic in English")),
)


class SessionForm(forms.Form):
    """A session's event and, per track of the edition, whether the session is in it and
    its topic there in da/nb/en (fields ``track_<id>`` and ``topic_<id>_<language>``)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=SESSION_KINDS)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME_WIDGET)
    format = forms.ChoiceField(
        label=_("Form"), choices=Event.Format.choices, initial=Event.Format.ON_SITE
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    capacity = IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=100000,
        required=False,
        help_text=_("Leave empty for unlimited."),
    )
    description = _text(_("Description"), 4, _("Markdown: **bold**, lists, links."))

    def __init__(self, *args, tracks, time_zone="", **kwargs):
        super().__init__(*args, **kwargs)
        self.tracks = list(tracks)
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("Time in %(tz)s.") % {"tz": time_zone}
        for track in self.tracks:
            self.fields[f"track_{track.pk}"] = forms.BooleanField(
                label=_("The session is part of %(track)s") % {"track": track.name},
                required=False,
            )
            for lang, label in TOPIC_LANGUAGES:
                self.fields[f"topic_{track.pk}_{lang}"] = forms.CharField(
                    label=label,
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("track_", "topic_"))]

    def track_groups(self):
        return [
            {
                "track": track,
                "member": self[f"track_{track.pk}"],
                "topics": [self[f"topic_{track.pk}_{lang}"] for lang, _label in TOPIC_LANGUAGES],
            }
            for track in self.tracks
        ]

    def clean(self):
        data = super().clean()
        if data.get("format") in (Event.Format.ON_SITE, Event.Format.HYBRID) and not data.get(
            "venue"
        ):
            self.add_error("venue", _("Give the venue for a session on site."))
        for track in self.tracks:
            has_topic = any(
                (data.get(f"topic_{track.pk}_{lang}") or "").strip() for lang, _l in TOPIC_LANGUAGES
            )
            if has_topic and not data.get(f"track_{track.pk}"):
                self.add_error(
                    f"track_{track.pk}",
                    _("Tick the track, or empty its topics: a topic needs its track."),
                )
        return data

    def event_data(self) -> dict:
        keys = ("kind", "title", "starts_at", "ends_at", "format", "venue", "address")
        data = {k: self.cleaned_data[k] for k in keys}
        data["capacity"] = self.cleaned_data.get("capacity")
        data["description"] = self.cleaned_data.get("description", "")
        return data

    def topics(self) -> dict:
        return {
            track.pk: {
                lang: self.cleaned_data.get(f"topic_{track.pk}_{lang}", "")
                for lang, _label in TOPIC_LANGUAGES
            }
            for track in self.tracks
            if self.cleaned_data.get(f"track_{track.pk}")
        }

    @staticmethod
    def initial_for(session) -> dict:
        event = session.event
        initial = {
            k: getattr(event, k)
            for k in ("kind", "title", "format", "venue", "address", "capacity", "description")
        }
        initial["starts_at"] = timezone.localtime(event.starts_at)
        initial["ends_at"] = timezone.localtime(event.ends_at)
        for row in session.session_tracks.all():
            initial[f"track_{row.track_id}"] = True
            for lang, _label in TOPIC_LANGUAGES:
                initial[f"topic_{row.track_id}_{lang}"] = getattr(row, f"topic_{lang}") or ""
        return initial


class ParticipantRowForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)

    def __init__(self, *args, tracks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tracks = {str(t.pk): t for t in tracks}
        self.fields["track"].choices = [("", _("No track"))] + [(str(t.pk), t.name) for t in tracks]

    def clean(self):
        data = super().clean()
        if (data.get("email") or data.get("title")) and not data.get("name"):
            self.add_error("name", _("Give the participant's name."))
        return data

    def row(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data.get("name", ""),
            "title": data.get("title", ""),
            "email": data.get("email", ""),
            "track": self.tracks.get(data.get("track") or ""),
        }


ParticipantFormSet = forms.formset_factory(ParticipantRowForm, extra=0, max_num=40, absolute_max=40)


class DeclineForm(forms.Form):
    session = forms.ChoiceField(label=_("The session you will not come to"))
    substitute_name = forms.CharField(
        label=_("Substitute's name"),
        max_length=200,
        required=False,
        help_text=_("Someone from the same municipality; leave empty if nobody comes instead."),
    )
    substitute_email = forms.EmailField(label=_("Substitute's e-mail"), required=False)

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {str(s.pk): s for s in sessions}
        self.fields["session"].choices = [
            (str(s.pk), f"{s.event.title}, {timezone.localtime(s.event.starts_at):%d.%m.%Y}")
            for s in sessions
        ]

    def clean(self):
        data = super().clean()
        if bool(data.get("substitute_name")) != bool(data.get("substitute_email")) and not (
            self.errors
        ):
            self.add_error(
                "substitute_email", _("Give both the substitute's name and e-mail address.")
            )
        return data


class ChampionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    area = forms.CharField(label=_("Area"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_("The champion has given the consent below"), required=False
    )


class ReviewerInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the reviewer"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("When the address has an account, the account's language is used."),
    )
