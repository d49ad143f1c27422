"""What a scanning device on the floor needs told at once, beyond what the desktop screens read.

A count's scan is taken by `snapp.services.stocktake.scan`; `count_feedback`
then says what that unit is to this count, as the person holding the scanner
needs it: known here, belongs elsewhere, unknown, scanned twice, or a unit
that is not on any shelf (shipped, scrapped...).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from snapp.db.models import CountEntry, Location
from snapp.domain.permissions import Permission
from snapp.domain.scan import ScannerProfile, decode
from snapp.domain.statuses import having
from snapp.errors import Text
from snapp.services.base import UnitOfWork, service
from snapp.services.stocktake import count_row
from snapp.services.units import resolve


class Feedback(StrEnum):
    HERE = "here"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"
    TWICE = "twice"
    NOT_ON_SHELF = "not_on_shelf"


_ON_SHELF = having("on_shelf")


@dataclass(frozen=True)
class CountFeedback:
    feedback: Feedback
    serial: str
    sku: str | None
    scans: int  # how often this count has seen the unit, this scan included
    message: Text


@service(Permission.COUNT, write=False)
def count_feedback(uow: UnitOfWork, number: str, raw: str, *, profile: ScannerProfile | None = None) -> CountFeedback:
    """What the unit ``raw`` names is to count ``number``, once its scan has been taken (read as ``profile`` reads it)."""
    session = uow.session
    count = count_row(session, number)
    [found] = resolve(session, [decode(raw, profile)], here=count.location_id)
    unit = found.unit
    serial = unit.serial if unit else found.reading.serial
    key = f"#{unit.id}" if unit else f"?{found.reading.gtin or ''}:{found.reading.serial}"
    seen = session.scalar(select(CountEntry.scans).where(CountEntry.count_id == count.id, CountEntry.unit_key == key)) or 0
    if seen > 1:
        return CountFeedback(Feedback.TWICE, serial, unit.sku if unit else None, seen,
                             Text("floor.count_twice", serial=serial, scans=seen))  # fmt: skip
    if unit is None:
        return CountFeedback(Feedback.UNKNOWN, serial, None, seen, Text("floor.count_unknown", serial=serial))
    facts = dict(serial=serial, sku=unit.sku, scans=seen)
    if unit.status not in _ON_SHELF:
        status = Text(f"status.{unit.status}")
        return CountFeedback(Feedback.NOT_ON_SHELF, **facts, message=Text("floor.count_not_on_shelf", serial=serial, status=status))
    if count.location_id is None or unit.location_id == count.location_id:
        return CountFeedback(Feedback.HERE, **facts, message=Text("floor.count_here", serial=serial, sku=unit.sku))
    where = session.scalar(select(Location.code).where(Location.id == unit.location_id))
    return CountFeedback(Feedback.ELSEWHERE, **facts, message=Text("floor.count_elsewhere", serial=serial, location=where))
