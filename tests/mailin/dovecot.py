"""A dovecot of the test's own: a temporary configuration on a free loopback port, users in a
passwd file, maildirs under a temporary directory; started with `dovecot -F -c CONF` and
stopped after. Never the machine's dovecot service (scripts/ensure-dovecot installs only the
package)."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from imap_tools import MailBoxUnencrypted

CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
# Plain-text log-in over the loopback only: this server lives for one test.
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Dovecot:
    root: Path
    port: int
    users: dict[str, str]
    host: str = "127.0.0.1"

    def set_password(self, user: str, password: str) -> None:
        self.users[user] = password
        self._write_passwd()
        time.sleep(1.1)  # dovecot looks at the file at most once a second

    def _write_passwd(self) -> None:
        # A new file in its place: dovecot notices the new inode and reads it again.
        fresh = self.root / "passwd.new"
        fresh.write_text("".join(f"{u}:{{PLAIN}}{p}::::\n" for u, p in self.users.items()))
        fresh.chmod(0o644)
        fresh.replace(self.root / "passwd")

    @contextmanager
    def mailbox(self, user: str) -> Iterator[MailBoxUnencrypted]:
        """The user's mailbox, as their mail client would see it."""
        with MailBoxUnencrypted(self.host, self.port, timeout=10) as box:
            box.login(user, self.users[user], initial_folder=None)
            yield box

    def append(self, user: str, raw: bytes, folder: str = "INBOX") -> None:
        with self.mailbox(user) as box:
            box.append(raw, folder)


def _mail_ids() -> tuple[int, int]:
    # dovecot refuses to deliver as root; the mail processes run as nobody then.
    if os.getuid() != 0:
        return os.getuid(), os.getgid()
    nobody = pwd.getpwnam("nobody")
    return nobody.pw_uid, nobody.pw_gid


@contextmanager
def running_dovecot(users: dict[str, str]) -> Iterator[Dovecot]:
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not os.path.exists(binary):
        raise RuntimeError("dovecot is missing: run scripts/ensure-dovecot")
    # Short: dovecot's unix sockets live under it, and their paths are limited to 108 bytes.
    root = Path(tempfile.mkdtemp(prefix="dv", dir="/tmp"))
    root.chmod(0o755)
    uid, gid = _mail_ids()
    for sub in ("run", "state", "home"):
        (root / sub).mkdir()
    os.chown(root / "home", uid, gid)
    server = Dovecot(root=root, port=free_port(), users=dict(users))
    server._write_passwd()
    conf = root / "dovecot.conf"
    conf.write_text(CONF.format(root=root, port=server.port, uid=uid, gid=gid))
    # In the foreground (-F): the fixture owns the process and stops it by its id.
    log = (root / "stderr.log").open("wb")
    process = subprocess.Popen(
        [binary, "-F", "-c", str(conf)], stdin=subprocess.DEVNULL, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection((server.host, server.port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "dovecot didn't start: " + (root / "stderr.log").read_text()
                    ) from None
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(root, ignore_errors=True)
