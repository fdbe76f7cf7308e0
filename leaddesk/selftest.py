"""``leaddesk self-test``: prove that this install (a source tree, a wheel or the PyInstaller bundle) is whole.

Each check prints one line (``ok   name: detail`` or ``FAIL name: reason``); after all of them the
last line is ``self-test ok`` (exit 0), or ``self-test FAILED`` with the failed checks (exit 1).

The resources and migrations to look for come from a manifest: in the bundle, ``bundle-manifest.json``
written by ``leaddesk.spec`` from the source tree at build time (so a file the spec forgot to collect
is caught); from a source tree, the same list made on the spot by :func:`source_manifest`.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leaddesk.db.database import Database

MANIFEST_NAME = "bundle-manifest.json"
#: Names a PNG file to save the main window's off-screen picture in (to look at a bundle's window).
SCREENSHOT_VARIABLE = "LEADDESK_SELF_TEST_SCREENSHOT"
#: Functions of ``leaddesk.paths`` whose first argument names a file under ``resources/``.
RESOURCE_FUNCTIONS = ("resource", "resource_file")


def referenced_resources(package_dir: Path) -> set[str]:
    """Resource names the code passes as a string literal to ``resource(...)`` or ``resource_file(...)``."""
    names: set[str] = set()
    for source in package_dir.rglob("*.py"):
        if "migrations" in source.parts:
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name in RESOURCE_FUNCTIONS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def _files_under(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def source_manifest(root: Path) -> dict[str, list[str]]:
    """What a whole install holds, from a source tree at ``root``.

    ``resources``: every file in ``resources/`` and every name the code asks ``resource()`` for (so a
    name with no file fails the self-test); ``migrations``: every file of the Alembic script folder.
    """
    resource_files = _files_under(root / "resources") - {"__init__.py"}
    return {
        "resources": sorted(resource_files | referenced_resources(root / "leaddesk")),
        "migrations": sorted(_files_under(root / "leaddesk" / "db" / "migrations")),
    }


def load_manifest() -> tuple[dict[str, list[str]], str]:
    """The manifest to check against, and where it came from."""
    if getattr(sys, "frozen", False):
        node = resources.files("leaddesk") / MANIFEST_NAME
        return json.loads(node.read_text(encoding="utf-8")), f"bundled {MANIFEST_NAME}"
    root = Path(__file__).resolve().parent.parent
    if (root / "resources").is_dir() and (root / "leaddesk" / "db" / "migrations").is_dir():
        return source_manifest(root), f"source tree {root}"
    raise FileNotFoundError("no bundle manifest and no source tree: cannot tell what this install should hold")


# --- the checks: each returns a one-line detail, or raises with the reason -------------------------


def check_resources(manifest: dict[str, list[str]]) -> str:
    from leaddesk.paths import resource

    missing = [name for name in manifest["resources"] if not resource(name).is_file()]
    if missing:
        raise FileNotFoundError(f"{len(missing)} resource(s) not found: {', '.join(missing)}")
    return f"{len(manifest['resources'])} found"


def check_migrations(manifest: dict[str, list[str]]) -> str:
    from leaddesk.db.migrate import head_revision
    from leaddesk.paths import migrations_dir

    folder = migrations_dir()
    missing = [name for name in manifest["migrations"] if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(f"{len(missing)} migration file(s) not found in {folder}: {', '.join(missing)}")
    return f"{len(manifest['migrations'])} files in {folder}, head revision {head_revision()}"


def check_database(database: Database) -> str:
    """The new database in the scratch folder was migrated to the newest schema."""
    from sqlalchemy import inspect

    from leaddesk.db.migrate import current_revision, head_revision

    revision = current_revision(database.engine)
    if revision != head_revision():
        raise RuntimeError(f"migrated to {revision}, expected {head_revision()}")
    tables = len(inspect(database.engine).get_table_names())
    return f"migrated a new file to {revision} ({tables} tables)"


def _use_offscreen_if_no_display() -> None:
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_window(database: Database) -> str:
    """Build the main window on ``database`` and paint it off screen."""
    _use_offscreen_if_no_display()
    from PySide6.QtWidgets import QApplication

    try:
        from leaddesk.app import make_application
    except ImportError as problem:
        raise RuntimeError(f"cannot import leaddesk.app.make_application: {problem}") from problem
    app = make_application()  # the program's own: its style sheet and window icon load too
    try:
        from leaddesk.views.main_window import MainWindow  # type: ignore[import-not-found,unused-ignore]
    except ImportError as problem:
        raise RuntimeError(f"cannot import leaddesk.views.main_window.MainWindow: {problem}") from problem
    window = MainWindow(database)
    try:
        window.resize(1100, 700)
        picture = window.grab()
        if picture.isNull():
            raise RuntimeError("the main window painted nothing")
        screenshot = os.environ.get(SCREENSHOT_VARIABLE)
        if screenshot and not picture.save(screenshot):
            raise RuntimeError(f"could not save the window's picture to {screenshot}")
        detail = f"{type(window).__name__} built and painted {picture.width()}x{picture.height()}"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    platform = QApplication.platformName()
    return f"{detail} (Qt platform {platform})"


def check_icon() -> str:
    """The SVG icon loads through Qt: proves the svg image/icon plugins are in the bundle."""
    _use_offscreen_if_no_display()
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from leaddesk.paths import resource_file

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "leaddesk"])
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise RuntimeError(f"Qt cannot read SVG (image formats: {', '.join(sorted(formats))})")
    with resource_file("icons/leaddesk.svg") as path:
        pixmap = QIcon(str(path)).pixmap(64, 64)
    del app
    if pixmap.isNull():
        raise RuntimeError("icons/leaddesk.svg rendered to nothing")
    return f"icons/leaddesk.svg rendered at {pixmap.width()}x{pixmap.height()}"


def check_translations() -> str:
    """Spanish loads: LeadDesk's catalogue and Qt's own (its standard buttons), as on a Spanish desktop."""
    _use_offscreen_if_no_display()
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication

    from leaddesk.i18n import install_translations, remove_translations

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "leaddesk"])
    before = QLocale()
    try:
        install_translations("es", QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
        ours = QCoreApplication.translate("Words", "Sold")
        qt_context = "QPlatformTheme"  # Qt's own catalogue's word (a literal here would enter ours)
        qts = QCoreApplication.translate(qt_context, "Cancel")
    finally:
        remove_translations()
        QLocale.setDefault(before)
    del app
    if ours != "Vendido":
        raise RuntimeError(f"resources/i18n/leaddesk_es.qm did not load ('Sold' stayed {ours!r})")
    if qts != "Cancelar":
        raise RuntimeError(f"Qt's qtbase_es.qm did not load ('Cancel' stayed {qts!r})")
    return "Spanish: LeadDesk's catalogue and Qt's qtbase_es.qm"


def check_tls(scratch: Path) -> str:
    import ssl

    import certifi
    import requests

    from leaddesk.sync.tls import configure_tls

    cafile = certifi.where()
    context = ssl.create_default_context(cafile=cafile)
    authorities = context.cert_store_stats()["x509_ca"]
    if not authorities:
        raise RuntimeError(f"certifi's bundle {cafile} holds no CA certificate")
    session = requests.Session()
    configure_tls(session, None)
    verify = session.verify
    if verify is False:
        raise RuntimeError("TLS verification is off")
    path = Path(requests.utils.DEFAULT_CA_BUNDLE_PATH if verify is True else str(verify))
    if not path.is_file():
        raise FileNotFoundError(f"the session's CA bundle {path} does not exist")
    session.close()
    del scratch
    return f"{ssl.OPENSSL_VERSION}; {authorities} CAs from {cafile}; requests verifies with {path}"


def check_keyring() -> str:
    import keyring

    backend = keyring.get_keyring()
    kind = type(backend)
    name = f"{kind.__module__}.{kind.__qualname__}"
    if kind.__module__ == "keyring.backends.fail":
        return f"{name} (no system keyring on this machine; the token comes from LEADDESK_RELAY_TOKEN)"
    if kind.__module__ == "keyring.backends.chainer":
        chained = getattr(backend, "backends", [])
        inner = ", ".join(f"{type(b).__module__}.{type(b).__qualname__}" for b in chained)
        return f"{name} of {inner or 'nothing'}"
    return name


def run_self_test() -> int:
    from leaddesk import __version__

    frozen = "frozen bundle" if getattr(sys, "frozen", False) else "source"
    print(f"LeadDesk {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, {sys.platform})")
    failures: list[str] = []

    def run(name: str, check: Callable[[], str]) -> None:
        try:
            detail = check()
        except Exception as problem:
            reason = f"{type(problem).__name__}: {problem}"
            failures.append(f"{name}: {reason}")
            print(f"FAIL {name}: {reason}", flush=True)
            if os.environ.get("LEADDESK_SELF_TEST_TRACEBACK"):
                traceback.print_exc()
        else:
            print(f"ok   {name}: {detail}", flush=True)

    manifest: dict[str, list[str]] = {"resources": [], "migrations": []}

    def manifest_check() -> str:
        found, origin = load_manifest()
        manifest.update(found)
        return f"{len(found['resources'])} resources, {len(found['migrations'])} migration files ({origin})"

    run("manifest", manifest_check)
    run("resources", lambda: check_resources(manifest))
    run("migrations", lambda: check_migrations(manifest))
    with tempfile.TemporaryDirectory(prefix="leaddesk-self-test-") as scratch:
        opened: list[Database] = []

        def open_check() -> str:
            from leaddesk.db.database import open_database

            opened.append(open_database(Path(scratch) / "self-test.sqlite"))
            return check_database(opened[0])

        run("database", open_check)
        run("main window", lambda: check_window(opened[0]) if opened else _raise("not built: no database"))
        for database in opened:
            database.close()
        run("icon", check_icon)
        run("translations", check_translations)
        run("tls", lambda: check_tls(Path(scratch)))
    run("keyring", check_keyring)

    if failures:
        print(f"self-test FAILED ({len(failures)}): " + "; ".join(failures), file=sys.stderr, flush=True)
        return 1
    print("self-test ok", flush=True)
    return 0


def _raise(reason: str) -> str:
    raise RuntimeError(reason)
