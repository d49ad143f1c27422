"""Backup and restore on SQLite and PostgreSQL: whole copies, taken while others write, and refusals that change nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
import time

import pytest
from snapp_testkit import rows, scalar
from sqlalchemy import text

from snapp.db.backup import PGDUMP_MAGIC, SQLITE_MAGIC
from snapp.db.engine import Database, sqlite_url
from snapp.db.models import Base
from snapp.db.schema import current_revision, head_revision, upgrade
from snapp.db.sealed import unwrap, wrap
from snapp.domain.capture import serial_range
from snapp.errors import BackupError, PermissionDenied
from snapp.services import audit, backup, masterdata, receiving
from snapp.services.auth import create_first_admin
from snapp.services.base import Context

PASSPHRASE = "correct horse battery staple"


def dump(db: Database, *, audit_up_to: int | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, in key order (the audit trail up to ``audit_up_to`` when given)."""
    with db.engine.connect() as conn:
        data = {
            table.name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {table.name} ORDER BY 1"))]
            for table in Base.metadata.sorted_tables
        }
        data["alembic_version"] = [tuple(r) for r in conn.execute(text("SELECT * FROM alembic_version"))]
    if audit_up_to is not None:
        data["audit_entries"] = [r for r in data["audit_entries"] if r[0] <= audit_up_to]
        data.pop("audit_chain_head")
    return data


def integrity_of(backup_file, tmp_path) -> list[tuple]:
    """PRAGMA integrity_check of the SQLite database inside a (plain) backup file."""
    unwrap(backup_file, tmp_path / "inside.db")
    copy = sqlite3.connect(tmp_path / "inside.db")
    try:
        return copy.execute("PRAGMA integrity_check").fetchall()
    finally:
        copy.close()
        (tmp_path / "inside.db").unlink()


def last_audit(db: Database) -> int:
    return scalar(db, "SELECT MAX(id) FROM audit_entries")


@pytest.fixture
def stocked(ctx, company):
    receiving.receive(ctx, company.number, "LAP", [serial_range("BK0001..BK0040")], location="WH-A")
    return ctx


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_a_backup_restores_to_identical_data(db, stocked, tmp_path, sealed):
    before, mark = dump(db), last_audit(db)
    record = backup.backup(stocked, tmp_path / "copy.snappbak", PASSPHRASE if sealed else None)
    assert record.sealed is sealed and record.size == (tmp_path / "copy.snappbak").stat().st_size
    # The database's own file is in a plain backup and not in a sealed one: its header (16 bytes, 5 on
    # PostgreSQL) cannot turn up in the ciphertext by chance, as a three-letter SKU once did.
    magic = SQLITE_MAGIC if db.is_sqlite else PGDUMP_MAGIC
    assert (magic in (tmp_path / "copy.snappbak").read_bytes()) is not sealed

    # Life goes on after the backup...
    masterdata.add_supplier(stocked, masterdata.SupplierRecord("LATE", "added after the backup"))
    assert dump(db) != before
    # ...and the restore brings the database back to the moment of the backup, plus its own entry.
    restored = backup.restore(db, tmp_path / "copy.snappbak", by=stocked, passphrase=PASSPHRASE if sealed else None)
    assert restored.revision == head_revision() and restored.chain.ok
    after = dump(db, audit_up_to=mark)
    expected = {k: v for k, v in before.items() if k != "audit_chain_head"}
    assert after == expected
    [entry] = audit.list_entries(stocked, audit.AuditFilter(action="backup.restore"))
    assert entry.user == "admin" and entry.after["path"].endswith("copy.snappbak")
    assert entry.before["replaced_head"]["intact"] is True
    if db.is_sqlite:
        assert backup.check(stocked).integrity == []


def test_a_backup_taken_while_others_write_is_whole(db, stocked, tmp_path, as_user):
    """Receipts go on in another thread throughout; the copy holds whole receipts only, and restores as it was."""
    store = as_user("store", "warehouse")
    stop, errors, done = threading.Event(), [], []
    po = _big_po(stocked)

    def keep_receiving() -> None:
        n = 0
        try:
            while not stop.is_set():
                receiving.receive(store, po, "LAP", [serial_range(f"CW{n:04d}00..CW{n:04d}49")], location="WH-A")
                done.append(n)
                n += 1
        except BaseException as err:  # reported below
            errors.append(err)

    writer = threading.Thread(target=keep_receiving)
    writer.start()
    try:
        while len(done) < 3:
            time.sleep(0.01)
        backup.backup(stocked, tmp_path / "busy.snappbak")
        during = len(done)
        while len(done) < during + 3:  # the writer went on during and after the copy
            time.sleep(0.01)
    finally:
        stop.set()
        writer.join(60)
    assert errors == []
    if db.is_sqlite:
        assert integrity_of(tmp_path / "busy.snappbak", tmp_path) == [("ok",)]
    live = dump(db)

    result = backup.restore(db, tmp_path / "busy.snappbak", by=stocked)
    assert result.chain.ok
    restored = dump(db)
    assert 0 < len(restored["serials"]) < len(live["serials"])
    for table in ("serials", "serial_events", "receipts", "receipt_lines"):
        assert set(restored[table]) <= set(live[table]), table  # the same rows, only fewer of them
    # Whole receipts only: every count agrees with every other.
    receipts = scalar(db, "SELECT COUNT(*) FROM receipts")
    assert scalar(db, "SELECT COUNT(*) FROM serials") == scalar(db, "SELECT SUM(quantity) FROM receipt_lines") == (
        scalar(db, "SELECT SUM(received) FROM po_lines")
    ) == scalar(db, "SELECT COUNT(*) FROM serial_events")  # fmt: skip
    assert scalar(db, "SELECT COUNT(*) FROM audit_entries WHERE action = 'receipt.post'") == receipts


