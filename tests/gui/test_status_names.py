"""Every status and move of the core has a name on screen."""

from __future__ import annotations

from snapp.domain.lifecycle import TRANSITIONS, Action, Status
from snapp.gui.labels import ACTIONS, STATUSES
from snapp.gui.views.dashboard import STATUS_COLOURS


def test_every_status_and_move_is_named_and_coloured():
    assert set(STATUSES) == set(STATUS_COLOURS) == {s.value for s in Status}
    assert set(ACTIONS) == {a.value for a in Action} and set(TRANSITIONS) <= set(Action)
