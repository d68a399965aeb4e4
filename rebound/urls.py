from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from coping.views import reminder_link

from . import views
from .forms import EmailAuthenticationForm

urlpatterns = [
    path("", views.landing, name="landing"),
    path("home/", views.home, name="home"),
    path("accounts/signup/", views.signup, name="signup"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("accounts/preferences/", views.preferences, name="preferences"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("applications/", include("applications.urls")),
    path("coping/", include("coping.urls")),
    # Links in reminder emails: signed, single-use, and they log no one in.
    path("r/<str:token>/", reminder_link, name="reminder_link"),
    path("admin/", admin.site.urls),
]
