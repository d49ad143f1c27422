"""The exceptions desk: one list of everything that needs a person.

Exceptions are opened by the actions that find them (a refused receipt, a
failed verification, a closed stocktake) and resolved by a person, who says how.
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
from typing import TypeVar

from sqlalchemy import func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from snapp.db.models import ExceptionCase, exceptions_table, utcnow
from snapp.domain.capture import Reason
from snapp.domain.permissions import Permission, allows
from snapp.domain.statuses import ALL, EXCEPTION, ExceptionKind, ExceptionStatus, listed
from snapp.errors import Conflict, NotFound, PermissionDenied, Problem, Text, ValidationError, restored, stored
from snapp.services.base import Context, UnitOfWork, check_page, service

log = logging.getLogger(__name__)
R = TypeVar("R")


OPEN, RESOLVED = ExceptionStatus.OPEN, ExceptionStatus.RESOLVED
_SCAN_REASONS = frozenset(reason.value for reason in Reason)
# Whoever may change stock or orders may settle what went wrong with them; auditors only look.
RESOLVERS = (Permission.MOVE, Permission.SERVICE, Permission.PURCHASING)


@dataclass(frozen=True)
class NewException:
    kind: ExceptionKind
    subject: str
    detail: str  # a Text, kept as its code and values so that each reader gets it in their language
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
        "kind": case.kind.value, "status": OPEN, "subject": case.subject[:200], "ref": case.ref, "detail": stored(case.detail),
        "serial_id": case.serial_id, "opened_at": utcnow(), "opened_by": user_name,
    }  # fmt: skip


# A detail that lists many things (a stocktake's missing units) says what happened, then LISTED, then the list.
LISTED = " — "


def gist(detail: str) -> str:
    """What happened, without the list a detail may carry: short enough for a question or a notification."""
    return detail.split(LISTED, 1)[0]


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
                cases.append(NewException(ExceptionKind.REJECTED_SCAN, problem.value or problem.position, _said(problem), ref))
            else:
                more += 1  # counted, not said: saying 600,000 of them took longer than the refusal itself
    if more:
        reasons = Counter(problem.reason for problem in problems if problem.reason in _SCAN_REASONS)
        summary = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        cases.append(NewException(ExceptionKind.REJECTED_SCAN, ref, Text("exceptions.more_rejected", more=more, summary=summary), ref))
    open_exceptions(uow.session, uow.actor.name, cases)


def _said(problem: Problem) -> Text:
    """A rejected scan's problem as one sentence: where, what was scanned, why."""
    return Text("exceptions.rejected_detail", position=problem.position, value=f" {problem.value!r}" if problem.value else "",
                message=problem.message)  # fmt: skip


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
    """Newest first; ``status`` None or ``ALL`` lists open and resolved alike."""
    check_page(limit, offset)
    query = select(ExceptionCase).order_by(ExceptionCase.id.desc()).limit(limit).offset(offset)
    problems = [
        Problem(Text(f"exceptions.{field}"), value, field, Text("exceptions.one_of", choices=listed(choices)))
        for field, value, choices in (("status", status, EXCEPTION.states), ("kind", kind, tuple(ExceptionKind)))
        if value and value not in choices and (field, value) != ("status", ALL)
    ]
    if problems:
        raise ValidationError(problems)
    if status := EXCEPTION.among(status):
        query = query.where(ExceptionCase.status == status)
    if kind:
        query = query.where(ExceptionCase.kind == kind)
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
        raise PermissionDenied("exceptions.may_not_resolve", user=uow.actor.name, role=uow.actor.role)
    text = resolution.strip()
    if not text:
        raise ValidationError(Problem(Text("exceptions.resolution"), "", "resolution", Text("exceptions.say_how")))
    # A number no id column holds names no exception; the database would fail on it instead.
    row = uow.session.get(ExceptionCase, exception_id, with_for_update=True) if 0 < exception_id < 2**31 else None
    if row is None:
        raise NotFound("exceptions.not_found", id=exception_id)
    if not EXCEPTION.can(row.status, "resolve"):
        raise Conflict("exceptions.already_resolved", id=exception_id, user=row.resolved_by, resolution=row.resolution)
    before = row.status
    row.status = EXCEPTION.target("resolve")
    row.resolved_by, row.resolved_at, row.resolution = uow.actor.name, utcnow(), text
    uow.session.flush()
    uow.audit("exception.resolve", "exception", str(exception_id), before={"status": before},
              after={"status": row.status, "resolution": text, "kind": row.kind, "subject": row.subject})  # fmt: skip
    return _record(row)


def _record(row: ExceptionCase) -> ExceptionRecord:
    return ExceptionRecord(
        row.id, row.kind, row.status, row.subject, row.ref, restored(row.detail), row.opened_at, row.opened_by,
        row.resolved_at, row.resolved_by, row.resolution,
    )  # fmt: skip
