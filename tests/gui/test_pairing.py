"""Settings → Share: the QR code a phone pairs with, read back by a real decoder, and the admin's list of devices."""

from __future__ import annotations

import io
import ssl
from urllib.parse import parse_qs, urlsplit

import httpx
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QMessageBox

from snapp.gui.views.settings import SettingsView
from snapp.services import users
from snapp.services.base import Context
from tests.gui.conftest import Screen, settle
from tests.gui.test_sharing import STARTUP_MS, tick
from tests.server.conftest import free_port


def decoded(widget) -> list[str]:
    """What zxing-cpp reads in the widget as drawn on screen."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return [found.text for found in zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))]


def shown_whole(label) -> bool:
    """The label has been laid out big enough for its QR code: what a phone's camera would see on the screen."""
    wanted = label.pixmap().size()
    return not wanted.isEmpty() and label.contentsRect().width() >= wanted.width() and label.contentsRect().height() >= wanted.height()


def test_the_settings_qr_code_holds_the_pairing_link_and_a_phone_pairs_with_it(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window.open_screen(SettingsView)
    view = window.view(SettingsView)
    assert view.form.pairQrLabel.pixmap().isNull() and not view.form.newCodeButton.isVisible()
    port = free_port()
    view.form.portSpin.setValue(port)
    tick(qtbot, view.form.shareCheck)
    qtbot.waitUntil(lambda: bool(view.pair_url) and shown_whole(view.form.pairQrLabel), timeout=STARTUP_MS)

    [url] = decoded(view.form.pairQrLabel)
    assert url == view.pair_url
    parts = urlsplit(url)
    assert (parts.scheme, parts.port, parts.path) == ("https", port, "/floor/pair.html")
    given = {k: v for k, [v] in parse_qs(parts.fragment).items()}
    assert given["fp"] == window.sharing.fingerprint and len(given["code"]) == 11
    assert given["code"] in view.form.pairHintLabel.text()

    # The phone: the code from the QR code, over HTTPS to the desktop's own server, trusted by its certificate.
    cert = tmp_path / "data" / "SNApp" / "tls" / "snapp-cert.pem"
    with httpx.Client(verify=ssl.create_default_context(cafile=cert)) as phone:
        answer = phone.post(f"https://127.0.0.1:{port}/api/v1/devices/pair", json={"code": given["code"], "name": "叉车 PDA"})
    assert answer.status_code == 201, answer.text

    view.refresh()
    settle(qtbot, window)
    assert [(d.name, d.paired_by, d.revoked_at) for d in view.devices.rows] == [("叉车 PDA", "admin", None)]
    view.form.devicesTable.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    view.form.revokeButton.click()
    settle(qtbot, window)
    assert view.devices.rows[0].revoked_at is not None
    assert view.devices.data(view.devices.index(0, 6)) == "revoked"

    view.new_pairing_code()  # a fresh code: a new QR code, the spent one gone
    settle(qtbot, window)
    qtbot.waitUntil(lambda: shown_whole(view.form.pairQrLabel))
    [again] = decoded(view.form.pairQrLabel)
    assert again == view.pair_url != url

    tick(qtbot, view.form.shareCheck)
    assert view.form.pairQrLabel.pixmap().isNull() and view.pair_url == ""


def test_a_clerk_sees_no_pairing_code_and_no_devices_only_why(qtbot, ctx, company, settings):
    users.add_user(ctx, "wang", "warehouse", "wang's password")
    screen = Screen(qtbot, Context(ctx.db, "wang"), settings, SettingsView)
    view = screen.view
    view.show_sharing(True, "https://192.0.2.7:8470", "AA:BB")
    screen.settle()
    note = "Only an administrator can pair and revoke phones and PDAs."
    assert view.form.pairHintLabel.text() == note and view.form.devicesNoteLabel.text() == note
    assert view.form.pairQrLabel.pixmap().isNull() and view.pair_url == ""
    assert not view.form.newCodeButton.isVisible() and not view.form.revokeButton.isEnabled()
