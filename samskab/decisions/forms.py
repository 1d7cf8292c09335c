from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.core.text import SingleLineFormMixin

from .models import Consultation, Option, Proposal

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ConsultationForm(SingleLineFormMixin, forms.ModelForm):
    class Meta:
        model = Consultation
        fields = (
            "title",
            "question",
            "background",
            "method",
            "k",
            "voter_role",
            "open_ballot",
            "proposals_until",
            "voting_opens_at",
            "voting_closes_at",
        )
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "background": forms.Textarea(attrs={"rows": 6}),
            "proposals_until": DATETIME_WIDGET,
            "voting_opens_at": DATETIME_WIDGET,
            "voting_closes_at": DATETIME_WIDGET,
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["k"].max_value = 50
        self.fields["k"].widget.attrs["max"] = 50
        for name in ("proposals_until", "voting_opens_at", "voting_closes_at"):
            self.fields[name].help_text = _("Time in %(tz)s.") % {"tz": network.time_zone}


class OptionForm(SingleLineFormMixin, forms.ModelForm):
    class Meta:
        model = Option
        fields = ("title", "description")
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ProposalForm(SingleLineFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ("title", "description")
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        if len(organisations) > 1:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("For the municipality"), queryset=organisations
            )
        self.organisations = organisations


class BallotForm(forms.Form):
    """The ballot of one municipality: options (checkboxes, or radio buttons for a single
    choice) or an abstention. Limits are checked by the service."""

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(o.pk, o.title) for o in consultation.options.all()]
        if consultation.method == Consultation.Method.SINGLE:
            self.fields["options"] = forms.TypedChoiceField(
                label=_("Your municipality's choice"),
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )
        else:
            self.fields["options"] = forms.TypedMultipleChoiceField(
                label=_("Your municipality's choices"),
                choices=choices,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        self.fields["abstain"] = forms.BooleanField(
            label=_("Abstain (a valid ballot that chooses no option)"), required=False
        )

    def option_ids(self) -> list[int]:
        value = self.cleaned_data.get("options")
        if value in (None, ""):
            return []
        return value if isinstance(value, list) else [value]
