"""How drafted notes greet people and sign off, shared by every app that drafts one."""

from collections.abc import Sequence
from typing import Any


def first_name(full_name: str) -> str:
    parts = full_name.split()
    return parts[0] if parts else full_name


def greeting(names: Sequence[str]) -> str:
    """ "Dear A,", "Dear A and B,", "Dear A, B and C,"; "Dear all," past four; "Hello," alone."""
    firsts = [first_name(n) for n in names if n.strip()]
    if not firsts:
        return "Hello,"
    if len(firsts) > 4:
        return "Dear all,"
    if len(firsts) == 1:
        return f"Dear {firsts[0]},"
    return f"Dear {', '.join(firsts[:-1])} and {firsts[-1]},"


def signature(user: Any) -> str:
    return user.get_full_name() or user.first_name or ""
