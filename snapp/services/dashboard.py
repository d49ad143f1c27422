"""The figures on the dashboard, each one indexed query."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, PurchaseOrder, Receipt, Serial
from snapp.domain.purchasing import RECEIVABLE, POStatus
from snapp.domain.permissions import Permission
from snapp.domain.statuses import Status, having
from snapp.domain.warranty import add_months
from snapp.services.base import UnitOfWork, service, utc_midnight
from snapp.services.expiry import expiry_counts

# Units whose warranty still matters to us: ours, on a shelf, out on issue or being repaired.
_HELD = having("held")


@dataclass(frozen=True)
class Dashboard:
    by_status: dict[str, int]
    receipts_this_week: int
    warranty_ending: int  # within `window` days
    open_pos: int
    draft_pos: int
    window: int
    expired: int = 0  # units on our shelves past their expiry
    expiring: int = 0  # units on our shelves expiring within `window` days


def warranty_ending(session: Session, today: dt.date, window: int) -> list[ColumnElement[bool]]:
    """Per item, the units whose supplier warranty ends between ``today`` and ``window`` days later.

    Warranty end = received + the item's months; inverted per item into a range on received_at (indexed).
    """
    return [
        and_(
            Serial.item_id == item_id,
            Serial.received_at >= utc_midnight(add_months(today, -months)),
            Serial.received_at < utc_midnight(add_months(today + dt.timedelta(days=window + 1), -months)),
        )
        for item_id, months in session.execute(select(Item.id, Item.warranty_months).where(Item.warranty_months > 0))
    ]


@service(Permission.VIEW, write=False)
def summary(uow: UnitOfWork, today: dt.date | None = None, window: int = 30) -> Dashboard:
    session = uow.session
    today = today or dt.date.today()
    counts = dict(session.execute(select(Serial.status, func.count()).group_by(Serial.status)).all())
    by_status = {status.value: counts.get(status.value, 0) for status in Status}
    monday = dt.datetime.combine(today - dt.timedelta(days=today.weekday()), dt.time(), tzinfo=dt.UTC)
    receipts = session.scalar(select(func.count()).select_from(Receipt).where(Receipt.received_at >= monday))
    ranges = warranty_ending(session, today, window)
    ending = 0
    if ranges:
        ending = session.scalar(
            select(func.count()).select_from(Serial).where(Serial.status.in_(_HELD), or_(*ranges))
        )
    expired, expiring = expiry_counts(session, today, window)
    po_counts = dict(session.execute(select(PurchaseOrder.status, func.count()).group_by(PurchaseOrder.status)).all())
    return Dashboard(
        by_status,
        receipts or 0,
        ending or 0,
        sum(po_counts.get(s.value, 0) for s in RECEIVABLE),
        po_counts.get(POStatus.DRAFT.value, 0),
        window,
        expired,
        expiring,
    )
