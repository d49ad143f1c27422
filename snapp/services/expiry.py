"""Expiry: stock on our shelves that has expired or soon will, and the first-expiring-first advice on a move.

An item's units carry an expiry (a GS1 scan's AI 17, or a file's Expiry
column). Issuing or shipping a unit while one of the same item that expires
earlier stays on the shelf is allowed: the move says so, as advice, and the
list of expiring stock shows what to take first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, Location, Serial
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Permission
from snapp.domain.statuses import having
from snapp.errors import Problem, Text, ValidationError
from snapp.services.base import PAGE_MAX, UnitOfWork, among, service
from snapp.services.batches import expiring_quantity


@dataclass(frozen=True)
class ExpiringUnit:
    serial: str
    sku: str
    item_name: str
    batch: str | None
    expiry: dt.date
    status: str
    location: str | None
    days_left: int  # negative: expired that many days ago


_SHELF = having("on_shelf")


def expiring_query(columns: Sequence, until: dt.date) -> Select:
    """Units on our shelves expiring on or before ``until``, first-expiring first."""
    return (
        select(*columns)
        .select_from(Serial)
        .join(Item, Item.id == Serial.item_id)
        .outerjoin(Location, Location.id == Serial.location_id)
        .where(Serial.expiry.is_not(None), Serial.expiry <= until, Serial.status.in_(_SHELF))
    )


@service(Permission.VIEW, write=False)
def expiring(uow: UnitOfWork, days: int = 30, *, today: dt.date | None = None, limit: int = PAGE_MAX) -> list[ExpiringUnit]:
    """Stock on our shelves that has expired or expires within ``days``, first-expiring first."""
    if not 0 <= days <= 36_500:
        raise ValidationError(Problem("days", str(days), "days", Text("recall.days", most=36_500)))
    today = today or dt.date.today()
    query = expiring_query(
        [Serial.serial, Item.sku, Item.name, Serial.batch, Serial.expiry, Serial.status, Location.code],
        today + dt.timedelta(days=days),
    ).order_by(Serial.expiry, Item.sku, Serial.serial).limit(limit)
    return [ExpiringUnit(*row, (row.expiry - today).days) for row in uow.session.execute(query)]


def expiry_counts(session: Session, today: dt.date, days: int) -> tuple[int, int]:
    """(expired, expiring within ``days``) units on our shelves, serial units and pieces of batch stock alike:
    the dashboard's two figures."""
    yesterday, until = today - dt.timedelta(days=1), today + dt.timedelta(days=days)
    expired = (session.scalar(expiring_query([func.count()], yesterday)) or 0) + expiring_quantity(session, yesterday)
    soon = (session.scalar(expiring_query([func.count()], until)) or 0) + expiring_quantity(session, until)
    return expired, soon - expired


def earlier_expiring(session: Session, action: Action, unit_ids: Sequence[int]) -> list[Text]:
    """Advice after ``action`` moved ``unit_ids``: per item, units it could have taken instead that expire earlier.

    Called once the units have moved, so they are no longer among those that could have.
    """
    latest: dict[int, dt.date] = {}
    for condition in among(session, Serial.id, list(unit_ids)):
        for item_id, expiry in session.execute(select(Serial.item_id, func.max(Serial.expiry)).where(condition)
                                               .group_by(Serial.item_id)):  # fmt: skip
            if expiry is not None:
                latest[item_id] = max(expiry, latest.get(item_id, expiry))
    advice = []
    for item_id, expiry in sorted(latest.items()):
        instead = (Serial.item_id == item_id, Serial.expiry < expiry, Serial.status.in_(TRANSITIONS[action].sources))
        count = session.scalar(select(func.count()).select_from(Serial).where(*instead))
        if count:
            first = session.execute(select(Serial.serial, Serial.expiry, Item.sku).join(Item, Item.id == Serial.item_id)
                                    .where(*instead).order_by(Serial.expiry, Serial.serial).limit(1)).one()  # fmt: skip
            advice.append(Text("recall.earlier_expiry", sku=first.sku, count=count, serial=first.serial,
                               expiry=first.expiry.isoformat()))  # fmt: skip
    return advice
