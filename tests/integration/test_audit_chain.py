"""The audit trail's hash chain: each kind of tampering is caught and located; concurrent writers never fork it."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from snapp_testkit import execute, rows, scalar

from sqlalchemy import select

from snapp.db.models import audit_table
from snapp.domain.auditchain import GENESIS, Tampering, entry_hash
from snapp.errors import PermissionDenied
from snapp.services import audit, masterdata, users
from snapp.services.auth import create_first_admin
from snapp.services.base import Context


def entry(db, seq: int) -> dict:
    """The stored entry, read through the mapped table so ``at`` comes back as SNApp hashed it."""
    with db.engine.connect() as conn:
        return dict(conn.execute(select(audit_table).where(audit_table.c.seq == seq)).one()._mapping)


def forge(db, seq: int, prev_hash: str, **content) -> None:
    """Write an entry whose hash is right for its content: what someone who read the code would do."""
    row = {"seq": seq, "at": content.pop("at"), "user_name": "mallory", "action": "supplier.update",
           "entity": "supplier", "entity_key": "ACME", "before": None, "after": '{"name":"forged"}',
           "prev_hash": prev_hash, **content}  # fmt: skip
    row["hash"] = entry_hash(**row)
    with db.engine.begin() as conn:
        conn.execute(audit_table.insert(), row)


def shift(db, from_seq: int, by: int) -> None:
    """Renumber the entries from ``from_seq`` on (in two steps: seq is unique at every row)."""
    execute(db, "UPDATE audit_entries SET seq = -seq WHERE seq >= :s", s=from_seq)
    execute(db, "UPDATE audit_entries SET seq = -seq + :by WHERE seq < 0", by=by)


@pytest.fixture
def trail(db, ctx, company):
    """Seven entries: the first admin, a supplier, an item, two locations, a PO created and approved."""
    assert scalar(db, "SELECT COUNT(*) FROM audit_entries") == 7
    return ctx


def report(ctx, expected_head=None):
    return audit.verify_chain(ctx, expected_head)


def test_an_untouched_trail_verifies_and_names_its_head(db, trail):
    result = report(trail)
    assert result.ok and result.first_bad is None and result.entries == 7
    assert (result.head_seq, result.head_hash) == (7, entry(db, 7)["hash"])
    assert entry(db, 1)["prev_hash"] == GENESIS
    for seq in range(2, 8):
        assert entry(db, seq)["prev_hash"] == entry(db, seq - 1)["hash"]


def _edit(db):
    execute(db, """UPDATE audit_entries SET after = '{"name": "Cheaper supplier"}' WHERE seq = 3""")
    return 3, Tampering.EDITED


def _edit_and_rehash(db):
    e = entry(db, 3)
    e["after"] = json.dumps({"name": "Cheaper supplier"})
    del e["id"], e["hash"]
    execute(db, "UPDATE audit_entries SET after = :a, hash = :h WHERE seq = 3", a=e["after"], h=entry_hash(**e))
    return 3, Tampering.EDITED


def _edit_who(db):
    execute(db, "UPDATE audit_entries SET user_name = 'somebody.else' WHERE seq = 6")
    return 6, Tampering.EDITED


def _delete(db):
    execute(db, "DELETE FROM audit_entries WHERE seq = 4")
    return 4, Tampering.DELETED


def _delete_and_close_the_gap(db):
    execute(db, "DELETE FROM audit_entries WHERE seq = 4")
    shift(db, 5, -1)
    return 4, Tampering.EDITED  # what was #5 sits at #4 now and no longer matches its hash


def _insert(db):
    e3 = entry(db, 3)
    shift(db, 4, 1)
    forge(db, 4, e3["hash"], at=e3["at"])
    return 4, Tampering.INSERTED


def _append_behind_snapps_back(db):
    e7 = entry(db, 7)
    forge(db, 8, e7["hash"], at=e7["at"])
    return 8, Tampering.INSERTED


def _cut_the_tail(db):
    execute(db, "DELETE FROM audit_entries WHERE seq >= 6")
    return 6, Tampering.TRUNCATED


def _truncate_the_table(db):
    execute(db, "DELETE FROM audit_entries")  # TRUNCATE on PostgreSQL does the same to the rows
    return 1, Tampering.TRUNCATED


@pytest.mark.parametrize(
    "tamper",
    [_edit, _edit_and_rehash, _edit_who, _delete, _delete_and_close_the_gap, _insert, _append_behind_snapps_back,
     _cut_the_tail, _truncate_the_table],
    ids=lambda f: f.__name__.strip("_"),
)  # fmt: skip
def test_tampering_is_caught_and_located(db, trail, tamper):
    seq, kind = tamper(db)
    result = report(trail)
    assert not result.ok
    assert (result.first_bad.seq, result.first_bad.kind) == (seq, kind), result.first_bad.message
    assert f"#{seq}" in result.first_bad.message


def test_cutting_the_tail_and_the_head_record_is_caught_by_a_printed_head(db, trail):
    printed = report(trail).head_hash  # as the monthly report prints it
    masterdata.add_location(trail, masterdata.LocationRecord("LATER", "added after the report"))
    assert report(trail, printed).ok  # entries after the printed head are fine

    six = entry(db, 6)
    execute(db, "DELETE FROM audit_entries WHERE seq >= 7")
    execute(db, "UPDATE audit_chain_head SET seq = 6, hash = :h", h=six["hash"])
    assert report(trail).ok  # without the printed head the cut is invisible...
    result = report(trail, printed)
    assert not result.ok and result.first_bad.kind == Tampering.TRUNCATED  # ...with it, caught
    assert printed in result.first_bad.message and result.head_hash == six["hash"]


def test_refusals_and_logins_keep_the_chain_whole(db, trail, as_user):
    auditor = as_user("auditor.one", "auditor")
    with pytest.raises(PermissionDenied):
        masterdata.add_location(auditor, masterdata.LocationRecord("NO", "refused"))
    assert report(trail).ok
    assert scalar(db, "SELECT MAX(seq) FROM audit_entries") == scalar(db, "SELECT COUNT(*) FROM audit_entries")


def test_concurrent_writers_never_fork_the_chain(db, trail):
    clerks = []
    for n in range(6):
        users.add_user(trail, f"buyer.{n}", "procurement")
        clerks.append(Context(db, f"buyer.{n}"))
    barrier = threading.Barrier(len(clerks))
    errors: list[BaseException] = []

    def run(n: int) -> None:
        barrier.wait()
        try:
            for k in range(8):
                masterdata.add_supplier(clerks[n], masterdata.SupplierRecord(f"S{n}-{k}", f"supplier {n}/{k}"))
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(clerks))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    result = report(trail)
    assert result.ok, result.first_bad
    assert result.entries == 7 + 6 + 6 * 8
    assert len({h for (h,) in rows(db, "SELECT prev_hash FROM audit_entries")}) == result.entries  # no fork


def test_an_entry_committed_while_the_chain_is_read_is_no_tampering(db, trail, monkeypatch):
    """On PostgreSQL the head and the entries are read by two statements; a receipt may commit in between."""
    entries, appended = audit._entries, []

    def others_write_first(session):
        if not appended:  # between reading the head and reading the entries, once
            appended.append(masterdata.add_supplier(trail, masterdata.SupplierRecord("LATE", "committed meanwhile")))
        yield from entries(session)

    monkeypatch.setattr(audit, "_entries", others_write_first)
    result = report(trail)
    assert appended and result.ok, result.first_bad
    assert result.entries in (7, 8)  # SQLite's read transaction is one snapshot; PostgreSQL sees the new entry
    monkeypatch.undo()
    assert report(trail).entries == 8


def test_the_command_line_names_the_entry_and_prints_the_head(db, trail, admin_cli):
    status, out, _ = admin_cli("audit", "verify")
    head = scalar(db, "SELECT hash FROM audit_chain_head")
    assert status == 0 and "intact" in out and head in out

    _delete(db)
    status, out, _ = admin_cli("audit", "verify")
    assert status == 3 and "NOT intact: entry #4 is missing" in out and "head: #" in out
    status, out, _ = admin_cli("check")
    assert status == 3 and "entry #4 is missing" in out


def test_entries_from_before_the_chain_are_chained_by_the_migration(db_url):
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    old = Database(db_url)
    try:
        upgrade(old, "0002")
        for n, at in enumerate(["2026-01-02 03:04:05.000006", "2026-01-02 03:04:05", "2026-03-01 00:00:00.5"]):
            execute(old, "INSERT INTO audit_entries (at, user_name, action, entity, entity_key, after) "
                         "VALUES (:at, '张三', 'supplier.create', 'supplier', :key, :after)",
                    at=dt.datetime.fromisoformat(at), key=f"S{n}", after='{"name": "深圳"}')  # fmt: skip
        execute(old, "DELETE FROM audit_entries WHERE entity_key = 'S1'")  # ids with a gap, as rollbacks leave them
        upgrade(old)
        result = audit.chain_report_of(old)
        assert result.ok and result.entries == 2 and result.head_seq == 2
        assert rows(old, "SELECT seq, entity_key FROM audit_entries ORDER BY id") == [(1, "S0"), (2, "S2")]
        # New entries continue the same chain.
        admin = create_first_admin(old, "admin", "admin password")
        masterdata.add_location(admin, masterdata.LocationRecord("WH", "warehouse"))
        assert audit.verify_chain(admin).ok and audit.verify_chain(admin).entries == 4
        execute(old, "UPDATE audit_entries SET user_name = '李四' WHERE seq = 1")
        assert audit.verify_chain(admin).first_bad.seq == 1
    finally:
        old.dispose()


def test_a_row_appended_behind_snapps_back_is_reported_and_stops_every_change(db, trail, cli):
    """The tools that find the change still run; every other command refuses in one sentence, writing nothing."""
    users.add_user(trail, "li.na", "warehouse", "li.na's password")
    users.add_user(trail, "olga", "auditor", "olga's password")
    head = scalar(db, "SELECT seq FROM audit_chain_head")
    forge(db, head + 1, entry(db, head)["hash"], at=entry(db, head)["at"])

    def run(user: str, password: str, *command: str) -> tuple[int, str, str]:
        return tuple(cli(*command, user=user, password=password))

    code, out, _ = run("admin", "admin password", "audit", "verify")
    assert code == 3 and f"NOT intact: entry #{head + 1}" in out and "appended outside SNApp" in out
    code, out, _ = run("olga", "olga's password", "check")
    assert code == 3 and f"entry #{head + 1}" in out
    assert run("admin", "admin password", "location", "list")[0] == 0

    before = rows(db, "SELECT id FROM audit_entries ORDER BY id")
    refused = "snapp: the audit trail was changed outside SNApp, so nothing more can be recorded in it; " \
              "an admin should verify the audit trail\n"  # fmt: skip
    assert run("admin", "admin password", "location", "add", "WH-C", "Third") == (2, "", refused)
    assert run("li.na", "li.na's password", "location", "list") == (2, "", refused)
    code, out, _ = run("li.na", "li.na's password", "--json", "location", "list")
    assert code == 2 and json.loads(out)["error"] == "audit.changed_outside"
    assert rows(db, "SELECT id FROM audit_entries ORDER BY id") == before
    assert scalar(db, "SELECT count(*) FROM locations WHERE code = 'WH-C'") == 0
    assert scalar(db, "SELECT failed_logins FROM users WHERE name = 'li.na'") == 0  # a right password, refused
