from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samskab.accounts.models import Person
from samskab.networks.models import Role

from .models import GroupResource, ThemeGroup, TopicSuggestion

MARKDOWN_HELP = _("You can use Markdown: *italics*, **bold**, lists with - and links.")


class GroupForm(forms.ModelForm):
    """The group's page. A new name renames the group; old links keep working."""

    contacts = forms.ModelMultipleChoiceField(
        label=_("Contacts"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Shown on the page with title and organisation; phone and e-mail only "
            "for people who agreed to it."
        ),
    )

    class Meta:
        model = ThemeGroup
        fields = ["name", "lead", "background", "purpose", "target_group", "focus", "join_policy"]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 8}),
            "purpose": forms.Textarea(attrs={"rows": 8}),
            "target_group": forms.Textarea(attrs={"rows": 4}),
            "focus": forms.Textarea(attrs={"rows": 8}),
            "join_policy": forms.RadioSelect,
        }
        help_texts = {
            "background": MARKDOWN_HELP,
            "purpose": MARKDOWN_HELP,
            "target_group": MARKDOWN_HELP,
            "focus": _(
                "The coming period's plans and example topics. You can use Markdown: "
                "a list with - for each topic."
            ),
        }

    def __init__(self, *args, network, with_contacts: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        if not with_contacts:
            del self.fields["contacts"]
            return
        group = self.instance if self.instance.pk else None
        choices = Q(roles__network=network, roles__kind=Role.Kind.SECRETARIAT)
        if group is not None:
            choices |= Q(
                user__group_memberships__group=group, user__group_memberships__status="active"
            )
            choices |= Q(group_contacts__group=group)
        self.fields["contacts"].queryset = (
            Person.objects.filter(choices, erased_at__isnull=True)
            .select_related("organisation")
            .distinct()
            .order_by("name")
        )
        self.fields["contacts"].label_from_instance = self._person_label
        if group is not None:
            self.initial["contacts"] = [c.person_id for c in group.contacts.all()]

    @staticmethod
    def _person_label(person):
        parts = [person.name]
        if person.title:
            parts.append(person.title)
        if person.organisation_id:
            parts.append(person.organisation.name)
        return ", ".join(parts)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def _post_clean(self):
        # The service validates and saves (and derives the slug); the form must not change
        # the instance it was given, or the service could not see what changed.
        return None


class ResourceForm(forms.ModelForm):
    url = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Or a link, for example to a handbook on another site."),
    )

    class Meta:
        model = GroupResource
        fields = ["title", "description", "file", "url", "members_only"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "file": _("PDF, office documents, text, images or ZIP; at most 25 MB."),
        }

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Give either a file or a link, not both."))
        return cleaned

    def _post_clean(self):
        # The service validates and stores the file; skip the model's own checks here.
        return None


class ResourceEditForm(forms.ModelForm):
    """Change a resource's title, description, visibility and (for a link) its address."""

    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = GroupResource
        fields = ["title", "description", "url", "members_only"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_file:
            del self.fields["url"]
        else:
            self.fields["url"].required = True

    def _post_clean(self):
        return None


class SuggestionForm(forms.ModelForm):
    class Meta:
        model = TopicSuggestion
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        return None


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"), choices=TopicSuggestion.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example which meeting the topic is planned for."),
    )
    planned_for = forms.DateField(
        label=_("Planned for"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date of the meeting, if it is known."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("planned_for") and cleaned.get("status") != TopicSuggestion.Status.PLANNED:
            self.add_error("planned_for", _("Only a planned topic has a date."))
        return cleaned
