"""Helpers to prove every URL of an app is owner-scoped."""

from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def patterns_of(namespace: str) -> Iterator[tuple[str, list[str]]]:
    """(url name, [kwarg names]) for every pattern under a URL namespace."""

    def walk(items, ns):
        for item in items:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, item.namespace or ns)
            elif isinstance(item, URLPattern) and ns == namespace and item.name:
                yield item.name, list(item.pattern.converters)

    yield from walk(get_resolver().url_patterns, None)


def object_urls(namespace: str, ids: dict[str, int]) -> list[str]:
    """Every URL of the namespace that names an object, filled in with the given ids."""
    urls = []
    for name, kwargs in patterns_of(namespace):
        if not kwargs or kwargs == ["token"]:  # signed links have their own tests
            continue
        missing = set(kwargs) - set(ids)
        assert not missing, f"{namespace}:{name} takes {missing}: add an object for it"
        urls.append(reverse(f"{namespace}:{name}", kwargs={k: ids[k] for k in kwargs}))
    return urls
