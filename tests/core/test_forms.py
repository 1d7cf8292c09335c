from django import forms
from django.core.exceptions import ValidationError

from samskab.core.forms import add_errors


class TitleForm(forms.Form):
    title = forms.CharField()


def test_field_errors_go_to_their_field_and_the_rest_to_the_summary():
    form = TitleForm({"title": "x"})
    assert form.is_valid()
    add_errors(form, ValidationError({"title": "Too short.", "slug": "Taken."}))
    assert form.errors["title"] == ["Too short."]
    assert form.non_field_errors() == ["Taken."]


def test_a_plain_error_goes_to_the_summary():
    form = TitleForm({"title": "x"})
    form.is_valid()
    add_errors(form, ValidationError(["One.", "Two."]))
    assert form.non_field_errors() == ["One.", "Two."]
    assert not form.is_valid()
