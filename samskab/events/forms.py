from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from samskab.core.text import SingleLineFormMixin

from .models import AgendaItem, Event, Question, Registration
from .services import EVENT_FIELDS

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(SingleLineFormMixin, forms.ModelForm):
    online_url = forms.URLField(
        label=_("online meeting link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Shown only to confirmed participants."),
    )
    invitations = forms.CharField(
        label=_("Invited e-mail addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For events for invited people only: one address per line."),
    )

    class Meta:
        model = Event
        fields = EVENT_FIELDS
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "signup_opens_at": DATETIME_WIDGET,
            "signup_closes_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 6}),
            "practical_details": forms.Textarea(attrs={"rows": 3}),
            "materials": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, network, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_group"].queryset = groups
        self.network = network
        for name in ("starts_at", "ends_at", "signup_opens_at", "signup_closes_at"):
            self.fields[name].help_text = _("Time in %(tz)s.") % {"tz": network.time_zone}
        if self.instance.pk:
            self.fields["invitations"].initial = "\n".join(
                self.instance.invitations.values_list("email", flat=True)
            )

    def clean_invitations(self):
        emails = [line.strip() for line in self.cleaned_data["invitations"].split() if line.strip()]
        for email in emails:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(
                    _("“%(email)s” is not an e-mail address.") % {"email": email}
                ) from exc
        return emails

    def clean(self):
        data = super().clean()
        if data.get("format") in (Event.Format.ON_SITE, Event.Format.HYBRID) and not data.get(
            "venue"
        ):
            self.add_error("venue", _("Give the venue for an event on site."))
        return data

    def event_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k in EVENT_FIELDS}


class _OneLineModelForm(SingleLineFormMixin, forms.ModelForm):
    pass


AgendaFormSet = inlineformset_factory(
    Event,
    AgendaItem,
    form=_OneLineModelForm,
    fields=["position", "time", "title", "description"],
    extra=3,
    can_delete=True,
    widgets={
        "description": forms.TextInput,
        "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    },
)
QuestionFormSet = inlineformset_factory(
    Event,
    Question,
    form=_OneLineModelForm,
    fields=["position", "label", "kind", "choices", "required"],
    extra=2,
    can_delete=True,
    widgets={"choices": forms.Textarea(attrs={"rows": 2})},
)


class AnswersMixin:
    """Adds one field per sign-up question of the event, named ``q_<id>``."""

    def add_question_fields(self, event):
        self.questions = list(event.questions.all())
        for question in self.questions:
            name = f"q_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                choices = [("", "—")] + [(c, c) for c in question.choice_list()]
                field = forms.ChoiceField(choices=choices)
            elif question.kind == Question.Kind.YES_NO:
                field = forms.ChoiceField(
                    choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect
                )
            else:
                field = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
            field.label = question.label
            field.required = question.required
            self.fields[name] = field

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q_{q.pk}") or "" for q in self.questions}


class SignupForm(AnswersMixin, forms.Form):
    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_question_fields(event)


class GuestForm(SingleLineFormMixin, AnswersMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_question_fields(event)


class PublicSignupForm(GuestForm):
    consent = forms.BooleanField(
        label=_("I agree that the organisers store my name, e-mail and answers for this event."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=Registration.Status.choices)


class MessageForm(SingleLineFormMixin, forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Confirmation code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "inputmode": "text",
                "autofocus": True,
            }
        ),
    )


class CancelEventForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the participants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
