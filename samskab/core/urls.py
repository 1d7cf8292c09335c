from django.urls import path
from django.views.generic import TemplateView

app_name = "core"
urlpatterns = [
    path("privacy/", TemplateView.as_view(template_name="core/privacy.html"), name="privacy"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="core/accessibility.html"),
        name="accessibility",
    ),
]
