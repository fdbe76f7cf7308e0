"""LeadDesk's command line (``../shared/cli-contract.md``): the window, or one subcommand.

This module only parses and dispatches. Each subcommand lives in the module that owns its work and
is imported lazily, so ``leaddesk export`` starts without loading Qt.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leaddesk import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NO_SUCH_CONTACT = 6

SALE_STATUSES = ("none", "pending", "signed", "sold")
BOT_STATUSES = ("active", "paused", "agent")
YES_NO = ("yes", "no")
#: A client's sentiment labels; "none": no sentiment yet.
SENTIMENTS = ("hot", "warm", "neutral", "cold", "negative", "none")


def _common_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """Options accepted before or after the subcommand.

    In a subparser they default to SUPPRESS, so an option given before the subcommand is not
    overwritten by the subparser's default.
    """
    default = argparse.SUPPRESS if in_subcommand else None
    group = parser.add_argument_group("common options")
    group.add_argument(
        "--db", type=Path, metavar="PATH", default=default, help="the SQLite cache file (env LEADDESK_DB)"
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if in_subcommand else False,
        help="use the demo database (made on first use); the real one is not touched",
    )
    group.add_argument("--relay", metavar="URL", default=default, help="the relay's base URL (env LEADDESK_RELAY_URL)")
    group.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS if in_subcommand else False)


def _list_filter_options(parser: argparse.ArgumentParser) -> None:
    """The client list's search and filters; a repeated option takes several values (any of them)."""
    group = parser.add_argument_group("the list's filters (as in the window)")
    group.add_argument("--search", metavar="TEXT", default="", help="words starting a name, or a phone number")
    group.add_argument(
        "--sale-status", action="append", choices=SALE_STATUSES, default=[], metavar="S", help=", ".join(SALE_STATUSES)
    )
    group.add_argument("--stage", action="append", default=[], metavar="ID", help="a stage id; none: no stage")
    group.add_argument(
        "--bot-status", action="append", choices=BOT_STATUSES, default=[], metavar="B", help=", ".join(BOT_STATUSES)
    )
    group.add_argument(
        "--sentiment", action="append", choices=SENTIMENTS, default=[], metavar="L", help=", ".join(SENTIMENTS)
    )
    group.add_argument("--mystery-shopper", choices=YES_NO, help="yes: only mystery shoppers; no: none of them")
    group.add_argument("--contractor", choices=YES_NO, help="yes: only contractors; no: none of them")
    group.add_argument("--unread", action="store_true", help="only clients with unread messages")


