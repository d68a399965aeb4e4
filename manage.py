#!/usr/bin/env python
import os
import sys

# Commands that neither serve pages nor sign anything: on a fresh checkout they run without a
# SECRET_KEY (on the checkout's own development key, rebound.devsecret). Everything else, and
# every server and worker, still refuses to start without one when DEBUG is off.
OFFLINE_COMMANDS = {"makemigrations", "migrate", "showmigrations", "sqlmigrate", "collectstatic"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rebound.settings")
    if len(sys.argv) > 1 and sys.argv[1] in OFFLINE_COMMANDS:
        os.environ.setdefault("REBOUND_OFFLINE_COMMAND", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
