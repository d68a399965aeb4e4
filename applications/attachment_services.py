"""What was sent with an application: the résumé or letter, as a file or a version's name."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .models import Application, Attachment


def attachment_add(
    *,
    application: Application,
    kind: str,
    upload: UploadedFile | None = None,
    version: str = "",
) -> Attachment:
    """Record the résumé or letter sent with an application: its file (checked by the
    form), the name of the version used, or both."""
    attachment = Attachment(
        owner_id=application.owner_id,
        application=application,
        kind=kind,
        version=" ".join(version.split()),
    )
    if upload is not None:
        attachment.filename = (upload.name or "")[-200:]
        attachment.size = upload.size or 0
        attachment.file = upload
    if not attachment.file and not attachment.version:
        raise ValidationError(_("Attach a file or name the version you sent."))
    attachment.save()
    return attachment


def attachment_remove(*, attachment: Attachment) -> None:
    """Remove it (its file goes once the removal is committed, applications.receivers)."""
    attachment.delete()
