"""Serial lookup: scan a unit and see its card, its history, and the moves it can make."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QInputDialog, QPushButton

from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.scan import as_typed
from snapp.errors import NotFound
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.problems import say
from snapp.gui.scanner import ScanField, scanner_profile
from snapp.gui.views import aftersales
from snapp.gui.views.base import View, fit_columns
from snapp.services import lifecycle, lookup, masterdata
from snapp.services.base import Entity
from snapp.services.lookup import SerialCard


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
        self.scan_field = ScanField(form.scanEdit, self.settings)
        self.scan_field.scanned.connect(lambda text, _suffix: self.look_up(as_typed(text, scanner_profile(self.settings))))
        form.unitCombo.currentIndexChanged.connect(self._show_card)
        form.unitCombo.hide()
        form.cardBox.hide()
        self.action_buttons: list[QPushButton] = []
        aftersales.attach(self)

    def setFocus(self, *args) -> None:
        self.form.scanEdit.setFocus(*args)
        self.form.scanEdit.selectAll()

    def refresh(self) -> None:
        self.runner.run(
            lambda: [location.code for location in masterdata.list_locations(self.ctx)],
            done=lambda codes: setattr(self, "locations", codes),
        )
        if self.serial:
            self.look_up(self.serial)

    def look_up(self, serial: str) -> None:
        serial = serial.strip()
        if not serial:
            return
        self.form.scanEdit.setText(serial)

        def not_found(err: BaseException) -> bool:
            if isinstance(err, NotFound):
                self.serial, self.cards = "", []
                self.form.cardBox.hide()
                self.form.unitCombo.hide()
                self.history.set_rows([])
                self._set_actions([])
                self._message(self.tr("{0}: not in SNApp. It was never received here (this alone does not make it counterfeit).").format(serial), "#c62828")
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
            self._message(self.tr("{0} items carry serial {1}; choose one above").format(len(cards), serial), "#ef6c00")
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
        form.supplierValue.setText(f"{card.supplier} — {card.supplier_name}")
        form.locationValue.setText(f"{card.location} — {card.location_name}" if card.location else "—")
        form.poValue.setText(card.po)
        form.receiptValue.setText(f"{card.receipt}, {card.received_at.astimezone():%Y-%m-%d %H:%M}")
        form.warrantyValue.setText(self._warranty(card))
        aftersales.fill_card(form, card)
        form.batchValue.setText(self._batch(card))
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
            button.deleteLater()
        self.action_buttons = []
        for name in allowed:
            action = Action(name)
            button = QPushButton(name_of("move", name) + "…", self.form)
            button.setObjectName(f"action_{name}")
            button.clicked.connect(lambda _=False, a=action: self.move(a))
            layout.addWidget(button)
            self.action_buttons.append(button)

    def move(self, action: Action, *, to: str | None = None, ref: str | None = None) -> None:
        """Apply a lifecycle move to the unit on show; asks for a location and a reference when needed."""
        card = self.cards[self.form.unitCombo.currentIndex() if len(self.cards) > 1 else 0]
        if aftersales.handles(action):  # to whom it ships, or the record a return or swap keeps: its own dialog
            aftersales.start(self, action, card)
            return
        rule, title = TRANSITIONS[action], name_of("move", action.value)
        if rule.needs_location and to is None:
            to, ok = QInputDialog.getItem(self, title, self.tr("To location:"), self.locations, 0, False)
            if not ok:
                return
        if ref is None:
            ref, ok = QInputDialog.getText(self, title, self.tr("Reference (work order, RMA, delivery note…):"))
            if not ok:
                return
        self.runner.run(
            lambda: lifecycle.move(self.ctx, action, [card.serial], sku=card.sku, to=to, ref=ref or None),
            done=lambda result: self._message("\n".join([f"{card.serial}: {name_of('status', result.to_status)}",
                                                         *map(say, result.advice)]), "#2e7d32"),  # fmt: skip
        )

    def _message(self, text: str, colour: str | None) -> None:
        self.form.messageLabel.setText(text)
        self.form.messageLabel.setStyleSheet(f"font-size: 12pt; color: {colour};" if colour else "font-size: 12pt;")
        self.form.messageLabel.setVisible(bool(text))
