"""Verify: scan a unit and see at once whether it is ours, where it should be, and why.

Green: in stock and genuine. Amber: ours but not on the shelf, a unit that
reappears after leaving, or a serial received twice. Red: SNApp does not
know the code, its product and serial disagree, or it cannot be read; never
called counterfeit, since unknown only means "no record here".
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from snapp.domain.scan import GS
from snapp.domain.verify import PASSED, UnitFacts, Verdict
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel
from snapp.gui.palette import BAD, DOUBTFUL, GOOD
from snapp.gui.problems import say
from snapp.gui.scanner import ScanField, scanner_profile
from snapp.gui.views.base import EmptyHint, View, fit_columns
from snapp.services import verification
from snapp.services.base import Entity
from snapp.services.verification import VerificationResult

GREEN, AMBER, RED = "green", "amber", "red"
SHADES = {GREEN: frozenset(PASSED), AMBER: frozenset({Verdict.REAPPEARED, Verdict.RECEIVED_TWICE})}
PALETTE = {GREEN: GOOD, AMBER: DOUBTFUL, RED: BAD}  # each a Tone: (background, text on it, text in a list)


def shade(verdict: str) -> str:
    """Green, amber or red for a verdict code; anything unknown or unreadable is red."""
    return next((name for name, codes in SHADES.items() if verdict in codes), RED)


def visible(raw: str) -> str:
    """A scan as text a person can read: GS shown as <GS>."""
    return raw.replace(GS, "<GS>")


class VerifyView(View):
    form_name = "verify"
    shows = frozenset({Entity.VERIFICATIONS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.recent = RecordModel(
            [
                Column(self.tr("When"), lambda v: v.at),
                Column(self.tr("User"), lambda v: v.user),
                Column(self.tr("Scanned"), lambda v: visible(v.raw)),
                Column(self.tr("Verdict"), lambda v: name_of("verdict", v.verdict)),
                Column(self.tr("Why"), lambda v: say(v.message)),
            ]
        )
        self.recent.colour = lambda v: QColor(PALETTE[shade(v.verdict)][2])
        form.recentView.setModel(self.recent)
        fit_columns(form.recentView, stretch=4)
        EmptyHint(form.recentView, self.tr("Nothing verified yet: scan a code above; each answer is listed here."))
        self.scan_field = ScanField(form.scanEdit, self.settings)
        self.scan_field.scanned.connect(lambda text, _suffix: self.verify(text))
        self.queue: list[str] = []
        self.busy = False
        self.last: VerificationResult | None = None
        form.verdictLabel.setText(self.tr("Scan a code"))
        self._paint(None)
        form.messageLabel.hide()
        form.warningsLabel.hide()
        form.cardBox.hide()

    def setFocus(self, *args) -> None:
        self.form.scanEdit.setFocus(*args)

    def refresh(self) -> None:
        self.load("recent", lambda: verification.recent_verifications(self.ctx, limit=50), self.recent.set_rows)

    def verify(self, raw: str) -> None:
        """Verify one scan; scans arriving while one is checked wait and go together, in order."""
        self.queue.append(raw)
        if not self.busy:
            self._send()

    def _send(self) -> None:
        codes, self.queue = self.queue, []
        self.busy = True
        profile = scanner_profile(self.settings)

        def failed(err: BaseException) -> bool:
            self._next()
            return False  # the error dialog says why

        self.runner.run(
            lambda: verification.verify(self.ctx, codes, profile=profile),
            done=self._verified, failed=failed,
        )  # fmt: skip

    def _next(self) -> None:
        self.busy = False
        if self.queue:
            self._send()

    def _verified(self, results: list[VerificationResult]) -> None:
        if any(not r.passed for r in results):
            QApplication.beep()
        self.show_result(results[-1])
        self._next()

    def show_result(self, result: VerificationResult) -> None:
        self.last = result
        form = self.form
        form.verdictLabel.setText(name_of("verdict", result.verdict))
        self._paint(shade(result.verdict))
        manifest = f"\n{say(result.manifest)}" if result.manifest else ""
        form.messageLabel.setText(f"{visible(result.raw)}: {say(result.message)}{manifest}")
        form.messageLabel.show()
        form.warningsLabel.setText("\n".join(say(w) for w in result.warnings))
        form.warningsLabel.setVisible(bool(result.warnings))
        self._show_card(result.unit)

    def _paint(self, name: str | None) -> None:
        background, text = (PALETTE[name][:2]) if name else ("palette(midlight)", "palette(text)")
        self.form.verdictLabel.setStyleSheet(
            "font-size: 22pt; font-weight: 700; border-radius: 6px; padding: 10px; "
            f"background: {background}; color: {text};"
        )

    def _show_card(self, unit: UnitFacts | None) -> None:
        form = self.form
        form.cardBox.setVisible(unit is not None)
        if unit is None:
            return
        form.cardBox.setTitle(unit.serial)
        form.itemValue.setText(f"{unit.sku} — {unit.item_name}" + (f"  (GTIN {unit.gtin})" if unit.gtin else ""))
        form.statusValue.setText(name_of("status", unit.status))
        form.supplierValue.setText(unit.supplier)
        form.locationValue.setText(unit.location or "—")
        form.poValue.setText(unit.po)
        form.receiptValue.setText(f"{unit.receipt}, {unit.received_at.astimezone():%Y-%m-%d}")
        if unit.last_action:
            when = f"{unit.last_at.astimezone():%Y-%m-%d %H:%M}" if unit.last_at else ""
            ref = self.tr(" (ref {0})").format(unit.last_ref) if unit.last_ref else ""
            form.lastValue.setText(f"{name_of('move', unit.last_action)} {when}{ref}")
        else:
            form.lastValue.setText("—")

