"""The project's URLs: the top of the layers. Apps are included by name, never imported here,
so the core package (rebound/) depends on no app (docs/architecture.md)."""

from collections.abc import Callable

from django.contrib import admin
from django.http import HttpResponseBase
from django.urls import include, path, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import last_modified
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from . import devmail_views
from .accounts import views


def _moved(name: str) -> Callable[..., HttpResponseBase]:
    # Pages that moved to allauth's addresses: bookmarks and old links still arrive.
    return RedirectView.as_view(url=reverse_lazy(name), permanent=True, query_string=True)


# The catalogues change only with a deploy: a browser asks again with If-Modified-Since and
# gets a 304. base.html puts the language in the script's address, so a user who has just
# switched languages is never answered "not modified" with the other language's words.
_STARTED = timezone.now()
_javascript_catalog = last_modified(lambda request, **kwargs: _STARTED)(JavaScriptCatalog.as_view())

urlpatterns = [
    path("", views.landing, name="landing"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # The JavaScript's words in the active language (locale/…/djangojs.po): a script from
    # this site, loaded by base.html before the page's own scripts (no inline script: CSP).
    path("jsi18n/", _javascript_catalog, name="javascript_catalog"),
    # allauth's pages, under the names the templates have always used. Listed before
    # allauth's own patterns (same paths), so sign-up and reset keep their throttles.
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/login/", views.login, name="login"),
    path("accounts/logout/", views.logout, name="logout"),
    path("accounts/password/reset/", views.password_reset, name="password_reset"),
    path("accounts/password/change/", views.password_change, name="password_change"),
    path("accounts/delete/", views.account_delete, name="account_delete"),
    path("accounts/password_reset/", _moved("password_reset")),
    path("accounts/password_change/", _moved("password_change")),
    path("accounts/reset/<str:uidb64>/<str:token>/", _moved("password_reset")),
    path("accounts/", include("allauth.urls")),
    # The admin signs in through the site's log-in: one lock-out, and the second factor.
    path("admin/login/", views.admin_login),
    path("", include("home.urls")),
    path("", include("portability.urls")),
    path("applications/", include("applications.urls")),
    path("interviews/", include("interviews.urls")),
    path("todos/", include("todos.urls")),
    path("offers/", include("offers.urls")),
    path("people/", include("people.urls")),
    path("weekly/", include("weekly.urls")),
    path("coping/", include("coping.urls")),
    path("insights/", include("insights.urls")),
    path("inbox/", include("mailin.urls")),
    path("", include("feeds.urls")),
    path("", include("api.urls")),
    path("", include("reminders.urls")),
    path("admin/", admin.site.urls),
    # DEBUG only (each view answers 404 otherwise): the emails `make run` saved.
    path("dev/mail/", devmail_views.mail_list, name="dev_mail_list"),
    path("dev/mail/<str:name>/", devmail_views.mail_detail, name="dev_mail_detail"),
]
