"""Dialogs that run one service on OK, and the move dialog of Serial lookup: where to, to whom, a reference and a note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QDialog, QWidget

from snapp.domain.aftersales import Party, RecipientKind
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.errors import Problem, SnappError, ValidationError
from snapp.gui.forms import field_label, load_form
from snapp.gui.labels import name_of
from snapp.gui.operations import Runner
from snapp.gui.problems import say, say_problem
from snapp.services import customers, lifecycle
from snapp.services.lookup import SerialCard


class ServiceDialog(QDialog):
    """A form in ui/ that runs one service on OK; a refusal stays in the dialog, said in the user's language."""

    def __init__(self, parent: QWidget, runner: Runner, form_name: str):
        super().__init__(parent)
        self.runner = runner
        self.form = load_form(form_name, self)
        self.setWindowTitle(self.form.windowTitle())
        self.setMinimumWidth(520)  # a customer's full name and a reason fit without scrolling
        self.form.buttons.accepted.connect(self.submit)
        self.form.buttons.rejected.connect(self.reject)
        self.result_record = None

    def call(self) -> Callable[[], object]:
        raise NotImplementedError

    def submit(self) -> None:
        self.form.errorLabel.hide()
        self.form.buttons.setEnabled(False)

        def done(record: object) -> None:
            self.result_record = record
            self.accept()

        def failed(err: BaseException) -> bool:
            self.form.buttons.setEnabled(True)
            if not isinstance(err, SnappError):
                return False
            self.refuse([self._said(p) for p in err.problems] if isinstance(err, ValidationError) else [say(err.text)])
            return True

        self.runner.run(self.call(), done=done, failed=failed)

    def _said(self, problem: Problem) -> str:
        """A problem of a field this form shows, named by the field's label rather than the core's word for it."""
        label = field_label(self.form, problem.position)
        return say_problem(problem if label is None else replace(problem, position=label))

    def refuse(self, lines: list[str]) -> None:
        self.form.errorLabel.setText("\n".join(lines))
        self.form.errorLabel.show()


def unit_text(card: SerialCard) -> str:
    return f"{card.serial} — {card.sku} {card.item_name}"


def show_row(form: QWidget, field: QWidget, visible: bool) -> None:
    """Show or hide one row of the form's ``fields`` layout: the field and its label."""
    form.fields.setRowVisible(field, visible)


class MoveDialog(ServiceDialog):
    """One move of the unit on the lookup card: the location it needs, to whom it goes (a customer for a shipment,
    a person, department or project for an issue), a reference and a note saying why."""

    def __init__(self, parent: QWidget, runner: Runner, ctx, card: SerialCard, action: Action,
                 locations: list[str], offered: int = 0):  # fmt: skip
        super().__init__(parent, runner, "move_dialog")
        self.ctx, self.card, self.action = ctx, card, action
        form = self.form
        self.setWindowTitle(name_of("move", action.value))
        form.unitLabel.setText(unit_text(card))
        needs_location = TRANSITIONS[action].needs_location
        form.locationCombo.addItems(locations if needs_location else [])
        form.locationCombo.setCurrentIndex(offered if needs_location else -1)
        show_row(form, form.locationCombo, needs_location)
        show_row(form, form.customerCombo, action is Action.SHIP)
        show_row(form, form.recipientRow, action is Action.ISSUE)
        for kind in RecipientKind:
            form.kindCombo.addItem(name_of("recipient_kind", kind.value), kind.value)
        if action is Action.SHIP:
            form.refLabel.setText(self.tr("&Delivery note:"))
            form.refEdit.setPlaceholderText(self.tr("The delivery note's number"))
            runner.run(lambda: customers.list_customers(ctx), done=self._customers)
        first = form.locationCombo if needs_location else form.recipientEdit if action is Action.ISSUE else form.refEdit
        first.setFocus()

    def _customers(self, rows) -> None:
        for row in rows:
            self.form.customerCombo.addItem(f"{row.code} — {row.name}", row.code)
        self.form.customerCombo.addItem(self.tr("(not recorded)"), None)

    def party(self) -> Party | None:
        form = self.form
        if self.action is Action.SHIP and (customer := form.customerCombo.currentData()):
            return Party(customer=customer)
        if self.action is Action.ISSUE and (recipient := form.recipientEdit.text().strip()):
            return Party(recipient=recipient, kind=RecipientKind(form.kindCombo.currentData()))
        return None

    def call(self) -> Callable[[], object]:
        form, ctx, card, action, party = self.form, self.ctx, self.card, self.action, self.party()
        to = form.locationCombo.currentText() or None
        ref, note = form.refEdit.text().strip() or None, form.noteEdit.text().strip() or None
        return lambda: lifecycle.move(ctx, action, [card.serial], sku=card.sku, to=to, ref=ref, note=note, party=party)
