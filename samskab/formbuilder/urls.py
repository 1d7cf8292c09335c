from django.urls import path

from . import views

app_name = "formbuilder"
urlpatterns = [
    path("forms/<int:pk>/", views.form_edit, name="edit"),
    path("forms/<int:pk>/preview/", views.form_preview, name="preview"),
    path("forms/<int:pk>/sections/new/", views.section_edit, name="section_new"),
    path("forms/<int:pk>/sections/<slug:section_id>/", views.section_edit, name="section"),
    path(
        "forms/<int:pk>/sections/<slug:section_id>/questions/new/",
        views.question_edit,
        name="question_new",
    ),
    path(
        "forms/<int:pk>/sections/<slug:section_id>/questions/<slug:question_id>/",
        views.question_edit,
        name="question",
    ),
    path(
        "forms/<int:pk>/items/<slug:item_id>/<slug:action>/", views.item_action, name="item_action"
    ),
]
