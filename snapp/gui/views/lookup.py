"""Serial lookup: scan a unit and see its card, its history, and the moves it can make."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QPushButton

from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import allows
from snapp.domain.scan import as_typed
from snapp.errors import NotFound
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.palette import BAD, DOUBTFUL, status_tone
from snapp.gui.problems import say
from snapp.gui.scanner import ScanField, scanner_profile
from snapp.gui.views import aftersales
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.gui.views.dialogs import MoveDialog
from snapp.services import lookup, masterdata, users
from snapp.services.base import Entity
from snapp.services.lookup import SerialCard


# Each move has its own key, the same whatever else the unit may do, so the hand learns it.
MOVE_KEYS = {
    Action.ISSUE: "F2", Action.RESTOCK: "F3", Action.TRANSFER: "F4", Action.REPAIR: "F5", Action.UNREPAIR: "F6",
    Action.RETURN: "F7", Action.SHIP: "F8", Action.SCRAP: "F9", Action.LOSE: "F12", Action.FIND: "F11",  # F10 opens the menu bar
}  # fmt: skip
BUTTONS_A_ROW = 6


def likely_location(card: SerialCard, locations: list[str]) -> int:
    """The row of ``locations`` to offer for a move: where the unit was before (back from repair, issue or loss), else the first other than its own."""
    for event in reversed(card.history):
        if event.from_location and event.from_location != card.location and event.from_location in locations:
            return locations.index(event.from_location)
    return next((i for i, code in enumerate(locations) if code != card.location), 0)


class LookupView(View):
    form_name = "lookup"
    shows = frozenset({Entity.SERIALS, Entity.LOCATIONS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.cards: list[SerialCard] = []
        self.serial = ""
        self.locations: list[str] = []
        self.history = RecordModel(
            [
                Column(self.tr("When"), lambda e: e.at),
                Column(self.tr("What"), lambda e: name_of("move", e.action)),
                Column(self.tr("Status"), lambda e: f"{name_of('status', e.from_status)} → {name_of('status', e.to_status)}"),
                Column(self.tr("Where"), lambda e: f"{e.from_location or ''} → {e.to_location or ''}"),
                Column(self.tr("Who"), lambda e: e.user),
                Column(self.tr("Reference"), lambda e: e.ref),
                Column(self.tr("Note"), lambda e: e.note),
            ]
        )
        form.historyView.setModel(self.history)
        fit_columns(form.historyView, stretch=6)
        EmptyHint(form.historyView, self.tr("Scan or type a serial above: the unit's history shows here."))
        self.scan_field = ScanField(form.scanEdit, self.settings)
        self.scan_field.scanned.connect(lambda text, _suffix: self.look_up(as_typed(text, scanner_profile(self.settings))))
        form.unitCombo.currentIndexChanged.connect(self._show_card)
        form.unitCombo.hide()
        form.cardBox.hide()
        self.action_buttons: list[QPushButton] = []
        self.role: str | None = None  # only the moves this user's role may make are offered
        aftersales.attach(self)

    def setFocus(self, *args) -> None:
        self.form.scanEdit.setFocus(*args)
        self.form.scanEdit.selectAll()

    def refresh(self) -> None:
        def load() -> tuple[list[str], str | None]:
            me = users.current_user(self.ctx)
            return [location.code for location in masterdata.list_locations(self.ctx)], me.role if me else None

        def loaded(result: tuple[list[str], str | None]) -> None:
            self.locations, self.role = result
            if self.cards:
                self._show_card(self.form.unitCombo.currentIndex() if len(self.cards) > 1 else 0)

        self.runner.run(load, done=loaded)
        if self.serial:
            self.look_up(self.serial)

    def look_up(self, serial: str) -> None:
        serial = serial.strip()
        if not serial:
            return
        self.form.scanEdit.setText(serial)
        self.form.scanEdit.selectAll()  # shown, and replaced by the next scan rather than added to

        def not_found(err: BaseException) -> bool:
            if isinstance(err, NotFound):
                self.serial, self.cards = "", []
                self.form.cardBox.hide()
                self.form.unitCombo.hide()
                self.history.set_rows([])
                self._set_actions([])
                self._message(self.tr("{0}: not in SNApp. It was never received here (this alone does not make it counterfeit).").format(serial), BAD.text)
                return True
            return False

        self.runner.run(lambda: lookup.find_serial(self.ctx, serial), done=lambda cards: self._show(serial, cards), failed=not_found)

    def _show(self, serial: str, cards: list[SerialCard]) -> None:
        self.serial, self.cards = serial, cards
        combo = self.form.unitCombo
        combo.blockSignals(True)
        combo.clear()
        for card in cards:
            combo.addItem(f"{card.sku} — {card.item_name}")
        combo.blockSignals(False)
        combo.setVisible(len(cards) > 1)
        if len(cards) > 1:
            self._message(self.tr("{0} items carry serial {1}; choose one above").format(len(cards), serial), DOUBTFUL.text)
        else:
            self._message("", None)
        self._show_card(0)

    def _show_card(self, index: int) -> None:
        if not 0 <= index < len(self.cards):
            return
        card, form = self.cards[index], self.form
        form.cardBox.show()
        form.cardBox.setTitle(card.serial)
        form.itemValue.setText(f"{card.sku} — {card.item_name}" + (f"  (GTIN {card.gtin})" if card.gtin else ""))
        form.statusValue.setText(name_of("status", card.status))
        form.statusValue.setStyleSheet(f"color: {status_tone(card.status).text}; font-weight: 600;")
        form.supplierValue.setText(f"{card.supplier} — {card.supplier_name}")
        form.locationValue.setText(f"{card.location} — {card.location_name}" if card.location else "—")
        form.poValue.setText(card.po)
        form.receiptValue.setText(f"{card.receipt}, {card.received_at.astimezone():%Y-%m-%d %H:%M}")
        form.warrantyValue.setText(self._warranty(card))
        aftersales.fill_card(form, card)
        aftersales.show_documents(self, card)
        form.batchValue.setText(self._batch(card))
        # The item's custom fields (IMEI, MAC...): shown only on units that carry some.
        form.fieldsValue.setText("   ".join(f"{name}: {value}" for name, value in card.fields))
        form.fieldsCaption.setVisible(bool(card.fields))
        form.fieldsValue.setVisible(bool(card.fields))
        self.history.set_rows(card.history)
        self._set_actions(aftersales.actions(card))

    def _warranty(self, card: SerialCard) -> str:
        if card.warranty_end is None:
            return self.tr("none recorded")
        left = card.warranty_days_left(dt.date.today())
        if left < 0:
            return self.tr("ended {0} ({1} days ago)").format(card.warranty_end, -left)
        return self.tr("until {0} ({1} days left)").format(card.warranty_end, left)

    def _batch(self, card: SerialCard) -> str:
        if card.expiry is None:
            return card.batch or "—"
        left = (card.expiry - dt.date.today()).days
        when = self.tr("expired {0} ({1} days ago)").format(card.expiry, -left) if left < 0 else \
            self.tr("expires {0} ({1} days left)").format(card.expiry, left)  # fmt: skip
        return f"{card.batch or '—'} / {when}"

    def _set_actions(self, allowed: list[str]) -> None:
        layout = self.form.actionsLayout
        for button in self.action_buttons:
            layout.removeWidget(button)
            button.hide()  # its key is free at once: a twin still waiting for deletion would make F2 ambiguous
            button.deleteLater()
        self.action_buttons = []
        offered = [a for a in map(Action, allowed) if self.role is not None
                   and ((rule := TRANSITIONS.get(a)) is None or allows(self.role, rule.permission))]  # fmt: skip
        # In rows of at most BUTTONS_A_ROW, as even as they come: eight moves in one row do not fit a laptop's screen.
        rows = -(-len(offered) // BUTTONS_A_ROW)
        across = -(-len(offered) // rows) if rows else 1
        for n, action in enumerate(offered):
            name = action.value
            key = MOVE_KEYS.get(action)
            button = QPushButton(f"{name_of('move', name)}…" + (f"  {key}" if key else ""), self.form)
            if key:
                button.setShortcut(key)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(lambda _=False, a=action: self.move(a))
            layout.addWidget(button, n // across, n % across)
            button.show()  # at once, not when the layout's queued show runs: a key pressed before that would be lost
            self.action_buttons.append(button)

    def move(self, action: Action) -> QDialog:
        """Open the dialog of a lifecycle move for the unit on show: where to, to whom, a reference, a note.

        Whatever happens (done, refused, cancelled), the scan field has the focus
        again, so the next scan is never typed into a button or lost.
        """
        card = self.cards[self.form.unitCombo.currentIndex() if len(self.cards) > 1 else 0]
        offered = likely_location(card, self.locations)
        if dialog := aftersales.start(self, action, card, offered):  # a return, a swap, the supplier's RMA: their own record
            return dialog
        dialog = MoveDialog(self, self.runner, self.ctx, card, action, self.locations, offered)
        dialog.accepted.connect(lambda: self._moved(card, dialog.result_record))
        dialog.finished.connect(lambda _: self.setFocus())
        dialog.open()
        return dialog

    def _moved(self, card: SerialCard, result) -> None:
        self._message("\n".join([f"{card.serial}: {name_of('status', result.to_status)}", *map(say, result.advice)]), status_tone(result.to_status).text)

    def _message(self, text: str, colour: str | None) -> None:
        self.form.messageLabel.setText(text)
        self.form.messageLabel.setStyleSheet(f"font-size: 12pt; color: {colour};" if colour else "font-size: 12pt;")
        self.form.messageLabel.setVisible(bool(text))
