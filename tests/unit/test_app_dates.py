"""A day typed on a filter is the user's local day: it starts at local midnight, not UTC midnight."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from snapp.app.dates import day_span, parse_day, parse_month


@pytest.fixture
def in_shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_span_of_days_runs_from_local_midnight_to_the_next_midnight_after_the_last(in_shanghai):
    start, end = day_span(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert start.isoformat() == "2026-11-01T00:00:00+08:00"
    assert end.isoformat() == "2026-12-01T00:00:00+08:00"
    assert start.astimezone(dt.UTC).isoformat() == "2026-10-31T16:00:00+00:00"
    assert day_span(None, None) == (None, None)


def test_days_and_months_as_typed():
    assert parse_day("2026-02-28") == dt.date(2026, 2, 28)
    assert parse_month("2026-02") == dt.date(2026, 2, 1)
    for wrong in ("2026-02-30", "28/02/2026"):
        with pytest.raises(ValueError):
            parse_day(wrong)
