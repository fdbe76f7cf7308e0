"""``leaddesk set CONTACT ...``: the profile dialog's edits from the command line, through ``leaddesk.edits``.

Exit status (``cli-contract.md``): 0 queued; 2 bad arguments or values; 6 no such contact; 1 the
database stayed locked by another program past the busy timeout (nothing of that edit saved: run it
again). Every value is checked before anything is queued, so a bad option never leaves half an edit behind.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from leaddesk import edits
from leaddesk.db import history
from leaddesk.db.database import Database

EXIT_OK = 0
EXIT_BUSY = 1
EXIT_USAGE = 2
EXIT_NO_SUCH_CONTACT = 6


def resolve_contact(database: Database, contact: str) -> str | None:
    """The id of the contact named by an id or by a phone number in any common notation."""
    with database.read() as connection:
        return history.find_contact(connection, contact)


def _plan(database: Database, args: argparse.Namespace) -> list[tuple[str, Callable[[list[str]], list[int]]]]:
    """Check every value; return (description, edit) pairs. Raises EditError for a bad value."""
    steps: list[tuple[str, Callable[[list[str]], list[int]]]] = []
    if args.note is not None and args.stage is None:
        raise edits.EditError("--note goes only with --stage.")
    if args.until is not None and args.bot_status != "paused":
        raise edits.EditError("--until goes only with --bot-status paused.")
    if args.sale_status is not None:
        value = args.sale_status
        steps.append((f"sale status {value}", lambda ids: edits.set_sale_status(database, ids, value)))
    if args.stage is not None:
        stage, note = args.stage, args.note
        manual = dict(edits.manual_stages(database))
        if stage not in manual:
            with database.read() as connection:
                known = connection.exec_driver_sql("SELECT 1 FROM funnel_stages WHERE id = ?", (stage,)).first()
            if known is None:
                raise edits.EditError(f"Unknown funnel stage {stage!r}. Stages a person may pick: {', '.join(manual)}")
            raise edits.EditError(f"The stage {stage!r} is set only by the bot's rules; a person may not pick it.")
        steps.append((f"funnel stage {stage}", lambda ids: edits.set_funnel_stage(database, ids, stage, note)))
    if args.bot_status is not None:
        status = args.bot_status
        until = edits.parse_until(args.until) if args.until is not None else None
        if until is not None:
            from leaddesk.domain import parse_time, utc_now

            if parse_time(until) <= utc_now():
                raise edits.EditError("--until must be in the future.")
        label = f"bot status {status}" + (f" until {until}" if until else "")
        steps.append((label, lambda ids: edits.set_bot_status(database, ids, status, until)))
    flags: dict[str, bool] = {}
    if args.mystery_shopper is not None:
        flags["mystery_shopper"] = args.mystery_shopper == "yes"
    if args.contractor is not None:
        flags["contractor"] = args.contractor == "yes"
    if flags:
        label = ", ".join(f"{key.replace('_', ' ')} {'yes' if on else 'no'}" for key, on in flags.items())
        steps.append((label, lambda ids: edits.set_flags(database, ids, **flags)))
    if args.name is not None:
        name = args.name.strip()
        if not name:
            raise edits.EditError("--name may not be empty.")
        if len(name) > edits.MAX_NAME:
            raise edits.EditError(f"--name is longer than {edits.MAX_NAME} characters.")
        steps.append((f"name {name!r}", lambda ids: edits.set_name(database, ids, name)))
    if not steps:
        raise edits.EditError(
            "Nothing to set: give at least one of --sale-status, --stage, --bot-status, "
            "--mystery-shopper, --contractor, --name."
        )
    return steps


def run_set(database: Database, args: argparse.Namespace) -> int:
    try:
        steps = _plan(database, args)
    except edits.EditError as problem:
        print(f"leaddesk set: {problem}", file=sys.stderr)
        return EXIT_USAGE
    contact_id = resolve_contact(database, args.contact)
    if contact_id is None:
        print(f"leaddesk set: no such contact: {args.contact}", file=sys.stderr)
        return EXIT_NO_SUCH_CONTACT
    for label, step in steps:
        try:
            outbox_ids = step([contact_id])
        except edits.NoSuchContactError as problem:
            print(f"leaddesk set: {problem}", file=sys.stderr)
            return EXIT_NO_SUCH_CONTACT
        except edits.CouldNotSave as problem:
            print(f"leaddesk set: {problem} (not saved: {label})", file=sys.stderr)
            return EXIT_BUSY
        except edits.EditError as problem:
            print(f"leaddesk set: {problem}", file=sys.stderr)
            return EXIT_USAGE
        print(f"queued for {contact_id}: {label} (edit {outbox_ids[0]})")
    return EXIT_OK
