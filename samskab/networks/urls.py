from django.urls import path

from . import views

app_name = "networks"
urlpatterns = [
    path("", views.home, name="home"),
    path("members/", views.directory, name="directory"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
]
