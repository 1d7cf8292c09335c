from django.urls import path

from .views import (
    applications,
    champions,
    participants,
    public,
    review,
    reviewers,
    selection,
    sessions,
    setup,
)

app_name = "programmes"
E = "<slug:slug>/<int:year>/"
urlpatterns = [
    path("", public.programme_list, name="list"),
    path("new/", setup.programme_create, name="create"),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/files/<int:fid>/",
        applications.application_file,
        name="application_file",
    ),
    path(
        "applications/<int:pk>/withdraw/",
        applications.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "applications/<int:pk>/participants/",
        participants.participants_edit,
        name="participants",
    ),
    path(
        "applications/<int:pk>/participants/<int:pid>/decline/",
        participants.session_decline,
        name="session_decline",
    ),
    path("applications/<int:pk>/champions/", champions.champion_list, name="champions"),
    path(
        "applications/<int:pk>/champions/<int:cid>/remove/",
        champions.champion_remove,
        name="champion_remove",
    ),
    path("applications/<int:pk>/decide/", review.application_decide, name="decide"),
    path("applications/<int:pk>/review/", review.application_review, name="review_save"),
    path("applications/<int:pk>/case/", selection.application_case, name="make_case"),
    path("reviewer-invitations/<str:token>/", reviewers.reviewer_accept, name="reviewer_accept"),
    path("<slug:slug>/", public.programme_detail, name="detail"),
    path("<slug:slug>/edit/", setup.programme_edit, name="edit"),
    path("<slug:slug>/editions/new/", setup.edition_create, name="edition_create"),
    path(E, public.edition_detail, name="edition"),
    path(E + "edit/", setup.edition_edit, name="edition_edit"),
    path(E + "copy/", setup.edition_copy, name="edition_copy"),
    path(E + "call/", setup.call_edit, name="call_edit"),
    path(E + "invite-champions/", champions.edition_invite_champions, name="invite_champions"),
    path(E + "register/", participants.edition_register, name="register"),
    path(E + "sessions/new/", sessions.session_create, name="session_create"),
    path(E + "sessions/<int:pk>/", sessions.session_edit, name="session_edit"),
    path(E + "sessions/<int:pk>/remove/", sessions.session_remove, name="session_remove"),
    path(E + "apply/", applications.application_start, name="apply"),
    path(E + "applications/", review.review_list, name="review"),
    path(E + "applications.xlsx", review.review_export, name="export"),
    path(E + "applications/reviewers/", reviewers.reviewer_list, name="reviewers"),
    path(
        E + "applications/reviewers/<int:pk>/revoke/",
        reviewers.reviewer_revoke,
        name="reviewer_revoke",
    ),
    path(E + "applications/print/", review.review_print, name="print"),
]
