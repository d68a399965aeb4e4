from django.urls import path

from . import views

# Under accounts/, beside the preferences page that links to them; the names predate the app.
urlpatterns = [
    path("accounts/backup/", views.backup, name="backup"),
    path("accounts/backup.json", views.backup_download, name="backup_download"),
]
