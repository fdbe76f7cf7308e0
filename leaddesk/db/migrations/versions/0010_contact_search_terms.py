"""A term index for the client list's search: each name word and each phone suffix, to its contact

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

``contact_search_terms`` (term, contact rowid; ``WITHOUT ROWID``, so the primary key is the table)
holds, for every contact, ``"w" + word`` for each word of ``name_key`` and ``"#" + suffix`` for each
suffix of at least four characters, starting with a digit, of ``phone`` and of ``phone_key``. "A word
of the name starts with w" is then the range ``"w" + w`` of the key, and "the phone contains the digits
d" the range ``"#" + d``: a search that few clients match reads its candidates from one range
instead of scanning every contact (``leaddesk.db.search_keys.search_candidates``). The list still
checks every candidate with its own ``WHERE``, so the table only narrows.

Triggers keep it: whatever writes ``contacts`` (the event applier, edits, a migration, the benchmark's
generator) writes the terms in the same statement. A stale term can only add a candidate that the
``WHERE`` then drops. Filled here for the contacts already cached. Keyed by the contacts' rowid, like
``messages_fts``: a ``VACUUM`` (which LeadDesk never runs) may renumber rowids and would need it refilled.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _words(row: str) -> str:
    """The JSON array of ``row``'s name words (``name_key`` is " word word": letters and digits only)."""
    array = f"""'["' || replace(substr({row}.name_key, 2), ' ', '","') || '"]'"""
    return f"CASE WHEN {row}.name_key != '' AND json_valid({array}) THEN {array} ELSE '[]' END"


def _terms(row: str, source: str = "") -> str:
    """A SELECT of (term, contact rowid) for ``row`` (NEW, OLD, or the alias of ``source``'s contacts)."""

    def positions(column: str) -> str:
        # json_each over [0,0,…] (one more than the string's length) numbers the string's positions.
        return f"'[' || replace(hex(zeroblob(length({column}))), '00', '0,') || '0]'"

    selects = [f"SELECT 'w' || w.value AS term, {row}.rowid AS contact_rowid FROM {source}json_each({_words(row)}) w"]
    for column in (f"{row}.phone", f"{row}.phone_key"):
        selects.append(
            f"SELECT '#' || substr({column}, d.key + 1), {row}.rowid FROM {source}json_each({positions(column)}) d "
            f"WHERE {column} IS NOT NULL AND d.key <= length({column}) - 4 "
            f"AND substr({column}, d.key + 1, 1) BETWEEN '0' AND '9'"
        )
    return " UNION ".join(selects)


def upgrade() -> None:
    op.execute(
        "CREATE TABLE contact_search_terms (term TEXT NOT NULL, contact_rowid INTEGER NOT NULL, "
        "CONSTRAINT pk_contact_search_terms PRIMARY KEY (term, contact_rowid)) WITHOUT ROWID"
    )
    op.execute(
        f"""
        CREATE TRIGGER contact_search_terms_after_insert AFTER INSERT ON contacts BEGIN
            INSERT OR IGNORE INTO contact_search_terms (term, contact_rowid) {_terms("NEW")};
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER contact_search_terms_after_update AFTER UPDATE OF name_key, phone, phone_key ON contacts
        WHEN OLD.name_key IS NOT NEW.name_key OR OLD.phone IS NOT NEW.phone OR OLD.phone_key IS NOT NEW.phone_key
        BEGIN
            DELETE FROM contact_search_terms
            WHERE contact_rowid = OLD.rowid AND term IN (SELECT term FROM ({_terms("OLD")}));
            INSERT OR IGNORE INTO contact_search_terms (term, contact_rowid) {_terms("NEW")};
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER contact_search_terms_after_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM contact_search_terms
            WHERE contact_rowid = OLD.rowid AND term IN (SELECT term FROM ({_terms("OLD")}));
        END
        """
    )
    op.execute(f"INSERT OR IGNORE INTO contact_search_terms (term, contact_rowid) {_terms('c', 'contacts c, ')}")


def downgrade() -> None:
    op.execute("DROP TRIGGER contact_search_terms_after_delete")
    op.execute("DROP TRIGGER contact_search_terms_after_update")
    op.execute("DROP TRIGGER contact_search_terms_after_insert")
    op.execute("DROP TABLE contact_search_terms")
