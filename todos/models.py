import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from rebound.lib.urlcache import object_url

TITLE_MAX = 200
# Bounds the database keeps on a due date whatever writes it (the form's are tighter: from
# 1970 to five years from the user's today, rebound.lib.formfields.bound_event_date).
FIRST_DUE = dt.date(1970, 1, 1)
LAST_DUE = dt.date(2100, 12, 31)


class RemindBefore(models.IntegerChoices):
    """When the optional reminder comes: at the owner's reminder hour, this many days before
    the due date."""

    ON_THE_DAY = 0, _("On the day it is due")
    ONE_DAY = 1, _("1 day before")
    TWO_DAYS = 2, _("2 days before")
    ONE_WEEK = 7, _("1 week before")


class Todo(models.Model):
    """Something to do for an application ("send the portfolio by Friday")."""

    RemindBefore = RemindBefore

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="todos", verbose_name=_("application")
    )
    # The application's owner, kept here (set by the services) so home and the calendar feed
    # read one indexed table instead of joining every application.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        verbose_name=_("owner"),
    )
    title = models.CharField(_("what to do"), max_length=TITLE_MAX)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    # Open while empty; when it was marked done otherwise.
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    # Empty: no reminder.
    remind_before = models.PositiveSmallIntegerField(
        _("reminder"), choices=RemindBefore.choices, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The calendar feed's LAST-MODIFIED and SEQUENCE: a moved to-do updates in place.
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("to-do")
        verbose_name_plural = _("to-dos")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(title__regex=r"\S"),
                name="todo_title_not_blank",
            ),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_on__range=(FIRST_DUE, LAST_DUE)),
                name="todo_due_on_in_range",
            ),
            models.CheckConstraint(
                condition=Q(remind_before__isnull=True)
                | (Q(due_on__isnull=False) & Q(remind_before__in=RemindBefore.values)),
                name="todo_reminder_needs_a_due_date",
            ),
        ]
        indexes = [
            # An application's to-dos (its page's section): open first, by due date.
            models.Index(fields=["application", "due_on"], name="todo_app_due_idx"),
            # A user's open to-dos by due date (home's "Due this week", the calendar feed).
            models.Index(
                fields=["owner", "due_on"],
                condition=Q(done_at__isnull=True, due_on__isnull=False),
                name="todo_owner_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """Its place on its application's page."""
        return object_url("applications:application_detail", self.application_id) + "#todos"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
