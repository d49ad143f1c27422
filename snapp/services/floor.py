"""What a scanning device on the floor needs told at once, beyond what the desktop screens read.

A stocktake's scan is taken by `snapp.services.stocktake.scan`; `stocktake_feedback`
then says what that unit is to this stocktake, as the person holding the scanner
needs it: known here, belongs elsewhere, unknown, scanned twice, or a unit
that is not on any shelf (shipped, scrapped...).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from snapp.db.models import StocktakeEntry, Location
from snapp.domain.permissions import Permission
from snapp.domain.scan import ScannerProfile, decode
from snapp.domain.statuses import having
from snapp.errors import Text
from snapp.services.base import UnitOfWork, service
from snapp.services.stocktake import stocktake_row
from snapp.services.units import resolve


class Feedback(StrEnum):
    HERE = "here"
    ELSEWHERE = "elsewhere"
    UNKNOWN = "unknown"
    TWICE = "twice"
    NOT_ON_SHELF = "not_on_shelf"


_ON_SHELF = having("on_shelf")


@dataclass(frozen=True)
class StocktakeFeedback:
    feedback: Feedback
    serial: str
    sku: str | None
    scans: int  # how often this stocktake has seen the unit, this scan included
    message: Text


@service(Permission.STOCKTAKE, write=False)
def stocktake_feedback(uow: UnitOfWork, number: str, raw: str, *, profile: ScannerProfile | None = None) -> StocktakeFeedback:
    """What the unit ``raw`` names is to stocktake ``number``, once its scan has been taken (read as ``profile`` reads it)."""
    session = uow.session
    take = stocktake_row(session, number)
    [found] = resolve(session, [decode(raw, profile)], here=take.location_id)
    unit = found.unit
    serial = unit.serial if unit else found.reading.serial
    key = f"#{unit.id}" if unit else f"?{found.reading.gtin or ''}:{found.reading.serial}"
    seen = session.scalar(select(StocktakeEntry.scans).where(StocktakeEntry.stocktake_id == take.id, StocktakeEntry.unit_key == key)) or 0
    if seen > 1:
        return StocktakeFeedback(Feedback.TWICE, serial, unit.sku if unit else None, seen,
                             Text("floor.stocktake_twice", serial=serial, scans=seen))  # fmt: skip
    if unit is None:
        return StocktakeFeedback(Feedback.UNKNOWN, serial, None, seen, Text("floor.stocktake_unknown", serial=serial))
    facts = dict(serial=serial, sku=unit.sku, scans=seen)
    if unit.status not in _ON_SHELF:
        status = Text(f"status.{unit.status}")
        return StocktakeFeedback(Feedback.NOT_ON_SHELF, **facts, message=Text("floor.stocktake_not_on_shelf", serial=serial, status=status))
    if take.location_id is None or unit.location_id == take.location_id:
        return StocktakeFeedback(Feedback.HERE, **facts, message=Text("floor.stocktake_here", serial=serial, sku=unit.sku))
    where = session.scalar(select(Location.code).where(Location.id == unit.location_id))
    return StocktakeFeedback(Feedback.ELSEWHERE, **facts, message=Text("floor.stocktake_elsewhere", serial=serial, location=where))
