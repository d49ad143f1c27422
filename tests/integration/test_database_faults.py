"""Faults of the database file or its disk end in one sentence and an exit status, never a traceback, and change
nothing: a damaged file (exit 3), a read-only file (reads work), a disk filling up during a backup, a lock held by
another program."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from snapp.cli import main
from snapp.db.engine import Database
from snapp.domain.capture import serial_range
from snapp.services import masterdata, purchasing, receiving
from snapp.services.auth import create_first_admin
from tests.conftest import ADMIN_PASSWORD


@pytest.fixture
def as_admin(monkeypatch):
    monkeypatch.setenv("SNAPP_USER", "admin")
    monkeypatch.setenv("SNAPP_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("SNAPP_LANG", "en")


SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # faults of the SQLite file itself


@pytest.fixture
def stocked_file(db, ctx, company, as_admin) -> str:
    """The SQLite database of ``db``, stocked and closed; its path."""
    receiving.receive(ctx, company.number, "LAP", [serial_range("FT0001..FT0040")], location="WH-A")
    db.dispose()
    return db.url.database


def _damage_a_page_of(path: str, table: str) -> None:
    """Overwrite one page of ``table`` (not of users or the audit trail: logging in still works)."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    [page] = connection.execute("SELECT MAX(pageno) FROM dbstat WHERE name = ?", (table,)).fetchone()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * page_size + 8)
        f.write(b"\xab" * 400)


@SQLITE_ONLY
@pytest.mark.parametrize("command", [["check"], ["audit", "verify"], ["backup", "--out", "OUT"], ["serial", "list"]])
def test_a_damaged_database_is_said_with_exit_3(stocked_file, tmp_path, capsys, command):
    _damage_a_page_of(stocked_file, "serials")
    before = open(stocked_file, "rb").read()
    out = tmp_path / "backups" / "b.snappbak"
    code = main(["--db", f"sqlite:///{stocked_file}", *[str(out) if c == "OUT" else c for c in command]])
    captured = capsys.readouterr()
    assert code == 3, captured
    assert "Traceback" not in captured.err
    assert "is damaged" in captured.out + captured.err
    assert not out.parent.exists() or list(out.parent.iterdir()) == []  # no backup, nor a part of one
    assert open(stocked_file, "rb").read() == before


def _read_only(path: str, tmp_path) -> str:
    """``path`` where nobody may write it: a read-only bind mount (root writes any file), else the file's mode."""
    if os.geteuid() != 0:
        os.chmod(path, 0o444)
        os.chmod(os.path.dirname(path), 0o555)
        return path
    view = tmp_path / "read-only"
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", os.path.dirname(path), str(view)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {mounted.stderr.decode().strip()}")
    subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
    return str(view / os.path.basename(path))


@pytest.fixture
def read_only_file(stocked_file, tmp_path):
    path = _read_only(stocked_file, tmp_path)
    yield path
    if path != stocked_file:  # lazily: the command's engine, never closed in-process, still holds the file
        subprocess.run(["umount", "--lazy", os.path.dirname(path)], check=True)
    else:
        os.chmod(os.path.dirname(path), 0o755)


@SQLITE_ONLY
def test_a_read_only_database_reads_and_refuses_writes_in_one_sentence(read_only_file, tmp_path, capsys):
    before = open(read_only_file, "rb").read()
    url = f"sqlite:///{read_only_file}"
    for reading in (["serial", "list"], ["audit", "verify"], ["check"], ["backup", "--out", str(tmp_path / "b.bak")]):
        assert main(["--db", url, *reading]) == 0, capsys.readouterr()
    assert "FT0001" in capsys.readouterr().out
    assert (tmp_path / "b.bak").is_file()
    assert main(["--db", url, "supplier", "add", "NEW", "New supplier"]) == 2
    err = capsys.readouterr().err
    assert "is read-only for you: it can be read, not changed" in err and "Traceback" not in err
    assert open(read_only_file, "rb").read() == before


def _tmpfs(folder, size: str) -> None:
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")


def test_a_disk_filling_up_during_a_backup_keeps_nothing(db, ctx, company, tmp_path, as_admin, capsys):
    receiving.receive(ctx, company.number, "LAP", [serial_range("FL0001..FL0100")], location="WH-A")
    full = tmp_path / "full"
    _tmpfs(full, "48k")
    try:
        code = main(["--db", db.url.render_as_string(hide_password=False), "backup", "--out", str(full / "b.snappbak")])
        err = capsys.readouterr().err
        assert code == 2 and "the disk is full: the backup" in err and "Traceback" not in err
        assert os.listdir(full) == []  # neither the backup nor a part of it
    finally:
        subprocess.run(["umount", "--lazy", str(full)], check=True)


HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    print("locked", flush=True)
    time.sleep(60)
    """
)


@SQLITE_ONLY
def test_a_database_locked_by_another_program_is_said_after_the_wait(stocked_file, capsys):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, stocked_file], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        code = main(["--db", f"sqlite:///{stocked_file}", "serial", "list"])
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert code == 2 and "is locked by another program" in err and "Traceback" not in err
    reopened = Database(f"sqlite:///{stocked_file}")
    try:
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM serials").scalar() == 40
    finally:
        reopened.dispose()


def test_a_disk_filling_up_during_a_receipt_is_one_sentence_and_the_receipt_is_whole_or_absent(tmp_path, capsys, monkeypatch):
    full = tmp_path / "full"
    _tmpfs(full, "1m")
    try:
        url = f"sqlite:///{full / 'snapp.db'}"
        monkeypatch.setenv("SNAPP_PASSWORD", "admin password")
        assert main(["--db", url, "--user", "admin", "init"]) == 0
        ctx = create_first_admin(Database(url), "admin", "admin password")
        masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
        masterdata.add_item(ctx, masterdata.ItemRecord("LAP", "Laptop", serial_min_length=4))
        masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))
        po = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 100_000)]).number)
        capsys.readouterr()
        code = main(["--db", url, "--user", "admin", "receive", po.number, "--sku", "LAP", "--range",
                     "DF000001..DF050000", "--location", "WH-A"])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 2 and "the disk is full" in err and "Traceback" not in err, err
        monkeypatch.setenv("SNAPP_PASSWORD", "admin password")
        assert main(["--db", url, "--user", "admin", "check"]) == 0  # the file is whole
        db = Database(url)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM serials").scalar() == 0  # nothing of the receipt
        db.dispose()
    finally:
        subprocess.run(["umount", "--lazy", str(full)], check=True)
