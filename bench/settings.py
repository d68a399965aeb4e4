"""Production settings plus the bench's trivial view (bench/urls.py), for bench/load.py."""

from rebound.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
