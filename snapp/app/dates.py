"""Days as people give them, turned into instants once, for every front end.

A day typed on a filter ("since 2026-11-01") is the user's local calendar
day: it starts at the PC's local midnight, not at UTC midnight.
"""

from __future__ import annotations

import datetime as dt


def day_start(day: dt.date | None) -> dt.datetime | None:
    """The first instant of ``day`` in local time, as an aware datetime."""
    return dt.datetime.combine(day, dt.time()).astimezone() if day else None


def day_span(since: dt.date | None, until: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """[start, end) of the days from ``since`` up to and including ``until``; either end may be open."""
    return day_start(since), day_start(until + dt.timedelta(days=1)) if until else None


def parse_day(text: str) -> dt.date:
    """YYYY-MM-DD; ValueError otherwise."""
    return dt.date.fromisoformat(text)


def parse_month(text: str) -> dt.date:
    """YYYY-MM as the month's first day; ValueError otherwise."""
    return dt.datetime.strptime(text, "%Y-%m").date()
