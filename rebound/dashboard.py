"""What the home page shows; it may read from every app (the project package sits on top)."""

from typing import Any


def for_user(user: Any) -> dict[str, Any]:
    return {}
