"""Reading the audit trail and checking its hash chain."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from snapp.db.backup import require_sound
from snapp.db.engine import Database
from snapp.db.models import audit_table, chain_head_table
from snapp.domain.auditchain import ChainEntry, ChainReport, verify
from snapp.domain.permissions import Permission
from snapp.errors import Text
from snapp.services.base import UnitOfWork, by_person, check_page, service

_ENTRY_COLUMNS = [audit_table.c[name] for name in ChainEntry.__dataclass_fields__]


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None  # exact, or a prefix ending in "." ("po." = every PO change)
    entity: str | None = None
    key: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: dt.datetime
    user: str
    action: str
    entity: str
    key: str
    before: Any
    after: Any


@service(Permission.AUDIT, write=False)
def verify_chain(uow: UnitOfWork, expected_head: str | None = None) -> ChainReport:
    """Check every entry against its hash and its place; name the first that is wrong.

    The report's ``head_hash`` is what the monthly audit report prints;
    ``expected_head`` is such a printed hash, which must still be in the trail.
    An intact chain in a damaged file vouches for nothing: the file is checked too.
    """
    require_sound(uow.ctx.db)
    return chain_report(uow.session, expected_head)


def chain_report_of(db: Database) -> ChainReport:
    """The chain checked, for code that already holds the right to (a restore, checking what it restored)."""
    with db.session(write=False) as session:
        return chain_report(session)


def chain_report(session: Session, expected_head: str | None = None) -> ChainReport:
    """The chain checked against the recorded head.

    On PostgreSQL each statement sees what was committed before it began: an
    entry appended between reading the head and reading the entries would look
    like one slipped in behind SNApp's back. A bad verdict against a head that
    has moved since is therefore made again, a bounded number of times (an
    SQLite read transaction is one snapshot: its head never moves).
    """
    for _ in range(CHECK_ATTEMPTS):
        head = _head(session)
        report = verify(_entries(session), head, expected_head)
        if report.ok or _head(session) == head:
            break
    return report


CHECK_ATTEMPTS = 3


def _head(session: Session) -> tuple[int, str]:
    seq, hash_ = session.execute(select(chain_head_table.c.seq, chain_head_table.c.hash)).one()
    return seq, hash_


def _entries(session: Session) -> Iterator[ChainEntry]:
    rows = session.execute(select(*_ENTRY_COLUMNS).order_by(audit_table.c.seq).execution_options(yield_per=2_000))
    for row in rows:
        yield ChainEntry(*row)


@service(Permission.AUDIT, write=False)
def list_entries(
    uow: UnitOfWork, where: AuditFilter = AuditFilter(), *, limit: int = 100, offset: int = 0, newest_first: bool = True
) -> list[AuditRecord]:
    check_page(limit, offset)
    t = audit_table.c
    query = select(t.seq, t.at, t.user_name, t.action, t.entity, t.entity_key, t.before, t.after)
    if where.user:
        query = query.where(by_person(t.user_name, where.user))
    if where.action:
        query = query.where(
            t.action.startswith(where.action) if where.action.endswith(".") else t.action == where.action
        )
    if where.entity:
        query = query.where(t.entity == where.entity)
    if where.key:
        query = query.where(t.entity_key == where.key)
    if where.since:
        query = query.where(t.at >= where.since)
    if where.until:
        query = query.where(t.at < where.until)
    query = query.order_by(t.seq.desc() if newest_first else t.seq).limit(limit).offset(offset)
    return [
        AuditRecord(r.seq, r.at, r.user_name, r.action, r.entity, r.entity_key, _load(r.before), _load(r.after))
        for r in uow.session.execute(query)
    ]


@dataclass(frozen=True)
class Alert:
    kind: str  # a key of ALERT_ACTIONS
    user: str
    count: int
    first: dt.datetime
    last: dt.datetime

    @property
    def message(self) -> Text:
        first, last = f"{self.first:%Y-%m-%d %H:%M}", f"{self.last:%H:%M}"
        return Text(f"alert.{self.kind}", count=self.count, user=self.user, first=first, last=last)


ALERT_ACTIONS = {
    "failed_logins": ("login.failed", "login.refused"),
    "refusals": ("access.denied",),
    # Many exports by one person in the period: the register, histories and audit log leaving the building.
    "exports": ("export.serials", "export.history", "export.pos", "export.receipts", "export.audit"),
}


@service(Permission.AUDIT, write=False)
def alerts(uow: UnitOfWork, since: dt.datetime, until: dt.datetime, *, at_least: int = 5) -> list[Alert]:
    """Who had ``at_least`` failed logins, refused actions or exports in the period (dashboard, monthly report)."""
    return alerts_in(uow.session, since, until, at_least=at_least)


def alerts_in(session: Session, since: dt.datetime, until: dt.datetime, *, at_least: int = 5) -> list[Alert]:
    """`alerts` inside a unit of work that is already open."""
    t = audit_table.c
    found = []
    for kind, actions in ALERT_ACTIONS.items():
        query = (
            select(t.user_name, func.count(), func.min(t.at), func.max(t.at))
            .where(t.action.in_(actions), t.at >= since, t.at < until)
            .group_by(t.user_name)
            .having(func.count() >= at_least)
            .order_by(func.count().desc(), t.user_name)
        )
        found += [Alert(kind, *row) for row in session.execute(query)]
    return found


def _load(text: str | None) -> Any:
    return json.loads(text) if text is not None else None
