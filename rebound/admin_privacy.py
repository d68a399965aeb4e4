"""The admin shows that rows exist, whose they are, their kinds, states and dates: never a
word a user wrote (README: "an admin that never shows anyone's private words"; issue 21).

Words hide in more places than a model's own fields: a row's `str()` (an application is
"Analyst at Acme") is the change page's title, the breadcrumb, the list's checkbox label, the
delete page's list, the history's title and the admin's log; a foreign key shown read-only is
its target's `str()`. `NoUserTextAdmin` names every row by its kind and number instead
(`object_label`), shows relations as such labels and the owner by their address, and counts
what a deletion takes rather than listing it. Which fields are words is decided in one place:
`user_text_fields` treats every text field as a user's words unless `NOT_USER_TEXT` says
why it isn't, so a new field is private until someone decides otherwise.
tests/rebound/test_admin_privacy.py fills every such field of every model with a marker and
walks every admin page looking for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.admin.options import get_content_type_for_model
from django.contrib.admin.utils import unquote
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Text fields that hold no words of a user's, and why. Everything else is private.
NOT_USER_TEXT: dict[str, str] = {
    "rebound.User.email": "the account's address: how an operator finds an account when its "
    "owner asks for help, and what the admin shows as the owner of every row",
    "rebound.User.password": "a hash",
    "rebound.User.timezone": "picked from the list of time zones",
    "rebound.User.language": "picked from the list of languages (settings.LANGUAGES)",
    "reminders.Reminder.kind": "the name of a kind Rebound declares",
    "reminders.Reminder.scope": "ids Rebound writes",
    "reminders.Reminder.timezone": "the owner's time zone, from the list",
    "reminders.Reminder.last_error": "an error class and SMTP code (reminders.dispatch_services)",
    "reminders.Reminder.ended_reason": "Rebound's own words",
    "applications.Application.currency": "a three-letter currency code",
    "offers.Offer.currency": "a three-letter currency code",
    "applications.ImportJob.recognised": "the name of a tracker Rebound recognises",
    "api.ApiToken.prefix": "random characters, the token's public part",
    "api.ApiToken.digest": "a hash",
}


# Where words can be kept: text of any kind (emails and URLs are CharFields), JSON, file names.
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.FileField)


def field_path(model: type[models.Model], field: models.Field[Any, Any]) -> str:
    return f"{model._meta.app_label}.{model.__name__}.{field.name}"


def user_text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The model's fields that can hold a user's words: text, JSON and file names, except
    those picked from a list (choices) and those NOT_USER_TEXT explains."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS)
        if not field.choices and field_path(model, field) not in NOT_USER_TEXT
    ]


def object_label(obj: Any) -> str:
    """How the admin names a row: a user by their address, anything else by kind and number."""
    if obj is None:
        return "—"
    if isinstance(obj, AbstractBaseUser):
        return obj.get_username()
    return f"{capfirst(obj._meta.verbose_name)} #{obj.pk}"


class _Labelled:
    """A row as the admin's templates see it, named by object_label()."""

    def __init__(self, obj: Any) -> None:
        self.__dict__["_obj"] = obj

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_obj"], name)

    def __str__(self) -> str:
        return object_label(self.__dict__["_obj"])


def relation_display(field: models.Field[Any, Any]) -> Callable[[Any], str]:
    """A column or read-only field showing a relation by label (or a count, for many)."""

    def show(obj: Any) -> str:
        if field.many_to_many:
            return str(getattr(obj, field.name).count())
        return object_label(getattr(obj, field.name))

    show.__name__ = f"{field.name}_label"
    show.short_description = field.verbose_name  # type: ignore[attr-defined]
    return show


class NoUserTextAdmin(admin.ModelAdmin):
    """A ModelAdmin that names rows and relations by label, never by their words. Its own
    fields must still leave user text out: the privacy test checks every page."""

    def __init__(self, model: type[models.Model], admin_site: admin.AdminSite) -> None:
        super().__init__(model, admin_site)
        # One callable per relation, so the same one can stand in `fields`, `readonly_fields`
        # and `list_display` alike.
        self._relations = {
            field.name: relation_display(field)
            for field in model._meta.get_fields()
            if isinstance(field, models.Field) and field.is_relation
        }

    def _shown(self, names: Any) -> list[Any]:
        return [
            self._relations.get(name, name) if isinstance(name, str) else name for name in names
        ]

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        return self._shown(super().get_list_display(request))

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return self._shown(super().get_fields(request, obj))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return self._shown(super().get_readonly_fields(request, obj))

    def action_checkbox(self, obj: Any) -> SafeString:
        return super().action_checkbox(_Labelled(obj))

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Any = None,
    ) -> HttpResponse:
        if obj is not None:
            context["subtitle"] = object_label(obj)
            context["original"] = _Labelled(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _labelled(self, request: HttpRequest, object_id: str) -> _Labelled | None:
        obj = self.get_object(request, unquote(object_id))
        return _Labelled(obj) if obj is not None else None

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        labelled = self._labelled(request, object_id)
        if labelled is not None:
            extra_context = {
                **(extra_context or {}),
                "title": _("Change history: %(object)s") % {"object": labelled},
                "object": labelled,
            }
        return super().history_view(request, object_id, extra_context)

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        labelled = self._labelled(request, object_id)
        if labelled is not None:
            extra_context = {**(extra_context or {}), "object": labelled}
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, Any, Any, Any]:
        """What a deletion takes, counted by kind rather than listed by name."""
        _, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        counted = [f"{capfirst(name)}: {count}" for name, count in model_count.items()]
        if protected:
            protected = [f"{len(protected)} related rows that must be deleted first"]
        return counted, model_count, perms_needed, protected

    def response_add(self, request: HttpRequest, obj: Any, post_url_continue: Any = None) -> Any:
        return super().response_add(request, _Labelled(obj), post_url_continue)

    def response_change(self, request: HttpRequest, obj: Any) -> Any:
        return super().response_change(request, _Labelled(obj))

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id: Any) -> Any:
        label = f"{capfirst(self.model._meta.verbose_name)} #{obj_id}"
        return super().response_delete(request, label, obj_id)

    def _log(self, request: HttpRequest, obj: Any, flag: int, message: Any = "") -> LogEntry:
        # The admin's log shows on every operator's home page: labels there too.
        return LogEntry.objects.create(
            user_id=request.user.pk or 0,  # only staff, signed in, reach the admin
            content_type_id=get_content_type_for_model(obj).pk,
            object_id=str(obj.pk),
            object_repr=object_label(obj),
            action_flag=flag,
            change_message=json.dumps(message) if isinstance(message, list) else message,
        )

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        return self._log(request, obj, ADDITION, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        return self._log(request, obj, CHANGE, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> list[LogEntry]:
        return [self._log(request, obj, DELETION) for obj in queryset]


class PrivateReadOnlyAdmin(NoUserTextAdmin):
    """For rows holding someone's private words: operators see that a row exists, whose it is
    and its dates (to help at the user's request), never the words, and change nothing —
    every write goes through the app's services."""

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
