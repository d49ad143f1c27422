"""A backup edited outside SNApp does not restore: extra schema objects, users the trail never made, a broken chain,
an envelope without the site's key, and a sealed header asking for unbounded work."""

from __future__ import annotations

import struct
import time

import pytest
from sqlalchemy import text

from snapp.db.sealed import MAGIC
from snapp.domain.capture import serial_range
from snapp.errors import BackupError
from snapp.services import backup, receiving
from tests.integration.test_backup import PASSPHRASE, dump

# What an attacker plants, then takes out of the live database again: (statements to plant, statements to undo).
PLANTS = {
    "warehouse user made admin": (
        ["UPDATE users SET role = 'admin' WHERE name = 'store'"],
        ["UPDATE users SET role = 'warehouse' WHERE name = 'store'"],
    ),
    "extra table": (
        ["CREATE TABLE audit_copy (id INTEGER, action VARCHAR(40))"],
        ["DROP TABLE audit_copy"],
    ),
    "extra index": (
        ["CREATE INDEX ix_planted ON serials (serial)"],
        ["DROP INDEX ix_planted"],
    ),
}
SQLITE_TRIGGER = (
    ["CREATE TRIGGER planted AFTER INSERT ON serials BEGIN UPDATE serials SET status = 'scrapped' "
     "WHERE id = NEW.id; END"],
    ["DROP TRIGGER planted"],
)  # fmt: skip
PG_TRIGGER = (
    ["CREATE FUNCTION planted() RETURNS trigger LANGUAGE plpgsql AS "
     "$$ BEGIN NEW.status := 'scrapped'; RETURN NEW; END $$",
     "CREATE TRIGGER planted BEFORE INSERT ON serials FOR EACH ROW EXECUTE FUNCTION planted()"],
    ["DROP TRIGGER planted ON serials", "DROP FUNCTION planted()"],
)  # fmt: skip


def _execute(db, statements: list[str]) -> None:
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


@pytest.fixture
def stocked(ctx, company, as_user):
    as_user("store", "warehouse")
    receiving.receive(ctx, company.number, "LAP", [serial_range("DR0001..DR0010")], location="WH-A")
    return ctx


@pytest.mark.parametrize("plant", [*PLANTS, "trigger"])
def test_a_backup_doctored_in_the_database_is_refused_and_nothing_changes(db, stocked, tmp_path, plant):
    planted, undo = PLANTS.get(plant) or (SQLITE_TRIGGER if db.is_sqlite else PG_TRIGGER)
    _execute(db, planted)
    backup.backup(stocked, tmp_path / "doctored.snappbak")  # the checksum is made over the doctored content
    _execute(db, undo)
    before = dump(db)
    with pytest.raises(BackupError, match="changed outside SNApp"):
        backup.restore(db, tmp_path / "doctored.snappbak", by=stocked)
    assert dump(db) == before


def test_a_backup_whose_audit_trail_was_edited_is_refused(db, stocked, tmp_path):
    # The attacker also writes the role change into the trail, without the hashes that chain it.
    _execute(db, ["UPDATE users SET role = 'admin' WHERE name = 'store'",
                  "UPDATE audit_entries SET after = '{\"role\": \"admin\", \"password\": false}' "
                  "WHERE action = 'user.create' AND entity_key = 'store'"])  # fmt: skip
    backup.backup(stocked, tmp_path / "doctored.snappbak")
    _execute(db, ["UPDATE users SET role = 'warehouse' WHERE name = 'store'"])
    with pytest.raises(BackupError, match="audit trail that does not verify"):
        backup.restore(db, tmp_path / "doctored.snappbak", by=stocked)


def test_with_a_site_key_only_a_backup_keyed_with_it_restores(db, stocked, tmp_path, monkeypatch):
    backup.backup(stocked, tmp_path / "unkeyed.snappbak")
    monkeypatch.setenv("SNAPP_BACKUP_KEY", "the site's backup key")
    backup.backup(stocked, tmp_path / "keyed.snappbak")
    assert (tmp_path / "keyed.snappbak").read_bytes()[:8] == b"SNAPPBK2"
    before = dump(db)
    with pytest.raises(BackupError, match="not sealed with this site's backup key"):
        backup.restore(db, tmp_path / "unkeyed.snappbak", by=stocked)
    assert dump(db) == before
    assert backup.restore(db, tmp_path / "keyed.snappbak", by=stocked).chain.ok

    monkeypatch.setenv("SNAPP_BACKUP_KEY", "another site's key")
    with pytest.raises(BackupError, match="no longer matches its checksum"):
        backup.restore(db, tmp_path / "keyed.snappbak", by=stocked)
    monkeypatch.delenv("SNAPP_BACKUP_KEY")
    with pytest.raises(BackupError, match="site backup key, and none is set"):
        backup.restore(db, tmp_path / "keyed.snappbak", by=stocked)


@pytest.mark.parametrize("log_n, r, p", [(31, 8, 1), (20, 255, 1), (15, 8, 255)], ids=["n", "r", "p"])
def test_a_sealed_header_asking_for_unbounded_work_is_refused_at_once(db, stocked, tmp_path, log_n, r, p):
    good = tmp_path / "sealed.snappbak"
    backup.backup(stocked, good, PASSPHRASE)
    data = bytearray(good.read_bytes())
    struct.pack_into(">BBB", data, len(MAGIC) + 16, log_n, r, p)  # after the magic and the salt
    good.write_bytes(bytes(data))
    started = time.monotonic()
    with pytest.raises(BackupError, match="key derivation SNApp never writes"):
        backup.restore(db, good, by=stocked, passphrase=PASSPHRASE)
    assert time.monotonic() - started < 5


def test_a_sealed_backup_is_still_checked_behind_its_seal(db, stocked, tmp_path):
    """A passphrase proves who sealed the file, not what was in the database they sealed."""
    _execute(db, PLANTS["warehouse user made admin"][0])
    backup.backup(stocked, tmp_path / "doctored.snappbak", PASSPHRASE)
    _execute(db, PLANTS["warehouse user made admin"][1])
    with pytest.raises(BackupError, match="users or roles its own audit trail never recorded"):
        backup.restore(db, tmp_path / "doctored.snappbak", by=stocked, passphrase=PASSPHRASE)
