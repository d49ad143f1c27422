"""Revision 0021: the stocktake's tables take its name, with their rows, ids and references, on SQLite and PostgreSQL;
a migrated database is the same schema as a new one (its backup restores), and the downgrade brings the old names back."""

from __future__ import annotations

import pytest
from snapp_testkit import rows, scalar
from sqlalchemy import inspect

from snapp.db.schema import current_revision, downgrade, head_revision, upgrade
from snapp.domain.capture import scans
from snapp.services import backup, stocktake

OLD = {"counts", "count_entries", "count_results"}
NEW = {"stocktakes", "stocktake_entries", "stocktake_results"}
# Every row of the three tables, ids and references included, under whichever names the revision gives them.
CONTENT = {
    "stocktakes": "SELECT id, number, status, started_by, closed_by FROM {0} ORDER BY id",
    "stocktake_entries": "SELECT id, {1}, unit_key, serial, scans FROM {0} ORDER BY id",
    "stocktake_results": "SELECT id, {1}, outcome, serial, scans FROM {0} ORDER BY id",
}


def tables(db) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def content(db, old: bool) -> dict[str, list[tuple]]:
    named = {"stocktakes": "counts", "stocktake_entries": "count_entries", "stocktake_results": "count_results"}
    key = "count_id" if old else "stocktake_id"
    return {table: rows(db, query.format(named[table] if old else table, key)) for table, query in CONTENT.items()}


@pytest.fixture
def counted(ctx, company, receive_units):
    """Two stocktakes: one closed (entries and results), one open (entries only)."""
    receive_units(["NM0001", "NM0002", "NM0003"])
    closed = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, closed, [scans(["NM0001", "NM0001", "GHOST-1"])])
    stocktake.close_stocktake(ctx, closed)
    still_open = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, still_open, [scans(["NM0002"])])
    return closed, still_open


def test_a_database_at_0020_keeps_its_stocktakes_through_the_rename_and_back(db, ctx, counted):
    closed, still_open = counted
    before, figures = content(db, old=False), stocktake.stocktake_report(ctx, closed).figures
    assert all(before.values()) and len(before["stocktakes"]) == 2

    downgrade(db, "0020_rma_due")
    assert current_revision(db) == "0020_rma_due"
    assert OLD <= tables(db) and not NEW & tables(db)
    assert content(db, old=True) == before

    upgrade(db)
    assert current_revision(db) == head_revision()
    assert NEW <= tables(db) and not OLD & tables(db)
    assert content(db, old=False) == before

    # The ids go on after the copied ones, the references hold, and the work goes on where it stood.
    stocktake.scan(ctx, still_open, [scans(["NM0003"])])
    report = stocktake.close_stocktake(ctx, still_open)
    assert [line.serial for line in report.matched] == ["NM0002", "NM0003"]
    third = stocktake.start_stocktake(ctx, None).number
    assert scalar(db, "SELECT MAX(id) FROM stocktakes") == len(before["stocktakes"]) + 1
    assert [s.number for s in stocktake.list_stocktakes(ctx)] == [third, still_open, closed]
    assert stocktake.stocktake_report(ctx, closed).figures == figures


def test_a_migrated_database_is_the_schema_of_a_new_one_so_its_backup_restores(db, ctx, counted, tmp_path):
    before = content(db, old=False)
    downgrade(db, "0020_rma_due")
    upgrade(db)
    backup.backup(ctx, tmp_path / "migrated.snappbak")
    # Restore compares the file's schema objects (tables, indexes, constraints, sequences) with those of a
    # database migrated from nothing to the same revision, and refuses any difference.
    restored = backup.restore(db, tmp_path / "migrated.snappbak", by=ctx)
    assert restored.revision == head_revision()
    assert content(db, old=False) == before
