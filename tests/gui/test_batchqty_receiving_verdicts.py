"""The receiving screen judges each scan against the line's manifest before posting, with colour and reason.

Driven as a keyboard-wedge scanner types, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from snapp.db.engine import sqlite_url
from snapp.domain.capture import scans
from snapp.gui.views.receiving import BAD, OK, WARN
from snapp.services import manifests, purchasing, receiving
from tests.gui.conftest import settle
from tests.gui.test_receiving_screen import approved_po, open_receiving, scan


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "snapp.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def listed(ctx, company):
    """Line 1 of the company's PO lists MF000001..MF000005; another PO lists OTHER0001; MF000009 was received."""
    manifests.load_manifest(ctx, company.number, 1, [scans([f"MF{i:06d}" for i in range(1, 6)])])
    other = approved_po(ctx, ("LAP", 5))
    manifests.load_manifest(ctx, other, 1, [scans(["OTHER0001"])])
    third = approved_po(ctx, ("LAP", 5))
    receiving.receive(ctx, third, "LAP", [scans(["MF000009"])], location="WH-A")
    return company.number, other


def shown(view) -> list[tuple[str, str, str]]:
    """(serial, colour, message) of each row, as the list paints it."""
    colour = view.model.colour
    return [(p.serial or p.value, QColor(colour(p)).name(), p.message) for p in view.pending]


def checked(qtbot, window, view) -> None:
    qtbot.waitUntil(lambda: not view.check_timer.isActive() and window.runner.idle, timeout=30_000)


def test_each_scan_shows_its_manifest_verdict_before_posting(qtbot, window, ctx, listed):
    po, other = listed
    manifests.set_off_manifest(ctx, "exception", sku="LAP")
    view = open_receiving(qtbot, window, po)
    scan(qtbot, view, "MF000001", "XX000500", "OTHER0001", "MF000009")
    checked(qtbot, window, view)

    (on, off, elsewhere, received) = shown(view)
    assert on == ("MF000001", QColor(OK).name(), f"on the manifest of {po} line 1")
    assert off == ("XX000500", QColor(WARN).name(), f"not on the manifest of {po} line 1: accepted as an exception when posted")
    assert elsewhere == ("OTHER0001", QColor(BAD).name(), f"on the manifest of PO {other}")
    assert received[1] == QColor(BAD).name() and received[2].startswith("already received (receipt GR-")
    assert view.form.counterLabel.text() == "2 / 100"  # the refused two are not counted
    assert "already received" in view.form.lastLabel.text()

    # Posting refuses while refused rows stay; once removed, the accepted two post and the desk hears of the rest.
    for row in (3, 2):
        view.form.pendingView.selectRow(row)
        qtbot.mouseClick(view.form.removeButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    text = view.form.lastLabel.text()
    assert "Not on the manifest, accepted (1): XX000500" in text
    assert "On the manifest, not delivered (4): MF000002, MF000003, MF000004, MF000005" in text


def test_off_the_manifest_is_red_when_the_supplier_refuses_it(qtbot, window, ctx, listed):
    po, _ = listed
    view = open_receiving(qtbot, window, po)
    scan(qtbot, view, "XX000500", "MF000002")
    checked(qtbot, window, view)
    assert shown(view) == [
        ("XX000500", QColor(BAD).name(), f"not on the supplier's manifest for {po} line 1"),
        ("MF000002", QColor(OK).name(), f"on the manifest of {po} line 1"),
    ]
    assert view.form.counterLabel.text() == "1 / 100"


def test_a_line_without_a_manifest_still_says_ok(qtbot, window, ctx, listed):
    bare = approved_po(ctx, ("LAP", 3))
    view = open_receiving(qtbot, window, bare)
    scan(qtbot, view, "PLAIN0001")
    checked(qtbot, window, view)
    assert shown(view) == [("PLAIN0001", QColor(OK).name(), "OK")]
    assert purchasing.get_po(ctx, bare).lines[0].received == 0  # judged, not posted
