"""gunicorn's access log without the secrets some URLs carry.

The one-click links of reminder emails (/r/<token>/) are credentials for one reminder: they
must not sit in access logs. Use with `gunicorn --logger-class rebound.gunicorn_logging.Logger`.
"""

import re
from typing import Any

from gunicorn.glogging import Logger as GunicornLogger

SECRET_PATHS = re.compile(r"/r/[^/\s?]+")


def redact(text: str) -> str:
    return SECRET_PATHS.sub("/r/[redacted]", text)


class Logger(GunicornLogger):
    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms
