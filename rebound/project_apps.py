"""Rebound's own apps, bottom to top: each may import only the apps before it in this list
(docs/architecture.md; tests/test_architecture.py checks the source against its own copy of
the order). Plain data, so the settings can read it before Django starts."""

PROJECT_APPS = [
    "rebound",
    "reminders",
    "applications",
    "interviews",
    "todos",  # to-dos with due dates on an application
    "offers",  # offers side by side, a reminder before the decision deadline
    "coping",
    "mailin",
    "people",  # a contact's whole history across applications; "keep warm"
    "insights",
    "weekly",  # the opt-in weekly letter, from Insights' own definitions
    "feeds",
    "portability",
    "api",
    "mcp_server",  # the API's tools for AI agents (docs/mcp.md)
    "demo",
    "home",
]
