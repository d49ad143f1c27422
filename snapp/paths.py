"""Where the files that ship with SNApp are, installed or in a source tree.

`resources/` sits at the top of the source tree; an installed wheel carries it
inside the package as `snapp/resources/` (see pyproject.toml), and so does the
frozen app (packaging/snapp.spec), under its bundle folder.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"SNApp's {name}/ folder is missing next to {_PACKAGE}; reinstall SNApp")


def resource(relative: str) -> Path:
    """A file under resources/, e.g. ``resource("fonts/wqy-microhei.ttc")``."""
    return _shipped("resources") / relative


CJK_FONT = "fonts/wqy-microhei.ttc"  # WenQuanYi Micro Hei: TrueType outlines, so reportlab can embed it


def form(name: str) -> Path:
    """A Qt Designer form under ui/, e.g. ``form("receiving")``."""
    return _shipped("ui") / f"{name}.ui"


# --- private working folders -------------------------------------------------------------


def work_root() -> Path:
    """Where SNApp stages files only the user may read (a database copy before it is sealed, a restore's file):
    ``SNAPP_WORK_DIR``, else a folder of the user's cache directory, never the shared temporary folder."""
    root = Path(os.environ.get("SNAPP_WORK_DIR") or platformdirs.user_cache_path("SNApp", appauthor=False) / "work")
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(root, 0o700)
    return root


@contextlib.contextmanager
def private_workdir(purpose: str) -> Iterator[Path]:
    """A new folder only the user can enter, removed on the way out; one left by a killed process is removed
    by the next start (``sweep_workdirs``): its name carries the process id that made it."""
    folder = work_root() / private_name(purpose)
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


ABANDONED_AFTER = 24 * 3600  # seconds; where a process id cannot be asked about (Windows)


def sweep_workdirs() -> list[Path]:
    """Remove the working folders of processes that are gone (killed, or the PC lost power); return them."""
    removed = [folder for folder in work_root().iterdir() if folder.is_dir() and abandoned(folder)]
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed


def abandoned(path: Path) -> bool:
    """Whether ``path``, named ``purpose-PID-random[.suffix]`` by this module, belongs to a process that is gone."""
    stem = path.name.lstrip(".").split(".")[0]
    pid = stem.split("-")[-2] if stem.count("-") >= 2 else ""
    return pid.isdigit() and not _alive(int(pid), path)


def private_name(purpose: str) -> str:
    """A name ``abandoned`` recognises, for a file that cannot live in a working folder (it is renamed into place)."""
    return f"{purpose}-{os.getpid()}-{secrets.token_hex(4)}"


def _alive(pid: int, path: Path) -> bool:
    if sys.platform == "win32":  # os.kill would end the process there
        return time.time() - path.stat().st_mtime < ABANDONED_AFTER
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
