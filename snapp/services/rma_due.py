"""The day a customer was promised an answer on their return: its default, and which returns are past it.

The desk promises a day when it takes a return back (by default a number of
days from today, a setting of every PC); an open return past that day is
overdue, in the list of returns and in the after-sales alerts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from snapp.db.models import AftersalesSetting, CustomerRma
from snapp.domain.permissions import Permission
from snapp.domain.statuses import RmaStatus
from snapp.errors import Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, service

ANSWER_DAYS, ANSWER_DAYS_MAX = 7, 365
KEY = "answer_days"


def answer_days(session: Session) -> int:
    row = session.get(AftersalesSetting, KEY)
    return int(row.value) if row else ANSWER_DAYS


def promised_day(session: Session, promised_on: dt.date | None, today: dt.date) -> dt.date:
    """The day to promise: the desk's, else the setting's days from ``today``; a day already gone is refused."""
    if promised_on is None:
        return today + dt.timedelta(days=answer_days(session))
    if not isinstance(promised_on, dt.date) or isinstance(promised_on, dt.datetime):
        raise ValidationError(Problem("promised_on", str(promised_on), "promised_on", Text("rma_print.not_a_day")))
    if promised_on < today:
        raise ValidationError(Problem("promised_on", promised_on.isoformat(), "promised_on",
                                      Text("rma_print.promised_past", day=promised_on.isoformat(),
                                           today=today.isoformat())))  # fmt: skip
    return promised_on


def overdue(today: dt.date) -> ColumnElement[bool]:
    """An open return whose promised day has gone by (one received before promises were kept never is)."""
    return (CustomerRma.status == RmaStatus.OPEN) & (CustomerRma.promised_on < today)


def open_return(session: Session, unit_id: int, today: dt.date) -> tuple[str, dt.date | None, bool] | None:
    """The unit's customer return still open: its number, the day its answer was promised, whether that has gone by."""
    found = session.execute(select(CustomerRma.number, CustomerRma.promised_on, overdue(today))
                            .where(CustomerRma.serial_id == unit_id, CustomerRma.status == RmaStatus.OPEN)).first()  # fmt: skip
    return (found[0], found[1], bool(found[2])) if found else None


@service(Permission.ADMIN)
def set_answer_days(uow: UnitOfWork, days: int) -> int:
    """How many days from its arrival a return's answer is promised by default, for every PC."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= ANSWER_DAYS_MAX:
        raise ValidationError(Problem("days", str(days), "days", Text("validation.between", low=0, high=ANSWER_DAYS_MAX)))
    before = answer_days(uow.session)
    row = uow.session.get(AftersalesSetting, KEY)
    if row is None:
        uow.session.add(AftersalesSetting(key=KEY, value=str(days)))
    else:
        row.value = str(days)
    uow.session.flush()
    uow.audit("setting.answer_days", "setting", KEY, before=before, after=days)
    return days


@service(Permission.VIEW, write=False)
def get_answer_days(uow: UnitOfWork) -> int:
    return answer_days(uow.session)
