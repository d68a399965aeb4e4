"""The catalogues: one for each app that marks strings, every entry translated (nothing left
untranslated or fuzzy, as `msgfmt --check --statistics` counts them), and none missing: the
strings are gathered from the source again, as `make messages` would, and compared with what
each catalogue holds. A new language in `LANGUAGES` is held to the same checks.

The rendered output is checked elsewhere (tests/i18n/check.py and the pages' own tests): these
tests make sure a string wrapped in code is also in its catalogue, and that every catalogue is
finished."""

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Every language but the one the source is written in has its catalogues.
TRANSLATED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# The marks makemessages finds: template tags, the gettext family, and `_()` in a module that
# imports it from django.utils.translation.
_TEMPLATE_MARK = re.compile(r"{%\s*(translate|trans|blocktranslate|blocktrans)\b")
_PYTHON_MARK = re.compile(
    r"\b(gettext|gettext_lazy|ngettext|ngettext_lazy|pgettext|pgettext_lazy|npgettext|"
    r"npgettext_lazy|gettext_noop|_)\s*\("
)
_JS_MARK = re.compile(r"\b(gettext|ngettext|pgettext|npgettext|interpolate)\s*\(")


def _count(statistics: str, what: str) -> int:
    """From msgfmt's "12 translated messages, 1 fuzzy translation, 3 untranslated messages."."""
    match = re.search(rf"(\d+) {what}\b", statistics)
    return int(match.group(1)) if match else 0


def _make_messages_ignores() -> list[str]:
    """The paths `make messages` leaves out (the Makefile's I18N_IGNORE), so these tests gather
    exactly what it gathers."""
    line = re.search(r"^I18N_IGNORE\s*:?=(.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert line, "The Makefile's I18N_IGNORE is gone: keep this test's list in step with it."
    return re.findall(r'-i\s+"([^"]+)"', line.group(1))


def _ignored(relative: Path) -> bool:
    return any(
        relative.match(pattern) or str(relative).startswith(pattern.rstrip("*"))
        for pattern in _make_messages_ignores()
    )


def _sources() -> dict[Path, Path]:
    """Each folder whose files are gathered into one place, with the folder its catalogues
    live in: each project app into its own locale/, the shared templates and static files
    into the project's."""
    sources = {ROOT / "templates": ROOT / "locale", ROOT / "static": ROOT / "locale"}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.parent == ROOT:
            sources[path] = path / "locale"
    return sources


def _marked_files(folder: Path) -> dict[str, list[Path]]:
    """The files under `folder` that mark strings, by the domain they go to."""
    found: dict[str, list[Path]] = {"django": [], "djangojs": []}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(ROOT)
        if not path.is_file() or _ignored(relative) or "locale" in relative.parts:
            continue
        if "migrations" in relative.parts or "__pycache__" in relative.parts:
            continue
        if path.suffix in {".html", ".txt"}:
            if _TEMPLATE_MARK.search(path.read_text(errors="replace")):
                found["django"].append(relative)
        elif path.suffix == ".py":
            text = path.read_text(errors="replace")
            if "django.utils.translation" in text and _PYTHON_MARK.search(text):
                found["django"].append(relative)
        elif path.suffix == ".js" and _JS_MARK.search(path.read_text(errors="replace")):
            found["djangojs"].append(relative)
    return found


def _catalogues() -> list[Path]:
    """Every catalogue on disk, for every translated language."""
    found: list[Path] = []
    for language in TRANSLATED:
        found += sorted(ROOT.glob(f"locale/{language}/LC_MESSAGES/*.po"))
        found += sorted(ROOT.glob(f"*/locale/{language}/LC_MESSAGES/*.po"))
    return [p for p in found if not _ignored(p.relative_to(ROOT))]


# --- a .po file, read as far as these checks need -------------------------------------------


@dataclass
class Entry:
    context: str = ""
    msgid: str = ""
    plural: str = ""
    translations: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.msgid, self.plural)


def read_po(path: Path) -> list[Entry]:
    """The entries of a catalogue (the header and obsolete `#~` entries left out). Strings are
    kept as written (escapes and all): both sides of every comparison are written the same."""
    entries: list[Entry] = []
    entry = Entry()
    current: str | None = None

    def finish() -> None:
        nonlocal entry
        if entry.msgid or entry.context:
            entries.append(entry)
        entry = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if current in {"msgstr"}:
                finish()
                current = None
            entry.flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            if current == "msgstr":
                finish()
                current = None
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = line[1:-1]
        else:
            value = rest.strip()[1:-1]
            if keyword in {"msgctxt", "msgid"} and current == "msgstr":
                finish()
            if keyword == "msgctxt" or (keyword == "msgid" and not entry.context):
                entry.line = number
            current = "msgstr" if keyword.startswith("msgstr") else keyword
            if current == "msgstr":
                entry.translations.append("")
        if current == "msgctxt":
            entry.context += value
        elif current == "msgid":
            entry.msgid += value
        elif current == "msgid_plural":
            entry.plural += value
        elif current == "msgstr":
            entry.translations[-1] += value
    finish()
    return entries


