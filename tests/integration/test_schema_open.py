"""Opening a database: one that cannot be reached is a refusal with the reason, not a crash; an older one is
brought up to date with its data, or refused whole when it holds what the new schema would not take."""

from __future__ import annotations

import sqlite3

import pytest
from snapp_testkit import as_named, execute, rows, snapshot
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from snapp.cli import main
from snapp.db.engine import Database, sqlite_url
from snapp.db.schema import current_revision, downgrade, open_database, upgrade
from snapp.errors import DatabaseUnavailable
from snapp.services import lifecycle, stocktake, verification
from tests.conftest import PG_URL


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_named(pg_url, capsys):
    missing = make_url(PG_URL).set(database="snapp_no_such_db").render_as_string(hide_password=False)
    with pytest.raises(DatabaseUnavailable, match='database "snapp_no_such_db" does not exist'):
        open_database(missing)
    assert main(["--db", missing, "supplier", "list"]) == 2
    assert "cannot open the database" in capsys.readouterr().err


def test_an_unreachable_server_is_named():
    with pytest.raises(DatabaseUnavailable, match="cannot open the database"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


# --- revision 0005: the database refuses a status it does not know ------------------------------------------------

CHECKED = [("serials", "status"), ("purchase_orders", "status"), ("stocktakes", "status"), ("exceptions", "status"),
           ("exceptions", "kind")]  # fmt: skip


def refused(db, table: str, column: str) -> bool:
    with db.engine.connect() as conn:
        table = as_named(conn)(table)
    try:
        execute(db, f"UPDATE {table} SET {column} = 'misplaced'")
    except IntegrityError:
        return True
    return False


@pytest.fixture
def ledger(db, ctx, company, receive_units):
    """Units in three statuses, a count and an exception: rows in every table with a status."""
    receive_units(["CK0001", "CK0002", "CK0003"])
    lifecycle.move(ctx, "ship", ["CK0002"])
    lifecycle.move(ctx, "lose", ["CK0003"])
    stocktake.start_stocktake(ctx, "WH-A")
    verification.verify(ctx, ["CK0002"])  # a reappearing unit: opens an exception
    return db


def test_every_status_column_refuses_an_unknown_value(ledger):
    before = snapshot(ledger)
    assert [checked for checked in CHECKED if not refused(ledger, *checked)] == []
    assert snapshot(ledger) == before


def test_revision_0005_carries_the_data_forward(ledger):
    before, cases = snapshot(ledger), rows(ledger, "SELECT id, kind, status, subject FROM exceptions")
    downgrade(ledger, "0004")
    assert current_revision(ledger) == "0004_security"
    assert snapshot(ledger) == before
    assert refused(ledger, "purchase_orders", "status") is False  # the old schema took anything
    execute(ledger, "UPDATE purchase_orders SET status = 'partially_received'")
    upgrade(ledger, "0005_status_checks")
    assert current_revision(ledger) == "0005_status_checks"
    assert snapshot(ledger) == before
    assert rows(ledger, "SELECT id, kind, status, subject FROM exceptions") == cases
    assert [checked for checked in CHECKED if not refused(ledger, *checked)] == []


def test_a_sqlite_migration_keeps_every_reference(sqlite_path):
    """Foreign keys are off while SQLite rebuilds tables, and checked before the commit."""
    db = Database(sqlite_url(sqlite_path))
    try:
        upgrade(db, "0004")
        raw = sqlite3.connect(sqlite_path)  # keys off: as a broken copy of a database would be
        raw.execute("INSERT INTO serial_events (serial_id, at, user_id, action, to_status) "
                    "VALUES (99, '2026-01-01', 1, 'receive', 'in_stock')")  # fmt: skip
        raw.commit()
        raw.close()
        with pytest.raises(RuntimeError, match="serial_events row 1 refers to a missing row of (serials|users)"):
            upgrade(db)
        assert current_revision(db) == "0004_security"
        assert rows(db, "PRAGMA foreign_keys") == [(1,)]  # back on for the application
    finally:
        db.dispose()


def test_revision_0005_refuses_a_database_holding_unknown_values(ledger):
    downgrade(ledger, "0004")
    execute(ledger, "UPDATE purchase_orders SET status = 'on_hold'")
    execute(ledger, "UPDATE serials SET status = 'borrowed' WHERE serial = 'CK0001'")
    before = snapshot(ledger)
    with pytest.raises(RuntimeError) as info:
        upgrade(ledger)
    assert "'purchase_orders.status': ['on_hold']" in str(info.value)
    assert "'serials.status': ['borrowed']" in str(info.value)
    assert current_revision(ledger) == "0004_security" and snapshot(ledger) == before
