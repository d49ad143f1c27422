"""The PostgreSQL connection cut in the middle of a command: one sentence, exit 2, nothing partial."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from snapp_testkit import audit_entries, snapshot
from sqlalchemy import Engine, create_engine, event, text

from snapp.cli import main
from snapp.db.engine import Database
from snapp.db.schema import upgrade
from snapp.services import masterdata, purchasing
from snapp.services.auth import create_first_admin

pytestmark = pytest.mark.postgres


def _terminate(killer: Engine, pid: int) -> None:
    """End the backend as an admin's pg_terminate_backend does, waiting (up to 30 s) until it is gone."""
    with killer.connect() as conn:
        assert conn.scalar(text("SELECT pg_terminate_backend(:pid, 30000)"), {"pid": pid}), "the backend lived on"


@pytest.fixture
def pg_db(pg_url, request) -> Database:
    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    return db


@pytest.mark.parametrize(
    ("cut_after", "at_commit"),
    [("INSERT INTO receipts", False), ("INSERT INTO serial_events", False), ("INSERT INTO serial_events", True)],
    ids=["after the receipt row", "after the events", "at commit"],
)
def test_a_receipt_whose_connection_is_cut_says_so_and_saves_nothing(pg_db, pg_url, cut_after, at_commit, capsys,
                                                                     monkeypatch):  # fmt: skip
    ctx = create_first_admin(pg_db, "admin", "admin password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    masterdata.add_item(ctx, masterdata.ItemRecord("LAP", "Laptop", serial_min_length=4))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 100, Decimal("1"))])
    po = purchasing.approve_po(ctx, po.number)
    before = snapshot(pg_db)
    killer = create_engine(pg_url)
    reached: list[int] = []  # the receipt's backend, once it ran the statement named
    cut: list[int] = []

    # The command builds its own engine: every engine is watched, and the receipt's own connection is ended
    # right after the statement named (or as it commits), its transaction still open.
    def after_statement(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith(cut_after) and not reached:
            reached.append(cursor.connection.info.backend_pid)
            if not at_commit:
                cut.append(reached[0])
                _terminate(killer, reached[0])

    def on_commit(conn) -> None:
        if reached and at_commit and not cut:
            cut.append(reached[0])
            _terminate(killer, reached[0])

    event.listen(Engine, "after_cursor_execute", after_statement)
    event.listen(Engine, "commit", on_commit)
    try:
        monkeypatch.setenv("SNAPP_PASSWORD", "admin password")
        code = main(["--db", pg_url, "--user", "admin", "--json", "receive", po.number, "--sku", "LAP",
                     "--range", "CUT0001..CUT0050", "--location", "WH-A"])  # fmt: skip
    finally:
        event.remove(Engine, "after_cursor_execute", after_statement)
        event.remove(Engine, "commit", on_commit)
        killer.dispose()
    out, err = capsys.readouterr()
    assert cut, "the receipt never ran the statement to cut after"
    assert code == 2, err
    assert out.count("\n") == 1, out
    refusal = json.loads(out)
    if at_commit:  # the commit may or may not have reached the server: the sentence says to look
        assert refusal["error"] == "database.connection_lost_at_commit"
        assert "lost while saving; the change was saved whole or not at all" in refusal["message"]
    else:
        assert refusal["error"] == "database.connection_lost"
        assert "the connection to the database was lost; nothing of this command was saved" in refusal["message"]
    # Nothing of the receipt: only the command's login was recorded.
    assert snapshot(pg_db) == {**before, "audit_entries": before["audit_entries"] + 1}
    assert [e.action for e in audit_entries(pg_db)][-1] == "login"


def test_pooled_connections_the_server_ended_are_replaced_before_any_work(pg_db, pg_url, tmp_path):
    # A restart of the server, an admin's pg_terminate_backend, an idle timeout: the pool's idle connections are
    # gone. The next units of work run on new ones, without a failed command, and without a ping to the server
    # before each unit of work to find that out (a round trip, on a LAN the cost of a whole statement).
    ctx = create_first_admin(pg_db, "admin", "admin password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    idle = {pgconn.backend_pid for pgconn in _pooled(pg_db)}
    killer = create_engine(pg_url)
    try:
        for pid in idle:
            _terminate(killer, pid)
    finally:
        killer.dispose()
    assert [s.code for s in masterdata.list_suppliers(ctx)] == ["ACME"]
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("BETA", "Beta"))

    pooled = _pooled(pg_db)
    assert not {pgconn.backend_pid for pgconn in pooled} & idle
    wire = tmp_path / "wire.txt"  # libpq's trace of every message on the wire
    with wire.open("w") as out:
        for pgconn in pooled:
            pgconn.trace(out.fileno())
        try:
            assert [s.code for s in masterdata.list_suppliers(ctx)] == ["ACME", "BETA"]
        finally:
            for pgconn in pooled:
                pgconn.untrace()
    # A message is a line "time, F(rontend) or B(ackend), length, kind, fields" (a statement may go on for lines).
    sent = [fields[3:] for fields in (line.split("\t") for line in wire.read_text().splitlines())
            if len(fields) > 3 and fields[1] == "F"]  # fmt: skip
    assert sent[0] == ["Query", ' "BEGIN READ ONLY"'], sent  # the unit of work's first word to the server


def _pooled(db: Database) -> list:
    """The libpq connections of the pool's two idle connections (both taken at once, then given back)."""
    with db.engine.connect() as first, db.engine.connect() as second:
        return [conn.connection.dbapi_connection.pgconn for conn in (first, second)]