def _header(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = re.search(r'^msgid ""\nmsgstr ""\n((?:".*"\n)+)', text, re.M)
    return match.group(1).replace('"\n"', "") if match else ""


# --- every app with strings has its catalogue --------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_folder_that_marks_strings_has_its_catalogue(language):
    missing = []
    for folder, locale in _sources().items():
        for domain, files in _marked_files(folder).items():
            catalogue = locale / language / "LC_MESSAGES" / f"{domain}.po"
            if files and not catalogue.exists():
                missing.append(
                    f"{catalogue.relative_to(ROOT)} (strings in {', '.join(map(str, files[:3]))}"
                    + (f" and {len(files) - 3} more" if len(files) > 3 else "")
                    + ")"
                )
    assert not missing, "No catalogue for:\n" + "\n".join(missing)


def test_the_shared_templates_and_the_javascript_are_in_the_projects_catalogues():
    """The two sources these checks know are there, so the test above is not checking nothing."""
    assert _marked_files(ROOT / "templates")["django"]
    assert _marked_files(ROOT / "static")["djangojs"], (
        "No JavaScript string is marked (gettext() in static/js): the djangojs catalogue "
        "has nothing to translate"
    )


# --- every entry translated ---------------------------------------------------------------


@pytest.mark.parametrize("catalogue", _catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_msgfmt_finds_nothing_untranslated_or_fuzzy(catalogue: Path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(catalogue)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert "translated" in statistics, result.stderr
    translated, fuzzy, untranslated = (
        _count(statistics, what) for what in ("translated", "fuzzy", "untranslated")
    )
    entries = read_po(catalogue)
    not_done = [
        f"  line {e.line}: {e.msgid[:70]!r}" + (" (fuzzy)" if "fuzzy" in e.flags else "")
        for e in entries
        if "fuzzy" in e.flags or not all(e.translations)
    ]
    assert (fuzzy, untranslated) == (0, 0), (
        f"{catalogue.relative_to(ROOT)}: {statistics}\n" + "\n".join(not_done)
    )
    assert translated == len(entries) > 0, statistics


@pytest.mark.parametrize("catalogue", _catalogues(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_header_says_which_language_and_how_it_counts(catalogue: Path):
    language = catalogue.parts[-3]
    header = _header(catalogue)
    assert f"Language: {language}\\n" in header, header
    assert "charset=UTF-8" in header, header
    assert "Plural-Forms: nplurals=" in header, header
    # A fuzzy header is left out of the .mo: its plural rule and charset with it.
    assert not re.search(r'^#,.*\bfuzzy\b.*\nmsgid ""\n', catalogue.read_text(), re.M)


def _unescape(po_string: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), po_string)


@pytest.mark.parametrize(
    "catalogue",
    [p for p in _catalogues() if p.name == "djangojs.po"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_javascript_catalogue_is_served(db, client, catalogue: Path):
    """What the pages' scripts ask for (Django's JavaScript catalog, /jsi18n/) holds every entry
    of the djangojs catalogue, translated."""
    language = catalogue.parts[-3]
    response = client.get("/jsi18n/", headers={"accept-language": language})
    served = json.loads(
        re.search(r"const newcatalog = (.*?);\n", response.content.decode(), re.S).group(1)
    )
    missing = []
    for entry in read_po(catalogue):
        key = _unescape(entry.msgid)
        if entry.context:
            key = f"{_unescape(entry.context)}\x04{key}"
        if key not in served or not served[key]:
            missing.append(key)
    assert not missing, f"Not served in {language} (is the .mo compiled?): {missing}"


# --- nothing missing from the catalogues --------------------------------------------------

_COPY_IGNORED_AT_TOP = {
    ".git",
    ".venv",
    "var",
    "node_modules",
    "staticfiles",
    "tests",
    "tools",
    "bench",
    "docs",
    "test-results",
    ".hypothesis",
}
_COPY_IGNORED = {"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}

# makemessages in the copy, never in the checkout: it refuses to run unless the project it
# imports is the copy (an installed checkout could otherwise be imported and written to).
_GATHER = """
import os, sys
here = os.getcwd()
sys.path.insert(0, here)
import rebound
assert os.path.dirname(os.path.dirname(os.path.abspath(rebound.__file__))) == here, rebound
from django.core.management import call_command
import django
django.setup()
ignores = sys.argv[2:]
for language in sys.argv[1].split(","):
    for domain in ("django", "djangojs"):
        call_command("makemessages", locale=[language], domain=domain, no_obsolete=True,
                     ignore_patterns=ignores, verbosity=0)
"""


def _copy_ignores(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n in _COPY_IGNORED or n.endswith((".mo", ".pyc"))}
    if Path(folder).resolve() == ROOT:
        ignored |= {n for n in names if n in _COPY_IGNORED_AT_TOP or n.endswith(".egg-info")}
    return ignored


@pytest.fixture(scope="module")
def gathered(tmp_path_factory) -> Path:
    """A copy of the project with its catalogues emptied out and gathered again from the
    source, as `make messages` would gather them."""
    tree = tmp_path_factory.mktemp("messages") / "tree"
    shutil.copytree(ROOT, tree, ignore=_copy_ignores, symlinks=True)
    for po in tree.glob("**/locale/*/LC_MESSAGES/*.po"):
        po.unlink()
    result = subprocess.run(
        [sys.executable, "-c", _GATHER, ",".join(TRANSLATED), *_make_messages_ignores()],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "rebound.settings",
            "SECRET_KEY": "messages",
            "REBOUND_OFFLINE_COMMAND": "1",
        },
    )
    assert result.returncode == 0, result.stderr
    return tree


def test_every_marked_string_is_in_its_catalogue(gathered: Path):
    problems = []
    fresh = {p.relative_to(gathered) for p in gathered.glob("**/locale/*/LC_MESSAGES/*.po")}
    kept = {p.relative_to(ROOT) for p in _catalogues()}
    for relative in sorted(fresh | kept):
        wanted = {e.key: e for e in read_po(gathered / relative)} if relative in fresh else {}
        have = {e.key for e in read_po(ROOT / relative)} if relative in kept else set()
        missing = [wanted[key] for key in wanted if key not in have]
        stale = sorted(have - set(wanted))
        if missing:
            problems.append(
                f"{relative}: {len(missing)} string(s) marked in the source but missing"
                + ("" if relative in kept else " (no catalogue)")
                + ":\n"
                + "\n".join(f"    {e.msgid[:90]!r}" for e in missing[:15])
                + ("\n    …" if len(missing) > 15 else "")
            )
        if stale:
            problems.append(
                f"{relative}: {len(stale)} entries no longer in the source (make messages):\n"
                + "\n".join(f"    {msgid[:90]!r}" for _, msgid, _ in stale[:15])
            )
    assert not problems, "\n".join(problems)


# --- a second language costs one catalogue ------------------------------------------------


def test_no_model_stores_a_list_of_languages():
    """The user's language is a plain code checked by the form against LANGUAGES: adding a
    language changes no model, so it needs no migration."""
    codes = {code for code, _ in settings.LANGUAGES}
    offenders = []
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            choices = getattr(model_field, "flatchoices", None) or []
            values = {str(value) for value, _label in choices}
            if codes <= values:
                offenders.append(f"{model._meta.label}.{model_field.name}")
        for constraint in model._meta.constraints:
            condition = getattr(constraint, "condition", None) or getattr(constraint, "check", None)
            if condition is not None and "language" in str(condition):
                offenders.append(f"{model._meta.label}: {constraint.name}")
    assert not offenders, offenders
    from rebound.models import User

    assert not User._meta.get_field("language").choices


@pytest.fixture
def with_a_third_language(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]


def test_preferences_offer_every_language_in_settings(alice_client, alice, with_a_third_language):
    page = alice_client.get("/accounts/preferences/").content.decode()
    options = re.search(r'<select[^>]*name="language"[^>]*>(.*?)</select>', page, re.S)
    assert options, "Preferences has no language field"
    assert re.findall(r'<option value="(\w+)"', options.group(1)) == ["en", "de", "fr"]
    assert "Français" in options.group(1) and "Deutsch" in options.group(1)


def _preferences(user, **changes) -> dict:
    """The Preferences form as the user would send it back, with `changes`."""
    from home.forms import PreferencesForm

    form = PreferencesForm(instance=user)
    values = {name: form[name].value() for name in form.fields}
    return {k: v for k, v in values.items() if v is not None} | changes


def test_a_language_added_to_settings_can_be_chosen_without_a_migration(
    alice_client, alice, with_a_third_language
):
    response = alice_client.post("/accounts/preferences/", _preferences(alice, language="fr"))
    assert response.status_code == 302, response.content.decode()[:3000]
    alice.refresh_from_db()
    assert alice.language == "fr"


def test_a_language_not_in_settings_is_refused(alice_client, alice):
    response = alice_client.post("/accounts/preferences/", _preferences(alice, language="xx"))
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.language != "xx"
