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
    "todos",
    "offers",
    "coping",
    "mailin",
    "people",
    "insights",
    "weekly",
    "feeds",
    "portability",
    "api",
    "mcp_server",
    "demo",
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


# --- Every write goes through its service -----------------------------------------------------
# A write is a call that saves, deletes or creates rows: on a model, a ModelForm, a manager or a
# queryset. Only a services module makes them: services.py, one named for its concern
# (`attachment_services.py`), or one inside a services/ package;
# views, forms, tasks, commands, the admin and the API call those services.
ALWAYS_WRITES = {"bulk_create", "bulk_update", "get_or_create", "update_or_create"}
# `.save()`/`.delete()` with no positional argument: a model, a form, a queryset (a cache's or a
# storage's delete(key) and save(name, content) take one).
BARE_WRITES = {"save", "delete"}
# `.create(…)`/`.update(…)` with keywords only, unless called on a plain dict-like by its name.
KEYWORD_WRITES = {"create", "update"}
NOT_ROWS = {"attrs", "initial", "context", "extra", "kwargs", "defaults", "data", "headers"}
# Module: why it may write without a service. Keep this short; each entry says why.
ALLOWED_WRITES = {
    # The UserManager's create_user/create_superuser: Django's contract, used by
    # `createsuperuser` and allauth; the sign-up itself is allauth's.
    "rebound/models.py": "the user manager",
    # Django's own admin log (LogEntry), not a domain row: the admin's record of what staff did.
    "rebound/admin_privacy.py": "the admin log",
    # Bench and load-test data: tens of thousands of rows by bulk_create, never a user's request,
    # and measured against pages, not the services (docs/performance.md).
    "demo/bulk.py": "bench data",
}


def _receiver_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        write = (
            method in ALWAYS_WRITES
            or (method in BARE_WRITES and not node.args)
            or (
                method in KEYWORD_WRITES
                and not node.args
                and bool(node.keywords)
                and not isinstance(receiver, ast.Subscript)
                and _receiver_name(receiver) not in NOT_ROWS
            )
        )
        if write:
            found.append((node.lineno, ast.unparse(node.func)))
    return found


def _is_service_module(path: Path) -> bool:
    return path.name.endswith("services.py") or "services" in path.parts[:-1]


def _app_modules() -> list[Path]:
    return [
        path
        for package in LAYERS
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_only_services_write_models():
    outside = [
        f"{path.relative_to(ROOT)}:{line}: {call}()"
        for path in _app_modules()
        if not _is_service_module(path) and str(path.relative_to(ROOT)) not in ALLOWED_WRITES
        for line, call in _writes(ast.parse(path.read_text(), filename=str(path)))
    ]
    assert not outside, "writes outside a service:\n" + "\n".join(outside)


def test_the_write_finder_sees_the_shortcuts_it_forbids():
    source = (
        "entry.delete()\nform.save()\nform.save(commit=False)\nThing.objects.create(a=1)\n"
        "Thing.objects.filter(a=1).update(b=2)\nplan.steps.create(step='x')\n"
        "Thing.objects.get_or_create(a=1)\nThing.objects.bulk_create(rows)\n"
        # Not writes: a dict, a cache, a storage, a widget's attributes.
        "context.update(a=1)\ncache.delete('k')\nstorage.save('n', f)\n"
        "field.widget.attrs.update(size=3)\nself.initial.update(a=1)\nd['k'].update(a=1)\n"
    )
    assert [line for line, _ in _writes(ast.parse(source))] == [1, 2, 3, 4, 5, 6, 7, 8]


# --- No import cycles ----------------------------------------------------------------------------
def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """{module: {project modules it imports}}, counting imports inside functions too (a cycle
    hidden in a function is still a cycle: reminders.dispatch ↔ reminders.tasks was one) but
    not those under `if TYPE_CHECKING:`."""
    paths = {_module_name(path): path for path in _app_modules()}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        skipped = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                for alias in node.names:
                    # `from a import b` imports the module a.b when there is one, else a.
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths else base)
        # Importing a.b.c runs a/__init__ and a/b/__init__ first: edges to those packages too,
        # but for the importer's own packages (already running when it is imported).
        own = {".".join(name.split(".")[:depth]) for depth in range(1, name.count(".") + 1)}
        targets |= {
            ".".join(target.split(".")[:depth])
            for target in list(targets)
            for depth in range(1, target.count(".") + 1)
        } - own
        graph[name] = {target for target in targets if target in paths and target != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_project_modules():
    assert not _cycles(_import_graph()), f"import cycles: {_cycles(_import_graph())}"


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# --- Rooms of a readable size -----------------------------------------------------------------
MAX_MODULE_LINES = 450


def test_no_app_module_is_longer_than_450_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in _app_modules()
        if (lines := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"
