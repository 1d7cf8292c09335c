"""/<lang>/pages/: a network's static pages (the secretariat's list is the index)."""

from django.urls import path

from .views import pages

app_name = "pages"
urlpatterns = [
    path("", pages.page_manage, name="manage"),
    path("new/", pages.page_create, name="create"),
    path("<slug:slug>/", pages.page_detail, name="detail"),
    path("<slug:slug>/edit/", pages.page_edit, name="edit"),
    path("<slug:slug>/delete/", pages.page_delete, name="delete"),
]
