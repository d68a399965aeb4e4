import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_access_log_never_holds_an_email_links_token(tmp_path):
    port = _free_port()
    log = tmp_path / "access.log"
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "1",
        "SECRET_KEY": "gunicorn-log-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REBOUND_VAR_DIR": str(tmp_path / "var"),
        "ENV_FILE": str(tmp_path / "none.env"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "rebound.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            str(log),
            "--logger-class",
            "rebound.gunicorn_logging.Logger",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    token = "eyJyIjoxLCJhIjoiZG9uZSIsInYiOjF9:1tSecretSignature:ABCdef"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/r/{token}/?x=1")
            except urllib.error.HTTPError:
                break  # an answer (400: not a valid link) is all this test needs
            except OSError:
                time.sleep(0.1)
        # A calendar feed's URL is a credential too (404 here: no such feed).
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/calendar/1-1-{'ab' * 32}.ics")
        for _ in range(50):
            if log.exists() and "/calendar/" in log.read_text():
                break
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=10)
    text = log.read_text()
    assert "/r/[redacted]" in text and "/calendar/[redacted]" in text
    assert "Secret" not in text and "eyJ" not in text and "abab" not in text
