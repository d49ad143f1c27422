"""Custom fields on the desktop: an admin's Fields… dialog from the Items screen, and the fields on a unit's card."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.domain.capture import scans
from snapp.services import fields, receiving
from snapp.gui.views.fields_dialog import FieldsDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.masterdata import ItemsView
from tests.gui.conftest import settle


def select_item(view, sku: str) -> None:
    for row in range(view.proxy.rowCount()):
        index = view.proxy.index(row, 0)
        if index.data() == sku:
            view.form.tableView.selectRow(row)
            return
    raise AssertionError(f"{sku} not listed")


def test_an_admin_defines_a_field_in_the_fields_dialog_and_a_refusal_stays_in_it(qtbot, window, ctx, company):
    window.open_screen(ItemsView)
    view = window.view(ItemsView)
    settle(qtbot, window)
    qtbot.mouseClick(view.fields_button, Qt.MouseButton.LeftButton)
    assert not view.findChildren(FieldsDialog) and "Select an item first" in view.form.messageLabel.text()
    select_item(view, "LAP")
    qtbot.mouseClick(view.fields_button, Qt.MouseButton.LeftButton)
    [dialog] = view.findChildren(FieldsDialog)
    form = dialog.form
    settle(qtbot, window)

    # A choice field without choices: refused, the reason shown in the dialog, nothing defined.
    qtbot.keyClicks(form.name, "Grade")
    form.kind.setCurrentIndex(form.kind.findData("choice"))
    qtbot.mouseClick(form.addButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert form.form_error.isVisible() and "a choice field needs its choices" in form.form_error.text()
    assert fields.list_fields(ctx, "LAP") == []

    form.name.clear()
    qtbot.keyClicks(form.name, "IMEI")
    form.kind.setCurrentIndex(form.kind.findData("text"))
    form.unique.setCurrentIndex(form.unique.findData("all"))
    form.required.setChecked(True)
    qtbot.keyClicks(form.pattern, r"\d{15}")
    qtbot.mouseClick(form.addButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not form.form_error.isVisible()
    [record] = fields.list_fields(ctx, "LAP")
    assert (record.name, record.unique, record.required, record.pattern) == ("IMEI", "all", True, r"\d{15}")
    assert dialog.model.rows == [record]

    # Select it, make it optional, save: the change is the service's alter.
    form.fieldsView.selectRow(0)
    assert form.saveButton.isEnabled() and form.name.text() == "IMEI"
    form.required.setChecked(False)
    qtbot.mouseClick(form.saveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert fields.list_fields(ctx, "LAP")[0].required is False
    dialog.grab().save("/tmp/fields-dialog-en.png")


def test_the_card_shows_a_units_fields_when_found_by_its_imei(qtbot, window, ctx, company):
    fields.define_field(ctx, "LAP", fields.FieldDef("IMEI", unique="all", pattern=r"\d{15}"))
    receiving.receive(ctx, company.number, "LAP", [scans(["UNIT0001", "UNIT0002"])], location="WH-A")
    fields.set_value(ctx, "UNIT0002", "IMEI", "356938035643809")
    window.open_screen(LookupView)
    view = window.view(LookupView)
    qtbot.keyClicks(view.form.scanEdit, "356938035643809")
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    form = view.form
    assert form.cardBox.title() == "UNIT0002"
    assert form.fieldsValue.isVisible() and form.fieldsValue.text() == "IMEI: 356938035643809"
    assert [e.action for e in view.history.rows] == ["receive", "field"]
    window.grab().save("/tmp/fields-lookup-en.png")

    form.scanEdit.clear()
    qtbot.keyClicks(form.scanEdit, "UNIT0001")
    qtbot.keyClick(form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert form.cardBox.title() == "UNIT0001" and not form.fieldsValue.isVisible()

    # The register filters by a field's value, named or in any field.
    from snapp.gui.views.register import RegisterView

    window.open_screen(RegisterView)
    register = window.view(RegisterView)
    for typed in ("imei=356938035643809", "356938035643809"):
        register.form.fieldEdit.setText(typed)
        register.apply_filter()
        settle(qtbot, window)
        qtbot.waitUntil(lambda: [r.serial for r in register.model.rows] == ["UNIT0002"], timeout=10_000)
    register.form.fieldEdit.setText("Colour=356938035643809")
    register.apply_filter()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: register.model.rows == [], timeout=10_000)


def test_the_fields_dialog_and_card_speak_chinese(qtbot, ctx, company, settings):
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from snapp.gui.app import install_translation
    from snapp.gui.main_window import MainWindow

    fields.define_field(ctx, "LAP", fields.FieldDef("IMEI", required=True, unique="all", pattern=r"\d{15}", scanned=True))
    fields.define_field(ctx, "LAP", fields.FieldDef("等级", kind="choice", choices=("A", "B")))
    receiving.receive(ctx, company.number, "LAP", [], paired=["UNIT0001", "356938035643809"], location="WH-A")
    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, "zh_CN")
    try:
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.setWindowState(Qt.WindowState.WindowNoState)  # as the window fixture: the offscreen screen is small
        window.resize(1366, 768)
        window.show()
        window.open_screen(ItemsView)
        view = window.view(ItemsView)
        settle(qtbot, window)
        assert view.fields_button.text() == "字段(&D)…"
        select_item(view, "LAP")
        dialog = view._fields()
        settle(qtbot, window)
        qtbot.keyClicks(dialog.form.name, "IMEI")
        qtbot.mouseClick(dialog.form.addButton, Qt.MouseButton.LeftButton)
        settle(qtbot, window)
        assert dialog.form.form_error.text() == "此物料已有同名字段"
        assert [dialog.model.data(dialog.model.index(r, 3)) for r in range(2)] == ["所有物料中唯一", "不要求唯一"]
        dialog.grab().save("/tmp/fields-dialog-zh.png")
        dialog.close()

        window.open_screen(LookupView)
        lookup_view = window.view(LookupView)
        qtbot.keyClicks(lookup_view.form.scanEdit, "356938035643809")
        qtbot.keyClick(lookup_view.form.scanEdit, Qt.Key.Key_Return)
        settle(qtbot, window)
        assert lookup_view.form.fieldsCaption.text() == "字段：" and "IMEI: 356938035643809" in lookup_view.form.fieldsValue.text()
        window.grab().save("/tmp/fields-lookup-zh.png")
        window.runner.wait()
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_the_receiving_screen_takes_scan_pairs_and_refuses_one_out_of_order(qtbot, window, ctx, company):
    from tests.gui.test_receiving_screen import open_receiving, results, scan

    from snapp.services import lookup

    fields.define_field(ctx, "LAP", fields.FieldDef("IMEI", required=True, unique="all", pattern=r"\d{15}", scanned=True))
    view = open_receiving(qtbot, window, company.number)
    assert view.form.scanEdit.placeholderText() == "Scan or type a serial, then Enter"
    scan(qtbot, view, "UNIT0009")
    assert view.form.scanEdit.placeholderText() == "Scan the IMEI of UNIT0009, then Enter"  # what comes next
    scan(qtbot, view, "356938035643899")
    assert view.form.scanEdit.placeholderText() == "Scan or type a serial, then Enter"
    view.form.pendingView.selectRow(0)
    view._remove_selected()
    scan(qtbot, view, "356938035643809")  # the IMEI first: refused, nothing taken
    scan(qtbot, view, "UNIT0001", "356938035643809", "UNIT0002", "UNIT0003")  # UNIT0003 where UNIT0002's IMEI belongs
    settle(qtbot, window)
    assert [(value, ok) for value, ok, _ in results(view)] == [
        ("356938035643809", False), ("UNIT0001", True), ("UNIT0002", True), ("UNIT0003", False)]
    messages = [message for _, _, message in results(view)]
    assert "looks like a value of IMEI, where a serial is expected" in messages[0]
    assert messages[1] == "OK · IMEI 356938035643809"
    assert "is no IMEI" in messages[3]
    window.grab().save("/tmp/fields-receiving-en.png")

    # Posting with UNIT0002's IMEI still to scan is refused on the screen; once scanned, the receipt goes.
    for row in (3, 0):
        view.form.pendingView.selectRow(row)
        view._remove_selected()
    view.post()
    assert "UNIT0002: has no IMEI scanned after it" == view.form.lastLabel.text()
    scan(qtbot, view, "356938035643817")
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.lastLabel.text().startswith("Receipt GR-")
    [card] = lookup.find_serial(ctx, "356938035643817")
    assert (card.serial, card.fields) == ("UNIT0002", [("IMEI", "356938035643817")])


def test_an_imei_another_unit_has_is_refused_on_its_row_as_it_is_scanned(qtbot, window, ctx, company):
    from tests.gui.test_receiving_screen import open_receiving, results, scan

    from snapp.domain.capture import scans
    from snapp.services import receiving

    fields.define_field(ctx, "LAP", fields.FieldDef("IMEI", unique="all", pattern=r"\d{15}", scanned=True))
    receiving.receive(ctx, company.number, "LAP", [scans(["UNIT0100"])], location="WH-A")
    fields.set_value(ctx, "UNIT0100", "IMEI", "356938035643809")
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "UNIT0101", "356938035643809", "UNIT0102", "356938035643817")
    settle(qtbot, window)
    [(first, refused, why), (second, ok, said)] = results(view)
    assert (first, refused, second, ok) == ("UNIT0101", False, "UNIT0102", True)
    assert "UNIT0100" in why and said == "OK · IMEI 356938035643817"
    assert view.form.counterLabel.text().startswith("1 /")


def test_undo_brings_back_each_serials_imei_and_the_one_still_awaited(qtbot, window, ctx, company):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.test_keyboard import answer_question
    from tests.gui.test_receiving_screen import open_receiving, results, scan

    from snapp.services import lookup

    fields.define_field(ctx, "LAP", fields.FieldDef("IMEI", required=True, unique="all", pattern=r"\d{15}", scanned=True))
    view = open_receiving(qtbot, window, company.number)
    scan(qtbot, view, "UNIT0001", "356938035643809", "UNIT0002", "356938035643817", "UNIT0003")
    settle(qtbot, window)
    prompt = view.form.scanEdit.placeholderText
    assert prompt() == "Scan the IMEI of UNIT0003, then Enter"

    # Removing the serial whose IMEI is awaited: the next scan is a serial again. Undo awaits its IMEI again.
    view.form.pendingView.selectRow(2)
    view._remove_selected()
    assert prompt() == "Scan or type a serial, then Enter"
    qtbot.mouseClick(view.form.undoButton, Qt.MouseButton.LeftButton)
    assert prompt() == "Scan the IMEI of UNIT0003, then Enter"
    scan(qtbot, view, "356938035643825")
    settle(qtbot, window)

    # Clearing the list and bringing it back keeps every unit's IMEI: the receipt posts them all.
    answer_question(QMessageBox.StandardButton.Yes, [])
    qtbot.mouseClick(view.form.clearButton, Qt.MouseButton.LeftButton)
    assert results(view) == []
    qtbot.mouseClick(view.form.undoButton, Qt.MouseButton.LeftButton)
    # The rows brought back are checked against the database again; its verdict keeps their IMEIs shown.
    qtbot.waitUntil(lambda: not view.check_timer.isActive() and window.runner.idle)
    assert [message for _, _, message in results(view)] == [
        "OK · IMEI 356938035643809", "OK · IMEI 356938035643817", "OK · IMEI 356938035643825"]
    assert view.form.lastLabel.text() == "UNIT0003: OK · IMEI 356938035643825"
    qtbot.mouseClick(view.form.postButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert view.form.lastLabel.text().startswith("Receipt GR-"), view.form.lastLabel.text()
    assert [lookup.find_serial(ctx, f"UNIT000{n}")[0].fields for n in (1, 2, 3)] == [
        [("IMEI", "356938035643809")], [("IMEI", "356938035643817")], [("IMEI", "356938035643825")]]
