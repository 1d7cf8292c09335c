from django.urls import path

from . import views

app_name = "groups"
urlpatterns = [
    path("groups/", views.group_list, name="list"),
    path("groups/following/", views.following, name="following"),
    path("groups/new/", views.group_create, name="create"),
    path("groups/<slug:slug>/", views.group_detail, name="detail"),
    path("groups/<slug:slug>/edit/", views.group_edit, name="edit"),
    path("groups/<slug:slug>/join/", views.group_join, name="join"),
    path("groups/<slug:slug>/leave/", views.group_leave, name="leave"),
    path("groups/<slug:slug>/follow/", views.group_follow, name="follow"),
    path("groups/<slug:slug>/members/", views.group_members, name="members"),
    path(
        "groups/<slug:slug>/members/<int:pk>/<slug:action>/",
        views.membership_action,
        name="membership_action",
    ),
    path("groups/<slug:slug>/resources/", views.resources_manage, name="resources"),
    path(
        "groups/<slug:slug>/resources/<int:pk>/edit/",
        views.resource_edit,
        name="resource_edit",
    ),
    path(
        "groups/<slug:slug>/resources/<int:pk>/delete/",
        views.resource_delete,
        name="resource_delete",
    ),
    path(
        "groups/<slug:slug>/resources/<int:pk>/download/",
        views.resource_download,
        name="resource_download",
    ),
    path("groups/<slug:slug>/suggestions/", views.suggestions, name="suggestions"),
    path(
        "groups/<slug:slug>/suggestions/<int:pk>/support/",
        views.suggestion_support,
        name="suggestion_support",
    ),
    path(
        "groups/<slug:slug>/suggestions/<int:pk>/decide/",
        views.suggestion_decide,
        name="suggestion_decide",
    ),
]
