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
