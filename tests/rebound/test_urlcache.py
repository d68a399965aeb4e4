"""rebound.lib.urlcache.object_url resolves a URL name once and puts the id in its place: for
every name it serves, under any script prefix, it must give exactly what reverse() gives."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse, set_script_prefix
from django.urls.converters import IntConverter

from rebound.lib.urlcache import _PLACEHOLDER, object_url

ROOT = Path(__file__).resolve().parents[2]
# Ids as the database hands them out, and the odd ones: the smallest, the cache's own
# placeholder, ids around it and past 32 bits, and a pk given as a string.
IDS = [1, 7, 42, 1000, _PLACEHOLDER, _PLACEHOLDER + 1, 98765432, 2**31 - 1, 2**31, 2**63 - 1, "42"]
PREFIXES = ["/", "/rebound/", "/apps/rebound/", "/mein büro/", "/a%20b/"]


def _names_called_in_code() -> set[str]:
    """Every URL name the project passes to object_url, read from the source."""
    names: set[str] = set()
    packages = [d for d in ROOT.iterdir() if (d / "__init__.py").exists() and d.name != "tests"]
    for path in (path for package in packages for path in package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "object_url"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    return names


def _one_int_names(patterns: list, namespace: str = "") -> Iterator[str]:
    """Every URL name whose path takes exactly one argument, an int: what object_url can serve."""
    for pattern in patterns:
        found = list(pattern.pattern.converters.values())
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if not found:
                yield from _one_int_names(pattern.url_patterns, inner)
        elif (
            isinstance(pattern, URLPattern)
            and pattern.name
            and len(found) == 1
            and isinstance(found[0], IntConverter)
        ):
            yield f"{namespace}{pattern.name}"


SERVED = sorted(_names_called_in_code())


@pytest.fixture
def prefix() -> Iterator[None]:
    yield
    set_script_prefix("/")


def test_it_finds_the_names_the_code_serves():
    # The scan must see the known callers, or the tests below would check nothing.
    assert {"applications:application_detail", "reminders:update", "coping:plan_detail"} <= set(
        SERVED
    )


@pytest.mark.parametrize("name", SERVED)
def test_it_gives_what_reverse_gives_for_every_name_served(name, prefix):
    for script_prefix in PREFIXES:
        set_script_prefix(script_prefix)
        for pk in IDS:
            assert object_url(name, pk) == reverse(name, args=[pk]), (name, script_prefix, pk)


def test_it_gives_what_reverse_gives_for_every_url_with_one_int_argument(prefix):
    names = sorted(set(_one_int_names(get_resolver().url_patterns)))
    assert set(SERVED) <= set(names)
    for script_prefix in ("/", "/rebound/"):
        set_script_prefix(script_prefix)
        for name in names:
            for pk in (3, _PLACEHOLDER, 2**40):
                assert object_url(name, pk) == reverse(name, args=[pk]), (name, script_prefix)


def test_its_pk_template_is_the_url_reverse_gives_once_filled_in(prefix):
    # board.js fills "{pk}" in: the filled-in template must be reverse()'s URL.
    for script_prefix in ("/", "/rebound/"):
        set_script_prefix(script_prefix)
        for name in SERVED:
            template = object_url(name, "{pk}")
            assert template.count("{pk}") == 1
            assert template.replace("{pk}", "123") == reverse(name, args=[123])


def test_a_changed_prefix_is_seen_at_once(prefix):
    name = "applications:application_detail"
    before = object_url(name, 5)
    set_script_prefix("/elsewhere/")
    assert object_url(name, 5) == "/elsewhere" + before == reverse(name, args=[5])
    set_script_prefix("/")
    assert object_url(name, 5) == before
