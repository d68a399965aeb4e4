"""A development SECRET_KEY made once per checkout, never committed (var/ is ignored)."""

import secrets
from pathlib import Path

from cryptography.fernet import Fernet


def dev_secret_key(var_dir: Path) -> str:
    path = var_dir / "secret_key"
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if len(key) < 50:
        var_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.touch(mode=0o600)
        path.write_text(key + "\n")
    return key


MISSING_FIELD_KEY_MESSAGE = (
    "FIELD_ENCRYPTION_KEYS must be set when DEBUG is off: journal entries, incident facts, "
    "feedback and private notes are stored encrypted with it. Make one with "
    "`python -c 'import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())'` "
    "and keep it as safely as the database backups: without it those words cannot be read."
)


def dev_field_encryption_key(var_dir: Path) -> str:
    """A development key for the encrypted fields (rebound.crypto), made once per checkout.
    Losing it loses the words written with it, which is fine for demo data only."""

    path = var_dir / "field_encryption_key"
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if len(key) != 44:
        var_dir.mkdir(parents=True, exist_ok=True)
        key = Fernet.generate_key().decode("ascii")
        path.touch(mode=0o600)
        path.write_text(key + "\n")
    return key
