"""The backup document's format (docs/backup.md): what it holds and how a row maps to a model.

`export` writes it, `reading` checks a file is one, `services.backup_restore` writes it into
an account. Changing anything here changes the format: VERSION says which one a file is.
"""

from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from rebound.models import User

FORMAT = "rebound-backup"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024

# Every model a user owns, parents first, with the path from a row to its owner.
MODELS: list[tuple[str, str]] = [
    ("applications.Company", "owner"),
    ("applications.Contact", "owner"),
    ("applications.Tag", "owner"),
    ("applications.Application", "owner"),
    ("applications.StatusChange", "application__owner"),
    ("applications.Posting", "application__owner"),
    # After the companies: a view's filters may name one (services._restored_view_filters).
    ("applications.SavedView", "owner"),
    ("interviews.Interview", "owner"),
    ("todos.Todo", "owner"),
    ("interviews.SelfAssessment", "interview__owner"),
    ("coping.CopingPlan", "owner"),
    ("coping.PlanStep", "plan__owner"),
    ("coping.Reflection", "plan__owner"),
    ("coping.JournalEntry", "owner"),
    ("coping.FeedbackRequest", "plan__owner"),
    ("coping.NetGoal", "plan__owner"),
    ("coping.Outreach", "owner"),
    ("coping.FollowUp", "plan__owner"),
    ("coping.Incident", "plan__owner"),
    ("offers.Offer", "owner"),
    ("people.KeepWarm", "owner"),
    ("weekly.WeeklyLetter", "user"),
]
# The account's preferences (never its email or password: the new account has its own).
# A backup written before a preference existed (`language`, say) restores without it: the
# new account keeps its own.
PREFERENCES = ["first_name", "timezone", "reminder_time", "keep_in_touch_months",
               "no_reply_days", "prep_time", "language"]  # fmt: skip
# Set by the database or the server when restored, not carried over.
FRESH = {"created_at", "updated_at"}


class BackupError(ValidationError):
    pass


def fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a row of this model carries in the document."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key or f.is_relation  # a one-to-one primary key is a reference
    ]


def target_label(field: models.Field) -> str:
    """The label of the model a relation points at."""
    assert field.related_model is not None
    return field.related_model._meta.label


def is_user(field: models.Field) -> bool:
    return field.is_relation and target_label(field) == settings.AUTH_USER_MODEL


def is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def account_is_empty(user: User) -> bool:
    """Whether the account holds nothing a backup would bring: only such an account restores."""
    return not any(
        apps.get_model(label)._default_manager.filter(**{owner: user}).exists()
        for label, owner in MODELS
        if owner == "owner"
    )
