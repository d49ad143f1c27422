"""The exceptions desk: one list of everything that needs a person.

Exceptions are opened by the actions that find them (a refused receipt, a
failed verification, a closed count) and resolved by a person, who says how.
Opening one is not audited separately: the row itself records who, when and
why, and a refused receipt must leave the audit trail as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from snapp.db.models import ExceptionCase, exceptions_table, utcnow
from snapp.domain.capture import Reason
from snapp.domain.permissions import Permission, allows
from snapp.errors import Conflict, NotFound, PermissionDenied, Problem, ValidationError
from snapp.services.base import Context, UnitOfWork, check_page, service

log = logging.getLogger(__name__)
R = TypeVar("R")


class ExceptionKind(StrEnum):
    REJECTED_SCAN = "rejected_scan"  # a serial refused during a receipt
    OVER_DELIVERY = "over_delivery"  # more units delivered than the PO line has open
    VERIFICATION = "verification"  # a scan-to-verify that did not pass
    REAPPEARED = "reappeared"  # a shipped, scrapped, returned or lost unit scanned again
    STOCKTAKE = "stocktake"  # a count discrepancy: missing, unexpected, unknown


OPEN, RESOLVED = "open", "resolved"
_SCAN_REASONS = frozenset(reason.value for reason in Reason)
# Whoever may change stock or orders may settle what went wrong with them; auditors only look.
RESOLVERS = (Permission.MOVE, Permission.SERVICE, Permission.PURCHASING)


@dataclass(frozen=True)
class NewException:
    kind: ExceptionKind
    subject: str
    detail: str
    ref: str | None = None
    serial_id: int | None = None


@dataclass(frozen=True)
class ExceptionRecord:
    id: int
    kind: str
    status: str
    subject: str
    ref: str | None
    detail: str
    opened_at: dt.datetime
    opened_by: str
    resolved_at: dt.datetime | None
    resolved_by: str | None
    resolution: str | None


def open_exceptions(session: Session, user_name: str, cases: Sequence[NewException]) -> None:
    """Open ``cases`` in the caller's transaction, in one statement."""
    if cases:
        session.execute(insert(exceptions_table), [_row(case, user_name) for case in cases])


def open_exception(session: Session, user_name: str, case: NewException) -> int:
    """Open one case in the caller's transaction; returns its id."""
    return session.execute(insert(exceptions_table).returning(exceptions_table.c.id), _row(case, user_name)).scalar_one()


def _row(case: NewException, user_name: str) -> dict:
    return {
        "kind": case.kind.value, "status": OPEN, "subject": case.subject[:200], "ref": case.ref, "detail": case.detail,
        "serial_id": case.serial_id, "opened_at": utcnow(), "opened_by": user_name,
    }  # fmt: skip


# A refused file of thousands of bad rows is one mistake, not thousands of cases for the desk.
MAX_PER_REFUSAL = 100


@service(Permission.VIEW)
def _open_for_refusal(uow: UnitOfWork, ref: str, problems: Sequence[Problem]) -> None:
    cases, more = [], 0
    for problem in problems:
        if problem.reason == Reason.OVER_RECEIPT:
            cases.append(NewException(ExceptionKind.OVER_DELIVERY, ref, problem.message, ref))
        elif problem.reason in _SCAN_REASONS:
            if len(cases) < MAX_PER_REFUSAL:
                cases.append(NewException(ExceptionKind.REJECTED_SCAN, problem.value or problem.position, str(problem), ref))
            else:
                more += 1  # counted, not said: saying 600,000 of them took longer than the refusal itself
    if more:
        reasons = Counter(problem.reason for problem in problems if problem.reason in _SCAN_REASONS)
        summary = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        cases.append(NewException(ExceptionKind.REJECTED_SCAN, ref, f"{more} more rejected scans "
                                  f"(of all rejections: {summary}); the refusal listed each", ref))  # fmt: skip
    open_exceptions(uow.session, uow.actor.name, cases)


def refusals_to_desk(ref: Callable[..., str]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Wrap a service so that, once a refusal of it has rolled back, its rejected scans open exceptions.

    They are written in a short transaction of their own, so the refused action
    itself still writes nothing. ``ref(*args, **kwargs)`` names what was refused.
    A failure to record must not hide the refusal the user is about to see.
    """

    def decorate(fn: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(fn)
        def run(ctx: Context, *args, **kwargs) -> R:
            try:
                return fn(ctx, *args, **kwargs)
            except ValidationError as err:
                try:
                    _open_for_refusal(ctx, ref(*args, **kwargs), err.problems)
                except SQLAlchemyError:
                    log.exception("could not record the rejections as exceptions")
                raise

        return run

    return decorate


@service(Permission.VIEW, write=False)
def list_exceptions(
    uow: UnitOfWork, status: str | None = OPEN, kind: str | None = None, *, limit: int = 100, offset: int = 0
) -> list[ExceptionRecord]:
    """Newest first; ``status=None`` lists open and resolved alike."""
    check_page(limit, offset)
    query = select(ExceptionCase).order_by(ExceptionCase.id.desc()).limit(limit).offset(offset)
    if status:
        if status not in (OPEN, RESOLVED):
            raise ValidationError(Problem("status", status, "status", "open or resolved"))
        query = query.where(ExceptionCase.status == status)
    if kind:
        query = query.where(ExceptionCase.kind == ExceptionKind(kind))
    return [_record(row) for row in uow.session.scalars(query)]


@service(Permission.VIEW, write=False)
def open_exception_counts(uow: UnitOfWork) -> dict[str, int]:
    """Open exceptions per kind, for the dashboard."""
    rows = uow.session.execute(
        select(ExceptionCase.kind, func.count()).where(ExceptionCase.status == OPEN).group_by(ExceptionCase.kind)
    )
    return {kind: n for kind, n in rows}


@service(Permission.VIEW)
def resolve_exception(uow: UnitOfWork, exception_id: int, resolution: str) -> ExceptionRecord:
    """Close an exception saying how it was settled; who and when are recorded and audited."""
    if not any(allows(uow.actor.role, p) for p in RESOLVERS):
        raise PermissionDenied(f"{uow.actor.name} ({uow.actor.role}) may look at exceptions but not resolve them")
    text = resolution.strip()
    if not text:
        raise ValidationError(Problem("resolution", "", "resolution", "say how the exception was resolved"))
    # A number no id column holds names no exception; the database would fail on it instead.
    row = uow.session.get(ExceptionCase, exception_id, with_for_update=True) if 0 < exception_id < 2**31 else None
    if row is None:
        raise NotFound(f"no exception #{exception_id}")
    if row.status == RESOLVED:
        raise Conflict(f"exception #{exception_id} was already resolved by {row.resolved_by}: {row.resolution}")
    row.status, row.resolved_by, row.resolved_at, row.resolution = RESOLVED, uow.actor.name, utcnow(), text
    uow.session.flush()
    uow.audit("exception.resolve", "exception", str(exception_id), before={"status": OPEN},
              after={"status": RESOLVED, "resolution": text, "kind": row.kind, "subject": row.subject})  # fmt: skip
    return _record(row)


def _record(row: ExceptionCase) -> ExceptionRecord:
    return ExceptionRecord(
        row.id, row.kind, row.status, row.subject, row.ref, row.detail, row.opened_at, row.opened_by,
        row.resolved_at, row.resolved_by, row.resolution,
    )  # fmt: skip
