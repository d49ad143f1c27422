"""A backup or restore killed (kill -9) while the plain copy of the database exists leaves it only in the user's
private working folder, never beside the backup or in the shared temporary folder; the next start removes it."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from snapp.db.schema import open_database
from snapp.domain.capture import serial_range
from snapp.services import backup, receiving
from tests.integration.test_backup import PASSPHRASE

# The child does the real work and stops, as if killed, at the moment the plain stage is on disk: the step that
# follows it (sealing the copy; copying the checked file into the database) is where it waits to be killed.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from snapp.db.engine import Database
    from snapp.services import backup
    from snapp.services.base import Context

    action, url, path, passphrase = sys.argv[1:5]
    db = Database(url)

    def stop_here(*args, **named):
        print(next(a for a in args if isinstance(a, Path)), flush=True)
        time.sleep(120)

    if action == "backup":
        backup.seal = stop_here
        backup.backup(Context(db, "admin"), path, passphrase)
    else:
        backup.files.restore_sqlite = stop_here
        backup.files.restore_postgresql = stop_here
        backup.restore(db, path, by=Context(db, "admin"), passphrase=passphrase)
    """
)


def _killed_at_the_plain_stage(action: str, url: str, path: Path, work: Path) -> Path:
    env = {**os.environ, "SNAPP_WORK_DIR": str(work), "TMPDIR": str(path.parent / "tmp")}
    (path.parent / "tmp").mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen([sys.executable, "-c", CHILD, action, url, str(path), PASSPHRASE], env=env,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        plain = Path(child.stdout.readline().strip())
        assert plain.is_file() and plain.stat().st_size > 0, "the child did not reach the plain stage"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    return plain


def _sqlite_files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:16] == b"SQLite format 3\x00"]


@pytest.mark.parametrize("action", ["backup", "restore"])
def test_a_killed_backup_or_restore_leaves_its_plain_copy_only_where_the_user_alone_reads_it(
    db, ctx, company, tmp_path, monkeypatch, action
):
    receiving.receive(ctx, company.number, "LAP", [serial_range("KL0001..KL0040")], location="WH-A")
    out = tmp_path / "backups" / "b.snappbak"
    if action == "restore":
        backup.backup(ctx, out, PASSPHRASE)
    work = tmp_path / "work"
    url = db.url.render_as_string(hide_password=False)

    plain = _killed_at_the_plain_stage(action, url, out, work)

    assert plain.is_relative_to(work)
    assert stat.S_IMODE(work.stat().st_mode) == stat.S_IMODE(plain.parent.stat().st_mode) == 0o700
    beside = [p.name for p in out.parent.iterdir() if p.name != "tmp"]
    assert beside == (["b.snappbak"] if action == "restore" else [])  # no plain copy next to the backup
    assert _sqlite_files_under(out.parent) == []
    assert list((out.parent / "tmp").iterdir()) == []  # nor in the shared temporary folder

    monkeypatch.setenv("SNAPP_WORK_DIR", str(work))
    open_database(url).dispose()  # the next start
    assert list(work.iterdir()) == []
