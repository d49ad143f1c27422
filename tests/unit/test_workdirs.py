"""Private working folders: only the user enters them, and only those of processes that are gone are swept."""

from __future__ import annotations

import stat
import subprocess
import sys

from snapp.paths import abandoned, private_workdir, sweep_workdirs


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_working_folder_is_private_and_removed_on_the_way_out(tmp_path, monkeypatch):
    monkeypatch.setenv("SNAPP_WORK_DIR", str(tmp_path / "work"))
    with private_workdir("backup") as folder:
        (folder / "plain").write_bytes(b"SQLite format 3\x00")
        assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
        assert sweep_workdirs() == []  # this process is alive: its folder stays
    assert list((tmp_path / "work").iterdir()) == []


def test_the_sweep_removes_only_what_dead_processes_left(tmp_path, monkeypatch):
    work = tmp_path / "work"
    monkeypatch.setenv("SNAPP_WORK_DIR", str(work))
    dead = _dead_pid()
    left = work / f"restore-{dead}-0a1b2c3d"
    left.mkdir(parents=True)
    (left / "plain").write_bytes(b"a whole database")
    (work / "someone-elses-folder").mkdir()
    assert abandoned(tmp_path / f".snapp-backup-{dead}-0a1b2c3d.part")
    assert sweep_workdirs() == [left]
    assert sorted(p.name for p in work.iterdir()) == ["someone-elses-folder"]
