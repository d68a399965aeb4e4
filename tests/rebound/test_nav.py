"""The main nav, cached per process (rebound.templatetags.nav_tags), prints what base.html's
template printed before it moved: every page, every language, logged in or out, every token."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, engines
from django.test import override_settings
from django.urls import set_script_prefix
from django.utils import translation

from rebound.models import User
from rebound.templatetags import nav_tags

# base.html's nav as it was before {% main_nav %} (its nav_items block had no overrides).
OLD_NAV = """{% load i18n %}<nav class="navbar navbar-expand-xl navbar-dark bg-brand" aria-label="{% translate "Main" context "navigation" %}">
      <div class="container">
        <a class="navbar-brand fw-semibold" href="{% if user.is_authenticated %}{% url 'home' %}{% else %}{% url 'landing' %}{% endif %}">Rebound</a>
        <button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#main-nav"
                aria-controls="main-nav" aria-expanded="false" aria-label="{% translate "Toggle navigation" %}">
          <span class="navbar-toggler-icon"></span>
        </button>
        <div class="collapse navbar-collapse" id="main-nav">
          {% if user.is_authenticated %}
          <ul class="navbar-nav me-auto">
            {% block nav_items %}{% include "_nav_items.html" %}{% endblock %}
          </ul>
          <ul class="navbar-nav">
            <li class="nav-item"><a class="nav-link{% if request.resolver_match.url_name == 'preferences' %} active" aria-current="page{% endif %}" href="{% url 'preferences' %}">{% translate "Preferences" %}</a></li>
            <li class="nav-item">
              <form method="post" action="{% url 'logout' %}" class="d-inline">{% csrf_token %}
                <button type="submit" class="btn btn-link nav-link">{% translate "Log out" %}</button>
              </form>
            </li>
          </ul>
          {% else %}
          <ul class="navbar-nav ms-auto">
            <li class="nav-item"><a class="nav-link" href="{% url 'login' %}">{% translate "Log in" %}</a></li>
            <li class="nav-item"><a class="nav-link" href="{% url 'signup' %}">{% translate "Sign up" %}</a></li>
          </ul>
          {% endif %}
        </div>
      </div>
    </nav>"""  # noqa: E501
NEW_NAV = "{% load nav_tags %}{% main_nav %}"

PAGES = [
    ("", "home"),
    ("applications", "application_list"),
    ("applications", "application_detail"),
    ("applications", "board"),
    ("applications", "company_list"),
    ("applications", "company_detail"),
    ("applications", "contact_list"),
    ("people", "person_detail"),
    ("interviews", "list"),
    ("interviews", "detail"),
    ("coping", "plan_list"),
    ("coping", "plan_detail"),
    ("coping", "journal"),
    ("mailin", "inbox"),
    ("insights", "insights"),
    ("reminders", "list"),
    ("reminders", "detail"),
    ("", "preferences"),
    ("", "landing"),
]


def _render(source: str, **values: object) -> str:
    return engines["django"].engine.from_string(source).render(Context(values))


def _request(namespace: str | None, url_name: str | None) -> SimpleNamespace:
    match = None if namespace is None else SimpleNamespace(namespace=namespace, url_name=url_name)
    return SimpleNamespace(resolver_match=match)


def _logged_in(namespace: str = "", name: str = "home", token: str = "t") -> dict[str, object]:
    return {
        "user": User(email="a@example.com"),
        "request": _request(namespace, name),
        "csrf_token": token,
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    nav_tags._rendered.clear()
    yield
    nav_tags._rendered.clear()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("logged_in", [True, False])
def test_every_page_prints_the_nav_the_template_printed(language, logged_in):
    user = User(email="a@example.com") if logged_in else AnonymousUser()
    with translation.override(language):
        for namespace, name in [*PAGES, (None, None)]:
            for token in ("tok3n<&\"'>ä", "NOTPROVIDED", None):
                values: dict[str, object] = {"user": user, "request": _request(namespace, name)}
                if token is not None:
                    values["csrf_token"] = token
                # Twice: the first render fills the cache, the second reads it.
                for _ in range(2):
                    assert _render(NEW_NAV, **values) == _render(OLD_NAV, **values), (
                        namespace,
                        name,
                        token,
                    )


def test_the_words_are_the_active_languages():
    with translation.override("en"):
        english = _render(NEW_NAV, **_logged_in())
    with translation.override("de"):
        german = _render(NEW_NAV, **_logged_in())
        assert german == _render(OLD_NAV, **_logged_in())
    assert "Log out" in english and "Log out" not in german


def test_each_request_gets_its_own_token():
    first = _render(NEW_NAV, **_logged_in(token="first"))
    second = _render(NEW_NAV, **_logged_in(token="second"))
    assert 'value="first"' in first and "second" not in first
    assert 'value="second"' in second and "first" not in second


def test_without_a_request_it_is_the_logged_out_nav():
    assert _render(NEW_NAV) == _render(OLD_NAV)


def test_the_script_prefix_is_part_of_the_links():
    plain = _render(NEW_NAV, **_logged_in())
    set_script_prefix("/sub/")
    try:
        prefixed = _render(NEW_NAV, **_logged_in())
        assert prefixed == _render(OLD_NAV, **_logged_in())
    finally:
        set_script_prefix("/")
    assert 'href="/sub/' in prefixed and 'href="/sub/' not in plain


@override_settings(ROOT_URLCONF="bench.urls")
def test_another_url_configuration_is_rendered_afresh():
    assert _render(NEW_NAV, **_logged_in()) == _render(OLD_NAV, **_logged_in())


@pytest.mark.django_db
def test_a_page_carries_the_nav(client):
    user = User.objects.create_user(email="nav@example.com", password="a-long-pass-phrase")
    client.force_login(user)
    html = client.get("/home/").content.decode()
    assert html.count('<nav class="navbar') == 1
    assert 'class="nav-link active" aria-current="page" href="/home/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
