"""Putting closed applications away, and one action done to many applications at once."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rebound.models import User

from . import pipeline
from .models import Application
from .services import application_change_status, application_delete
from .tag_services import application_add_tags, tag_names


def application_archive(*, application: Application) -> bool:
    """Put a closed application away; returns False (and changes nothing) if it is open."""
    if not application.is_closed:
        return False
    Application.objects.filter(pk=application.pk).update(archived_at=timezone.now())
    return True


def application_unarchive(*, application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(archived_at=None)


BULK_ACTIONS = {
    "move": gettext_lazy("Move to a status"),
    "tag": gettext_lazy("Add a tag"),
    "archive": gettext_lazy("Archive (closed ones only)"),
    "delete": gettext_lazy("Delete"),
}


def applications_bulk(
    *, owner: User, applications: Iterable[Application], action: str, value: str = ""
) -> tuple[int, list[str]]:
    """Do one action to many applications, each through its own service and transaction;
    returns how many it did and, for the others, why not (one sentence each)."""
    done, skipped = 0, []
    for application in applications:
        if application.owner_id != owner.pk:
            raise ValidationError(_("Unknown application."))
        try:
            with transaction.atomic():
                if action == "move":
                    if application_change_status(application=application, to_status=value):
                        done += 1
                    else:
                        skipped.append(
                            _("%(application)s: it already was %(status)s.")
                            % {"application": application, "status": pipeline.in_sentence(value)}
                        )
                    continue
                if action == "tag":
                    application_add_tags(application=application, names=tag_names(value))
                elif action == "archive":
                    if not application_archive(application=application):
                        skipped.append(
                            _("%(application)s: it is still open.") % {"application": application}
                        )
                        continue
                elif action == "delete":
                    application_delete(application=application)
                else:
                    raise ValidationError(_("Unknown action."))
                done += 1
        except ValidationError as exc:
            skipped.append(
                _("%(application)s: %(why)s")
                % {"application": application, "why": " ".join(exc.messages)}
            )
    return done, skipped
