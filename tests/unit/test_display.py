"""The desktop app, started where no window can open, says why in one sentence instead of dumping core."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from snapp.gui.display import debian_package, missing_libraries, reachable, xcb_plugin

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and its libraries are Linux's")


def desktop(tmp_path, **env: str) -> subprocess.CompletedProcess:
    """`snapp` with no command (the desktop app), in an environment without a screen unless ``env`` gives one."""
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    base |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "SNAPP_LANG": "en"} | env
    command = [sys.executable, "-m", "snapp.cli", "--db", f"sqlite:///{tmp_path}/s.db"]
    return subprocess.run(command, env=base, capture_output=True, text=True, timeout=120)


def test_no_display_is_said_not_aborted(tmp_path):
    ran = desktop(tmp_path)
    assert ran.returncode == 2, ran  # an abort would be a negative code (killed by SIGABRT)
    assert ran.stderr.strip() == (
        "snapp: no display to open the desktop app's window on (DISPLAY is not set). Start it in a graphical "
        "session; on a server, use the command line (snapp --help) or share the database with snapp serve"
    )


def test_a_display_nobody_answers_or_missing_libraries_are_said_not_aborted(tmp_path):
    ran = desktop(tmp_path, DISPLAY=":4242", SNAPP_LANG="zh")
    assert ran.returncode == 2, ran
    missing = missing_libraries(xcb_plugin())
    if missing:  # a minimal system: each library is named with the package that brings it
        assert "本系统缺少的库" in ran.stderr and all(name in ran.stderr for name in missing)
        assert "sudo apt-get install " + " ".join(debian_package(name) for name in missing) in ran.stderr
    else:
        assert ran.stderr.strip() == "snapp: DISPLAY=:4242 上没有 X 服务器响应；请启动 X 服务器或更正 DISPLAY"


def test_a_plugin_whose_libraries_are_all_here_misses_none():
    offscreen = xcb_plugin().with_name("libqoffscreen.so")  # the one these tests run Qt with
    assert offscreen.exists() and missing_libraries(offscreen) == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
     ("libxcb-render-util.so.0", "libxcb-render-util0"), ("libxcb-cursor.so.0", "libxcb-cursor0"),
     ("not-a-library", "not-a-library")],
)  # fmt: skip
def test_library_names_become_the_packages_that_bring_them(soname, package):
    assert debian_package(soname) == package


def test_an_x_server_is_found_on_its_socket_and_its_port():
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("\0/tmp/.X11-unix/X4343")  # where an X server of display :4343 listens (Linux's abstract name)
        server.listen()
        assert reachable(":4343") and reachable("unix:4343.0")
        assert not reachable(":4344")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        number = server.getsockname()[1] - 6000
        if number >= 0:
            assert reachable(f"127.0.0.1:{number}")
    assert reachable("a display form nobody knows")  # left to Qt
