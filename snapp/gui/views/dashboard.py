"""Dashboard: the figures a lead looks at first thing in the morning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from snapp.domain.permissions import Permission, allows
from snapp.gui.labels import name_of
from snapp.gui.models import counted
from snapp.gui.problems import say
from snapp.gui.palette import status_tone
from snapp.gui.views.aftersales import after_sales_notes
from snapp.gui.views.base import View
from snapp.services import aftersales, audit, dashboard, exceptions, reconciliation, users
from snapp.services.base import Entity


class BarChart(QWidget):
    """Horizontal bars, one per status: enough of a chart without a charting library."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, int, str]] = []
        self.setMinimumHeight(200)

    def set_bars(self, bars: list[tuple[str, int, str]]) -> None:
        self.bars = bars
        self.update()

    def paintEvent(self, event) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_width = max(metrics.horizontalAdvance(label) for label, _, _ in self.bars) + 12
        value_width = max(metrics.horizontalAdvance(f"{value:,}") for _, value, _ in self.bars) + 12
        top = max(value for _, value, _ in self.bars) or 1
        row = self.height() / len(self.bars)
        room = max(1.0, self.width() - label_width - value_width)
        for i, (label, value, colour) in enumerate(self.bars):
            y = i * row
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, y, label_width - 8, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = room * value / top
            painter.fillRect(QRectF(label_width, y + row * 0.2, width, row * 0.6), QColor(colour))
            painter.drawText(QRectF(label_width + width + 6, y, value_width, row), Qt.AlignmentFlag.AlignVCenter, f"{value:,}")
        painter.end()


class DashboardView(View):
    form_name = "dashboard"
    shows = frozenset({Entity.SERIALS, Entity.RECEIPTS, Entity.PURCHASE_ORDERS, Entity.EXCEPTIONS, Entity.STOCKTAKES})

    def __init__(self, *args):
        super().__init__(*args)
        self.chart = BarChart(self.form.chartBox)
        self.form.chartLayout.addWidget(self.chart)
        self.form.refreshButton.clicked.connect(self.refresh)

    def refresh(self) -> None:
        ctx = self.ctx

        def load() -> Figures:
            today = dt.date.today()
            me = users.current_user(ctx)
            alerts = []
            if me is not None and allows(me.role, Permission.AUDIT):  # asked only by whom may see the trail
                now = dt.datetime.now(dt.UTC)
                alerts = audit.alerts(ctx, now - dt.timedelta(days=7), now)
            return Figures(
                dashboard.summary(ctx, today),
                exceptions.open_exception_counts(ctx),
                reconciliation.serial_accuracy(ctx, today),
                alerts,
                aftersales.alerts(ctx, today=today),
            )

        self.runner.run(load, done=self.show_figures)

    def show_figures(self, figures: Figures) -> None:
        summary, form = figures.summary, self.form
        form.inStockValue.setText(f"{summary.by_status['in_stock']:,}")
        form.receiptsValue.setText(f"{summary.receipts_this_week:,}")
        form.warrantyValue.setText(f"{summary.warranty_ending:,}")
        form.openPosValue.setText(f"{summary.open_pos:,}")
        accuracy = figures.accuracy.accuracy
        form.accuracyValue.setText("—" if accuracy is None else f"{accuracy:.1%}")
        self.chart.set_bars([(name_of("status", s), n, status_tone(s).fill) for s, n in summary.by_status.items()])
        notes = [self.tr("{0}: {1} open").format(name_of("exception_kind", kind), f"{n:,}") for kind, n in sorted(figures.open_exceptions.items())]
        if n := summary.draft_pos:
            notes.append(counted(n, self.tr("1 purchase order waits for approval"), self.tr("{0} purchase orders wait for approval")))
        if n := summary.by_status["in_repair"]:
            notes.append(counted(n, self.tr("1 unit is in repair"), self.tr("{0} units are in repair")))
        if n := summary.warranty_ending:
            notes.append(counted(n, self.tr("1 unit leaves its supplier warranty within {1} days"),
                                 self.tr("{0} units leave their supplier warranty within {1} days"), summary.window))
        if n := summary.expired:
            notes.append(counted(n, self.tr("1 unit on our shelves has expired"), self.tr("{0} units on our shelves have expired")))
        if n := summary.expiring:
            notes.append(counted(n, self.tr("1 unit expires within {1} days: issue the first-expiring first"),
                                 self.tr("{0} units expire within {1} days: issue the first-expiring first"), summary.window))
        if n := summary.by_status["quarantined"]:
            notes.append(counted(n, self.tr("1 unit is quarantined by a recall"), self.tr("{0} units are quarantined by a recall")))
        notes += [say(alert.message) for alert in figures.alerts]
        notes += after_sales_notes(figures.aftersales)
        form.exceptionsValue.setText("\n".join(notes) or self.tr("Nothing needs attention."))


@dataclass(frozen=True)
class Figures:
    summary: dashboard.Dashboard
    open_exceptions: dict[str, int]
    accuracy: reconciliation.AccuracyFigure
    alerts: list[audit.Alert]
    aftersales: aftersales.Alerts
