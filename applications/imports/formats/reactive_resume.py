"""Reactive Resume's job tracker export, mapped by the header aliases (columns.FIELDS)."""

from .base import Format

FORMAT = Format(
    "Reactive Resume", frozenset({"company", "role", "stage", "stagedate", "closedreason"})
)
