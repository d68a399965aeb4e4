from django.urls import path

from . import views

app_name = "todos"
urlpatterns = [
    path("for/<int:application_id>/add/", views.todo_add, name="add"),
    path("<int:todo_id>/edit/", views.todo_edit, name="edit"),
    path("<int:todo_id>/toggle/", views.todo_toggle, name="toggle"),
    path("<int:todo_id>/delete/", views.todo_delete, name="delete"),
]
