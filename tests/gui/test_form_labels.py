"""A refusal inside a dialog names the field as the dialog's own label does, in the language shown."""

from __future__ import annotations


def test_a_forms_field_is_named_by_its_label_in_either_language(qtbot):
    from PySide6.QtWidgets import QWidget

    from snapp.gui.forms import field_label, load_form

    host = QWidget()
    qtbot.addWidget(host)
    form = load_form("return_dialog", host)
    assert field_label(form, "reason") == "Reason" and field_label(form, "nothing_here") is None
    form.reasonLabel.setText("原因(&E)：")  # as the Chinese translation shows it
    assert field_label(form, "reason") == "原因"


def test_a_dialog_keeps_its_margins_and_a_screen_sits_flush_in_the_window(qtbot):
    from PySide6.QtWidgets import QDialog, QWidget

    from snapp.gui.forms import load_form

    dialog, screen = QDialog(), QWidget()
    for host, name in ((dialog, "fields_dialog"), (screen, "stocktake")):
        qtbot.addWidget(host)
        load_form(name, host)
    assert dialog.layout().contentsMargins().left() > 0  # fields do not touch the dialog's border
    assert screen.layout().contentsMargins().left() == 0
