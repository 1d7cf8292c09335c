from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from samskab.core import params
from samskab.core.text import SingleLineFormMixin
from samskab.networks.models import Organisation

from .files import ALLOWED_LABEL, MAX_MATERIAL_SIZE, check_material
from .models import Case, InterventionType, QualityCriterion, Topic

MARKDOWN_HELP = _("You can use Markdown: *italic*, **bold**, lists with - and links.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CaseForm(SingleLineFormMixin, forms.ModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_("Municipality or organisation")
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Prevention-package topics"),
    )
    prevention_types = forms.ModelMultipleChoiceField(
        queryset=InterventionType.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Intervention types"),
    )
    purpose_met = forms.ChoiceField(
        choices=[("", _("not assessed"))] + Case.Scale.choices,
        required=False,
        widget=forms.RadioSelect,
        label=_("Is the purpose met?"),
    )
    implemented_as_planned = forms.ChoiceField(
        choices=[("", _("not assessed"))] + Case.Scale.choices,
        required=False,
        widget=forms.RadioSelect,
        label=_("Was it implemented as planned?"),
    )
    budget_band = forms.ChoiceField(
        choices=[("", _("not given"))] + Case.BudgetBand.choices,
        required=False,
        label=_("Economy per year (DKK/NOK)"),
    )
    links_text = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One link a line: a title, a vertical bar and the address, e.g. "
            "“Project page | https://example.org/project”."
        ),
    )

    class Meta:
        model = Case
        fields = [
            "title",
            "summary",
            "organisation",
            "language",
            "kind",
            "budget_band",
            "contact_name",
            "contact_title",
            "contact_organisation",
            "contact_phone",
            "contact_email",
            "contact_public",
            "period_start",
            "period_end",
            "topics",
            "prevention_types",
            *Case.TEXT_SECTIONS,
            "quote_text",
            "quote_speaker",
            "evaluation",
            "purpose_met",
            "implemented_as_planned",
            "shared",
        ]
        widgets = {
            "period_start": DateInput(),
            "period_end": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "quote_text": forms.Textarea(attrs={"rows": 2}),
            "evaluation": forms.RadioSelect,
            "kind": forms.RadioSelect,
            **{name: forms.Textarea(attrs={"rows": 5}) for name in Case.TEXT_SECTIONS},
        }

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations or Organisation.objects.none()
        for name in Case.TEXT_SECTIONS:
            self.fields[name].help_text = MARKDOWN_HELP
        for criterion in QualityCriterion:
            self.fields[f"quality_{criterion.value}"] = forms.CharField(
                label=criterion.label.capitalize(),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("If the case meets this criterion, say briefly why."),
            )
        if self.instance.pk:
            self.fields["links_text"].initial = "\n".join(
                f"{link.title} | {link.url}" for link in self.instance.links.all()
            )
            notes = {q.criterion: q.note for q in self.instance.quality.all()}
            for criterion, note in notes.items():
                self.fields[f"quality_{criterion}"].initial = note

    def quality_fields(self):
        return [self[f"quality_{c.value}"] for c in QualityCriterion]

    def main_fields(self):
        skip = {f"quality_{c.value}" for c in QualityCriterion}
        return [f for f in self.visible_fields() if f.name not in skip]

    def clean_links_text(self):
        links = []
        validate = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(self.cleaned_data["links_text"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            title, _sep, url = line.rpartition("|") if "|" in line else ("", "", line)
            title, url = title.strip(), url.strip()
            try:
                validate(url)
            except ValidationError:
                raise ValidationError(
                    _("Line %(n)s is not a web address starting with https:// or http://."),
                    params={"n": number},
                ) from None
            links.append((title or url, url))
        return links

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date is before the start date."))
        if data.get("contact_public") and not (
            data.get("contact_phone") or data.get("contact_email")
        ):
            self.add_error(
                "contact_public", _("Give a phone number or an e-mail address to show, or untick.")
            )
        return data

    def service_data(self) -> dict:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in ("organisation", "links_text") and not k.startswith("quality_")
        }
        data["links"] = self.cleaned_data.get("links_text", [])
        data["quality"] = [
            (c.value, self.cleaned_data[f"quality_{c.value}"].strip())
            for c in QualityCriterion
            if self.cleaned_data.get(f"quality_{c.value}", "").strip()
        ]
        data["topics"] = list(self.cleaned_data.get("topics") or [])
        data["prevention_types"] = list(self.cleaned_data.get("prevention_types") or [])
        return data


class MaterialForm(SingleLineFormMixin, forms.Form):
    """Shown on the case's edit page beside the case form: its own ids (material_title)."""

    title = forms.CharField(label=_("Title of the file"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("%(types)s; at most %(size)s MB.")
        % {"types": ALLOWED_LABEL, "size": MAX_MATERIAL_SIZE // (1024 * 1024)},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "material_%s")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MATERIAL_SIZE:
            raise ValidationError(
                _("The file is too large; the limit is %(size)s MB."),
                params={"size": MAX_MATERIAL_SIZE // (1024 * 1024)},
            )
        content = upload.read()
        check_material(upload.name, content)
        self.content = content
        return upload


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the author change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Plain text; web addresses become links."),
    )
    parent = params.IntegerField(
        min_value=1, max_value=params.MAX_ID, required=False, widget=forms.HiddenInput
    )


class ReportForm(SingleLineFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why should a moderator look at this comment?"), required=False, max_length=500
    )
