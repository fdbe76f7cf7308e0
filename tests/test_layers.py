"""The README's layering, checked over every module of ``leaddesk/`` by reading its imports (AST).

- ``leaddesk/views/`` hold widgets: no ``requests``, ``sqlite3``, ``sqlalchemy``, no ``leaddesk.db`` queries,
  no relay client, no sync engine or worker; no transaction of their own (``with database.read()``) and no
  SQL (``execute``). They read through ``leaddesk.models`` and act through ``leaddesk.edits`` or small
  service objects below them. Two exceptions, both named here:
  ``leaddesk.db.database.Database`` (a handle the views pass on to models and edits, and a type hint;
  nothing else from ``leaddesk.db``) and ``leaddesk.sync.connection`` (the Settings dialog's service:
  "Test connection" runs there on a worker thread and answers by signal).
- ``leaddesk/sync/`` imports no ``PySide6.QtWidgets``.
- ``leaddesk/db/`` imports nothing from models, views or sync, and no Qt.
- ``leaddesk/domain.py`` imports nothing of ours.

Imports inside functions count as much as those at the top. Generated migrations are read too.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import leaddesk

PACKAGE = Path(leaddesk.__file__).parent

#: What views may take from ``leaddesk.db``: the handle, as a type (see the module docstring).
VIEW_DB_ALLOWED = {"leaddesk.db.database": {"Database"}}
#: What views may take from ``leaddesk.sync``: the Settings dialog's service object and its helpers.
VIEW_SYNC_ALLOWED = {"leaddesk.sync.connection"}
VIEW_FORBIDDEN_TOP = {"requests", "sqlite3", "sqlalchemy", "urllib3", "http", "keyring"}
#: Calls that mean SQL or a transaction of one's own.
VIEW_FORBIDDEN_CALLS = {"execute", "executemany", "exec_driver_sql", "executescript"}
VIEW_FORBIDDEN_CONTEXTS = {"read", "write", "session"}


@dataclass(frozen=True)
class Imported:
    module: str  # the absolute module imported from
    name: str | None  # the name taken (``from m import name``), None for ``import m``
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, module: str, *, is_package: bool = False) -> list[Imported]:
    """Every import in ``source`` (of the module named ``module``), relative ones made absolute."""
    found: list[Imported] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend(Imported(alias.name, None, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # ``from leaddesk.db import queries`` imports the module leaddesk.db.queries.
                found.append(Imported(base, alias.name, node.lineno))
    return found


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _target(item: Imported) -> str:
    """The module an import reaches: ``from leaddesk.db import queries`` reaches ``leaddesk.db.queries``."""
    if item.name is not None and item.module in ("leaddesk", "leaddesk.db", "leaddesk.sync", "leaddesk.models"):
        return f"{item.module}.{item.name}"
    return item.module


def view_problems(source: str, module: str) -> list[str]:
    problems: list[str] = []
    for item in imports_of(source, module):
        target = _target(item)
        top = target.split(".")[0]
        if top in VIEW_FORBIDDEN_TOP:
            problems.append(f"{module}:{item.line} imports {target}")
        elif _within(target, "leaddesk.db"):
            allowed = VIEW_DB_ALLOWED.get(target)
            if allowed is None or item.name not in allowed:
                named = f".{item.name}" if item.name and target == item.module else ""
                problems.append(f"{module}:{item.line} imports {target}{named}")
        elif _within(target, "leaddesk.sync") and not any(_within(target, ok) for ok in VIEW_SYNC_ALLOWED):
            problems.append(f"{module}:{item.line} imports {target}")
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in VIEW_FORBIDDEN_CALLS
        ):
            problems.append(f"{module}:{node.lineno} calls .{node.func.attr}()")
        if isinstance(node, ast.With):
            for with_item in node.items:
                call = with_item.context_expr
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr in VIEW_FORBIDDEN_CONTEXTS
                    and not call.args
                ):
                    problems.append(f"{module}:{node.lineno} opens a transaction (with .{call.func.attr}())")
    return problems


def sync_problems(source: str, module: str) -> list[str]:
    return [
        f"{module}:{item.line} imports {_target(item)}"
        for item in imports_of(source, module)
        if _within(_target(item), "PySide6.QtWidgets") or (item.module == "PySide6" and item.name == "QtWidgets")
    ]


def db_problems(source: str, module: str, *, is_package: bool = False) -> list[str]:
    problems = []
    for item in imports_of(source, module, is_package=is_package):
        target = _target(item)
        above = any(_within(target, layer) for layer in ("leaddesk.models", "leaddesk.views", "leaddesk.sync"))
        if above or target.split(".")[0] in ("PySide6", "requests"):
            problems.append(f"{module}:{item.line} imports {target}")
    return problems


def domain_problems(source: str, module: str) -> list[str]:
    return [
        f"{module}:{item.line} imports {_target(item)}"
        for item in imports_of(source, module)
        if _within(item.module, "leaddesk") or (item.module == "" and item.name)
    ]


def _modules() -> list[tuple[Path, str]]:
    return sorted((path, module_name(path)) for path in PACKAGE.rglob("*.py"))


def test_every_module_is_read() -> None:
    names = {name for _path, name in _modules()}
    # The layers the rules speak of are all there (a moved package would silently pass otherwise).
    assert {"leaddesk.domain", "leaddesk.views.main_window", "leaddesk.views.settings_dialog"} <= names
    assert {"leaddesk.db.queries", "leaddesk.sync.client", "leaddesk.models.client_table"} <= names
    assert len(names) > 80


def test_views_hold_widgets_only() -> None:
    problems = []
    for path, module in _modules():
        if _within(module, "leaddesk.views"):
            problems += view_problems(path.read_text(encoding="utf-8"), module)
    assert problems == []


def test_sync_uses_no_widgets() -> None:
    problems = []
    for path, module in _modules():
        if _within(module, "leaddesk.sync"):
            problems += sync_problems(path.read_text(encoding="utf-8"), module)
    assert problems == []


def test_db_imports_no_layer_above_it() -> None:
    problems = []
    for path, module in _modules():
        if _within(module, "leaddesk.db"):
            problems += db_problems(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    assert problems == []


def test_domain_imports_nothing_of_ours() -> None:
    path = PACKAGE / "domain.py"
    assert domain_problems(path.read_text(encoding="utf-8"), "leaddesk.domain") == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import requests", "imports requests"),
        ("import sqlite3", "imports sqlite3"),
        ("from sqlalchemy import text", "imports sqlalchemy"),
        ("from leaddesk.db.queries import client_rowids", "imports leaddesk.db.queries.client_rowids"),
        ("from leaddesk.db import history", "imports leaddesk.db.history"),
        ("from ..db.history import client", "imports leaddesk.db.history.client"),
        ("from leaddesk.db.database import open_database", "imports leaddesk.db.database.open_database"),
        ("from leaddesk.sync.client import RelayClient", "imports leaddesk.sync.client"),
        ("from leaddesk.sync.worker import SyncWorker", "imports leaddesk.sync.worker"),
        ("def f(d):\n    with d.read() as c:\n        pass", "opens a transaction"),
        ("def f(c):\n    c.execute('SELECT 1')", "calls .execute()"),
        ("def f():\n    import requests", "imports requests"),
    ],
)
def test_the_view_rule_catches_what_it_names(source: str, expected: str) -> None:
    problems = view_problems(source, "leaddesk.views.example")
    assert len(problems) == 1 and expected in problems[0]


def test_the_view_rule_lets_the_named_exceptions_through() -> None:
    source = (
        "from leaddesk.db.database import Database\n"
        "from leaddesk.sync.connection import ConnectionTest\n"
        "from leaddesk.models.filters import FlagFilter\n"
        "from leaddesk import edits\n"
    )
    assert view_problems(source, "leaddesk.views.example") == []


def test_the_other_rules_catch_what_they_name() -> None:
    assert sync_problems("from PySide6.QtWidgets import QDialog", "leaddesk.sync.x")
    assert sync_problems("from PySide6 import QtWidgets", "leaddesk.sync.x")
    assert not sync_problems("from PySide6.QtCore import QObject", "leaddesk.sync.x")
    assert db_problems("from leaddesk.models.filters import NO_STAGE", "leaddesk.db.x")
    assert db_problems("from ..sync.apply import apply_events", "leaddesk.db.x")
    assert db_problems("from leaddesk import views", "leaddesk.db.x")
    assert domain_problems("from leaddesk.paths import resource", "leaddesk.domain")
    assert domain_problems("from . import paths", "leaddesk.domain")
    assert not domain_problems("import phonenumbers\nfrom datetime import UTC", "leaddesk.domain")
