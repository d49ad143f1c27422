"""One colour per status meaning, from one palette, readable, and the same on the register, the lookup card and the
dashboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from snapp.domain.lifecycle import Status
from snapp.domain.statuses import having
from snapp.gui.palette import BAD, DOUBTFUL, GOOD, GONE, HELD_BACK, IN_HAND, MISSING, ON_SHELF, OUT, TONES, kind, status_tone
from snapp.gui.views.dashboard import DashboardView
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.register import RegisterView
from snapp.services import lifecycle, recall
from tests.gui.conftest import settle
from tests.gui import test_screens
from tests.gui.test_screens import type_and_enter

received = test_screens.received  # the fixture: 90 LAP units in WH-A

WHITE = "#ffffff"


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("tone", [*TONES.values(), GOOD, DOUBTFUL, BAD])
def test_every_tone_is_legible_as_text_on_a_light_window_and_on_its_own_fill(tone):
    assert contrast(tone.text, WHITE) >= 4.5 and contrast(tone.text, "#efefef") >= 4.0  # Fusion's window grey
    assert contrast(tone.on_fill, tone.fill) >= 4.5


def test_the_colour_follows_what_the_status_means():
    assert {s: kind(s) for s in Status} == {
        Status.IN_STOCK: ON_SHELF, Status.QUARANTINED: HELD_BACK, Status.ISSUED: OUT, Status.IN_REPAIR: IN_HAND,
        Status.CUSTOMER_RETURN: IN_HAND, Status.RETURNED_TO_SUPPLIER: GONE, Status.SHIPPED: GONE, Status.SCRAPPED: GONE,
        Status.LOST: MISSING,
    }  # fmt: skip
    assert {kind(s) for s in having("gone")} == {GONE} and {kind(s) for s in having("missing")} == {MISSING}
    assert len({tone.text for tone in TONES.values()}) == len(TONES)  # no two meanings look alike


def test_register_lookup_dashboard_and_recall_show_a_status_in_the_same_colour(qtbot, window, ctx, received):
    lifecycle.move(ctx, "ship", ["UNIT0002"], ref="DN-1")
    green, grey = status_tone("in_stock").text, status_tone("shipped").text

    window.open_screen(RegisterView)
    settle(qtbot, window)
    model = window.view(RegisterView).model
    status_column = next(i for i, c in enumerate(model.columns) if c.header == "Status")
    colours = {model.index(r, status_column).data(): model.index(r, status_column).data(Qt.ItemDataRole.ForegroundRole).name()
               for r in range(model.rowCount())}  # fmt: skip
    assert colours == {"In stock": green, "Shipped": grey}
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None  # the serial itself stays plain

    window.open_screen(LookupView)
    view = window.view(LookupView)
    for serial, colour in (("UNIT0001", green), ("UNIT0002", grey)):
        type_and_enter(qtbot, view.form.scanEdit, serial)
        settle(qtbot, window)
        assert f"color: {colour}" in view.form.statusValue.styleSheet()

    dashboard = window.view(DashboardView)
    dashboard.refresh()
    settle(qtbot, window)
    bars = {label: colour for label, _, colour in dashboard.chart.bars}
    assert bars["In stock"] == status_tone("in_stock").fill and bars["Shipped"] == status_tone("shipped").fill
    assert bars["Quarantined"] == BAD.fill and bars["In repair"] == bars["Returned by customer"] == DOUBTFUL.fill

    from snapp.gui.views.recall import RecallView

    window.open_screen(RecallView)
    traced = recall.trace(ctx, recall.Recall(serials=("UNIT0001", "UNIT0002")))
    window.view(RecallView).show_trace(traced)
    tree = window.view(RecallView).form.unitsTree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert {t.foreground(0).color().name() for t in tops} == {green, grey}


def test_a_forms_error_labels_take_the_palettes_red_and_no_form_spells_its_own(qtbot):
    from pathlib import Path

    from PySide6.QtWidgets import QLabel, QWidget

    from snapp.gui.forms import load_form
    from snapp.paths import form

    folder = Path(form("login")).parent
    spelled = {path.name for path in folder.glob("*.ui") if "color: #c62828" in path.read_text(encoding="utf-8")}
    assert spelled == set()
    host = QWidget()
    qtbot.addWidget(host)
    loaded = load_form("item_form", host)
    errors = [label for label in loaded.findChildren(QLabel) if label.objectName().endswith("error")]
    assert len(errors) == 12
    assert {label.styleSheet() for label in errors} == {f"color: {BAD.text};"}

