from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("me/", views.profile, name="profile"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
    path("me/data.json", views.data_export, name="data_export"),
    path("me/erase/", views.erase, name="erase"),
    path("me/organisation/withdraw/", views.join_withdraw, name="join_withdraw"),
    path(
        "organisations/<slug:slug>/people/", views.organisation_people, name="organisation_people"
    ),
    path(
        "organisations/<slug:slug>/people/requests/<int:pk>/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/erase/", views.person_erase, name="person_erase"),
]
