"""`manage.py mcp`: Rebound's MCP server for AI agents (docs/mcp.md).

- stdio (the default): an agent on this machine starts it as a subprocess; the token is read
  from REBOUND_API_TOKEN and checked before the server starts.
- `--http`: streamable HTTP at http://HOST:PORT/mcp for agents elsewhere; each request brings
  its own `Authorization: Bearer rbd_…`. `--public-url` is where agents reach it (behind a
  proxy); the Host header is checked against it and ALLOWED_HOSTS (DNS rebinding).
"""

import os
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from mcp.server.transport_security import TransportSecuritySettings

from api.services import token_check
from mcp_server.server import build_server


class Command(BaseCommand):
    help = "Serve Rebound's tools for AI agents over MCP (stdio, or streamable HTTP with --http)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--http", action="store_true", help="Serve streamable HTTP.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--public-url",
            default="",
            help="Where agents reach /mcp; http://HOST:PORT/mcp if unset.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["http"]:
            text = os.environ.get("REBOUND_API_TOKEN", "").strip()
            if not text or token_check(text) is None:
                raise CommandError(
                    "Set REBOUND_API_TOKEN to a usable token (Preferences → API tokens): it is "
                    "missing, unknown, revoked or expired."
                )
            build_server(stdio_token=text).run("stdio")
            return
        host, port = options["host"], options["port"]
        if not 1 <= port <= 65535:
            raise CommandError("--port is a number from 1 to 65535.")
        public_url = options["public_url"] or f"http://{host}:{port}/mcp"
        public = urlsplit(public_url)
        if public.scheme not in {"http", "https"} or not public.netloc:
            raise CommandError(
                "--public-url is an http(s) address, such as https://example.org/mcp"
            )
        names = {host, public.hostname or "", *settings.ALLOWED_HOSTS} - {""}
        security = TransportSecuritySettings(
            allowed_hosts=sorted({*names, *(f"{n}:*" for n in names), public.netloc}),
            allowed_origins=[f"{public.scheme}://{public.netloc}", settings.SITE_URL.rstrip("/")],
        )
        self.stderr.write(f"Rebound's MCP server on http://{host}:{port}/mcp ({public_url})")
        build_server(public_url=public_url).run(
            "streamable-http",
            host=host,
            port=port,
            streamable_http_path="/mcp",  # a proxy may publish it under another path
            stateless_http=True,
            json_response=True,
            transport_security=security,
        )
