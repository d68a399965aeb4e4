"""The pipeline's rules are written once (applications/pipeline.py), and every place that says
"closed" or "exit" says the same as it."""

import ast
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from applications import pipeline
from applications.models import Application
from applications.pipeline import Status
from applications.selectors import board_columns, open_applications
from tests.factories import ApplicationFactory, CompanyFactory

ROOT = Path(__file__).resolve().parents[2]
# Written out by hand: what the product means by each word.
CLOSED_BY_HAND = {"accepted", "rejected", "withdrawn", "ghosted"}
EXITS_BY_HAND = ["rejected", "withdrawn", "ghosted"]


def test_it_says_closed_is_an_offer_taken_or_an_exit():
    assert set(pipeline.CLOSED) == CLOSED_BY_HAND
    assert list(pipeline.EXITS) == EXITS_BY_HAND
    assert [s.value for s in pipeline.STAGES] == [
        "wishlist",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "accepted",
    ]
    assert all(pipeline.is_closed(s) == (s in CLOSED_BY_HAND) for s in Status.values)


def test_it_knows_where_each_status_may_go():
    assert pipeline.can_move("applied", "screening")
    assert not pipeline.can_move("wishlist", "offer")
    assert not pipeline.can_move("applied", "hired")  # unknown: no move
    assert not pipeline.can_move("hired", "applied")
    assert pipeline.next_status("applied") == "screening"
    assert pipeline.next_status("wishlist") == "applied"
    assert pipeline.next_status("rejected") == ""  # reopening is a deliberate choice
    assert pipeline.move_groups("rejected") == [
        (
            "Reopen",
            [("screening", "Screening"), ("interviewing", "Interviewing"), ("offer", "Offer")],
        )
    ]
    assert pipeline.move_groups("ghosted") == [
        ("Close it differently", [("rejected", "Rejected"), ("withdrawn", "Withdrawn")]),
        (
            "Reopen",
            [("screening", "Screening"), ("interviewing", "Interviewing"), ("offer", "Offer")],
        ),
    ]
    assert pipeline.move_groups("screening") == [
        ("Forward", [("interviewing", "Interviewing"), ("offer", "Offer")]),
        (
            "Close it",
            [("rejected", "Rejected"), ("withdrawn", "Withdrawn"), ("ghosted", "Ghosted")],
        ),
        ("Back a step", [("applied", "Applied")]),
    ]


@pytest.mark.django_db
def test_the_table_the_board_the_archive_and_the_model_agree_with_the_pipeline(alice, alice_client):
    company = CompanyFactory(owner=alice)
    apps = {
        s: ApplicationFactory(company=company, status=s, role=f"Role {s}") for s in Status.values
    }
    # The model, the table's "still open" filter (and a plan's "keep these moving"), and the
    # page's filter all leave out exactly the closed ones.
    assert {s for s, a in apps.items() if a.is_closed} == CLOSED_BY_HAND
    assert {a.status for a in open_applications(alice)} == set(Status.values) - CLOSED_BY_HAND
    page = alice_client.get(reverse("applications:application_list"), {"status": "open"})
    shown = {s for s in Status.values if f"Role {s}<" in page.content.decode()}
    assert shown == set(Status.values) - CLOSED_BY_HAND
    # The board's lane below, which opens on demand, holds the exits; the rest side by side.
    lanes = board_columns(owner=alice, tag=None, shown="")
    assert [status for status, _, _ in lanes["exits"]] == EXITS_BY_HAND
    assert {status for status, _, _ in lanes["open"]} == set(Status.values) - set(EXITS_BY_HAND)
    # Only a closed application may be archived (a check constraint in the database).
    for status, application in apps.items():
        archive = Application.objects.filter(pk=application.pk)
        if status in CLOSED_BY_HAND:
            assert archive.update(archived_at=timezone.now()) == 1
        else:
            with pytest.raises(IntegrityError), transaction.atomic():
                archive.update(archived_at=timezone.now())


def _app_modules() -> list[Path]:
    skip = {".venv", "tests", "node_modules", "var", "static"}
    return [
        p
        for p in ROOT.rglob("*.py")
        if not skip & set(p.relative_to(ROOT).parts) and "migrations" not in p.parts
    ]


def test_no_module_but_the_pipeline_lists_the_exits_or_the_closed_statuses():
    """A set, tuple or list of the three exits (or the exits plus another status) anywhere
    else would be a second definition of "exit" or "closed"."""
    exits = {"REJECTED", "WITHDRAWN", "GHOSTED"}
    found = []
    for path in _app_modules():
        if path == ROOT / "applications" / "pipeline.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Set | ast.Tuple | ast.List):
                continue
            items = set()
            for e in node.elts:
                if isinstance(e, ast.Attribute):
                    items.add(e.attr)
                elif isinstance(e, ast.Constant) and isinstance(e.value, str):
                    items.add(e.value.upper())
                elif isinstance(e, ast.Starred) and isinstance(e.value, ast.Name | ast.Attribute):
                    items.add(f"*{ast.unparse(e.value)}")
            if exits <= items or any(i.startswith("*") and "EXIT" in i for i in items):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_pipelines_names_are_imported_from_the_pipeline():
    """applications.models imports Status for its fields; nobody reads it from there."""
    moved = {"Status", "STAGES", "EXITS", "CLOSED", "TRANSITIONS", "EXIT_STATUSES", "PIPELINE"}
    skip = {".venv", "node_modules", "var", "static", "vendor"}
    found = []
    for path in ROOT.rglob("*.py"):
        if skip & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").endswith("models"):
                continue
            inside_applications = path.parent.relative_to(ROOT).parts[:1] == ("applications",)
            from_models = node.module == "applications.models" or (
                node.level > 0 and node.module == "models" and inside_applications
            )
            if from_models and moved & {alias.name for alias in node.names}:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
