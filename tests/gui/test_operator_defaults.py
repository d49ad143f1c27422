"""The likely choice is the one offered: the location last received into, the only open PO,
the shelf a unit came from; and the serial lookup keeps the scan field ready after every move."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.domain.capture import scans
from snapp.domain.lifecycle import Action
from snapp.gui.main_window import MainWindow
from snapp.gui.views.dialogs import MoveDialog
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.receiving import ReceivingView
from snapp.services import lifecycle, masterdata, receiving
from tests.gui.conftest import settle
from tests.gui.test_keyboard import reactivate, when_modal


def test_receiving_offers_the_last_location_received_into_then_this_pcs_own_choice(qtbot, ctx, company, settings):
    masterdata.add_location(ctx, masterdata.LocationRecord("AA-RMA", "Repair bench"))  # alphabetically first
    receiving.receive(ctx, company.number, "LAP", [scans(["FIRST001"])], location="WH-B")

    def opened() -> ReceivingView:
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        window.show()
        window.open_screen(ReceivingView)
        settle(qtbot, window)
        return window.view(ReceivingView)

    view = opened()
    assert view.form.locationCombo.itemData(0) == "AA-RMA"
    assert view.form.locationCombo.currentData() == "WH-B"  # where the last receipt went

    combo = view.form.locationCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # the operator picks WH-A: remembered at once, before any post
    assert combo.currentData() == "WH-A"
    view.window().close()
    assert opened().form.locationCombo.currentData() == "WH-A"


def test_the_only_open_po_is_chosen_and_scanning_can_start(qtbot, window, company):
    window.open_screen(ReceivingView)
    view = window.view(ReceivingView)
    settle(qtbot, window)
    assert view.po is not None and view.po.number == company.number
    assert view.form.poCombo.currentText() == company.number and view.line.sku == "LAP"
    assert view.form.scanEdit.hasFocus()
    qtbot.keyClicks(view.form.scanEdit, "READY001")
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    assert [p.ok for p in view.pending] == [True]


def offered(qtbot, view: LookupView, key: Qt.Key) -> list[str]:
    """Press a move's key on the lookup screen; keep what its dialog offered (the location if the move needs one,
    the reference) and accept it."""
    seen: list[str] = []

    def answer(dialog: MoveDialog) -> None:
        form = dialog.form
        shown = [form.locationCombo] if form.fields.isRowVisible(form.locationCombo) else []
        seen.extend([field.currentText() for field in shown] + [form.refEdit.text()])
        form.buttons.accepted.emit()

    reactivate(qtbot, view.window())  # shortcuts go to the active window
    when_modal(answer, MoveDialog)
    qtbot.keyClick(view.form.scanEdit, key)
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=20_000)
    return seen


def test_back_from_repair_offers_the_shelf_the_unit_came_from(qtbot, window, ctx, company):
    masterdata.add_location(ctx, masterdata.LocationRecord("AA-RMA", "Repair bench"))
    receiving.receive(ctx, company.number, "LAP", [scans(["BENCH001"])], location="WH-B")
    lifecycle.move(ctx, Action.REPAIR, ["BENCH001"], sku="LAP", to=None, ref="RMA-1")
    window.open_screen(LookupView)
    view = window.view(LookupView)
    settle(qtbot, window)
    view.look_up("BENCH001")
    settle(qtbot, window)
    assert [b.text().rsplit(" ", 1)[-1] for b in view.action_buttons] == ["F6", "F7", "F9"]
    seen = offered(qtbot, view, Qt.Key.Key_F6)  # back from repair
    settle(qtbot, window)
    assert seen == ["WH-B", ""]
    assert view.cards[0].location == "WH-B"


def test_after_a_move_the_next_scan_goes_to_the_scan_field(qtbot, window, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["NEXT0001", "NEXT0002"])], location="WH-A")
    window.open_screen(LookupView)
    view = window.view(LookupView)
    settle(qtbot, window)
    qtbot.keyClicks(view.form.scanEdit, "NEXT0001")
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    issue = view.findChild(type(view.action_buttons[0]), "action_issue")
    assert issue.text().endswith("F2")

    seen = offered(qtbot, view, Qt.Key.Key_F2)  # Issue…: the reference dialog, then back
    settle(qtbot, window)
    assert seen == [""] and view.cards[0].status == "issued"
    assert window.focusWidget() is view.form.scanEdit
    reactivate(qtbot, window)
    qtbot.keyClicks(view.form.scanEdit, "NEXT0002")  # the scanner types at once: the old serial is replaced
    qtbot.keyClick(view.form.scanEdit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert view.form.cardBox.title() == "NEXT0002"

    view.action_buttons[0].setFocus()  # even when the mouse put the focus on a button
    cancelled: list[MoveDialog] = []
    when_modal(lambda dialog: (cancelled.append(dialog), dialog.reject()), MoveDialog)
    qtbot.mouseClick(view.action_buttons[0], Qt.MouseButton.LeftButton)  # …and the dialog is cancelled
    qtbot.waitUntil(lambda: cancelled != [], timeout=20_000)
    assert window.focusWidget() is view.form.scanEdit


def test_every_file_dialog_starts_in_one_folder_then_in_the_last_one_used(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from snapp.gui.views.masterdata import ItemsView
    from snapp.gui.views.register import RegisterView

    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "documents"))
    started: list[str] = []

    def save_in(folder):
        def answer(dialog: QFileDialog) -> None:
            started.append(dialog.directory().absolutePath())
            if folder is None:
                dialog.reject()
            else:
                folder.mkdir(exist_ok=True)
                dialog.selectFile(str(folder / "serials.xlsx"))
                dialog.accept()
        return answer

    window.open_screen(RegisterView)
    settle(qtbot, window)
    exported = tmp_path / "exports"
    when_modal(save_in(exported), QFileDialog)
    qtbot.mouseClick(window.view(RegisterView).form.exportButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert started == [str(tmp_path / "documents" / "SNApp")]  # not the directory the app was started from
    assert (exported / "serials.xlsx").exists()

    window.open_screen(ItemsView)
    when_modal(save_in(None), QFileDialog)
    qtbot.mouseClick(window.view(ItemsView).form.templateButton, Qt.MouseButton.LeftButton)
    assert started[1] == str(exported)  # another screen starts where the last file went


def test_the_lookup_offers_only_the_moves_the_users_role_may_make(qtbot, ctx, company, settings):
    from snapp.services import users
    from snapp.services.base import Context

    receiving.receive(ctx, company.number, "LAP", [scans(["ROLE0001"])], location="WH-A")
    users.add_user(ctx, "clerk", "warehouse")
    window = MainWindow(Context(ctx.db, "clerk"), settings)
    qtbot.addWidget(window)
    window.show()
    window.open_screen(LookupView)
    view = window.view(LookupView)
    settle(qtbot, window)
    view.look_up("ROLE0001")
    settle(qtbot, window)
    offered = [b.objectName() for b in view.action_buttons]
    assert {"action_issue", "action_transfer", "action_ship", "action_scrap"} <= set(offered)
    assert not {"action_repair", "action_return"} & set(offered)  # the service role's moves
