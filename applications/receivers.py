"""Model housekeeping (not domain events): an attachment's file goes with its row."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Attachment


@receiver(post_delete, sender=Attachment, dispatch_uid="applications.attachment_file")
def delete_attachment_file(sender: Any, instance: Attachment, **kwargs: Any) -> None:
    """However the row goes (removed, its application deleted, the account deleted), its
    file goes too, once the deletion is committed: a rolled-back delete keeps the file."""
    name = instance.file.name
    if name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
