"""The layering of docs/architecture.md, checked on the source itself."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Bottom to top: a package may import only the packages before it.
LAYERS = [
    "rebound",
    "reminders",
    "applications",
    "interviews",
    "coping",
    "mailin",
    "insights",
    "feeds",
    "api",
    "home",
]


def _imports(package: str) -> dict[str, set[str]]:
    """{imported project package: {files importing it}} for every module of a package."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in LAYERS and top != package:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


@pytest.mark.parametrize("package", LAYERS)
def test_each_package_imports_only_the_layers_below_it(package):
    below = set(LAYERS[: LAYERS.index(package)])
    upward = {name: files for name, files in _imports(package).items() if name not in below}
    assert not upward, f"{package} imports layers above it: {upward}"


def test_the_reminder_engine_imports_no_app_that_uses_it():
    assert set(_imports("reminders")) <= {"rebound"}


def test_no_apps_ready_mutates_a_shared_list_or_dict():
    mutators = {"append", "extend", "insert", "update", "setdefault", "add"}
    for path in ROOT.glob("*/apps.py"):
        tree = ast.parse(path.read_text())
        for func in ast.walk(tree):
            if not (isinstance(func, ast.FunctionDef) and func.name == "ready"):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    assert node.func.attr not in mutators, (
                        f"{path}: ready() calls .{node.func.attr}"
                    )
                if isinstance(node, ast.Assign | ast.AugAssign):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    assert not any(isinstance(t, ast.Subscript | ast.Attribute) for t in targets), (
                        f"{path}: ready() assigns into another object"
                    )
