"""Celery tasks: thin, take ids, call a service."""
