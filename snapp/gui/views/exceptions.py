"""The exceptions desk: everything that needs a person, filtered by status and kind, resolved with a note."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog

from snapp.domain.statuses import EXCEPTION
from snapp.gui.labels import name_of
from snapp.gui.models import Column, RecordModel, shown
from snapp.gui.palette import BAD
from snapp.gui.problems import say
from snapp.gui.views.base import ROW_NUMBER, EmptyHint, View, fit_columns
from snapp.services import exceptions
from snapp.services.base import Entity
from snapp.services.exceptions import OPEN, RESOLVED, ExceptionKind, ExceptionRecord

LIMIT = 500  # newest first; a desk with more open cases than this has a bigger problem than paging
OPEN_COLOUR = BAD.text


class ExceptionsView(View):
    form_name = "exceptions"
    shows = frozenset({Entity.EXCEPTIONS})

    def __init__(self, *args):
        super().__init__(*args)
        form = self.form
        self.model = RecordModel(
            [
                Column("#", lambda e: e.id),
                Column(self.tr("Opened"), lambda e: e.opened_at),
                Column(self.tr("By"), lambda e: e.opened_by),
                Column(self.tr("Kind"), lambda e: name_of("exception_kind", e.kind)),
                Column(self.tr("Subject"), lambda e: e.subject),
                Column(self.tr("What happened"), lambda e: say(e.detail)),
                Column(self.tr("Status"), lambda e: name_of("exception_status", e.status)),
                Column(self.tr("Resolved by"), lambda e: e.resolved_by),
                Column(self.tr("Resolved"), lambda e: e.resolved_at),
            ]
        )
        self.model.colour = lambda e: QColor(OPEN_COLOUR) if e.status == OPEN else None
        form.tableView.setModel(self.model)
        fit_columns(form.tableView, stretch=5, sized={0: ROW_NUMBER})
        EmptyHint(form.tableView, self.tr("No exception here. Refused scans, unknown serials at Verify and stocktake differences open one."))
        for code in EXCEPTION.states:
            form.statusCombo.addItem(name_of("exception_status", code), code)
        form.statusCombo.addItem(self.tr("All"), "")
        form.kindCombo.addItem(self.tr("Every kind"), "")
        for kind in ExceptionKind:
            form.kindCombo.addItem(name_of("exception_kind", kind.value), kind.value)
        form.statusCombo.currentIndexChanged.connect(lambda _: self.refresh())
        form.kindCombo.currentIndexChanged.connect(lambda _: self.refresh())
        form.tableView.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        form.tableView.doubleClicked.connect(lambda _: self.resolve())
        form.resolveButton.clicked.connect(self.resolve)
        self._show_selected()

    def refresh(self) -> None:
        status, kind = self.form.statusCombo.currentData() or None, self.form.kindCombo.currentData() or None
        self.load("list", lambda: exceptions.list_exceptions(self.ctx, status, kind, limit=LIMIT), self._listed)

    def _listed(self, rows: list[ExceptionRecord]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        ids = [row.id for row in rows]
        if chosen is not None and chosen.id in ids:
            self.form.tableView.selectRow(ids.index(chosen.id))
        more = self.tr(" (the newest {0})").format(LIMIT) if len(rows) == LIMIT else ""
        self.form.countLabel.setText(self.tr("{0} shown").format(len(rows)) + more)
        self._show_selected()

    def selected(self) -> ExceptionRecord | None:
        rows = self.form.tableView.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        case, form = self.selected(), self.form
        form.detailBox.setEnabled(case is not None)
        form.resolveButton.setEnabled(case is not None and EXCEPTION.can(case.status, "resolve"))
        if case is None:
            form.detailBox.setTitle(self.tr("Exception"))
            form.detailValue.setPlainText("")
            for value in (form.openedValue, form.resolvedValue):
                value.setText("")
            return
        form.detailBox.setTitle(self.tr("Exception #{0}: {1}").format(case.id, name_of("exception_kind", case.kind)))
        ref = self.tr(" (ref {0})").format(case.ref) if case.ref else ""
        form.detailValue.setPlainText(f"{case.subject}{ref}: {say(case.detail)}")
        form.openedValue.setText(self.tr("{0} by {1}").format(shown(case.opened_at), case.opened_by))
        if case.status == RESOLVED:
            form.resolvedValue.setText(
                self.tr("{0} by {1}: {2}").format(shown(case.resolved_at), case.resolved_by, case.resolution)
            )
        else:
            form.resolvedValue.setText(self.tr("not yet"))

    def resolve(self) -> None:
        case = self.selected()
        if case is None or not EXCEPTION.can(case.status, "resolve"):
            return
        note, ok = QInputDialog.getMultiLineText(  # without a stocktake's list of missing units, which would outgrow the screen
            self, self.tr("Resolve exception #{0}").format(case.id),
            self.tr("{0}\n\nHow was it resolved?").format(exceptions.gist(say(case.detail))),
        )  # fmt: skip
        if ok and note.strip():
            self.runner.run(lambda: exceptions.resolve_exception(self.ctx, case.id, note))
