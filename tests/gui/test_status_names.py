"""Every status and move of the core has a name on screen, in the UI language, and a colour."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from snapp.domain.lifecycle import TRANSITIONS, Action, Status
from snapp.gui.labels import name_of
from snapp.gui.palette import TONES, kind


def test_every_status_and_move_is_named_and_coloured():
    assert {kind(s) for s in Status} <= set(TONES)  # every status has a colour, from the one palette
    assert set(TRANSITIONS) <= set(Action)
    assert {name_of("move", a) for a in Action} == {
        "Received", "Issue", "Return from issue", "Transfer", "Send to repair", "Return from repair",
        "Return to supplier", "Ship to customer", "Scrap", "Mark lost", "Found again", "Customer return",
        "Back to stock after inspection", "Replacement to customer", "Back from supplier", "Block (quarantine)",
        "Release from quarantine",
    }  # fmt: skip


def test_names_follow_the_ui_language(qapp):
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert [name_of("status", s) for s in Status] == ["在库", "已领用", "维修中", "已退供应商", "已发货", "已报废", "已丢失",
                                                     "客户退回", "已隔离"]  # fmt: skip
        assert name_of("po_status", "partially_received") == "部分收货"
        QLocale.setDefault(QLocale("en_US"))
        assert name_of("status", "in_stock") == "In stock"
    finally:
        QLocale.setDefault(before)


def test_a_code_without_a_name_shows_as_itself():
    assert name_of("status", None) == ""
    assert name_of("move", "teleport") == "teleport"
