"""Warranty dates."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day.

    A date past the calendar's end is its last day: an item saved before its
    warranty was bounded must not stop a lookup or an export from working.
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return dt.date.max if months > 0 else dt.date.min
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def warranty_end(received: dt.date, months: int | None) -> dt.date | None:
    return add_months(received, months) if months else None
