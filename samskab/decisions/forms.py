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


class RankedBallotForm(forms.Form):
    """A ranked ballot: a rank (1 = first preference) for as many options as the
    municipality likes, or an abstention. Ranks are numbered 1, 2, 3 … without gaps or
    repeats (checked here, where the fields are); the service checks the rest."""

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = list(consultation.options.all())
        n = len(self.options)
        choices = [("", _("not ranked"))] + [(str(i), str(i)) for i in range(1, n + 1)]
        for option in self.options:
            self.fields[f"rank_{option.pk}"] = forms.TypedChoiceField(
                label=_("Rank of “%(option)s”") % {"option": option.title},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )
        self.fields["abstain"] = forms.BooleanField(
            label=_("Abstain (a valid ballot that ranks no option)"), required=False
        )

    def clean(self):
        cleaned = super().clean()
        by_rank: dict[int, list[str]] = {}
        for option in self.options:
            rank = cleaned.get(f"rank_{option.pk}")
            if rank is not None:
                by_rank.setdefault(rank, []).append(f"rank_{option.pk}")
        for rank, names in by_rank.items():
            if len(names) > 1:
                for name in names:
                    self.add_error(
                        name,
                        _("Rank %(rank)s is given to more than one option.") % {"rank": rank},
                    )
        ranks = sorted(by_rank)
        if ranks and ranks != list(range(1, len(ranks) + 1)) and not self.errors:
            raise forms.ValidationError(
                _("Number your choices 1, 2, 3 … without gaps (1 is your first choice).")
            )
        return cleaned

    def option_ids(self) -> list[int]:
        """The ranked options, the first preference first."""
        ranked = [
            (self.cleaned_data[f"rank_{o.pk}"], o.pk)
            for o in self.options
            if self.cleaned_data.get(f"rank_{o.pk}") is not None
        ]
        return [pk for _rank, pk in sorted(ranked)]


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment first.")},
    )


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), max_length=500, required=False)


def ballot_form(data=None, *, consultation, initial=None):
    """The ballot form for the consultation's method."""
    cls = RankedBallotForm if consultation.is_ranked else BallotForm
    return cls(data, consultation=consultation, initial=initial)
