"""Settings → Share: the desktop starts and stops a real `snapp serve` for phones and other systems."""

from __future__ import annotations

import ssl

import httpx
from PySide6.QtCore import QPoint, Qt

from snapp.gui.views.settings import SettingsView
from tests.server.conftest import free_port

STARTUP_MS = 60_000


def tick(qtbot, box) -> None:
    """Click the box itself, as a user does (the middle of a wide check box's row is not the box)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_sharing_starts_a_real_server_shows_its_fingerprint_and_stops(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the certificate is made here, not in the user's folder
    window.open_screen(SettingsView)
    view = window.view(SettingsView)
    assert view.form.shareStateLabel.text() == "Not shared: only this PC uses the database."
    port = free_port()
    view.form.portSpin.setValue(port)
    tick(qtbot, view.form.shareCheck)
    qtbot.waitUntil(lambda: view.form.shareStateLabel.text().startswith("Shared at"), timeout=STARTUP_MS)

    shown = view.form.shareStateLabel.text()
    assert f":{port}/api/v1" in shown and window.sharing.fingerprint in shown and len(window.sharing.fingerprint) == 95
    cert = tmp_path / "data" / "SNApp" / "tls" / "snapp-cert.pem"
    answer = httpx.get(f"https://127.0.0.1:{port}/api/openapi.json", verify=ssl.create_default_context(cafile=cert))
    assert answer.status_code == 200
    assert window.settings.value("share/enabled") in (True, "true")

    tick(qtbot, view.form.shareCheck)
    assert view.form.shareStateLabel.text() == "Not shared: only this PC uses the database."
    assert window.sharing.process is None
    try:
        httpx.get(f"https://127.0.0.1:{port}/api/openapi.json", verify=False, timeout=2)
        raise AssertionError("the server still answers after sharing was turned off")
    except httpx.TransportError:
        pass
    assert window.settings.value("share/enabled") in (False, "false")


def test_a_server_that_cannot_start_says_why_and_unticks_the_box(qtbot, window, tmp_path, monkeypatch):
    import socket

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window.open_screen(SettingsView)
    view = window.view(SettingsView)
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        view.form.portSpin.setValue(taken.getsockname()[1])
        tick(qtbot, view.form.shareCheck)
        qtbot.waitUntil(lambda: view.form.shareStateLabel.text().startswith("The server stopped:"), timeout=STARTUP_MS)
    assert not view.form.shareCheck.isChecked()
    assert "address already in use" in view.form.shareStateLabel.text().lower() or "error" in view.form.shareStateLabel.text().lower()
