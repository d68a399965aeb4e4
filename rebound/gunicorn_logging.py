"""gunicorn's access log without the secrets some URLs carry.

The one-click links of reminder emails (/r/<token>/) are credentials for one reminder, and a
calendar feed's URL (/calendar/<token>.ics) reads a user's interviews: neither may sit in
access logs. Use with `gunicorn --logger-class rebound.gunicorn_logging.Logger`.
"""

import re
from typing import Any

from gunicorn.glogging import Logger as GunicornLogger

# The reminders' one-click links, and the private calendar feed's URL.
SECRET_PATHS = re.compile(r"/(r|calendar)/[^/\s?]+")


def redact(text: str) -> str:
    return SECRET_PATHS.sub(r"/\1/[redacted]", text)


class Logger(GunicornLogger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
