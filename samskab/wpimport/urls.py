from django.urls import path

from . import views

app_name = "wpimport"
urlpatterns = [
    path("<int:pk>/<str:filename>", views.file_download, name="file"),
]
