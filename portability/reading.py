"""An uploaded file read as a backup document, and its shape checked, before anything is
written: each refusal is a BackupError that says what is wrong (the page shows it, a 400)."""

import json
from typing import Any

from django.apps import apps
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .document import FORMAT, MAX_BYTES, MODELS, VERSION, BackupError, fields, is_id, is_user


def read_document(upload: UploadedFile) -> dict[str, Any]:
    """An uploaded backup, parsed; or a BackupError saying what is wrong with the file (one
    over the limit is refused before it is read)."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise BackupError(
            _("The file is over %(limit)d MB.") % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    raw = upload.read()
    try:
        document = parse(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BackupError(_("That file isn’t a Rebound backup (it isn’t JSON).")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(_("That file isn’t a Rebound backup."))
    if document.get("version") != VERSION:
        raise BackupError(
            _("That backup has version %(version)s; this server reads version %(reads)s.")
            % {"version": repr(document.get("version")), "reads": VERSION}
        )
    if not isinstance(document.get("data"), dict):
        raise BackupError(_("That backup has no data section."))
    return document


class _DuplicateKey(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the document; a name given twice is refused (json would keep the last,
    silently: an application's status over someone else's timeline)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} isn’t a number a backup holds")


def parse(text: str) -> Any:
    """The document's JSON, strictly: no key twice in an object, no NaN or Infinity, and
    no nesting deeper than Python can read (a BackupError, not a crash)."""
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_no_constant)
    except _DuplicateKey as error:
        raise BackupError(
            _(
                "That backup gives “%(name)s” twice in one place, so it isn’t clear which to "
                "keep (a backup Rebound wrote never does; was it edited?)."
            )
            % {"name": error}
        ) from None
    except RecursionError:
        raise BackupError(_("That backup is nested too deeply to be a Rebound backup.")) from None
    except ValueError:  # json.JSONDecodeError is one
        raise BackupError(_("That file isn’t a Rebound backup (it isn’t JSON).")) from None


def check_shape(document: Any) -> None:
    """Every part of the document where restore expects it, with the type it expects; a
    BackupError naming the first part that isn't (before anything is written)."""
    if not isinstance(document, dict):
        raise BackupError(_("That file isn’t a Rebound backup."))
    data = document.get("data")
    if not isinstance(data, dict):
        raise BackupError(_("That backup has no data section."))
    for label, _owner in MODELS:
        rows = data.get(label, [])
        if not isinstance(rows, list):
            raise BackupError(_("%(label)s should be a list of rows.") % {"label": label})
        model = apps.get_model(label)
        references = [f.attname for f in fields(model) if f.is_relation and not is_user(f)]
        many = [m.name for m in model._meta.many_to_many]
        seen: set[int] = set()
        for n, row in enumerate(rows, start=1):
            where = _("Row %(n)d of %(label)s") % {"n": n, "label": label}
            if not isinstance(row, dict):
                raise BackupError(
                    _("%(where)s isn’t an object with names and values.") % {"where": where}
                )
            if "id" not in row:
                raise BackupError(_("%(where)s has no id.") % {"where": where})
            if not is_id(row["id"]):
                raise BackupError(
                    _("%(where)s has an id that isn’t a whole number.") % {"where": where}
                )
            if row["id"] in seen:
                raise BackupError(
                    _("%(where)s has the same id as an earlier row (%(id)s).")
                    % {"where": where, "id": row["id"]}
                )
            seen.add(row["id"])
            for name in references:
                if row.get(name) is not None and not is_id(row[name]):
                    raise BackupError(
                        _("%(where)s: %(name)s should be an id (a whole number).")
                        % {"where": where, "name": name}
                    )
            for name in many:
                refs = row.get(name, [])
                if not isinstance(refs, list) or not all(is_id(ref) for ref in refs):
                    raise BackupError(
                        _("%(where)s: %(name)s should be a list of ids.")
                        % {"where": where, "name": name}
                    )
            for key, value in row.items():
                if isinstance(value, (dict, list)) and key not in many:
                    raise BackupError(
                        _("%(where)s: %(name)s should be a single value.")
                        % {"where": where, "name": key}
                    )
    if not isinstance(document.get("preferences") or {}, dict):
        raise BackupError(_("The backup’s preferences should be an object."))
    for name, value in (document.get("preferences") or {}).items():
        if isinstance(value, (dict, list)):
            raise BackupError(
                _("The backup’s preference %(name)s should be a single value.") % {"name": name}
            )
    if not isinstance(document.get("calendar_feed", False), (bool, type(None))):
        raise BackupError(_("The backup’s calendar_feed should be true or false."))
    reminders = document.get("reminders") or []
    if not isinstance(reminders, list):
        raise BackupError(_("The backup’s reminders should be a list."))
    for n, item in enumerate(reminders, start=1):
        if not isinstance(item, dict):
            raise BackupError(_("Reminder %(n)d of the backup isn’t an object.") % {"n": n})
        for name in ("kind", "local_date", "local_time", "scope"):
            if name in item and not isinstance(item[name], str):
                raise BackupError(
                    _("Reminder %(n)d of the backup: %(name)s should be text.")
                    % {"n": n, "name": name}
                )
        if not is_id(item.get("subject")):
            raise BackupError(
                _("Reminder %(n)d of the backup: subject should be an id.") % {"n": n}
            )
