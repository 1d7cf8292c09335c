"""After selection: the secretariat turns an accepted application into a draft case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.core.forms import add_errors
from samskab.core.guards import guard
from samskab.formbuilder.schema import questions

from .. import services
from ..forms import CaseForm
from .getters import application_of_network

ONLY_ONCE = gettext_lazy("Only the secretariat turns an accepted application into a case, once.")
TEXT_KINDS = ("short_text", "long_text")


@guard("programmes.make_case", get=application_of_network, message=ONLY_ONCE)
def application_case(request, application):
    texts = [q for q in questions(application.form_version.definition) if q["kind"] in TEXT_KINDS]
    long_texts = [q["id"] for q in texts if q["kind"] == "long_text"] + ["", "", ""]
    initial = {
        "title": _("%(programme)s in %(organisation)s")
        % {
            "programme": application.call.edition.programme.name,
            "organisation": application.organisation.name,
        },
        "purpose": long_texts[0],
        "description": long_texts[1],
        "partners": long_texts[2],
    }
    form = CaseForm(request.POST or None, initial=initial, questions=texts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_to_case(
                actor=request.user,
                application=application,
                title=data["title"],
                fields={k: data[k] for k in ("purpose", "description", "partners")},
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("A draft case has been made. The municipality can complete it."),
            )
            return redirect("cases:edit", slug=application.case.slug)
    return render(
        request,
        "programmes/case_form.html",
        {"application": application, "edition": application.call.edition, "form": form},
    )
