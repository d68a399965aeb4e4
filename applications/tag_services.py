"""An application's tags: the user's own labels, found or made by name."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from rebound.models import User

from .company_services import named
from .models import Application, Tag

TAG_LIMIT = 20


def tag_names(raw: str) -> list[str]:
    """ "remote, Fintech ,  remote" → ["remote", "Fintech"]: trimmed, de-duplicated ignoring
    case, at most 40 characters and 20 tags."""
    seen: dict[str, str] = {}
    for part in raw.split(","):
        name = " ".join(part.split())[:40]
        if name:
            seen.setdefault(name.lower(), name)
    return list(seen.values())[:TAG_LIMIT]


def tags_get_or_create(*, owner: User, names: Iterable[str]) -> list[Tag]:
    """The owner's tags of these names, made if new; as company_get_or_create, a request
    that loses the race to make one reads the winner's."""
    tags = []
    for name in names:
        tag = named(Tag.objects.filter(owner=owner), name).first()
        if tag is None:
            try:
                with transaction.atomic():
                    tag = Tag.objects.create(owner=owner, name=name)
            except IntegrityError:
                tag = named(Tag.objects.filter(owner=owner), name).get()
        tags.append(tag)
    return tags


@transaction.atomic
def application_set_tags(*, application: Application, names: Iterable[str]) -> None:
    application.tags.set(tags_get_or_create(owner=application.owner, names=names))


@transaction.atomic
def application_add_tags(*, application: Application, names: Iterable[str]) -> None:
    application.tags.add(*tags_get_or_create(owner=application.owner, names=names))
