"""Scanner settings: what this PC's scanner sends, and a box to test it character by character."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from snapp.domain.scan import GS, Reading, ScannerProfile, characters, decode
from snapp.gui.scanner import (
    ADDED_MAX,
    GS_CHOICES,
    SUFFIX_CHOICES,
    ScanField,
    save_scanner_profile,
    scanner_profile,
)
from snapp.gui.problems import say
from snapp.gui.palette import BAD, GOOD
from snapp.gui.views.base import View

MARK = "#ffe08a"  # a control character's cell: what the settings above decide


class ScannerView(View):
    form_name = "scanner"

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        gs_names = (
            self.tr("ASCII 29 (GS), as GS1 specifies"), self.tr("the characters 029"), self.tr("the characters ^]"),
            self.tr("the characters <GS>"), self.tr("nothing (the scanner drops it)"),
        )  # fmt: skip
        for value, name in zip(GS_CHOICES, gs_names, strict=True):
            form.gsCombo.addItem(name, value)
        for value, name in zip(SUFFIX_CHOICES, (self.tr("Enter"), self.tr("Tab")), strict=True):
            form.suffixCombo.addItem(name, value)
        self._show_profile(scanner_profile(self.settings))
        form.gsCombo.activated.connect(lambda _: self._save())
        form.suffixCombo.activated.connect(lambda _: self._save())
        form.prefixCheck.toggled.connect(lambda _: self._save())
        for added in (form.leadEdit, form.trailEdit):
            added.setMaxLength(ADDED_MAX)
            added.textEdited.connect(lambda _: self._save())
        form.charsTable.setRowCount(2)
        form.charsTable.setVerticalHeaderLabels([self.tr("Arrived"), self.tr("Code")])
        metrics = form.charsTable.fontMetrics()
        form.charsTable.horizontalHeader().setDefaultSectionSize(metrics.horizontalAdvance("U+001DW"))
        self.test_field = ScanField(form.testEdit, every_suffix=True)  # shows whichever suffix the scanner sends
        self.test_field.scanned.connect(lambda text, suffix: self.show_test(text + suffix))
        self.last: Reading | None = None

    def setFocus(self, *args) -> None:
        self.form.testEdit.setFocus(*args)

    def profile(self) -> ScannerProfile:
        form = self.form
        return ScannerProfile(form.gsCombo.currentData(), form.prefixCheck.isChecked(), form.suffixCombo.currentData(),
                              form.leadEdit.text(), form.trailEdit.text())  # fmt: skip

    def _show_profile(self, profile: ScannerProfile) -> None:
        form = self.form
        form.gsCombo.setCurrentIndex(form.gsCombo.findData(profile.gs))
        form.prefixCheck.setChecked(profile.prefix)
        form.suffixCombo.setCurrentIndex(form.suffixCombo.findData(profile.suffix))
        form.leadEdit.setText(profile.lead)
        form.trailEdit.setText(profile.trail)

    def _save(self) -> None:
        save_scanner_profile(self.settings, self.profile())
        self.form.savedLabel.setText(self.tr("Saved for this PC: every scan field uses it from the next scan."))
        if self.last is not None:
            self.show_test(self.last.raw)

    def show_test(self, raw: str) -> None:
        """List each character of ``raw`` and say what SNApp reads from it with the chosen settings."""
        form, profile = self.form, self.profile()
        shown = characters(raw)
        table = form.charsTable
        table.setColumnCount(len(shown))
        table.setHorizontalHeaderLabels([str(i) for i in range(1, len(shown) + 1)])
        for column, (char, code) in enumerate(shown):
            for row, text in enumerate((char, code)):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if len(char) > 1:  # a control character (<GS>, <CR>...): the ones a scanner's settings decide
                    cell.setBackground(QColor(MARK))
                table.setItem(row, column, cell)
        form.arrivedLabel.setText(self.tr("{0} characters arrived:").format(len(shown)))
        self.last = reading = decode(raw, profile)
        if reading.ok:
            parts = [self.tr("SNApp reads {0}: {1}").format(self._kind(reading), say(reading.message))]
            colour = GOOD.text
        else:
            parts = [self.tr("SNApp cannot read it as a unit's code: {0}").format(say(reading.message))]
            colour = BAD.text
        parts += [say(w) for w in reading.warnings]
        form.readsLabel.setText("\n".join(parts))
        form.readsLabel.setStyleSheet(f"font-size: 12pt; color: {colour};")
        form.hintLabel.setText("\n".join(self._hints(raw, reading, profile)))

    def _kind(self, reading: Reading) -> str:
        names = {
            "serial": self.tr("a plain serial"), "gs1": self.tr("a GS1 element string"),
            "gs1_digital_link": self.tr("a GS1 Digital Link"), "drug_trace_code": self.tr("a drug traceability code"),
            "china_udi_ma": self.tr("a China UDI (MA code)"),
        }  # fmt: skip
        return names.get(reading.kind or "", reading.kind or "")

    def _hints(self, raw: str, reading: Reading, profile: ScannerProfile) -> list[str]:
        """What to change above when the test scan shows the scanner is set up differently."""
        hints = []
        ends = raw[-1:]
        if ends in SUFFIX_CHOICES and ends != profile.suffix:
            name = self.tr("Tab") if ends == "\t" else self.tr("Enter")
            hints.append(self.tr("The scanner ended the scan with {0}: choose {0} as the suffix.").format(name))
        if reading.symbology and not profile.prefix:
            hints.append(
                self.tr("The scan starts with the symbology identifier {0}: tick the box above.").format(reading.symbology)
            )
        if GS not in raw and (not reading.ok or reading.alternatives):
            for literal in GS_CHOICES:
                if literal and literal != GS and literal != profile.gs and literal in raw[2:]:
                    other = decode(raw, replace(profile, gs=literal))
                    if other.ok and not other.alternatives:
                        hints.append(self.tr("The scanner seems to send GS as “{0}”: choose it above.").format(literal))
        return hints
