"""After-sales from Serial lookup: the card's warranties and holder, and the return, swap and supplier dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialog, QWidget

from snapp.domain.lifecycle import Action
from snapp.domain.permissions import Permission, allows
from snapp.gui.documents import Shelf
from snapp.gui.labels import name_of
from snapp.gui.models import counted
from snapp.gui.operations import Runner
from snapp.gui.palette import BAD, GOOD
from snapp.gui.problems import say
from snapp.gui.views.dialogs import ServiceDialog, unit_text
from snapp.gui.views.rma_dialogs import SupplierBackDialog, SupplierSendDialog
from snapp.services import aftersales, customers, rma_documents, rma_due
from snapp.services.customers import Holder
from snapp.services.lookup import SerialCard


def customer_warranty_text(card: SerialCard) -> str:
    end, left = card.customer_warranty_end, card.customer_warranty_days_left(dt.date.today())
    if end is None:
        return QCoreApplication.translate("Aftersales", "none recorded")
    if left < 0:
        return QCoreApplication.translate("Aftersales", "ended {0} ({1} days ago)").format(end, -left)
    return QCoreApplication.translate("Aftersales", "until {0} ({1} days left)").format(end, left)


def holder_text(card: SerialCard) -> str:
    holder: Holder | None = card.holder
    if holder is None:
        if card.status == "shipped":
            return QCoreApplication.translate("Aftersales", "a customer not recorded (shipped before customers were kept)")
        return QCoreApplication.translate("Aftersales", "we have it")
    if holder.customer:
        delivery = QCoreApplication.translate("Aftersales", ", delivery {0}").format(holder.ref) if holder.ref else ""
        return f"{holder.customer} — {holder.customer_name}{delivery}"
    return f"{name_of('recipient_kind', holder.recipient_kind)}: {holder.recipient}"


def after_sales_notes(found: aftersales.Alerts) -> list[str]:
    """The dashboard's after-sales lines (the supplier warranties ending it says itself)."""
    lines = [  # (how many, said of one, said of more, what else each says)
        (sum(1 for w in found.warranties if w.kind == "customer"), QCoreApplication.translate("Aftersales", "1 customer warranty ends within {1} days"),
         QCoreApplication.translate("Aftersales", "{0} customer warranties end within {1} days"), found.days),
        (len(found.overdue), QCoreApplication.translate("Aftersales", "1 unit is overdue back from its supplier (RMA {1})"),
         QCoreApplication.translate("Aftersales", "{0} units are overdue back from suppliers (RMA {1})"), ", ".join(r.number for r in found.overdue[:5])),
        (len(found.long_repairs), QCoreApplication.translate("Aftersales", "1 unit has been in repair longer than {1} days"),
         QCoreApplication.translate("Aftersales", "{0} units have been in repair longer than {1} days"), found.repair_days),
        (len(found.late_returns), QCoreApplication.translate("Aftersales", "1 customer return is past the day its answer was promised (RMA {1})"),
         QCoreApplication.translate("Aftersales", "{0} customer returns are past the day their answer was promised (RMA {1})"),
         ", ".join(r.number for r in found.late_returns[:5])),
    ]  # fmt: skip
    return [counted(n, one, many, more) for n, one, many, more in lines if n]


def fill_card(form: QWidget, card: SerialCard) -> None:
    """The after-sales rows of the lookup card: the customer's warranty, who has the unit, its story."""
    form.customerWarrantyValue.setText(customer_warranty_text(card))
    form.holderValue.setText(holder_text(card))
    form.aftersalesValue.setText("\n".join(say(line) for line in card.aftersales) or "—")


def actions(card: SerialCard) -> list[str]:
    """The card's moves; a swap is offered on the returned unit's card (with its open RMA), not on every unit in stock."""
    return [a for a in card.allowed if a != Action.REPLACE] + ([Action.REPLACE.value] if card.open_rma else [])


