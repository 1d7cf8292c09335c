from django.urls import path

from .feeds import (
    AtomGroupNewsFeed,
    AtomNewsFeed,
    AtomTagNewsFeed,
    GroupNewsFeed,
    NewsFeed,
    TagNewsFeed,
)
from .views import editing, reading

app_name = "news"
urlpatterns = [
    path("", reading.article_list, name="list"),
    path("new/", editing.article_create, name="create"),
    path("drafts/", editing.drafts, name="drafts"),
    path("feed/rss/", NewsFeed(), name="rss"),
    path("feed/atom/", AtomNewsFeed(), name="atom"),
    path("tag/<slug:slug>/", reading.tag_list, name="tag"),
    path("tag/<slug:slug>/rss/", TagNewsFeed(), name="tag_rss"),
    path("tag/<slug:slug>/atom/", AtomTagNewsFeed(), name="tag_atom"),
    path("group/<slug:slug>/rss/", GroupNewsFeed(), name="group_rss"),
    path("group/<slug:slug>/atom/", AtomGroupNewsFeed(), name="group_atom"),
    path("<int:year>/", reading.year_list, name="year"),
    path("<slug:slug>/", reading.article_detail, name="detail"),
    path("<slug:slug>/edit/", editing.article_edit, name="edit"),
    path("<slug:slug>/image/", editing.article_image, name="image_upload"),
    path("<slug:slug>/image/remove/", editing.article_image_remove, name="image_remove"),
    path("<slug:slug>/image/<int:width>/", reading.article_image, name="image"),
    path("<slug:slug>/translate/<str:language>/", editing.article_translate, name="translate"),
    path("<slug:slug>/publish/", editing.article_publish, name="publish"),
    path("<slug:slug>/unpublish/", editing.article_unpublish, name="unpublish"),
    path("<slug:slug>/delete/", editing.article_delete, name="delete"),
]
