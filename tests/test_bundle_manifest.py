"""The PyInstaller bundle leaves nothing out that the program needs, and the self-test proves an install whole."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from leaddesk.selftest import check_resources, referenced_resources, source_manifest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "leaddesk.spec"

# Imports every leaddesk module (Alembic's env.py runs migrations on import, so the migration scripts
# are only parsed) and prints every module then loaded, as JSON.
IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
import leaddesk
for info in pkgutil.walk_packages(leaddesk.__path__, "leaddesk."):
    if not info.name.startswith("leaddesk.db.migrations."):
        importlib.import_module(info.name)
print(json.dumps(sorted(sys.modules)))
"""


def spec_excludes() -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDES":
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(name) for name in value]
    raise AssertionError("leaddesk.spec has no EXCLUDES = [...] list")


def is_excluded(module: str, excludes: list[str]) -> str | None:
    """The exclude entry that leaves ``module`` out of the bundle, if any (a package takes its submodules)."""
    for entry in excludes:
        if module == entry or module.startswith(entry + "."):
            return entry
    return None


def imported_names(source: Path) -> set[str]:
    """Every absolute module an import statement in ``source`` names, lazy imports in functions included."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_spec_excludes_the_big_unused_qt_parts() -> None:
    excludes = spec_excludes()
    for module in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtMultimedia", "tkinter"):
        assert module in excludes


def test_no_module_loaded_by_importing_the_program_is_excluded() -> None:
    """Import every leaddesk module in a fresh interpreter: nothing it loads may be in the spec's EXCLUDES."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert "leaddesk.cli" in loaded and "PySide6.QtWidgets" in loaded
    excludes = spec_excludes()
    left_out = {module: entry for module in loaded if (entry := is_excluded(module, excludes))}
    assert not left_out, f"leaddesk.spec excludes modules the program loads: {left_out}"


def test_no_module_the_code_names_in_an_import_is_excluded() -> None:
    """Also the lazy imports inside functions (the CLI imports its subcommands only when run)."""
    excludes = spec_excludes()
    left_out: dict[str, str] = {}
    for source in (ROOT / "leaddesk").rglob("*.py"):
        for module in imported_names(source):
            entry = is_excluded(module, excludes)
            if entry:
                left_out[f"{source.relative_to(ROOT)}: {module}"] = entry
    assert not left_out, f"leaddesk.spec excludes modules the code imports: {left_out}"


def test_the_exclusion_check_would_catch_a_left_out_module(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def later():\n    from PySide6 import QtNetwork\n    import PySide6.QtQml\n", encoding="utf-8")
    assert {"PySide6.QtNetwork", "PySide6.QtQml"} <= imported_names(probe)
    assert is_excluded("PySide6.QtNetwork", ["PySide6.QtNetwork"]) == "PySide6.QtNetwork"
    assert is_excluded("PySide6.QtQuick.Foo", ["PySide6.QtQuick"]) == "PySide6.QtQuick"
    assert is_excluded("PySide6.QtQuickWidgets", ["PySide6.QtQuick"]) is None


def test_every_resource_the_code_names_exists() -> None:
    missing = sorted(
        name for name in referenced_resources(ROOT / "leaddesk") if not (ROOT / "resources" / name).is_file()
    )
    assert not missing, f"the code asks resource() for files not in resources/: {missing}"


def test_the_manifest_lists_the_icons_and_every_migration() -> None:
    manifest = source_manifest(ROOT)
    assert {"icons/leaddesk.svg", "icons/leaddesk.ico", "icons/leaddesk.icns"} <= set(manifest["resources"])
    assert "env.py" in manifest["migrations"]
    assert "versions/0001_initial_schema.py" in manifest["migrations"]
    assert "__init__.py" not in manifest["resources"]


def test_a_missing_resource_fails_the_resource_check() -> None:
    assert check_resources({"resources": ["icons/leaddesk.svg"], "migrations": []}) == "1 found"
    with pytest.raises(FileNotFoundError, match=r"icons/nowhere\.svg"):
        check_resources({"resources": ["icons/leaddesk.svg", "icons/nowhere.svg"], "migrations": []})


def test_self_test_from_the_source_tree_prints_ok(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADDESK_SELF_TEST_TRACEBACK": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "self-test ok"
    for check in (
        "manifest",
        "resources",
        "migrations",
        "database",
        "main window",
        "icon",
        "translations",
        "tls",
        "keyring",
    ):
        assert any(line.startswith(f"ok   {check}:") for line in lines), (check, done.stdout)


def test_a_frozen_windowed_program_without_streams_can_still_print() -> None:
    """A windowed Windows executable starts with sys.stdout None; the entry point must not crash on print."""
    code = (
        "import sys; sys.stdout = None; sys.stderr = None\n"
        "from leaddesk.frozen import fix_standard_streams\n"
        "fix_standard_streams(); print('printed'); print('err', file=sys.stderr)\n"
        "assert sys.stdout is not None and sys.stderr is not None\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_every_resource_file_is_in_the_wheels_package_data() -> None:
    """A file under resources/ that no package-data pattern names is missing from an installed wheel."""
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    # A file is shipped when its own folder's package (leaddesk.resources.icons for icons/x.svg) names it.
    patterns = [
        f"{package.removeprefix('leaddesk.resources').lstrip('.').replace('.', '/')}/{pattern}".lstrip("/")
        for package, package_patterns in package_data.items()
        if package.startswith("leaddesk.resources")
        for pattern in package_patterns
    ]
    left_out = [name for name in source_manifest(ROOT)["resources"] if not any(fnmatch(name, p) for p in patterns)]
    assert {"demo/people.json", "demo/office.json", "demo/templates.json"} <= set(source_manifest(ROOT)["resources"])
    assert left_out == [], f"pyproject's package-data leaves out {left_out}"
