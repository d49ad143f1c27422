"""snapp.domain.warranty: add_months and warranty_end."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.warranty import add_months, warranty_end

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (D(2024, 1, 15), 1, D(2024, 2, 15)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap February
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2024, 11, 30), 2, D(2025, 1, 30)),  # over the year end
        (D(2024, 12, 31), 1, D(2025, 1, 31)),
        (D(2024, 12, 31), 12, D(2025, 12, 31)),
        (D(2024, 6, 1), 24, D(2026, 6, 1)),
        (D(2024, 6, 1), 0, D(2024, 6, 1)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 1, 31), -1, D(2023, 12, 31)),
        (D(2024, 1, 1), 120, D(2034, 1, 1)),
    ],
)
def test_add_months(day, months, result):
    assert add_months(day, months) == result


def test_add_months_does_not_drift_from_the_received_day():
    """Each term counts from the received day, not from the last result: Jan 31 gives Feb 29, then Mar 31 again."""
    start = D(2024, 1, 31)
    assert [add_months(start, m).day for m in range(1, 7)] == [29, 31, 30, 31, 30, 31]


@pytest.mark.parametrize(
    ("received", "months", "end"),
    [
        (D(2024, 5, 20), 24, D(2026, 5, 20)),
        (D(2024, 8, 31), 6, D(2025, 2, 28)),
        (D(2024, 5, 20), None, None),  # item without a supplier warranty
        (D(2024, 5, 20), 0, None),
    ],
)
def test_warranty_end(received, months, end):
    assert warranty_end(received, months) == end