def list_query(args: argparse.Namespace):  # type: ignore[no-untyped-def]  # ClientQuery, imported lazily
    """The list's filter object for ``export clients``' options: the same query the window runs."""
    from leaddesk.db.queries import NO_SENTIMENT, NO_STAGE, ClientQuery, FlagFilter

    def flag(value: str | None) -> FlagFilter:
        return {"yes": FlagFilter.ONLY, "no": FlagFilter.HIDE}.get(value or "", FlagFilter.ANY)

    return ClientQuery(
        search=args.search.strip(),
        sale_statuses=frozenset(args.sale_status),
        funnel_stages=frozenset(NO_STAGE if stage == "none" else stage for stage in args.stage),
        bot_statuses=frozenset(args.bot_status),
        sentiments=frozenset(NO_SENTIMENT if label == "none" else label for label in args.sentiment),
        mystery_shopper=flag(args.mystery_shopper),
        contractor=flag(args.contractor),
        unread_only=args.unread,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leaddesk",
        description="LeadDesk: every WhatsApp lead at a glance. With no subcommand, opens the window.",
        epilog="The relay token for a headless run comes from LEADDESK_RELAY_TOKEN.",
    )
    parser.add_argument("--version", action="version", version=f"LeadDesk {__version__}")
    _common_options(parser, in_subcommand=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sync = sub.add_parser("sync", help="sync with the relay without a window")
    sync.add_argument("--once", action="store_true", required=True, help="one full sync, then exit")
    _common_options(sync, in_subcommand=True)

    export = sub.add_parser("export", help="export clients or one client's history")
    export_sub = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    clients = export_sub.add_parser("clients", help="the client list, newest activity first")
    clients.add_argument("--format", choices=("csv", "json"), required=True)
    clients.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    _list_filter_options(clients)
    _common_options(clients, in_subcommand=True)
    history = export_sub.add_parser("history", help="one client's whole record")
    history.add_argument("contact", metavar="CONTACT", help="a contact id or a phone number")
    history.add_argument("--format", choices=("json", "html", "pdf"), required=True)
    history.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    _common_options(history, in_subcommand=True)
    analytics = export_sub.add_parser("analytics", help="the Analytics page's figures")
    analytics.add_argument("--from", dest="date_from", metavar="DATE", help="first day counted (YYYY-MM-DD, local)")
    analytics.add_argument("--to", dest="date_to", metavar="DATE", help="last day counted (YYYY-MM-DD, local)")
    analytics.add_argument("--format", choices=("json", "csv"), required=True)
    analytics.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    _common_options(analytics, in_subcommand=True)

    set_ = sub.add_parser("set", help="edit a client as the profile dialog does (queued for the relay)")
    set_.add_argument("contact", metavar="CONTACT", help="a contact id or a phone number")
    set_.add_argument("--sale-status", choices=SALE_STATUSES)
    set_.add_argument("--stage", metavar="STAGE_ID")
    set_.add_argument("--note", metavar="TEXT")
    set_.add_argument("--bot-status", choices=BOT_STATUSES)
    set_.add_argument("--until", metavar="TIME", help="RFC 3339; only with --bot-status paused")
    set_.add_argument("--mystery-shopper", choices=YES_NO)
    set_.add_argument("--contractor", choices=YES_NO)
    set_.add_argument("--name", metavar="TEXT")
    _common_options(set_, in_subcommand=True)

    search = sub.add_parser("search", help="find messages in every client's history, newest first")
    search.add_argument("query", metavar="QUERY", help='words (each the start of a word); "quoted words" in order')
    search.add_argument("--limit", type=_positive_int, default=50, metavar="N", help="at most N hits (default 50)")
    search.add_argument("--format", choices=("json", "text"), required=True)
    _common_options(search, in_subcommand=True)

    self_test = sub.add_parser("self-test", help="check that this install is whole")
    _common_options(self_test, in_subcommand=True)
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def resolve_db_path(args: argparse.Namespace) -> Path:
    """``--demo`` beats ``--db``, which beats ``LEADDESK_DB``, which beats the data folder."""
    from leaddesk.paths import default_db_path, demo_db_path

    if args.demo:
        return demo_db_path()
    if args.db is not None:
        return Path(args.db)
    return default_db_path()


def relay_url(args: argparse.Namespace) -> str | None:
    return args.relay or os.environ.get("LEADDESK_RELAY_URL") or None


def open_cache(args: argparse.Namespace):  # type: ignore[no-untyped-def]  # Database, imported lazily
    """Open (and migrate) the database the arguments name; the demo one is filled on first use."""
    from leaddesk.db.database import open_database

    path = resolve_db_path(args)
    if args.demo:
        from leaddesk.demo import ensure_demo_database

        return ensure_demo_database(path)
    return open_database(path)


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command is None:
        from leaddesk.app import run_window

        return run_window(resolve_db_path(args), demo=args.demo, relay_url=relay_url(args))
    if args.command == "self-test":
        from leaddesk.selftest import run_self_test

        return run_self_test()

    if args.command == "sync" and args.demo:
        # Refused before the database is opened or any request is made: the demo never touches a relay.
        print(
            "leaddesk: the demo never connects to a relay, so it cannot sync; run without --demo to sync "
            "your real database",
            file=sys.stderr,
        )
        return EXIT_USAGE

    from leaddesk.db.database import DatabaseBusy
    from leaddesk.db.migrate import NewerDatabaseError

    try:
        database = open_cache(args)
    except NewerDatabaseError as problem:
        print(f"leaddesk: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except DatabaseBusy as problem:
        print(f"leaddesk: {problem}; try again", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.command == "export" and args.what == "clients":
            from leaddesk.export import export_clients

            return export_clients(database, args.format, args.out, list_query(args))
        if args.command == "export" and args.what == "analytics":
            from leaddesk.analytics_export import export_analytics

            return export_analytics(database, args.date_from, args.date_to, args.format, args.out)
        if args.command == "export":
            from leaddesk.export import export_history

            return export_history(database, args.contact, args.format, args.out)
        if args.command == "sync":
            from leaddesk.sync.headless import sync_once

            return sync_once(database, relay_url(args), os.environ.get("LEADDESK_RELAY_TOKEN"))
        if args.command == "set":
            from leaddesk.set_command import run_set

            return run_set(database, args)
        if args.command == "search":
            from leaddesk.search_command import run_search

            return run_search(database, args.query, args.limit, args.format)
    finally:
        database.close()
    parser.error(f"unknown command {args.command!r}")  # exits with status 2


def main() -> None:
    sys.exit(run())


def main_gui() -> None:
    """Entry point of the windowed launcher (no console on Windows)."""
    sys.exit(run())
