"""The project's URLs: the top of the layers. Apps are included by name, never imported here,
so the core package (rebound/) depends on no app (docs/architecture.md)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import devmail_views, views
from .forms import EmailAuthenticationForm

urlpatterns = [
    path("", views.landing, name="landing"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("accounts/signup/", views.signup, name="signup"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("home.urls")),
    path("applications/", include("applications.urls")),
    path("interviews/", include("interviews.urls")),
    path("coping/", include("coping.urls")),
    path("insights/", include("insights.urls")),
    path("", include("feeds.urls")),
    path("", include("api.urls")),
    path("", include("reminders.urls")),
    path("admin/", admin.site.urls),
    # DEBUG only (each view answers 404 otherwise): the emails `make run` saved.
    path("dev/mail/", devmail_views.mail_list, name="dev_mail_list"),
    path("dev/mail/<str:name>/", devmail_views.mail_detail, name="dev_mail_detail"),
]
