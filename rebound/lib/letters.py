"""How drafted notes greet people and sign off, shared by every app that drafts one."""

import datetime as dt
from collections.abc import Sequence

from rebound.models import User


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


def signature(user: User) -> str:
    return user.get_full_name() or user.first_name or ""


def span(days: int) -> str:
    """A stretch of days as a person says it: "1 day", "9 days", "a week", "3 weeks",
    "4 months", "a year", "2 years"."""
    if days == 1:
        return "1 day"
    if days == 7:
        return "a week"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"{days // 7} weeks"
    months = round(days / 30.44)  # the mean month, so 91 days after 6 Sept reads "3 months"
    if months < 12:
        return f"{months} months"
    return "a year" if days < 730 else f"{days // 365} years"


def days_ago(days: int) -> str:
    """How long ago, as a person says it: "today", "yesterday", "9 days ago", "3 weeks ago".
    Emails compute it from the real dates when they go out, never from the date they were
    planned for (a reminder can be sent early, late or moved)."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{span(days)} ago"


def days_ago_opening(days: int) -> str:
    """days_ago() to open a sentence: "Earlier today", "Yesterday", "3 weeks ago"."""
    return "Earlier today" if days <= 0 else days_ago(days).capitalize()


def day_phrase(day: dt.date, today: dt.date) -> str:
    """ "today", "tomorrow", "yesterday", or "on Friday 12 December" for any other day."""
    offset = (day - today).days
    if offset == 0:
        return "today"
    if offset == 1:
        return "tomorrow"
    if offset == -1:
        return "yesterday"
    return f"on {day:%A %-d %B}"