class ReturnDialog(ServiceDialog):
    """A shipped unit back from its customer under an RMA number."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, card: SerialCard):
        super().__init__(parent, runner, "return_dialog")
        self.ctx, self.card = ctx, card
        self.form.unitLabel.setText(unit_text(card))
        shipped_to = card.holder.customer if card.holder else None
        today = dt.date.today()
        self.form.promisedEdit.setMinimumDate(QDate(today))  # a day already gone is no promise
        self._promise(rma_due.ANSWER_DAYS)
        runner.run(lambda: (customers.list_customers(ctx), rma_due.get_answer_days(ctx)),
                   done=lambda found: self._loaded(*found, shipped_to))  # fmt: skip

    def _loaded(self, rows, days: int, shipped_to: str | None) -> None:
        combo = self.form.customerCombo
        for row in rows:
            combo.addItem(f"{row.code} — {row.name}", row.code)
        combo.setCurrentIndex(max(combo.findData(shipped_to), 0))
        self._promise(days)

    def _promise(self, days: int) -> None:
        self.form.promisedEdit.setDate(QDate(dt.date.today() + dt.timedelta(days=days)))

    def call(self) -> Callable[[], object]:
        form, ctx, card = self.form, self.ctx, self.card
        rma, customer, reason = form.rmaEdit.text(), form.customerCombo.currentData() or "", form.reasonEdit.text()
        promised = form.promisedEdit.date().toPython()
        return lambda: aftersales.receive_return(ctx, card.serial, rma=rma, customer=customer, reason=reason, sku=card.sku,
                                                 promised_on=promised)  # fmt: skip


class SwapDialog(ServiceDialog):
    """A replacement out to the customer of an open return: from the returned unit's card, or the replacement's."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, card: SerialCard):
        super().__init__(parent, runner, "swap_dialog")
        self.ctx = ctx
        if card.open_rma:
            self.form.rmaEdit.setText(card.open_rma)
            self.form.replacementEdit.setFocus()
        else:
            self.form.replacementEdit.setText(card.serial)
            self.form.rmaEdit.setFocus()

    def call(self) -> Callable[[], object]:
        ctx, rma, replacement = self.ctx, self.form.rmaEdit.text(), self.form.replacementEdit.text()
        note = self.form.noteEdit.text().strip() or None
        return lambda: aftersales.swap(ctx, rma, replacement, note=note)


class RepairDialog(ServiceDialog):
    """A repair record on the unit's history: our bench's, or the supplier's."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, card: SerialCard):
        super().__init__(parent, runner, "repair_dialog")
        self.ctx, self.card = ctx, card
        self.form.unitLabel.setText(unit_text(card))
        for place in ("bench", "supplier"):
            self.form.placeCombo.addItem(name_of("repair_place", place), place)

    def call(self) -> Callable[[], object]:
        form, ctx, card = self.form, self.ctx, self.card
        repair = aftersales.RepairInput(form.faultEdit.text(), form.workEdit.text() or None, form.partsEdit.text() or None,
                                        form.costEdit.text() or None, form.technicianEdit.text() or None,
                                        form.placeCombo.currentData())  # fmt: skip
        return lambda: aftersales.record_repair(ctx, card.serial, repair, sku=card.sku)


def attach(view) -> None:
    """Connect the lookup card's after-sales buttons to the unit on show (once, when the screen is built)."""
    form = view.form
    form.repairRecordButton.clicked.connect(lambda: _open(view, RepairDialog, view.cards[_shown(view)]))
    view.documents = Shelf(view, form.openPdfButton, form.printPdfButton,
                           lambda text, ok: view._message(text, GOOD.text if ok else BAD.text))  # fmt: skip
    form.claimButton.clicked.connect(lambda: _claim(view, view.cards[_shown(view)]))


def show_documents(view, card: SerialCard) -> None:
    """The warranty claim is offered for a unit with an after-sales story, to those who may print it."""
    offered = bool(card.aftersales) and view.role is not None and allows(view.role, Permission.SERVICE)
    for button in (view.form.claimButton, view.form.openPdfButton, view.form.printPdfButton):
        button.setVisible(offered)


def _claim(view, card: SerialCard) -> None:
    view.documents.write(lambda out: rma_documents.print_warranty_claim(view.ctx, card.serial, out, sku=card.sku),
                         f"warranty-claim-{card.serial}",
                         QCoreApplication.translate("Aftersales", "Warranty claim {0}").format(card.serial))  # fmt: skip


def _shown(view) -> int:
    return view.form.unitCombo.currentIndex() if len(view.cards) > 1 else 0


def _open(view, dialog_class: type[ServiceDialog], card: SerialCard) -> QDialog:
    return present(view, dialog_class(view, view.runner, view.ctx, card), card.serial)


def present(view, dialog: QDialog, serial: str) -> QDialog:
    """Open ``dialog`` over lookup; once done the card shows ``serial`` anew, and after it closes either way the
    next scan goes to the scan field."""
    dialog.accepted.connect(lambda: view.look_up(serial))
    dialog.finished.connect(lambda _: view.setFocus())
    dialog.open()
    return dialog


def start(view, action: Action, card: SerialCard, offered: int) -> QDialog | None:
    """Open the dialog of an after-sales move for the unit on ``view``'s card (``offered`` the row of the location to
    propose); None for a move without one of its own."""
    if action is Action.SUPPLIER_BACK:
        dialog = SupplierBackDialog(view, view.runner, view.ctx, view.locations, unit=card, offered=offered)
    elif action is Action.RETURN:  # to the supplier: under their RMA number, with the day it is expected back
        dialog = SupplierSendDialog(view, view.runner, view.ctx, card)
    elif dialog_class := {Action.CUSTOMER_RETURN: ReturnDialog, Action.REPLACE: SwapDialog}.get(action):
        dialog = dialog_class(view, view.runner, view.ctx, card)
    else:
        return None
    return present(view, dialog, card.serial)
