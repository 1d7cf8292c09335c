from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("past/", views.event_past, name="past"),
    path("month/", views.event_month, name="month"),
    path("month/<int:year>/<int:month>/", views.event_month, name="month"),
    path("new/", views.event_create, name="create"),
    path("mine/", views.my_events, name="mine"),
    path("mine/calendar/reset/", views.calendar_reset, name="calendar_reset"),
    path("feed.ics", views.network_feed, name="network_feed"),
    path("groups/<slug:slug>/feed.ics", views.group_feed, name="group_feed"),
    path("calendar/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("cancel/<str:token>/", views.cancel_by_link, name="cancel_by_link"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/register/", views.register_self, name="register"),
    path("<int:pk>/register/guest/", views.register_guest, name="register_guest"),
    path("<int:pk>/register/public/", views.register_public, name="register_public"),
    path(
        "<int:pk>/register/confirm/<str:token>/",
        views.register_public_confirm,
        name="register_public_confirm",
    ),
    path(
        "<int:pk>/registrations/<int:rid>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/cancel/", views.event_cancel, name="cancel"),
    path("<int:pk>/participants/", views.participants, name="participants"),
    path("<int:pk>/participants/export.<str:fmt>", views.participants_export, name="export"),
    path(
        "<int:pk>/participants/<int:rid>/status/",
        views.registration_status,
        name="registration_status",
    ),
    path("<int:pk>/message/", views.message, name="message"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
]
