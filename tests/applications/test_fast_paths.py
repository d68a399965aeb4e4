"""The board and the table take shortcuts for speed: their cards and rows are Python strings
(templatetags/board_tags.py, table_tags.py) and the board's cards come from SQL written once per
database (selectors.board_cards). Each must give exactly what the plain version gives: a Django
template over the model, and the ORM's obvious query."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.template import Context, Template
from django.utils import timezone

from applications.models import Application, Company, Tag
from applications.pipeline import Status, is_closed
from applications.selectors import BoardCard, _board_cards_portable, _by_name, board_cards
from applications.templatetags.board_tags import card_html, time_in_stage
from applications.templatetags.table_tags import application_row
from applications.views import TABLE_COLUMNS
from rebound.models import User
from tests.factories import ApplicationFactory, CompanyFactory

ROOT = Path(__file__).resolve().parents[2]

# The card and the row as a template would write them, over the model instance. One line each:
# whitespace between the tags would be a difference of its own.
PLAIN_CARD = Template(
    '<article class="card board-card mb-2" id="card-{{ a.pk }}" draggable="true"'
    ' data-pk="{{ a.pk }}" data-from="{{ a.status }}"><div class="card-body p-2">'
    '<a class="fw-semibold d-block" href="{% url "applications:application_detail" a.pk %}">'
    "{{ a.role }}</a>"
    '<div class="small text-body-secondary">{{ a.company.name }}</div>'
    '<div class="board-meta small">'
    '<span class="board-age"><span aria-hidden="true">{{ age }}</span>'
    '<span class="visually-hidden">{{ said }}</span></span>'
    '<span class="board-stars"><span aria-hidden="true">{{ stars }}</span>'
    '<span class="visually-hidden">Excitement {{ a.excitement }} of 5</span></span>'
    "</div>"
    '{% if tags %}<ul class="board-tags" aria-label="Tags">'
    '{% for name in tags|slice:":3" %}<li class="badge text-bg-light border fw-normal">{{ name }}'
    "</li>{% endfor %}"
    '{% if rest %}<li class="badge text-bg-light border fw-normal" title="{{ rest|join:", " }}">'
    '<span aria-hidden="true">+{{ rest|length }}</span><span class="visually-hidden">'
    "{{ rest|length }} more tag{{ rest|length|pluralize }}</span></li>{% endif %}"
    "</ul>{% endif %}"
    '<a class="btn btn-sm btn-outline-primary mt-2 board-move"'
    ' href="{% url "applications:application_detail" a.pk %}#move-heading" data-move>Move'
    '<span class="visually-hidden"> {{ a.role }} at {{ a.company.name }}</span>…</a>'
    "</div></article>"
)
PLAIN_ROW = Template(
    "<tr>"
    '<td><input class="form-check-input" type="checkbox" name="ids" value="{{ a.pk }}"'
    ' id="tick-{{ a.pk }}" form="bulk">'
    '<label class="visually-hidden" for="tick-{{ a.pk }}">{{ a.role }} at {{ a.company.name }}'
    "</label></td>"
    '<td data-label="Role"><a href="{% url "applications:application_detail" a.pk %}">'
    "{{ a.role }}</a>"
    '{% if a.archived_at %} <span class="badge text-bg-light">archived</span>{% endif %}</td>'
    '<td data-label="Company"><a href="{% url "applications:company_detail" a.company_id %}"'
    ' class="link-secondary">{{ a.company.name }}</a></td>'
    '<td data-label="Status"><span class="badge rounded-pill status-{{ a.status }}">'
    "{{ a.get_status_display }}</span></td>"
    '<td data-label="Applied">{{ a.date_applied|date:"j M Y"|default:"—" }}</td>'
    '<td data-label="Source">{{ a.get_source_display|default:"—" }}</td>'
    '<td data-label="Excitement">{{ a.excitement }}/5</td>'
    '<td data-label="Updated">{{ a.updated_at|date:"j M Y" }}</td>'
    "</tr>"
)

# Text that breaks naive HTML building: markup, both quotes, an entity already escaped,
# format-string braces, percent signs, non-ASCII, a newline, and nothing at all.
HOSTILE = [
    '<script>alert("x")</script>',
    'O\'Reilly & "Sons"',
    "Tom &amp; Jerry &lt;b&gt;",
    "{pk} {role} {0} {company!r}",
    "100% %s %(x)s",
    "Zürich – 東京 💼",
    "Line one\nline two",
    "",
    "   spaced   ",
    "</td></tr><tr><td>",
]


# The day the cards are drawn on (their time in stage counts to it).
CARDS_ON = dt.date(2026, 12, 1)


def _card_context(model: Application, tags: tuple[str, ...]) -> Context:
    """What the plain card reads beside the model: the words of its age (time_in_stage has
    tests of its own, tests/applications/test_board_cards.py), its stars, its tags by name."""
    age, said = time_in_stage(model.status_changed_on, CARDS_ON)
    stars = "★" * model.excitement + "☆" * (5 - model.excitement)
    return Context(
        {"a": model, "age": age, "said": said, "stars": stars, "tags": tags, "rest": tags[3:]}
    )


def _make_varied(owner: User) -> list[Application]:
    """One application per status and per hostile text, with empty and odd fields among them,
    and up to five tags named with hostile text."""
    made = []
    statuses = list(Status.values)
    tags = [Tag.objects.create(owner=owner, name=f"{text} #{k}") for k, text in enumerate(HOSTILE)]
    for i, text in enumerate(HOSTILE * 2):
        status = statuses[i % len(statuses)]
        # Names are unique per owner: the second round's carry a suffix.
        name = (HOSTILE[(i + 3) % len(HOSTILE)] or "Acme") + ("" if i < len(HOSTILE) else " 2")
        company = CompanyFactory(owner=owner, name=name)
        application = ApplicationFactory(company=company, role=f"Role {i}")
        changes: dict[str, Any] = {
            "role": text,
            "status": status,
            "excitement": 1 + i % 5,
            "source": ["", "job_board", "referral", "other"][i % 4],
            "date_applied": None if i % 3 == 0 else dt.date(2026, 1 + i % 12, 1 + i % 28),
            # Only a closed application can be archived (a database constraint).
            "archived_at": timezone.now() if is_closed(status) and i % 2 else None,
            # Near midnight UTC, so the user's zone moves the day shown.
            "updated_at": dt.datetime(2026, 11, 30, 23, 30 + i % 30, tzinfo=dt.UTC),
            # Today, days, weeks and months before the day the cards are drawn on.
            "status_changed_on": CARDS_ON - dt.timedelta(days=[0, 1, 5, 21, 70, 400][i % 6]),
        }
        if i == 4:
            # A company whose name is empty: the row and the card must still agree.
            Company.objects.filter(pk=company.pk).update(name="")
        Application.objects.filter(pk=application.pk).update(**changes)
        application.tags.set(tags[(i + k) % len(tags)] for k in range(i % 6))
        made.append(application)
    # Every status appears, each with hostile text somewhere.
    assert {Application.objects.get(pk=a.pk).status for a in made} == set(statuses)
    return made


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "America/Adak"])
def test_every_row_is_the_html_the_plain_template_gives(alice, zone):
    _make_varied(alice)
    rows = Application.objects.filter(owner=alice).values(*TABLE_COLUMNS).order_by("pk")
    models = Application.objects.filter(owner=alice).select_related("company").order_by("pk")
    assert len(rows) == len(models) == 2 * len(HOSTILE)
    with timezone.override(zone):
        for row, model in zip(rows, models, strict=True):
            assert application_row(row) == PLAIN_ROW.render(Context({"a": model}))
    # The comparison saw what it should: escaped markup, archived rows, empty fields.
    with timezone.override(zone):
        table = "".join(application_row(row) for row in rows)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in table
    assert "O&#x27;Reilly &amp; &quot;Sons&quot;" in table
    assert "Tom &amp;amp; Jerry" in table
    assert "archived</span>" in table and '<td data-label="Applied">—</td>' in table
    assert '<td data-label="Source">—</td>' in table


def test_every_card_is_the_html_the_plain_template_gives(alice):
    _make_varied(alice)
    limits = dict.fromkeys(Status.values, 100)
    cards = board_cards(owner=alice, limits=limits, tag=None)
    assert {card.status for card in cards} == set(Status.values)
    models = (
        Application.objects.select_related("company")
        .prefetch_related("tags")
        .in_bulk([card.pk for card in cards])
    )
    for card in cards:
        model = models[card.pk]
        tags = _by_name(tag.name for tag in model.tags.all())
        assert card_html(card, CARDS_ON) == PLAIN_CARD.render(_card_context(model, tags))
    board = "".join(card_html(card, CARDS_ON) for card in cards)
    assert "&lt;script&gt;" in board and "O&#x27;Reilly" in board and "<script>" not in board
    # Every kind of age, and tags beyond the three a card names.
    for shown in ("Today", "1 day", "5 days", "3 weeks", "2 months", "13 months", "+2"):
        assert f'<span aria-hidden="true">{shown}</span>' in board, shown


def test_a_card_built_from_plain_values_is_the_plain_templates_too():
    # Without the database: the card's values themselves, hostile ones included.
    for i, text in enumerate(HOSTILE):
        card = BoardCard(
            pk=10**i,
            role=text,
            status=Status.values[i % 4],
            company_name=text[::-1],
            status_changed_on=CARDS_ON - dt.timedelta(days=9 * i),
            excitement=1 + i % 5,
            tag_names=_by_name(HOSTILE[i:] if i % 2 else HOSTILE[:i]),
        )
        model = Application(
            pk=card.pk,
            role=card.role,
            status=card.status,
            status_changed_on=card.status_changed_on,
            excitement=card.excitement,
        )
        model.company = Company(name=card.company_name)
        html = PLAIN_CARD.render(_card_context(model, card.tag_names))
        assert card_html(card, CARDS_ON) == html


# --- The board's cards: SQL per database against the ORM's obvious query ------------------


def _plain_board(owner: User, limits: dict[str, int], tag: Tag | None) -> dict[str, list[Any]]:
    """Per column, its cards as the ORM reads them most simply: one query per status."""
    found = Application.objects.filter(owner=owner, archived_at__isnull=True)
    if tag is not None:
        found = found.filter(tags=tag)
    columns: dict[str, list[Any]] = {}
    for status, limit in limits.items():
        chosen = found.filter(status=status).select_related("company").prefetch_related("tags")
        chosen = chosen.order_by("-excitement", "-updated_at", "-pk")[: max(limit, 0)]
        if limit > 0:
            columns[status] = [
                BoardCard(
                    a.pk,
                    a.role,
                    a.status,
                    a.company.name,
                    a.status_changed_on,
                    a.excitement,
                    _by_name(tag.name for tag in a.tags.all()),
                )
                for a in chosen
            ]
    return columns


def _columns(cards: list[BoardCard]) -> dict[str, list[BoardCard]]:
    columns: dict[str, list[BoardCard]] = {}
    for card in cards:
        columns.setdefault(card.status, []).append(card)
    return columns


LIMITS = [
    dict.fromkeys(Status.values, 100),
    {"applied": 3, "screening": 2, "offer": 0, "rejected": 1},
    {"wishlist": 1},
    dict.fromkeys(Status.values, 2),
]


def board_data(owner: User, stranger: User) -> Tag:
    """Applications in every column, with the ties the ordering must break the same way:
    equal excitement, equal times, archived ones, a tag on some (two more on a few), and
    another owner's."""
    remote = Tag.objects.create(owner=owner, name="remote")
    more = [Tag.objects.create(owner=owner, name=name) for name in ("Zürich", "Äpfel")]
    elsewhere = Tag.objects.create(owner=stranger, name="remote")
    company = CompanyFactory(owner=owner, name="Acme & Co")
    when = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    for i in range(40):
        application = ApplicationFactory(company=company, role=f"Role {i:02d}")
        # Pairs share their column, excitement and time exactly: only the id breaks the tie.
        status = Status.values[(i // 2) % len(Status.values)]
        Application.objects.filter(pk=application.pk).update(
            status=status,
            excitement=1 + (i // 4) % 3,
            updated_at=when + dt.timedelta(hours=i // 2),
            archived_at=when if is_closed(status) and i % 5 == 0 else None,
            status_changed_on=dt.date(2026, 11, 1) + dt.timedelta(days=i),
        )
        if i % 3 == 0:
            application.tags.add(remote)
        if i % 4 == 0:
            application.tags.add(*more)
    theirs = ApplicationFactory(company=CompanyFactory(owner=stranger), role="Not yours")
    theirs.tags.add(elsewhere)
    return remote


@pytest.mark.parametrize("limits", LIMITS)
def test_the_board_sql_picks_the_cards_the_plain_orm_picks(alice, bob, limits):
    remote = board_data(alice, bob)
    for tag in (None, remote):
        plain = _plain_board(alice, limits, tag)
        assert _columns(board_cards(owner=alice, limits=limits, tag=tag)) == {
            status: cards for status, cards in plain.items() if cards
        }
        # The portable branch (SQLite's) gives the same cards, in the same order.
        assert _board_cards_portable(owner=alice, limits=limits, tag=tag) == board_cards(
            owner=alice, limits=limits, tag=tag
        )
    assert not any(
        card.role == "Not yours" for card in board_cards(owner=alice, limits=LIMITS[0], tag=None)
    )


SQLITE_SCRIPT = r"""
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
assert connection.vendor == "sqlite"
from rebound.models import User
from applications.selectors import board_cards
from tests.applications.test_fast_paths import LIMITS, _columns, _plain_board, board_data
alice = User.objects.create_user(email="alice@example.com", password="x" * 12)
bob = User.objects.create_user(email="bob@example.com", password="x" * 12)
remote = board_data(alice, bob)
out = []
for limits in LIMITS:
    for tag in (None, remote):
        cards = _columns(board_cards(owner=alice, limits=limits, tag=tag))
        plain = {s: c for s, c in _plain_board(alice, limits, tag).items() if c}
        assert cards == plain, (limits, tag)
        out.append({s: [c.role for c in cs] for s, cs in cards.items()})
print(json.dumps(out))
"""


@pytest.mark.slow
def test_the_sqlite_branch_on_sqlite_picks_the_postgresql_branchs_cards(alice, bob, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rebound.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECRET_KEY": "test-only-" + "x" * 40,
        "CACHE_URL": "",
        "CELERY_BROKER_URL": "memory://",
    }
    done = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    on_sqlite = json.loads(done.stdout.strip().splitlines()[-1])
    remote = board_data(alice, bob)
    on_postgresql = [
        {
            status: [card.role for card in cards]
            for status, cards in _columns(board_cards(owner=alice, limits=limits, tag=tag)).items()
        }
        for limits in LIMITS
        for tag in (None, remote)
    ]
    assert on_sqlite == on_postgresql
