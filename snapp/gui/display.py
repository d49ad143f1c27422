"""Before Qt starts: is there a screen to open a window on, and can Qt's X11 plugin load?

Without a display, or with a library of Qt's X11 plugin missing (a minimal
Linux lacks some), Qt ends the process with an abort and a core dump. Asked
first, SNApp says what is missing and how to install it instead.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from snapp.errors import Text

_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_SONAME = re.compile(r"lib(.+)\.so\.(\d+)")
_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")
X11_PORT = 6000


def display_problem(env: dict[str, str] | None = None) -> Text | None:
    """Why the desktop cannot open a window here, or None when it can (as far as can be told without Qt)."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user chose, Qt's own message will do
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None  # a Wayland session: Qt takes its Wayland plugin
    display = env.get("DISPLAY", "")
    if not display:
        return Text("display.none")
    if missing := missing_libraries(xcb_plugin()):
        packages = " ".join(debian_package(name) for name in missing)
        return Text("display.libraries", libraries=", ".join(missing), packages=packages)
    if not reachable(display):
        return Text("display.unreachable", display=display)
    return None


def xcb_plugin() -> Path:
    from PySide6.QtCore import QLibraryInfo  # Qt's core library: loading it needs no display

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the system does not have, as ldd names them."""
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.exists():
        return []  # no ldd (not glibc) or no plugin: nothing to tell beforehand
    found = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False).stdout
    return list(dict.fromkeys(_NOT_FOUND.findall(found)))


def debian_package(soname: str) -> str:
    """The Debian and Ubuntu package of a library: libxcb-icccm.so.4 → libxcb-icccm4, libxkbcommon-x11.so.0 → libxkbcommon-x11-0."""
    match = _SONAME.fullmatch(soname)
    if not match:
        return soname
    name, version = match.groups()
    return f"lib{name}{'-' if name[-1].isdigit() else ''}{version}"


def reachable(display: str) -> bool:
    """Whether an X server answers at ``display`` (":0", "unix:1", "host:10.0")."""
    match = _DISPLAY.match(display)
    if not match:
        return True  # a form we do not know: let Qt try
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        with socket.socket(socket.AF_UNIX) as probe:
            for address in (path, "\0" + path):  # the file, then Linux's abstract socket of the same name
                try:
                    probe.connect(address)
                    return True
                except OSError:
                    continue
        return False
    try:
        socket.create_connection((host, X11_PORT + number), timeout=2).close()
        return True
    except OSError:
        return False
