"""Talking to a user's IMAP server: connect, log in, open one folder read-only, list and fetch.

Read-only by construction: the folder is opened with EXAMINE and bodies are fetched with
BODY.PEEK, so Rebound never marks, moves or deletes anything on the user's server. Every
failure becomes an `ImapProblem` whose message is written for the user.
"""

from __future__ import annotations

import imaplib
import ipaddress
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import ImapToolsError, MailboxFolderSelectError, MailboxLoginError
from imap_tools.mailbox import BaseMailBox

SSL = "ssl"
STARTTLS = "starttls"
PLAIN = "plain"

_FETCH_UID = re.compile(rb"UID (\d+)")
_FETCH_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


class ImapProblem(Exception):
    """Why the folder couldn’t be read, in words the user can act on; `field` names the form
    field it is about, when one is."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Folder:
    mailbox: BaseMailBox
    uidvalidity: int

    def uids_after(self, last_uid: int) -> list[int]:
        """UIDs above last_uid, ascending. ("N:*" always includes the newest message, even
        when its UID is below N, hence the filter.)"""
        result = self.mailbox.client.uid("SEARCH", f"UID {last_uid + 1}:*")
        return sorted(u for u in _uid_list(result) if u > last_uid)

    def uids_since(self, day: str) -> list[int]:
        """UIDs of messages that arrived on or after day ("06-Dec-2026"), ascending."""
        return sorted(_uid_list(self.mailbox.client.uid("SEARCH", f"SINCE {day}")))

    def sizes(self, uids: list[int]) -> dict[int, int]:
        if not uids:
            return {}
        typ, data = self.mailbox.client.uid(
            "FETCH", ",".join(str(u) for u in uids), "(UID RFC822.SIZE)"
        )
        if typ != "OK":
            raise ImapProblem(_("The server wouldn’t say how big the new messages are."))
        sizes: dict[int, int] = {}
        for item in data:
            line = item[0] if isinstance(item, tuple) else item
            if not isinstance(line, bytes):
                continue
            uid, size = _FETCH_UID.search(line), _FETCH_SIZE.search(line)
            if uid and size:
                sizes[int(uid.group(1))] = int(size.group(1))
        return sizes

    def fetch(self, uid: int) -> bytes | None:
        """The raw message, without setting \\Seen (PEEK); None if it has gone meanwhile."""
        typ, data = self.mailbox.client.uid("FETCH", str(uid), "(UID BODY.PEEK[])")
        if typ != "OK":
            raise ImapProblem(_("The server wouldn’t hand over a new message."))
        for item in data:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
                return item[1]
        return None


def _uid_list(result: tuple[str, list[bytes | None]]) -> list[int]:
    typ, data = result
    if typ != "OK":
        raise ImapProblem(_("The server wouldn’t list the folder’s messages."))
    return [int(u) for u in (data[0] or b"").split() if u.isdigit()]


def check_host_allowed(host: str, port: int) -> None:
    """Refuse addresses inside the server’s own network (unless MAILIN_IMAP_ALLOW_PRIVATE_HOSTS):
    otherwise the form would let anyone make Rebound knock on its own Redis or database."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ImapProblem(
            _(
                "Rebound couldn’t find a server called %(host)s. Check the name (for example "
                "imap.gmail.com or imap.fastmail.com)."
            )
            % {"host": host},
            "host",
        ) from None
    if settings.MAILIN_IMAP_ALLOW_PRIVATE_HOSTS:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise ImapProblem(
                _(
                    "%(host)s is an address inside a private network, which Rebound doesn’t "
                    "connect to. Use your mail provider’s public IMAP server."
                )
                % {"host": host},
                "host",
            )


def _open(host: str, port: int, security: str, timeout: float) -> BaseMailBox:
    if security == SSL:
        return MailBox(host, port, timeout=timeout, ssl_context=ssl.create_default_context())
    if security == STARTTLS:
        return MailBoxStartTls(
            host, port, timeout=timeout, ssl_context=ssl.create_default_context()
        )
    return MailBoxUnencrypted(host, port, timeout=timeout)


@contextmanager
def open_folder(
    *, host: str, port: int, security: str, username: str, password: str, folder: str
) -> Iterator[Folder]:
    """Log in and open folder read-only; always logs out."""
    check_host_allowed(host, port)
    where = _("%(host)s on port %(port)s") % {"host": host, "port": port}
    try:
        mailbox = _open(host, port, security, settings.MAILIN_IMAP_TIMEOUT)
    except ssl.SSLError:
        raise ImapProblem(
            _(
                "Rebound reached %(where)s, but a secure connection couldn’t be made. Check "
                "the port and the security setting (SSL/TLS is usually port 993, STARTTLS "
                "port 143)."
            )
            % {"where": where}
        ) from None
    except TimeoutError:
        raise ImapProblem(
            _("%(where)s didn’t answer in time. Check the name and the port, or try again later.")
            % {"where": where}
        ) from None
    except (OSError, imaplib.IMAP4.error, ImapToolsError, ValueError):
        raise ImapProblem(
            _(
                "Rebound couldn’t connect to %(where)s. Check the name, the port and the "
                "security setting."
            )
            % {"where": where}
        ) from None
    try:
        try:
            mailbox.login(username, password, initial_folder=None)
        except MailboxLoginError:
            raise ImapProblem(
                _(
                    "The server didn’t accept that user name and password. Many providers want "
                    "an app password for IMAP rather than your usual one (Gmail, Outlook, "
                    "iCloud, Fastmail all do)."
                ),
                "password",
            ) from None
        try:
            mailbox.folder.set(folder, readonly=True)
        except MailboxFolderSelectError:
            raise ImapProblem(
                _(
                    "You’re logged in, but there’s no folder called “%(folder)s”. Check its "
                    "exact name (folders inside others are often written like “INBOX/Jobs” or "
                    "“INBOX.Jobs”)."
                )
                % {"folder": folder},
                "folder",
            ) from None
        validity = mailbox.client.response("UIDVALIDITY")[1]
        if not validity or not validity[-1]:
            raise ImapProblem(_("The server didn’t number the folder’s messages (no UIDVALIDITY)."))
        yield Folder(mailbox=mailbox, uidvalidity=int(validity[-1]))
    except ImapProblem:
        raise
    except TimeoutError:
        raise ImapProblem(
            _("%(where)s stopped answering. Rebound will try again later.") % {"where": where}
        ) from None
    except (OSError, imaplib.IMAP4.error, ImapToolsError):
        raise ImapProblem(
            _("The connection to %(where)s broke off. Rebound will try again later.")
            % {"where": where}
        ) from None
    finally:
        # The connection may already be gone; there is nothing left to save.
        with suppress(Exception):
            mailbox.logout()
