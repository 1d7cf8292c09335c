from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("new/", views.consultation_create, name="create"),
    path(
        "new/group/<slug:group>/",
        views.consultation_create_for_group,
        name="create_for_group",
    ),
    path("<slug:slug>/", views.consultation_detail, name="detail"),
    path("<slug:slug>/edit/", views.consultation_edit, name="edit"),
    path("<slug:slug>/options/", views.options_manage, name="options"),
    path("<slug:slug>/options/<int:pk>/", views.option_detail, name="option"),
    path("<slug:slug>/options/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("<slug:slug>/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("<slug:slug>/comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path(
        "<slug:slug>/comments/<int:pk>/moderate/",
        views.comment_moderate,
        name="comment_moderate",
    ),
    path("<slug:slug>/options/<int:pk>/edit/", views.option_edit, name="option_edit"),
    path("<slug:slug>/options/<int:pk>/delete/", views.option_delete, name="option_delete"),
    path("<slug:slug>/phase/<slug:phase>/", views.consultation_phase, name="phase"),
    path("<slug:slug>/vote/", views.vote, name="vote"),
    path("<slug:slug>/propose/", views.propose, name="propose"),
    path(
        "<slug:slug>/proposals/<int:pk>/<slug:action>/",
        views.proposal_review,
        name="proposal_review",
    ),
    path("<slug:slug>/groups/", views.groups_create, name="groups"),
    path("<slug:slug>/results.csv", views.results_export, {"fmt": "csv"}, name="results_csv"),
    path("<slug:slug>/results.xlsx", views.results_export, {"fmt": "xlsx"}, name="results_xlsx"),
]
