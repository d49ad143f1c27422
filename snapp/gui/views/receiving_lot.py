"""The receiving screen's lot, for an item tracked by batch: no serials, one batch with its expiry and quantity.

Typed into the lot's fields, or filled from a scanned GS1 label — (10) batch,
(17) expiry, (30) or (37) count — read by the core as ``snapp receive --label``
reads it (`snapp.domain.batches.read_label`). The label's GTIN is kept and
posted with the lot, so a label of another item is refused by the receipt
itself, as on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from snapp.domain.batches import EXPIRY, Lot, read_label
from snapp.domain.capture import cell_day
from snapp.errors import Problem, Text, ValidationError


@dataclass(frozen=True)
class Typed:
    """The lot's fields as they stand: what the screen rebuilt in another language takes over."""

    batch: str
    expiry: str
    quantity: int
    gtin: str | None


class LotFields(QObject):
    """The form's batch, expiry and quantity fields, shown only while the line's item is tracked by batch."""

    def __init__(self, form, hint: QLabel, parent: QObject):
        super().__init__(parent)
        self.form, self.hint = form, hint
        self.list_hint = hint.text()  # the empty list's words for serials
        self.gtin: str | None = None  # the item the last label scanned names
        self.serial_hint = form.scanEdit.placeholderText()  # the form's, already in the user's language
        form.lotBox.hide()
        form.batchEdit.textEdited.connect(self._forget_label)

    @property
    def shown(self) -> bool:
        return not self.form.lotBox.isHidden()

    def show_for(self, tracking: str | None) -> None:
        batch = tracking == "batch"
        form = self.form
        form.lotBox.setVisible(batch)
        # A lot has no serials to paste, import or enter as a range.
        for button in (form.pasteButton, form.rangeButton, form.importButton):
            button.setEnabled(not batch)
        self.hint.setText(self.tr("A lot has no serials: scan its label or type its batch, expiry and quantity above, "
                                  "then post.") if batch else self.list_hint)  # fmt: skip
        form.scanEdit.setPlaceholderText(
            self.tr("Scan the lot's GS1 label, or type its batch, expiry and quantity below") if batch
            else self.serial_hint
        )  # fmt: skip

    def take_label(self, text: str) -> str:
        """Fill the fields from a GS1 label scan, and say what it gave; a label's count replaces the quantity,
        else the typed one stays, focused to be checked."""
        lot = read_label(text)
        form = self.form
        form.batchEdit.setText(lot.batch)
        form.expiryEdit.setText(lot.expiry.isoformat() if lot.expiry else "")
        if lot.quantity is not None:
            form.quantitySpin.setValue(lot.quantity)
        self.gtin = lot.gtin
        form.quantitySpin.setFocus()
        form.quantitySpin.selectAll()
        expiry = self.tr(", expires {0}").format(lot.expiry.isoformat()) if lot.expiry else ""
        return self.tr("Batch {0}{1}: check the quantity, then post").format(lot.batch, expiry)

    def lot(self) -> Lot:
        """The lot as the fields give it; the core judges it (batch, quantity, expired), only the day is read here."""
        form = self.form
        typed = form.expiryEdit.text().strip()
        expiry = cell_day(typed) if typed else None
        if typed and expiry is None:
            raise ValidationError(Problem(EXPIRY, typed, "expiry", Text("lot_labels.expiry_format")))
        return Lot(form.batchEdit.text(), expiry, form.quantitySpin.value(), self.gtin)

    def received(self, receipt) -> str:
        """The fields emptied for the next lot; what the posted receipt brought."""
        self.clear()
        return self.tr("Receipt {0}: {1} of {2}, batch {3}, received into {4}").format(
            receipt.number, receipt.quantity, receipt.sku, receipt.batch, receipt.location)  # fmt: skip

    def typed(self) -> Typed | None:
        form = self.form
        typed = Typed(form.batchEdit.text(), form.expiryEdit.text(), form.quantitySpin.value(), self.gtin)
        return typed if typed != Typed("", "", 0, None) else None

    def restore(self, typed: Typed) -> None:
        form = self.form
        form.batchEdit.setText(typed.batch)
        form.expiryEdit.setText(typed.expiry)
        form.quantitySpin.setValue(typed.quantity)
        self.gtin = typed.gtin

    def clear(self) -> None:
        form = self.form
        form.batchEdit.clear()
        form.expiryEdit.clear()
        form.quantitySpin.setValue(0)
        self.gtin = None

    def _forget_label(self) -> None:
        # A batch typed over the label's is the user's lot, no longer the label's item.
        self.gtin = None
