"""Scan-to-verify: decode each code, find what the ledger knows, give one verdict, record it.

Every verification is written to the ``verifications`` table; every one that
does not pass opens an exception for a person (`snapp.services.exceptions`).
The verdict's explanation is stored as its code and values (JSON in the
``message`` column), so the log can be said again in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from snapp.db.models import Item, SerialEvent, Verification
from snapp.domain.permissions import Permission
from snapp.domain.scan import Reading, ScannerProfile
from snapp.domain.verify import ItemFacts, Judgement, UnitFacts, Verdict, judge
from snapp.errors import Text, restored, stored
from snapp.services import manifests
from snapp.services.aftersales import open_rma_of
from snapp.services.base import UnitOfWork, check_page, service
from snapp.services.customers import latest_handovers
from snapp.services.exceptions import ExceptionKind, NewException, open_exception
from snapp.services.units import Resolved, resolve


@dataclass(frozen=True)
class VerificationResult:
    raw: str
    verdict: str
    message: Text
    kind: str | None  # what the code was read as (snapp.domain.scan.Kind)
    serial: str | None
    gtin: str | None
    warnings: list[Text] = field(default_factory=list)
    unit: UnitFacts | None = None
    exception_id: int | None = None
    manifest: Text | None = None  # whether the unit was on its supplier's manifest (snapp.services.manifests)

    @property
    def passed(self) -> bool:
        return self.exception_id is None


def _item(session: Session, gtin: str | None) -> ItemFacts | None:
    if not gtin:
        return None
    row = session.execute(select(Item.sku, Item.name, Item.gtin).where(Item.gtin == gtin)).first()
    return ItemFacts(*row) if row else None


def _facts(found: Resolved, sku: str | None) -> list[tuple[int, UnitFacts]]:
    """The units carrying the serial (a SKU given rules the others out; a GTIN is the verdict's to weigh)."""
    rows = found.units if sku else found.units + found.others
    return [
        (row.id, UnitFacts(row.serial, row.sku, row.item_name, row.gtin, row.status, row.location, row.supplier, row.po,
                           row.receipt, row.received_at))  # fmt: skip
        for row in rows
    ]


def _last_move(session: Session, unit_id: int, facts: UnitFacts) -> UnitFacts:
    event = session.execute(
        select(SerialEvent.action, SerialEvent.at, SerialEvent.ref)
        .where(SerialEvent.serial_id == unit_id)
        .order_by(SerialEvent.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return facts
    holder = latest_handovers(session, [unit_id]).get(unit_id)
    customer = holder.customer if holder and holder.action != "issue" else None
    return UnitFacts(**{**facts.__dict__, "last_action": event.action, "last_at": event.at, "last_ref": event.ref,
                        "customer": customer, "open_rma": open_rma_of(session, unit_id) if customer else None})


@service(Permission.VIEW)
def verify(
    uow: UnitOfWork, codes: Sequence[str], *, profile: ScannerProfile | None = None, sku: str | None = None
) -> list[VerificationResult]:
    """One verdict per scanned code, each recorded; every verdict that does not pass opens an exception."""
    session = uow.session
    results = []
    for raw, found in zip(codes, resolve(session, codes, profile=profile, sku=sku), strict=True):
        reading = found.reading
        units = [(unit_id, _last_move(session, unit_id, facts)) for unit_id, facts in _facts(found, sku)]
        judgement = judge(reading, _item(session, reading.gtin), [facts for _, facts in units])
        unit_id = next((uid for uid, facts in units if facts == judgement.unit), None)
        exception_id = None
        if not judgement.passed:
            exception_id = open_exception(session, uow.actor.name, _exception(reading, judgement, unit_id))
        session.execute(
            insert(Verification),
            {
                "at": dt.datetime.now(dt.UTC), "user_name": uow.actor.name, "raw": raw[:500],
                "kind": reading.kind, "gtin": reading.gtin, "serial": reading.serial, "verdict": judgement.verdict.value,
                "message": stored(judgement.message), "serial_id": unit_id, "exception_id": exception_id,
            },
        )  # fmt: skip
        results.append(
            VerificationResult(
                raw, judgement.verdict.value, judgement.message, reading.kind, reading.serial, reading.gtin,
                list(found.warnings), judgement.unit, exception_id,
                manifests.manifest_note(session, unit_id) if unit_id is not None else None,
            )  # fmt: skip
        )
    return results


def _exception(reading: Reading, judgement: Judgement, unit_id: int | None) -> NewException:
    kind = ExceptionKind.REAPPEARED if judgement.verdict is Verdict.REAPPEARED else ExceptionKind.VERIFICATION
    subject = reading.serial or reading.raw
    detail = Text("exceptions.verdict_detail", verdict=Text(f"verdict.{judgement.verdict.value}"), message=judgement.message)
    return NewException(kind, subject, detail, "verification", unit_id)


@dataclass(frozen=True)
class VerificationLogEntry:
    at: dt.datetime
    user: str
    raw: str
    verdict: str
    message: str  # a Text, except in rows written before explanations were stored as codes
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
    return [VerificationLogEntry(at, user, raw, verdict_, restored(message), exception_id)
            for at, user, raw, verdict_, message, exception_id in uow.session.execute(query)]  # fmt: skip
