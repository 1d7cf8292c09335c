from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.core.params import MAX_ID, parse_int

from .models import Action


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TrailFilterForm(forms.Form):
    """The trail's filters (a GET form: shape only; a bad value is an error on the form)."""

    actor = forms.ChoiceField(label=_("Who"), required=False)
    action = forms.ChoiceField(label=_("Kind of change"), required=False)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, data=None, *, actors=(), object_types=()):
        super().__init__(data)
        self.fields["actor"].choices = [("", _("Anyone")), *actors]
        self.fields["action"].choices = [("", _("Every kind")), *Action.choices]
        self.fields["object_type"].choices = [("", _("Every type")), *object_types]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    def filters(self) -> dict:
        """The filters that are valid (a bad one is left out and shown as an error)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        actor = data.get("actor") or ""
        return {
            "actor_id": (
                parse_int(actor, min_value=1, max_value=MAX_ID)
                if actor and "actor" not in self.errors
                else None
            ),
            "action": data.get("action") or "",
            "object_type": data.get("object_type") or "",
            "since": data.get("since") if "until" not in self.errors else None,
            "until": data.get("until") if "until" not in self.errors else None,
        }
