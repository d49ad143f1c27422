"""The days within which a customer's return is promised an answer: set by an administrator in Settings, for every PC."""

from __future__ import annotations

from PySide6.QtCore import Qt

from snapp.domain.permissions import Role
from snapp.gui.views.settings import SettingsView
from snapp.services import audit, rma_due
from tests.gui.conftest import settle
from tests.gui.test_nav_roles import window_of


def settings_of(qtbot, window) -> SettingsView:
    window.open_screen(SettingsView)
    settle(qtbot, window)
    return window.view(SettingsView)


def test_an_administrator_sets_the_days_and_the_next_return_is_promised_by_them(qtbot, window, ctx):
    view = settings_of(qtbot, window)
    form = view.form
    assert form.answerDaysSpin.value() == rma_due.ANSWER_DAYS and form.answerDaysSaveButton.isEnabled()
    form.answerDaysSpin.setValue(12)
    qtbot.mouseClick(form.answerDaysSaveButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert form.answerDaysResultLabel.text() == "Saved: a return's answer is promised within 12 days."
    assert rma_due.get_answer_days(ctx) == 12
    [entry] = [e for e in audit.list_entries(ctx) if e.action == "setting.answer_days"]
    assert (entry.before, entry.after) == (rma_due.ANSWER_DAYS, 12)


def test_others_see_the_days_but_cannot_change_them(qtbot, ctx, company, settings):
    rma_due.set_answer_days(ctx, 3)
    window = window_of(qtbot, ctx, settings, Role.SERVICE)
    form = settings_of(qtbot, window).form
    assert form.answerDaysSpin.value() == 3
    assert not form.answerDaysSpin.isEnabled() and not form.answerDaysSaveButton.isEnabled()
    assert form.answerDaysResultLabel.text() == "Only an administrator can change it."
    window.runner.wait()
