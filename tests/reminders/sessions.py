"""A second database session for the delivery tests: what a concurrent reader (or a
dispatcher after a crash) sees while a batch is being sent."""

import psycopg
from django.db import connection


def other_connection() -> psycopg.Connection:
    s = connection.settings_dict
    return psycopg.connect(
        dbname=s["NAME"], user=s["USER"], host=s["HOST"], port=s["PORT"] or 5432,
        password=s["PASSWORD"] or None, autocommit=True,
    )  # fmt: skip
