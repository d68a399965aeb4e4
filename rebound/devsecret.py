"""A development SECRET_KEY made once per checkout, never committed (var/ is ignored)."""

import secrets
from pathlib import Path


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
