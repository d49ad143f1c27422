"""Refuse an SQLite file on a network share.

SQLite's locking relies on the local file system; over SMB or NFS it can
silently corrupt the database (sqlite.org, "Use over a network" and "How to
corrupt an SQLite database file"). WAL also needs every process on one host.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "9p", "ncpfs",
        "ceph", "glusterfs", "lustre", "gpfs", "davfs", "fuse.davfs2", "fuse.sshfs",
        "fuse.rclone", "fuse.glusterfs", "fuse.cephfs", "webdav",
    }
)  # fmt: skip


def network_share_reason(path: Path, *, mounts: str | None = None, platform: str = sys.platform) -> str | None:
    """Why ``path`` is on a network share, or None when it is local.

    ``mounts`` is the text of /proc/self/mounts (read when not given).
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return f"{text} is a network (UNC) path"
    if platform == "win32":
        return _windows_remote_drive(path)
    if platform.startswith("linux"):
        if mounts is None:
            try:
                mounts = Path("/proc/self/mounts").read_text()
            except OSError:
                return None
        # realpath: a symbolic link into a share leads onto the share all the same
        fstype, mount_point = _mount_of(Path(os.path.realpath(path)), mounts)
        if fstype in NETWORK_FILE_SYSTEMS or fstype.startswith(("nfs", "smb", "cifs")):
            return f"{path} is on a {fstype} network mount ({mount_point})"
    return None


def _mount_of(path: Path, mounts: str) -> tuple[str, str]:
    """File-system type and mount point of the longest mount that holds ``path``."""
    best, best_type = "", ""
    target = path.as_posix()
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type, best


# /proc/mounts escapes blank, tab, newline and backslash in mount points as
# octal (\040); every other character, Chinese included, is written as is.
_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    return _OCTAL.sub(lambda m: chr(int(m[1], 8)), field)


def _windows_remote_drive(path: Path) -> str | None:
    import ctypes  # Windows only

    drive = Path(os.path.abspath(path)).drive
    if not drive:
        return None
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote:  # type: ignore[attr-defined]
        return f"{drive} is a mapped network drive"
    return None
