"""English left in a German page, email or note: checked on the rendered output.

Two nets, both on what a reader sees (text nodes and the attributes a browser shows or reads
aloud), never on the catalogue alone:

- **Unchanged text.** The same page rendered for the same data in English and in German: a
  piece of text that reads the same in both and holds a word is a string nobody translated.
  The data itself (names, notes, roles) reads the same in both, so each check is told the
  test's own data (`allowed`) and leaves it out, as it leaves out the words in `SAME_IN_BOTH`.
- **English words.** Common English words and the English month and day names, anywhere in
  the German text: this catches English built into a German sentence (a date formatted by
  Python's `strftime`, a label glued onto a translated one).
"""

import re
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

# Words that are the same in German and English, or names: a German page may show them.
SAME_IN_BOTH = frozenset(
    {
        "Rebound",
        "API",
        "CSV",
        "JSON",
        "iCal",
        "ICS",
        "URL",
        "IMAP",
        "SMTP",
        "SSL",
        "TLS",
        "STARTTLS",
        "LinkedIn",
        "Reactive",
        "Resume",
        "JobSync",
        "Huntr",
        "Teal",
        "OpenAPI",
        "Swagger",
        "Token",
        "Tokens",
        "Passkey",
        "Passkeys",
        "Start",
        "Plan",
        "Pläne",
        "Plans",
        "Import",
        "Export",
        "Status",
        "Position",
        "Team",
        "Name",
        "Video",
        "Online",
        "Hybrid",
        "Remote",
        "Tag",
        "Tags",
        "Details",
        "Feedback",
        "Mail",
        "Mails",
        "Link",
        "Links",
        "Notiz",
        "Filter",
        "Google",
        "Outlook",
        "Apple",
        "Thunderbird",
        "Gmail",
        "Chrome",
        "Firefox",
        "Safari",
        "Markdown",
        "HTML",
        "PDF",
        "XLSX",
        "OpenID",
        "Connect",
        "OIDC",
        "TOTP",
        "EEOC",
        "ACAS",
        "AGG",
        "ArbGG",
        "BGB",
        "LAG",
        "Sa",
        "Agentur",
        "Website",
    }
)

# English that never belongs in German prose. Whole words, case-sensitive where German has the
# same letters in another sense ("die", "also", "will", "man" are German words).
ENGLISH_WORDS = re.compile(
    r"\b(the|The|your|Your|you|You|and|with|this|This|that|from|have|has|been|what|What|"
    r"when|When|will not|won’t|can’t|don’t|isn’t|yet|here|Here|there|about|after|before|"
    r"please|Please|Save|Cancel|Delete|Edit|Back|Next|Previous|Yes|No|None|Today|Tomorrow|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|"
    r"January|February|March|May|June|July|October|December|Mar|Oct|Dec|"
    r"applications?|Applications?|interviews?|Interviews?|reminders?|Reminders?|"
    r"rejected|Rejected|Applied|Wishlist|Offer|offer|days?|weeks?|months?|ago|"
    r"Scheduled|Sending|Cancelled|Failed|Sent|Skipped|Drafted|Received|Waiting|Ghosted|"
    r"Withdrawn|Accepted|Interviewing|Screening)\b"
)

_WORD = re.compile(r"[^\W\d_]{3,}")
_SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "aria-description", "label")
_SKIPPED_TAGS = {"script", "style", "template", "code", "pre", "kbd", "samp"}


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        # The open elements whose text is not read: (tag, depth of that tag when it opened).
        self._skipped: list[tuple[str, int]] = []
        self._depth: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in _VOID:
            self._depth[tag] = self._depth.get(tag, 0) + 1
            # Code samples, scripts, and what is marked as not for translation (a name, an
            # address): until this element closes.
            if tag in _SKIPPED_TAGS or values.get("translate") == "no":
                self._skipped.append((tag, self._depth[tag]))
        if self._skipped:
            return
        for name in _SHOWN_ATTRIBUTES:
            if values.get(name):
                self.texts.append(values[name] or "")
        if tag == "input" and (values.get("type") or "") in {"submit", "button"}:
            self.texts.append(values.get("value") or "")
        if tag == "meta" and values.get("name") == "description":
            self.texts.append(values.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        depth = self._depth.get(tag, 0)
        if self._skipped and self._skipped[-1] == (tag, depth):
            self._skipped.pop()
        self._depth[tag] = max(depth - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self._skipped and data.strip():
            self.texts.append(" ".join(data.split()))


_VOID = {"input", "img", "br", "hr", "meta", "link", "source", "area", "col", "embed", "wbr"}


def visible_texts(html: str) -> list[str]:
    """Every piece of text a reader meets in `html`, whitespace collapsed."""
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return [t for t in parser.texts if t.strip()]


_URL = re.compile(r"(?:https?://|/)[^\s]*[/?=#][^\s]*")


def _without(text: str, allowed: Iterable[str]) -> str:
    """The text without the test's own data and without addresses (a link's path is not
    prose: /applications/12/ is the same in every language)."""
    for value in sorted(allowed, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    return _URL.sub(" ", text)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w not in SAME_IN_BOTH]


def english_left(
    german: str, english: str, allowed: Iterable[str] = (), *, html: bool = True
) -> list[str]:
    """What in `german` is still English: each offending piece of text, as the reader sees it.

    `german` and `english` are the same page (or email, or note) for the same data; `allowed`
    is that data's own text. Plain text (`html=False`) is compared line by line.
    """
    allowed = [a for a in allowed if a]
    if html:
        de_texts, en_texts = visible_texts(german), visible_texts(english)
    else:
        de_texts = [" ".join(line.split()) for line in german.splitlines() if line.strip()]
        en_texts = [" ".join(line.split()) for line in english.splitlines() if line.strip()]
    english_set = set(en_texts)
    left: list[str] = []
    for text in de_texts:
        rest = _without(text, allowed)
        if (text in english_set and _words(rest)) or ENGLISH_WORDS.search(rest):
            left.append(text)
    return list(dict.fromkeys(left))


def page_in_both(
    client: Any, user: Any, url: str, *, method: str = "get", data: dict[str, Any] | None = None
) -> tuple[str, str]:
    """The page at `url` as `user` reads it in German, then in English: (german, english).
    The client must be signed in as `user`; a POST (a form with errors) is sent in each."""
    pages = []
    for language in ("de", "en"):
        type(user).objects.filter(pk=user.pk).update(language=language)
        response = getattr(client, method)(url, data or {})
        assert response.status_code in {200, 400, 403, 404, 422}, (url, response.status_code)
        pages.append(response.content.decode())
    type(user).objects.filter(pk=user.pk).update(language="de")
    return pages[0], pages[1]


def assert_german(
    german: str, english: str, allowed: Iterable[str] = (), *, html: bool = True
) -> None:
    left = english_left(german, english, allowed, html=html)
    assert not left, "English left in the German text:\n" + "\n".join(left)
