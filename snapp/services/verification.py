"""Scan-to-verify: decode each code, find what the ledger knows, give one verdict, record it.

Every verification is written to the ``verifications`` table; every one that
does not pass opens an exception for a person (`snapp.services.exceptions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, SerialEvent, Verification
from snapp.domain.permissions import Permission
from snapp.domain.scan import CAPS_LOCK_WARNING, Reading, ScannerProfile, decode
from snapp.domain.verify import ItemFacts, Judgement, UnitFacts, Verdict, judge
from snapp.services.base import UnitOfWork, check_page, service
from snapp.services.exceptions import ExceptionKind, NewException, open_exception
from snapp.services.lookup import units_by_serial


@dataclass(frozen=True)
class VerificationResult:
    raw: str
    verdict: str
    message: str
    kind: str | None  # what the code was read as (snapp.domain.scan.Kind)
    serial: str | None
    gtin: str | None
    warnings: list[str] = field(default_factory=list)
    unit: UnitFacts | None = None
    exception_id: int | None = None

    @property
    def passed(self) -> bool:
        return self.exception_id is None


@dataclass(frozen=True)
class Found:
    """What the ledger holds for one reading."""

    reading: Reading
    item: ItemFacts | None
    units: list[tuple[int, UnitFacts]]  # (unit id, facts)
    warnings: tuple[str, ...] = ()


def find(session: Session, reading: Reading, sku: str | None = None) -> Found:
    """The item the reading's GTIN names and the units carrying its serial; Caps Lock and dropped GS tried too."""
    item = None
    if reading.gtin:
        row = session.execute(select(Item.sku, Item.name, Item.gtin).where(Item.gtin == reading.gtin)).first()
        item = ItemFacts(*row) if row else None
    if not reading.ok:
        return Found(reading, item, [])
    units = _units(session, reading.serial, sku)
    warnings: tuple[str, ...] = ()
    if not units and not reading.caps_lock:
        flipped = reading.serial.swapcase()
        if flipped != reading.serial and (units := _units(session, flipped, sku)):
            warnings = (f"{CAPS_LOCK_WARNING}: read {reading.serial!r} as {flipped!r}",)
    for alternative in reading.alternatives if not units else ():
        if units := _units(session, alternative, sku):
            warnings = (f"read as serial {alternative!r}: the scanner seems to have dropped a GS separator",)
            break
    return Found(reading, item, units, warnings)


def _units(session: Session, serial: str, sku: str | None) -> list[tuple[int, UnitFacts]]:
    found = []
    for row in units_by_serial(session, serial):
        if sku and row.sku != sku:
            continue
        facts = UnitFacts(row.serial, row.sku, row[3], row.gtin, row.status, row[6], row[8], row[10], row[11],
                          row.received_at)  # fmt: skip
        found.append((row.id, facts))
    return found


def _last_move(session: Session, unit_id: int, facts: UnitFacts) -> UnitFacts:
    event = session.execute(
        select(SerialEvent.action, SerialEvent.at, SerialEvent.ref)
        .where(SerialEvent.serial_id == unit_id)
        .order_by(SerialEvent.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return facts
    return UnitFacts(**{**facts.__dict__, "last_action": event.action, "last_at": event.at, "last_ref": event.ref})


@service(Permission.VIEW)
def verify(
    uow: UnitOfWork, codes: Sequence[str], *, profile: ScannerProfile | None = None, sku: str | None = None
) -> list[VerificationResult]:
    """One verdict per scanned code, each recorded; every verdict that does not pass opens an exception."""
    session = uow.session
    results = []
    for raw in codes:
        reading = decode(raw, profile)
        found = find(session, reading, sku)
        units = [(unit_id, _last_move(session, unit_id, facts)) for unit_id, facts in found.units]
        judgement = judge(found.reading, found.item, [facts for _, facts in units])
        unit_id = next((uid for uid, facts in units if facts == judgement.unit), None)
        exception_id = None
        if not judgement.passed:
            exception_id = open_exception(session, uow.actor.name, _exception(reading, judgement, unit_id))
        session.execute(
            insert(Verification),
            {
                "at": dt.datetime.now(dt.UTC), "user_name": uow.actor.name, "raw": raw[:500],
                "kind": reading.kind, "gtin": reading.gtin, "serial": reading.serial, "verdict": judgement.verdict.value,
                "message": judgement.message, "serial_id": unit_id, "exception_id": exception_id,
            },
        )  # fmt: skip
        results.append(
            VerificationResult(
                raw, judgement.verdict.value, judgement.message, reading.kind, reading.serial, reading.gtin,
                [*reading.warnings, *found.warnings], judgement.unit, exception_id,
            )  # fmt: skip
        )
    return results


def _exception(reading: Reading, judgement: Judgement, unit_id: int | None) -> NewException:
    kind = ExceptionKind.REAPPEARED if judgement.verdict is Verdict.REAPPEARED else ExceptionKind.VERIFICATION
    subject = reading.serial or reading.raw
    return NewException(kind, subject, f"{judgement.verdict.value}: {judgement.message}", "verification", unit_id)


@dataclass(frozen=True)
class VerificationLogEntry:
    at: dt.datetime
    user: str
    raw: str
    verdict: str
    message: str
    exception_id: int | None


@service(Permission.VIEW, write=False)
def recent_verifications(uow: UnitOfWork, *, verdict: str | None = None, limit: int = 50) -> list[VerificationLogEntry]:
    """The verification log, newest first (the Verify screen's history, the audit report's list)."""
    check_page(limit)
    query = select(
        Verification.at, Verification.user_name, Verification.raw, Verification.verdict, Verification.message,
        Verification.exception_id,
    ).order_by(Verification.id.desc()).limit(limit)  # fmt: skip
    if verdict:
        query = query.where(Verification.verdict == Verdict(verdict))
    return [VerificationLogEntry(*row) for row in uow.session.execute(query)]
