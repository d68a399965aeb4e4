"""Private words encrypted at rest, with keys from the environment (FIELD_ENCRYPTION_KEYS).

Fernet (AES-128-CBC with an HMAC-SHA256, from `cryptography`) through MultiFernet: the first
key encrypts, every key decrypts, so a key is rotated by putting a new one first and running
`manage.py encryption_rotate` before the old one is dropped.

A stored value is `PREFIX + token`. The prefix tells an encrypted value from the plaintext a
row held before its column was encrypted, so the data migration (and nothing else) can still
read those rows; it also names the scheme, so a later one can sit beside it.
"""

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import migrations, models

from rebound.devsecret import MISSING_FIELD_KEY_MESSAGE

PREFIX = "fernet:"


class DecryptionError(Exception):
    """A stored value none of the configured keys can open (a key was dropped too early)."""


def keys() -> list[str]:
    configured = getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or []
    if not configured:
        raise ImproperlyConfigured(MISSING_FIELD_KEY_MESSAGE)
    return list(configured)


@lru_cache(maxsize=4)
def _fernet(key_list: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in key_list])
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key (32 url-safe base64 "
            f"bytes, 44 characters): {error}"
        ) from error


def fernet() -> MultiFernet:
    return _fernet(tuple(keys()))


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def encrypt(plaintext: str) -> str:
    return PREFIX + fernet().encrypt(plaintext.encode()).decode("ascii")


def decrypt(stored: str) -> str:
    if not is_encrypted(stored):
        raise DecryptionError("This value is not encrypted (it has no scheme prefix).")
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode()
    except InvalidToken as error:
        raise DecryptionError(
            "None of the keys in FIELD_ENCRYPTION_KEYS opens this value: was the key that "
            "encrypted it removed before `manage.py encryption_rotate` ran?"
        ) from error


def rotate(stored: str) -> str:
    """The same words encrypted with the first key (a plaintext value gets encrypted)."""
    if not is_encrypted(stored):
        return encrypt(stored)
    try:
        return PREFIX + fernet().rotate(stored[len(PREFIX) :].encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise DecryptionError(
            "None of the keys in FIELD_ENCRYPTION_KEYS opens this value."
        ) from error


class EncryptedTextField(models.TextField):
    """A TextField stored encrypted. The database sees only ciphertext, so it cannot search,
    sort or compare these words: every lookup but isnull is refused (a filter on them would
    silently match nothing, since each encryption of the same words differs)."""

    description = "Text stored encrypted (Fernet)"

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        # An empty field stays empty: it says nothing but "not written", and blank=True forms
        # and "has the user written anything" checks keep their meaning.
        if value == "":
            return value
        return encrypt(value)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        if is_encrypted(value):
            return decrypt(value)
        # Plaintext written before this column was encrypted; only the data migration that
        # encrypts the column should ever see one.
        return value

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise FieldError(
                f"{self.model.__name__}.{self.name} is encrypted, so the database cannot "
                f"compare it ('{lookup_name}'): read the rows and compare in Python."
            )
        return super().get_lookup(lookup_name)

    def get_transform(self, lookup_name: str) -> Any:
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted, so the database cannot "
            f"transform it ('{lookup_name}')."
        )


# --- rewriting stored values: the data migrations and `manage.py encryption_rotate` ----------

BATCH = 500


def rewrite_columns(
    connection: Any,
    model: type[models.Model],
    fields: Sequence[str],
    transform: Callable[[str], str | None],
) -> int:
    """Pass each stored (raw) value of these columns through `transform`, which returns the
    new raw value or None to leave it; in batches, in primary-key order. Raw SQL, under the
    field: the field would decrypt on reading and encrypt on writing, and here the stored form
    itself is what changes. Returns how many rows changed."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = quote(model._meta.pk.column)
    columns = [model._meta.get_field(name).column for name in fields]  # type: ignore[union-attr]
    listed = f"SELECT {pk}, {', '.join(quote(c) for c in columns)} FROM {table}"
    first = f"{listed} ORDER BY {pk} LIMIT {BATCH}"
    after = f"{listed} WHERE {pk} > %s ORDER BY {pk} LIMIT {BATCH}"
    changed = 0
    last: Any = None
    while True:
        with connection.cursor() as cursor:
            cursor.execute(*((first,) if last is None else (after, [last])))
            rows = cursor.fetchall()
        if not rows:
            return changed
        for row_pk, *values in rows:
            updates = {}
            for column, value in zip(columns, values, strict=True):
                new = None if value is None or value == "" else transform(value)
                if new is not None and new != value:
                    updates[column] = (value, new)
            if not updates:
                continue
            # Only if the row still holds what was read: words saved meanwhile (a rotation
            # runs while the site serves) are newer, and already encrypted with the first key.
            assignments = ", ".join(f"{quote(c)} = %s" for c in updates)
            unchanged = " AND ".join(f"{quote(c)} = %s" for c in updates)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE {pk} = %s AND {unchanged}",
                    [
                        *(new for _, new in updates.values()),
                        row_pk,
                        *(old for old, _ in updates.values()),
                    ],
                )
                changed += cursor.rowcount
        last = rows[-1][0]


def encrypting(fields: dict[str, list[str]]) -> Any:
    """A data migration operation that encrypts the plaintext already in these columns
    ({"app.Model": [field, …]}), reversibly; values already encrypted are left as they are, so
    it can run again. Needs FIELD_ENCRYPTION_KEYS whenever there is a row to encrypt."""

    def apply(apps: Any, schema_editor: Any, transform: Callable[[str], str | None]) -> None:
        for label, names in fields.items():
            rewrite_columns(schema_editor.connection, apps.get_model(label), names, transform)

    def forwards(apps: Any, schema_editor: Any) -> None:
        apply(apps, schema_editor, lambda raw: None if is_encrypted(raw) else encrypt(raw))

    def backwards(apps: Any, schema_editor: Any) -> None:
        apply(apps, schema_editor, lambda raw: decrypt(raw) if is_encrypted(raw) else None)

    return migrations.RunPython(forwards, backwards, elidable=False)


def encrypted_fields() -> dict[type[models.Model], list[str]]:
    """Every installed model's encrypted fields."""
    from django.apps import apps

    found: dict[type[models.Model], list[str]] = {}
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found[model] = names
    return found
