from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("mine/", views.my_cases, name="mine"),
    path("moderation/", views.queue, name="queue"),
    path("following/", views.following, name="following"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("unfollow/<str:token>/", views.unfollow_token, name="unfollow_token"),
    path("<slug:slug>/", views.case_detail, name="detail"),
    path("<slug:slug>/edit/", views.case_edit, name="edit"),
    path("<slug:slug>/submit/", views.case_submit, name="submit"),
    path("<slug:slug>/delete/", views.case_delete, name="delete"),
    path("<slug:slug>/publish/", views.case_publish, name="publish"),
    path("<slug:slug>/send-back/", views.case_send_back, name="send_back"),
    path("<slug:slug>/revisions/", views.revisions, name="revisions"),
    path("<slug:slug>/revisions/<int:pk>/", views.revision_detail, name="revision"),
    path("<slug:slug>/revisions/<int:pk>/restore/", views.revision_restore, name="restore"),
    path("<slug:slug>/materials/", views.material_add, name="material_add"),
    path("<slug:slug>/materials/<int:pk>/delete/", views.material_delete, name="material_delete"),
    path("<slug:slug>/materials/<int:pk>/<str:filename>", views.material_download, name="material"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/comments/", views.comment_add, name="comment_add"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<slug:slug>/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("<slug:slug>/comments/<int:pk>/report/", views.comment_report, name="comment_report"),
    path(
        "<slug:slug>/comments/<int:pk>/moderate/", views.comment_moderate, name="comment_moderate"
    ),
]
