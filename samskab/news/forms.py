from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.cases.models import Case
from samskab.events.models import Event
from samskab.groups.models import ThemeGroup
from samskab.programmes.models import Programme


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
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes"), queryset=Programme.objects.none(), required=False
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
        self.fields["programmes"].queryset = Programme.objects.filter(network=network).order_by(
            "name"
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


PAGE_LANGUAGE_LABELS = (("da", _("Danish")), ("nb", _("Norwegian")), ("en", _("English")))


class PageForm(forms.Form):
    """A static page: its address, publication, place in the menu, and its text in each
    language (a language left empty shows the network's language)."""

    slug = forms.SlugField(
        label=_("Address"),
        max_length=100,
        required=False,
        help_text=_("The last part of the page's address. Leave empty to make it from the title."),
    )
    published = forms.BooleanField(label=_("Published (readers can see the page)"), required=False)
    menu_position = forms.IntegerField(
        label=_("Place in the main menu"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("1 comes first. Leave empty to keep the page out of the menu."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in PAGE_LANGUAGE_LABELS:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Short description (%(language)s)") % {"language": name},
                max_length=300,
                required=False,
                help_text=_("Shown by search engines and when the page is shared."),
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                widget=forms.Textarea(attrs={"rows": 12}),
                required=False,
                help_text=_(
                    "Markdown: ## for a heading, - for a list, > for a quote, "
                    "[text](address) for a link."
                ),
            )

    def languages(self):
        """The text fields grouped by language, for the template's fieldsets."""
        return [
            (
                code,
                name,
                [self[f"title_{code}"], self[f"description_{code}"], self[f"body_{code}"]],
            )
            for code, name in PAGE_LANGUAGE_LABELS
        ]

    def settings_fields(self):
        return [self["slug"], self["published"], self["menu_position"]]


class ArticleImageForm(forms.Form):
    """The article's main image, on its edit page (its own ids: image_...)."""

    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_("PNG, JPEG, GIF or WebP; at most 10 MB. Leave empty to keep the image."),
    )
    image_alt = forms.CharField(
        label=_("Alternative text"),
        max_length=300,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    image_caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    image_credit = forms.CharField(label=_("Credit"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload is None:
            self.content = None
            return None
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The image is too large; the limit is 10 MB."))
        self.content = upload.read()
        return upload
