"""The Fields… dialog's case rule: chosen in its own control, saved by the services' define and alter, refused
in the dialog where it does not apply, and named in Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.services import fields
from snapp.gui.views.fields_dialog import FieldsDialog
from snapp.gui.views.masterdata import ItemsView
from tests.gui.conftest import settle
from tests.gui.test_fields_screens import select_item


def open_dialog(qtbot, window) -> FieldsDialog:
    window.open_screen(ItemsView)
    view = window.view(ItemsView)
    settle(qtbot, window)
    select_item(view, "LAP")
    dialog = view._fields()
    settle(qtbot, window)
    return dialog


def test_the_case_rule_is_chosen_saved_changed_and_refused_for_a_number(qtbot, window, ctx, company):
    dialog = open_dialog(qtbot, window)
    form = dialog.form
    assert [form.letterCase.itemData(i) for i in range(form.letterCase.count())] == ["exact", "upper", "lower"]
    assert form.letterCase.currentData() == "exact"

    qtbot.keyClicks(form.name, "Weight")
    form.kind.setCurrentIndex(form.kind.findData("number"))
    form.letterCase.setCurrentIndex(form.letterCase.findData("upper"))
    qtbot.mouseClick(form.addButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert form.form_error.isVisible() and "only a text field has a case rule" in form.form_error.text()
    assert fields.list_fields(ctx, "LAP") == []

    form.name.clear()
    qtbot.keyClicks(form.name, "MAC")
    form.kind.setCurrentIndex(form.kind.findData("text"))
    qtbot.mouseClick(form.addButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    [record] = fields.list_fields(ctx, "LAP")
    assert (record.name, record.case) == ("MAC", "upper")
    assert dialog.model.data(dialog.model.index(0, 6)) == "Upper case (AA:BB…)"

    # Selecting the field shows its rule; changing it is the service's alter.
    form.letterCase.setCurrentIndex(form.letterCase.findData("exact"))
    form.fieldsView.selectRow(0)
    assert form.letterCase.currentData() == "upper"
    form.letterCase.setCurrentIndex(form.letterCase.findData("lower"))
    qtbot.mouseClick(form.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert fields.list_fields(ctx, "LAP")[0].case == "lower"


def test_the_case_rule_speaks_chinese(qtbot, ctx, company, settings):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from snapp.gui.app import install_translation
    from snapp.gui.main_window import MainWindow

    fields.define_field(ctx, "LAP", fields.FieldDef("MAC", case="upper"))
    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, "zh_CN")
    try:
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(1366, 768)
        window.show()
        dialog = open_dialog(qtbot, window)
        form = dialog.form
        assert form.case_label.text() == "字母大小写(&C)："
        assert [form.letterCase.itemText(i) for i in range(3)] == ["按输入保存", "大写（AA:BB…）", "小写（aa:bb…）"]
        assert dialog.model.headerData(6, Qt.Orientation.Horizontal) == "大小写"
        assert dialog.model.data(dialog.model.index(0, 6)) == "大写（AA:BB…）"
        dialog.close()
        window.runner.wait()
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
