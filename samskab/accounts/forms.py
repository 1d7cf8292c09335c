from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.networks.models import Organisation

from .models import Person


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    field_order = ["name", "email", "password1", "password2"]

    def signup(self, request, user):
        from .services import person_create_for_user

        person_create_for_user(actor=user, user=user)


class PersonForm(forms.ModelForm):
    """A person's details as an organisation's editors or the secretariat keep them.
    ``consent=True`` (the secretariat) adds the consent box; editors never change it."""

    class Meta:
        model = Person
        fields = ["name", "title", "phone", "email", "public_consent"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {"email": _("Contact e-mail")}

    def __init__(self, *args, consent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if consent:
            self.fields["public_consent"].label = _("Phone and e-mail may be shown on public pages")
        else:
            del self.fields["public_consent"]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


class ProfileForm(PersonForm):
    """One's own details on My page. The organisation chosen here is asked for, not set."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_(
            "Its editors or the network's secretariat confirm that you work there (they see "
            "your name, title and log-in address); until then you are not listed among its "
            "people."
        ),
    )
    field_order = ["name", "title", "organisation", "phone", "email", "public_consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, consent=True, **kwargs)
        person = self.instance
        self.fields["organisation"].initial = (
            person.requested_organisation_id or person.organisation_id
        )
        self.fields["email"].help_text = _(
            "Where others may reach you; shown on public pages only if you agree below. It "
            "is not your log-in address (see “E-mail addresses” on My page) and does not "
            "link any data to you."
        )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be erased for good"),
    )
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "class": "ds-input"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["confirm"].widget.attrs["class"] = "ds-input"

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
