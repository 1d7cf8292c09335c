from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.cases.models import Case
from samskab.events.models import Event
from samskab.groups.models import ThemeGroup


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    lead = forms.CharField(
        label=_("Lead"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    body = forms.CharField(
        label=_("Body"),
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        help_text=_(
            "Markdown: ## for a heading, - for a list, > for a quote, [text](address) for a link."
        ),
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas."),
    )
    theme_groups = forms.ModelMultipleChoiceField(
        label=_("Theme groups"), queryset=ThemeGroup.objects.none(), required=False
    )
    events = forms.ModelMultipleChoiceField(
        label=_("Events"), queryset=Event.objects.none(), required=False
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Cases"), queryset=Case.objects.none(), required=False
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_groups"].queryset = ThemeGroup.objects.filter(network=network)
        self.fields["events"].queryset = Event.objects.filter(
            network=network, audience__in=Event.OPEN_AUDIENCES
        ).order_by("-starts_at")
        self.fields["cases"].queryset = (
            Case.objects.published().filter(network=network).order_by("-published_at")
        )

    def clean_tags(self):
        return [t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()]


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leave empty to publish now. The time is the network's local time."),
    )
