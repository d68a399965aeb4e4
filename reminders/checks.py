"""System checks: every stored kind is declared, and every declared kind can be rendered."""

from typing import Any

from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from . import kinds
from .models import Reminder


@register()
def check_declared_kinds(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    errors: list[Error] = []
    try:
        declared = kinds.registered()
    except Exception as exc:  # a broken declaration must show as a check, not a traceback
        return [Error(f"Reminder kinds could not be read: {exc}", id="reminders.E001")]
    for kind in declared.values():
        for suffix in ("_subject.txt", ".txt", ".html"):
            try:
                get_template(kind.template_prefix + suffix)
            except TemplateDoesNotExist:
                errors.append(
                    Error(
                        f"Reminder kind {kind.name!r} has no template "
                        f"{kind.template_prefix + suffix}.",
                        id="reminders.E002",
                    )
                )
    return errors


@register(Tags.database)
def check_stored_kinds(databases: Any = None, **kwargs: Any) -> list[Error]:
    """Runs with `migrate` and `check --database default`: rows no app would know to send."""
    errors: list[Error] = []
    for alias in databases or []:
        try:
            stored = set(
                Reminder.objects.using(alias).values_list("kind", flat=True).distinct().order_by()
            )
        except DatabaseError:
            continue  # not migrated yet: nothing stored
        missing = sorted(stored - set(kinds.registered()))
        if missing:
            errors.append(
                Error(
                    f"Reminders of kinds no installed app declares: {', '.join(missing)}.",
                    hint="Install the app that owns them, or cancel those reminders.",
                    id="reminders.E003",
                )
            )
    return errors
