"""The exceptions desk on its own: filtered by status and kind, resolved with a note, who and when shown."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from snapp.domain.capture import scans
from snapp.errors import PermissionDenied
from snapp.gui.views.exceptions import ExceptionsView
from snapp.services import exceptions, stocktake, users, verification
from snapp.services.base import Context
from tests.gui.conftest import Screen, settle
from tests.gui.test_screens import answer_next_dialog


def cases(ctx) -> None:
    """A failed verification and a count discrepancy."""
    verification.verify(ctx, ["GHOST-1"])
    count = stocktake.start_stocktake(ctx, "WH-B")
    stocktake.scan(ctx, count.number, [scans(["GHOST-2"])])
    stocktake.close_stocktake(ctx, count.number)


def test_filter_and_resolve_with_a_note(qtbot, ctx, company, settings):
    cases(ctx)
    s = Screen(qtbot, ctx, settings, ExceptionsView)
    view, form = s.view, s.view.form
    assert [row.subject for row in view.model.rows] == ["GHOST-2", "GHOST-1"]
    assert form.countLabel.text() == "2 shown"
    assert not form.resolveButton.isEnabled()  # nothing chosen yet

    form.kindCombo.setCurrentIndex(form.kindCombo.findData("verification"))
    s.settle()
    [case] = view.model.rows
    assert view.model.index(0, 3).data() == "Failed verification"
    form.tableView.selectRow(0)
    assert form.detailBox.title() == f"Exception #{case.id}: Failed verification"
    assert form.resolvedValue.text() == "not yet"

    answer_next_dialog("Demo unit from the trade fair; not ours. Returned to the visitor.")
    qtbot.mouseClick(form.resolveButton, Qt.MouseButton.LeftButton)
    s.settle()
    [stored] = exceptions.list_exceptions(ctx, "resolved")
    assert (stored.id, stored.resolved_by) == (case.id, "admin")
    assert stored.resolution == "Demo unit from the trade fair; not ours. Returned to the visitor."
    assert view.model.rows == []  # the open list no longer holds it

    form.statusCombo.setCurrentIndex(form.statusCombo.findData("resolved"))
    s.settle()
    form.tableView.selectRow(0)
    assert view.model.index(0, 6).data() == "Resolved" and view.model.index(0, 7).data() == "admin"
    assert form.resolvedValue.text().endswith("by admin: Demo unit from the trade fair; not ours. Returned to the visitor.")
    assert not form.resolveButton.isEnabled()

    form.statusCombo.setCurrentIndex(form.statusCombo.findData(""))
    form.kindCombo.setCurrentIndex(0)
    s.settle()
    assert [(row.subject, row.status) for row in view.model.rows] == [("GHOST-2", "open"), ("GHOST-1", "resolved")]


def test_an_auditor_may_look_but_not_resolve(qtbot, ctx, company, settings):
    cases(ctx)
    users.add_user(ctx, "audrey", "auditor", password="auditor password")
    s = Screen(qtbot, Context(ctx.db, "audrey"), settings, ExceptionsView)
    s.view.form.tableView.selectRow(0)
    answer_next_dialog("looks fine to me")
    qtbot.mouseClick(s.view.form.resolveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, s)
    [error] = s.errors  # the main window shows it in its error dialog
    assert isinstance(error, PermissionDenied)
    assert len(exceptions.list_exceptions(ctx, "open")) == 2


def test_a_list_for_an_earlier_filter_that_arrives_last_is_dropped(qtbot, ctx, company, settings, monkeypatch):
    cases(ctx)
    s = Screen(qtbot, ctx, settings, ExceptionsView)
    form, release = s.view.form, threading.Event()
    real = exceptions.list_exceptions

    def late_for_one_kind(ctx_, status, kind, **kwargs):  # the real query, held back to force the order
        if kind == "verification":
            release.wait(10)
        return real(ctx_, status, kind, **kwargs)

    monkeypatch.setattr(exceptions, "list_exceptions", late_for_one_kind)
    form.kindCombo.setCurrentIndex(form.kindCombo.findData("verification"))  # still loading...
    with qtbot.waitSignal(s.view.model.modelReset, timeout=10_000):
        form.kindCombo.setCurrentIndex(0)  # ...when the user goes back to every kind
    release.set()
    s.settle()
    assert [row.subject for row in s.view.model.rows] == ["GHOST-2", "GHOST-1"]


def test_what_happened_is_said_in_the_screens_language(qtbot, ctx, company, settings):
    from PySide6.QtCore import QLocale

    cases(ctx)  # opened while the desktop spoke English: kept as codes, not as English sentences
    locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))  # the core's sentences follow it
    try:
        s = Screen(qtbot, ctx, settings, ExceptionsView)
        said = {row.subject: s.view.model.index(n, 5).data() for n, row in enumerate(s.view.model.rows)}
    finally:
        QLocale.setDefault(locale)
    assert said["GHOST-1"].startswith("未知序列号"), said
    assert said["GHOST-2"].startswith("盘点 "), said