def _big_po(ctx: Context) -> str:
    from snapp.services import purchasing

    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 100_000)])
    return purchasing.approve_po(ctx, po.number).number


# --- refusals ----------------------------------------------------------------------


def _random_bytes(good, tmp_path):
    (tmp_path / "bad").write_bytes(bytes(range(256)) * 64)


def _empty(good, tmp_path):
    (tmp_path / "bad").write_bytes(b"")


def _cut_in_half(good, tmp_path):
    data = good.read_bytes()
    (tmp_path / "bad").write_bytes(data[: len(data) // 2])


def _one_byte_changed(good, tmp_path):
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "bad").write_bytes(bytes(data))


def _another_sqlite_database(good, tmp_path):
    other = sqlite3.connect(tmp_path / "bad")
    other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    other.execute("INSERT INTO notes VALUES (1, 'not SNApp')")
    other.commit()
    other.close()


def _from_a_newer_snapp(good, tmp_path):
    shutil.copy(good, tmp_path / "bad")
    newer = sqlite3.connect(tmp_path / "bad")
    newer.execute("UPDATE alembic_version SET version_num = '9999_future'")
    newer.commit()
    newer.close()


def _damaged_pg_dump(good, tmp_path):
    (tmp_path / "bad").write_bytes(b"PGDMP" + bytes(500))


BARE_SQLITE = {_another_sqlite_database, _from_a_newer_snapp}


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
@pytest.mark.parametrize(
    "spoil",
    [_random_bytes, _empty, _cut_in_half, _one_byte_changed, _another_sqlite_database, _from_a_newer_snapp,
     _damaged_pg_dump],
    ids=lambda f: f.__name__.strip("_"),
)  # fmt: skip
def test_a_wrong_or_damaged_file_is_refused_and_nothing_changes(db, stocked, tmp_path, spoil, sealed):
    good = tmp_path / "good.snappbak"
    if spoil in BARE_SQLITE:  # a bare SQLite database file, as someone might copy one by hand
        _bare_sqlite_snapp_database(good, tmp_path)
    else:
        backup.backup(stocked, good)
    spoil(good, tmp_path)
    bad = tmp_path / "bad"
    if sealed:  # the same content, sealed properly: the check behind the seal still refuses it
        from snapp.db.sealed import seal

        seal(bad, tmp_path / "bad.sealed", PASSPHRASE)
        bad = tmp_path / "bad.sealed"
    before = dump(db)
    with pytest.raises(BackupError):
        backup.restore(db, bad, by=stocked, passphrase=PASSPHRASE)
    assert dump(db) == before


def _bare_sqlite_snapp_database(target, tmp_path) -> None:
    made = Database(sqlite_url(tmp_path / "made.db"))
    upgrade(made)
    create_first_admin(made, "someone", "someone's password")
    _sqlite_backup(made, target)
    made.dispose()


def _sqlite_backup(db: Database, target) -> None:
    live = sqlite3.connect(db.url.database)
    copy = sqlite3.connect(target)
    live.backup(copy)
    copy.close()
    live.close()


@pytest.mark.parametrize("damage", ["wrong passphrase", "byte flipped", "cut short", "no passphrase"])
def test_a_sealed_file_opens_only_whole_and_with_its_passphrase(db, stocked, tmp_path, damage):
    sealed = tmp_path / "sealed.snappbak"
    backup.backup(stocked, sealed, PASSPHRASE)
    data = bytearray(sealed.read_bytes())
    passphrase = PASSPHRASE
    if damage == "wrong passphrase":
        passphrase = "Correct horse battery staple"
    elif damage == "byte flipped":
        data[len(data) // 3] ^= 0x01
    elif damage == "cut short":
        data = data[: len(data) - 100]
    else:
        passphrase = None
    sealed.write_bytes(bytes(data))
    before = dump(db)
    with pytest.raises(BackupError, match="passphrase|cut short|damaged"):
        backup.restore(db, sealed, by=stocked, passphrase=passphrase)
    assert dump(db) == before


def test_only_an_admin_restores_over_a_database_in_use(db, stocked, tmp_path, as_user):
    backup.backup(stocked, tmp_path / "b.snappbak")
    auditor = as_user("auditor.one", "auditor")
    before = dump(db)
    with pytest.raises(PermissionDenied):
        backup.restore(db, tmp_path / "b.snappbak", by=auditor)
    with pytest.raises(BackupError, match="log in as an admin"):
        backup.restore(db, tmp_path / "b.snappbak", by=None)
    assert dump(db, audit_up_to=last_audit(db) - 1) == {k: v for k, v in before.items() if k != "audit_chain_head"}


# --- SQLite specifics ------------------------------------------------------------


def test_a_new_pc_restores_into_an_empty_database_and_an_old_schema_is_migrated(tmp_path):
    old = Database(sqlite_url(tmp_path / "old.db"))
    upgrade(old, "0002")  # a database from before the security work, with a user and an audit entry
    with old.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO users (name, role, active, created_at) VALUES ('zhang', 'admin', 1, '2026-01-01')")
        )
        conn.execute(text(
            "INSERT INTO audit_entries (at, user_name, action, entity, entity_key, after) VALUES "
            "('2026-01-01 00:00:00.000000', 'zhang', 'user.create', 'user', 'zhang', '{\"role\": \"admin\"}'),"
            "('2026-01-02 03:04:05.000006', 'zhang', 'supplier.create', 'supplier', 'ACME', '{}')"
        ))  # fmt: skip
    _sqlite_backup(old, tmp_path / "old.db")
    old.dispose()
    wrap(tmp_path / "old.db", tmp_path / "old.snappbak")

    fresh = Database(sqlite_url(tmp_path / "new-pc.db"))
    try:
        result = backup.restore(fresh, tmp_path / "old.snappbak", by=None)
        assert result.revision == "0002" and current_revision(fresh) == head_revision()
        assert result.chain.ok and result.chain.entries == 3  # the old entries, chained by the migration; the restore
        assert rows(fresh, "SELECT user_name, action FROM audit_entries ORDER BY seq") == [
            ("zhang", "user.create"), ("zhang", "supplier.create"), ("-", "backup.restore"),
        ]  # fmt: skip
    finally:
        fresh.dispose()


def test_scheduled_backups_keep_the_newest_n(db, stocked, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not ours")
    start = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)
    made = []
    for hours in range(0, 30, 2):  # the app's timer fires every two hours; a backup is due every six
        result = backup.backup_if_due(stocked, folder, every=dt.timedelta(hours=6), keep=3,
                                      now=start + dt.timedelta(hours=hours))  # fmt: skip
        if result.made:
            made.append(hours)
    assert made == [0, 6, 12, 18, 24]
    assert sorted(p.name for p in folder.iterdir()) == [
        "notes.txt", "snapp-20261101-200000.snappbak", "snapp-20261102-020000.snappbak",
        "snapp-20261102-080000.snappbak",
    ]  # fmt: skip
    if db.is_sqlite:
        for path in folder.glob("*.snappbak"):
            assert integrity_of(path, tmp_path) == [("ok",)]


# --- PostgreSQL specifics --------------------------------------------------------


@pytest.mark.postgres
def test_a_backup_of_the_other_database_kind_is_refused(pg_url, tmp_path):
    pg, lite = Database(pg_url), Database(sqlite_url(tmp_path / "lite.db"))
    try:
        for db in (pg, lite):
            upgrade(db)
        pg_admin = create_first_admin(pg, "admin", "admin password")
        lite_admin = create_first_admin(lite, "admin", "admin password")
        backup.backup(pg_admin, tmp_path / "pg.snappbak")
        backup.backup(lite_admin, tmp_path / "lite.snappbak")
        for target, admin, other, kind in ((pg, pg_admin, "lite", "sqlite"), (lite, lite_admin, "pg", "postgresql")):
            before = dump(target)
            with pytest.raises(BackupError, match=f"is a {kind} backup; this database is not: nothing restored"):
                backup.restore(target, tmp_path / f"{other}.snappbak", by=admin)
            assert dump(target) == before
    finally:
        pg.dispose()
        lite.dispose()


@pytest.mark.postgres
def test_missing_postgresql_tools_are_named(pg_url, tmp_path, monkeypatch):
    db = Database(pg_url)
    try:
        upgrade(db)
        ctx = create_first_admin(db, "admin", "admin password")
        monkeypatch.setenv("PATH", str(tmp_path))
        with pytest.raises(BackupError, match="pg_dump was not found.*PostgreSQL client tools"):
            backup.backup(ctx, tmp_path / "b.dump")
        assert not (tmp_path / "b.dump").exists()
    finally:
        db.dispose()
