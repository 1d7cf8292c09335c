from django import forms
from django.utils.translation import gettext_lazy as _

from samskab.networks.models import Organisation

from .models import Person


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    field_order = ["name", "email", "password1", "password2"]

    def signup(self, request, user):
        from .services import person_for_user

        person_for_user(user)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "title", "organisation", "phone", "email", "public_consent"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, organisation: Organisation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        if organisation is not None:
            # People added through an organisation's page belong to that organisation.
            del self.fields["organisation"]
        self.fields["public_consent"].label = _("Phone and e-mail may be shown on public pages")
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


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
