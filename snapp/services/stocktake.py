"""Stocktake: count a location by scanning, then compare the shelf with the books.

A stocktake stays open (paused or not) until it is closed, and several PCs may
scan into it at once: each scan is an upsert on the unique (stocktake, unit)
constraint that adds to the unit's scan total, so two scanners never lose a
scan or double a unit, and no prior SELECT decides anything. Scans hold a
shared lock on the stocktake and closing an exclusive one, so a scan is either
in the closed stocktake or refused as late.

Closing freezes the outcome per unit in ``stocktake_results``: matched, missing
(expected here, not scanned), unexpected (scanned here, recorded elsewhere or
in another status), unknown (no such unit), and how often each was scanned.
Discrepancies open exceptions: one per unit found where it should not be, and
one per stocktake for all its missing units (a stocktake of a full shelf stopped after
a few scans is one mistake for the desk, not hundreds). "Apply" then moves
wrong-location units here and marks missing ones lost, as ordinary lifecycle
events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Row, and_, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from snapp.db.models import (
    StocktakeEntry,
    StocktakeResult,
    ExceptionCase,
    Item,
    Location,
    Serial,
    Stocktake,
    stocktake_entries_table,
    stocktake_results_table,
    utcnow,
)
from snapp.domain.capture import Source, cell_text
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Permission
from snapp.domain.scan import ScannerProfile, decode
from snapp.domain.statuses import STOCKTAKE, StocktakeStatus, having, meaning
from snapp.errors import IllegalTransition, NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, among, check_page, service
from snapp.services.exceptions import OPEN as EXCEPTION_OPEN
from snapp.services.exceptions import LISTED, RESOLVED, ExceptionKind, NewException, open_exceptions
from snapp.services.lifecycle import record_moves
from snapp.services.masterdata import get_location_row
from snapp.services.units import resolve


class Outcome(StrEnum):
    MATCHED = "matched"
    MISSING = "missing"
    UNEXPECTED = "unexpected"
    UNKNOWN = "unknown"


# What a report lists first: the lines that need a person, then the matches.
DISCREPANCIES = (Outcome.MISSING, Outcome.UNEXPECTED, Outcome.UNKNOWN)
REPORT_ORDER = (*DISCREPANCIES, Outcome.MATCHED)
# The missing units a stocktake's one exception names; the stocktake's report lists every one of them.
MAX_LISTED = 1_000
# How the subject of that exception ends ("250 units missing"): no serial holds a space, so no unit's case ends so.
MISSING_SUBJECT = " missing"

# The audit trail's name for a stocktake (count.start, count.close...), kept from before the feature took one
# name: the trail is hash-chained and never rewritten, and the event feed and the webhooks' subscriptions
# publish count.closed and count.applied, so a new name would split one history and break the subscribers.
AUDITED = "count"
OPEN, CLOSED, APPLIED = StocktakeStatus.OPEN, StocktakeStatus.CLOSED, StocktakeStatus.APPLIED
# Units that left us for good, found on a shelf, are reappearing units, not stocktake slips;
# a lost (missing) unit found is a stocktake's business: apply marks it found.
_GONE = having("gone")
_ON_SHELF = having("on_shelf")


@dataclass(frozen=True)
class StocktakeSummary:
    number: str
    location: str | None  # None: every location
    status: str
    started_at: dt.datetime
    started_by: str
    closed_at: dt.datetime | None
    units_scanned: int
    scans: int


@dataclass(frozen=True)
class ScanBatch:
    """What one call of `scan` did: scans taken, scans of units already in the stocktake, scans refused."""

    accepted: int
    repeated: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StocktakeLine:
    serial: str
    sku: str | None
    recorded_status: str | None
    recorded_location: str | None
    scans: int


@dataclass(frozen=True)
class StocktakeReport:
    number: str
    location: str | None
    status: str
    started_at: dt.datetime
    started_by: str
    closed_at: dt.datetime | None
    closed_by: str | None
    applied_at: dt.datetime | None
    applied_by: str | None
    matched: list[StocktakeLine]
    missing: list[StocktakeLine]
    unexpected: list[StocktakeLine]
    unknown: list[StocktakeLine]
    scanned_twice: list[StocktakeLine]  # scanned more than once, whatever the outcome
    accuracy: float | None  # matched / (matched + missing + unexpected); None when nothing was expected or found

    @property
    def figures(self) -> dict[str, int | float | None]:
        """The numbers a report or dashboard shows."""
        return {
            "matched": len(self.matched), "missing": len(self.missing), "unexpected": len(self.unexpected),
            "unknown": len(self.unknown), "scanned_twice": len(self.scanned_twice), "accuracy": self.accuracy,
        }  # fmt: skip

    def listed(self, *, discrepancies_only: bool = False) -> list[tuple[Outcome, StocktakeLine]]:
        """Each line with its outcome, discrepancies first (missing, unexpected, unknown), then the matches."""
        return [(o, line) for o in (DISCREPANCIES if discrepancies_only else REPORT_ORDER) for line in getattr(self, o.value)]


@dataclass(frozen=True)
class ApplyResult:
    number: str
    transferred: int
    found: int
    lost: int
    left: list[StocktakeLine]  # unexpected units whose status no stocktake may change (shipped, issued...)


# --- start, list -----------------------------------------------------------------------


@service(Permission.STOCKTAKE)
def start_stocktake(uow: UnitOfWork, location: str | None = None, note: str | None = None) -> StocktakeSummary:
    """Open a stocktake of ``location`` (a code), or of every location when None."""
    session = uow.session
    place = get_location_row(session, location) if location else None
    now = utcnow()
    take = Stocktake(location_id=place.id if place else None, status=OPEN, note=note, started_at=now,
                       started_by=uow.actor.name)  # fmt: skip
    session.add(take)
    session.flush()
    take.number = f"CT-{now:%Y}-{take.id:06d}"
    uow.audit(f"{AUDITED}.start", AUDITED, take.number, after={"location": place.code if place else None, "note": note})
    return StocktakeSummary(take.number, place.code if place else None, OPEN, now, uow.actor.name, None, 0, 0)


@service(Permission.VIEW, write=False)
def list_stocktakes(uow: UnitOfWork, status: str | None = None, *, limit: int = 50) -> list[StocktakeSummary]:
    check_page(limit)
    totals = (
        select(StocktakeEntry.stocktake_id, func.count().label("units"), func.sum(StocktakeEntry.scans).label("scans"))
        .group_by(StocktakeEntry.stocktake_id)
        .subquery()
    )
    query = (
        select(Stocktake, Location.code, totals.c.units, totals.c.scans)
        .outerjoin(Location, Location.id == Stocktake.location_id)
        .outerjoin(totals, totals.c.stocktake_id == Stocktake.id)
        .order_by(Stocktake.id.desc())
        .limit(limit)
    )
    if status:
        query = query.where(Stocktake.status == status)
    return [
        StocktakeSummary(c.number, code, c.status, c.started_at, c.started_by, c.closed_at, units or 0, scans or 0)
        for c, code, units, scans in uow.session.execute(query)
    ]


def stocktake_row(session: Session, number: str, *, lock: str | None = None) -> Stocktake:
    query = select(Stocktake).where(Stocktake.number == number.strip().upper())
    if lock == "share":
        query = query.with_for_update(read=True)
    elif lock == "update":
        query = query.with_for_update()
    take = session.scalar(query)
    if take is None:
        raise NotFound("stocktake.not_found", number=number)
    return take


# --- scanning ----------------------------------------------------------------------------


@service(Permission.STOCKTAKE)
def scan(
    uow: UnitOfWork, number: str, sources: Sequence[Source], *, profile: ScannerProfile | None = None
) -> ScanBatch:
    """Add scans to an open stocktake. Unreadable scans are refused one by one; the others are counted."""
    session = uow.session
    take = stocktake_row(session, number, lock="share")
    if take.status != OPEN:
        raise IllegalTransition("stocktake.not_open", number=take.number, status=Text(f"stocktake_status.{take.status}"))
    problems: list[Problem] = []
    warnings: list[str] = []
    readings = []
    for source in sources:
        for i, value in enumerate(source.values):
            text, reason, message = cell_text(value, "serial")
            reading = decode(text, profile) if not reason else None
            if reading is None or not reading.ok:
                problems.append(Problem(source.locate(i), str(value), reason or reading.fault, message or reading.message))
                continue
            readings.append(reading)
            warnings += [f"{source.locate(i)}: {w}" for w in reading.warnings]
    units = _resolve(session, take, readings, warnings)
    now = utcnow()
    batch: dict[str, dict] = {}
    for reading, unit in zip(readings, units, strict=True):
        unit_id = unit.id if unit else None
        key = f"#{unit_id}" if unit_id else f"?{reading.gtin or ''}:{reading.serial}"
        if key in batch:
            batch[key]["scans"] += 1
            continue
        batch[key] = {
            "stocktake_id": take.id, "unit_key": key, "serial_id": unit_id, "serial": (unit.serial if unit else reading.serial)[:64],
            "gtin": reading.gtin, "raw": reading.raw[:500], "scans": 1, "first_at": now, "last_at": now,
            "last_by": uow.actor.name,
        }  # fmt: skip
    before = {
        key
        for condition in among(session, StocktakeEntry.unit_key, list(batch))
        for key in session.scalars(select(StocktakeEntry.unit_key).where(StocktakeEntry.stocktake_id == take.id, condition))
    }
    if batch:
        # Sorted keys: two PCs upserting overlapping batches lock rows in one order and cannot deadlock.
        session.execute(_upsert(session), [batch[key] for key in sorted(batch)])
    repeated = sum(row["scans"] - (0 if key in before else 1) for key, row in batch.items())
    uow.audit(f"{AUDITED}.scan", AUDITED, take.number, after={"scans": len(readings), "refused": len(problems)})
    return ScanBatch(len(readings), repeated, problems, warnings)


def _upsert(session: Session):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(stocktake_entries_table)
    return statement.on_conflict_do_update(
        index_elements=["stocktake_id", "unit_key"],
        set_={
            "scans": stocktake_entries_table.c.scans + statement.excluded.scans,
            "last_at": statement.excluded.last_at,
            "last_by": statement.excluded.last_by,
        },
    )


def _resolve(session: Session, take: Stocktake, readings: list, warnings: list[str]) -> list[Row | None]:
    """The unit each reading names (or None), in one query for the whole batch."""
    units: list[Row | None] = []
    for found in resolve(session, readings, here=take.location_id):
        raw = found.reading.raw
        warnings += [Text("units.scan_warning", raw=raw, warning=w) for w in found.warnings[len(found.reading.warnings):]]
        if len(found.units) > 1:
            warnings.append(Text("units.shared_serial", raw=raw, serial=found.reading.serial))
        units.append(found.unit)
    return units


# --- closing, reporting ------------------------------------------------------------------------


def _outcomes(session: Session, take: Stocktake) -> list[dict]:
    """Every unit's outcome, from the entries and the ledger as they stand now."""
    entries = session.execute(
        select(StocktakeEntry.serial_id, StocktakeEntry.serial, StocktakeEntry.scans, Item.sku, Serial.status, Serial.location_id)
        .outerjoin(Serial, Serial.id == StocktakeEntry.serial_id)
        .outerjoin(Item, Item.id == Serial.item_id)
        .where(StocktakeEntry.stocktake_id == take.id)
    ).all()
    scanned = {e.serial_id for e in entries if e.serial_id}
    expected_query = (
        select(Serial.id, Serial.serial, Item.sku, Serial.status, Serial.location_id)
        .join(Item, Item.id == Serial.item_id)
        .where(Serial.status.in_(_ON_SHELF))
    )
    if take.location_id is not None:
        expected_query = expected_query.where(Serial.location_id == take.location_id)
    expected = set()
    results = []
    for unit_id, serial, sku, status, location_id in session.execute(expected_query):
        expected.add(unit_id)
        if unit_id not in scanned:
            results.append(_result(take, Outcome.MISSING, unit_id, serial, sku, status, location_id, 0))
    for e in entries:
        if e.serial_id is None:
            outcome = Outcome.UNKNOWN
        else:
            outcome = Outcome.MATCHED if e.serial_id in expected else Outcome.UNEXPECTED
        results.append(_result(take, outcome, e.serial_id, e.serial, e.sku, e.status, e.location_id, e.scans))
    return results


def _result(take, outcome, unit_id, serial, sku, status, location_id, scans) -> dict:
    return {
        "stocktake_id": take.id, "outcome": outcome.value, "serial_id": unit_id, "serial": serial, "sku": sku,
        "recorded_status": status, "recorded_location_id": location_id, "scans": scans,
    }  # fmt: skip


@service(Permission.STOCKTAKE)
def close_stocktake(uow: UnitOfWork, number: str) -> StocktakeReport:
    """Freeze the outcome of an open stocktake; every discrepancy opens an exception."""
    session = uow.session
    take = stocktake_row(session, number, lock="update")
    STOCKTAKE.check(Text("subject.stocktake", number=take.number), take.status, "close")
    results = _outcomes(session, take)
    if results:
        session.execute(insert(stocktake_results_table), results)
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    cases = []
    for r in results:
        if r["outcome"] in (Outcome.MATCHED, Outcome.MISSING):
            continue
        where = _where(r["recorded_status"], codes.get(r["recorded_location_id"]))
        reappeared = r["recorded_status"] in _GONE
        detail = Text(f"stocktake.case_{r['outcome']}", number=take.number, where=where)
        kind = ExceptionKind.REAPPEARED if reappeared else ExceptionKind.STOCKTAKE
        cases.append(NewException(kind, r["serial"], detail, take.number, r["serial_id"]))
    if missing := [r for r in results if r["outcome"] == Outcome.MISSING]:
        cases.append(_missing_case(take.number, missing, codes))
    open_exceptions(session, uow.actor.name, cases)
    take.status, take.closed_at, take.closed_by = CLOSED, utcnow(), uow.actor.name
    session.flush()
    report = _report(session, take)
    uow.audit(f"{AUDITED}.close", AUDITED, take.number, after=report.figures)
    return report


def _missing_case(number: str, missing: list[dict], codes: dict[int, str]) -> NewException:
    """One exception for every unit ``number`` expected and did not see, listed by where they should be and item."""
    groups: dict[tuple[str, str], list[str]] = {}
    for r in sorted(missing, key=lambda r: (r["sku"] or "", r["serial"]))[:MAX_LISTED]:
        groups.setdefault((_where(r["recorded_status"], codes.get(r["recorded_location_id"])), r["sku"]), []).append(r["serial"])
    listing = None
    for (where, sku), serials in sorted(groups.items(), reverse=True):  # folded from the last: said in order
        group = Text("stocktake.missing_group", where=where, sku=sku, serials=", ".join(serials))
        listing = group if listing is None else Text("stocktake.missing_groups", first=group, rest=listing)
    more = Text("stocktake.missing_more", n=len(missing) - MAX_LISTED) if len(missing) > MAX_LISTED else ""
    n = f"{len(missing):,} unit{'s' if len(missing) > 1 else ''}"
    code = "stocktake.case_missing" if len(missing) > 1 else "stocktake.case_missing_one"
    detail = Text(code, number=number, n=f"{len(missing):,}", listed=LISTED, listing=listing, more=more)
    return NewException(ExceptionKind.STOCKTAKE, n + MISSING_SUBJECT, detail, number)


def _where(status: str | None, location: str | None) -> Text | str:
    said = Text(f"status.{status}") if status else "—"  # a unit the stocktake did not know had no status then
    return Text("stocktake.where", status=said, location=location) if location else said


@service(Permission.VIEW, write=False)
def stocktake_report(uow: UnitOfWork, number: str) -> StocktakeReport:
    """The figures of a stocktake: final once closed, provisional (as the ledger stands now) while open."""
    return read_report(uow.session, number)


def read_report(session: Session, number: str) -> StocktakeReport:
    """The report of stocktake ``number``, for the services that print or export it."""
    return _report(session, stocktake_row(session, number))


def _report(session: Session, take: Stocktake) -> StocktakeReport:
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    if take.status == OPEN:
        rows = _outcomes(session, take)
    else:
        rows = [
            dict(row._mapping)
            for row in session.execute(
                select(stocktake_results_table).where(stocktake_results_table.c.stocktake_id == take.id).order_by(
                    stocktake_results_table.c.id
                )
            )
        ]
    lines: dict[str, list[StocktakeLine]] = {o.value: [] for o in Outcome}
    twice = []
    for r in rows:
        line = StocktakeLine(r["serial"], r["sku"], r["recorded_status"], codes.get(r["recorded_location_id"]), r["scans"])
        lines[r["outcome"]].append(line)
        if r["scans"] > 1:
            twice.append(line)
    for group in lines.values():
        group.sort(key=lambda line: (line.sku or "", line.serial))
    matched, missing, unexpected = (len(lines[o]) for o in (Outcome.MATCHED, Outcome.MISSING, Outcome.UNEXPECTED))
    involved = matched + missing + unexpected
    return StocktakeReport(
        take.number, codes.get(take.location_id), take.status, take.started_at, take.started_by, take.closed_at,
        take.closed_by, take.applied_at, take.applied_by, lines[Outcome.MATCHED], lines[Outcome.MISSING],
        lines[Outcome.UNEXPECTED], lines[Outcome.UNKNOWN], twice, matched / involved if involved else None,
    )  # fmt: skip


# --- applying ----------------------------------------------------------------------------------


@service(Permission.STOCKTAKE)
def apply_stocktake(uow: UnitOfWork, number: str) -> ApplyResult:
    """Make the books agree with a closed stocktake: wrong-location units move here, lost ones come back, missing ones are lost.

    All or nothing: a unit that has moved since the stocktake was closed refuses
    the whole apply, naming it. Each change is a lifecycle event referring to
    the stocktake; the stocktake's exceptions for the units it settles are resolved.
    """
    session = uow.session
    take = stocktake_row(session, number, lock="update")
    STOCKTAKE.check(Text("subject.stocktake", number=take.number), take.status, "apply")
    rows = session.execute(
        select(StocktakeResult.serial_id, StocktakeResult.outcome, StocktakeResult.serial, StocktakeResult.sku,
               StocktakeResult.recorded_status, StocktakeResult.recorded_location_id, StocktakeResult.scans,
               Serial.status, Serial.location_id)
        .join(Serial, Serial.id == StocktakeResult.serial_id)
        .where(StocktakeResult.stocktake_id == take.id,
               StocktakeResult.outcome.in_([Outcome.MISSING.value, Outcome.UNEXPECTED.value]))
        .order_by(StocktakeResult.id)
    ).all()  # fmt: skip
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    here = take.location_id
    moves: dict[Action, list[tuple[int, str, int | None]]] = {Action.TRANSFER: [], Action.FIND: [], Action.LOSE: []}
    left: list[StocktakeLine] = []
    problems = []
    for r in rows:
        if (r.status, r.location_id) != (r.recorded_status, r.recorded_location_id):
            changed = Text("stocktake.changed", then=_where(r.recorded_status, codes.get(r.recorded_location_id)),
                           now=_where(r.status, codes.get(r.location_id)))  # fmt: skip
            problems.append(Problem(r.serial, r.serial, "changed", changed))
            continue
        unit = (r.serial_id, r.status, r.location_id)
        # A quarantined unit keeps its quarantine: a stocktake neither loses it nor transfers it back into stock.
        if r.outcome == Outcome.MISSING and r.status in TRANSITIONS[Action.LOSE].sources:
            moves[Action.LOSE].append(unit)
        elif here is not None and r.status in TRANSITIONS[Action.TRANSFER].sources:
            moves[Action.TRANSFER].append(unit)
        elif here is not None and meaning(r.status).missing:
            moves[Action.FIND].append(unit)
        else:
            left.append(StocktakeLine(r.serial, r.sku, r.status, codes.get(r.location_id), r.scans))
    if problems:
        raise ValidationError(problems, f"stocktake {take.number} not applied: units moved since it was closed; count again")
    for action, units in moves.items():
        to = None if action is Action.LOSE else here
        record_moves(session, uow.actor.id, action, units, to, ref=take.number, note="stocktake")
    settled = [unit[0] for units in moves.values() for unit in units]
    now = utcnow()
    resolved = dict(status=RESOLVED, resolved_at=now, resolved_by=uow.actor.name, resolution=f"stocktake {take.number} applied")
    mine = and_(ExceptionCase.ref == take.number, ExceptionCase.status == EXCEPTION_OPEN)
    for condition in among(session, ExceptionCase.serial_id, settled):
        session.execute(update(ExceptionCase).where(mine, condition).values(**resolved))
    # The stocktake's one case of missing units is settled once every one of them is marked lost.
    missing = sum(1 for r in rows if r.outcome == Outcome.MISSING)
    if missing == len(moves[Action.LOSE]):
        session.execute(update(ExceptionCase).where(mine, ExceptionCase.serial_id.is_(None),
                                                    ExceptionCase.kind == ExceptionKind.STOCKTAKE,
                                                    ExceptionCase.subject.endswith(MISSING_SUBJECT)).values(**resolved))  # fmt: skip
    take.status, take.applied_at, take.applied_by = APPLIED, now, uow.actor.name
    result = ApplyResult(take.number, len(moves[Action.TRANSFER]), len(moves[Action.FIND]), len(moves[Action.LOSE]), left)
    uow.audit(f"{AUDITED}.apply", AUDITED, take.number, after={
        "transferred": result.transferred, "found": result.found, "lost": result.lost, "left": len(left),
        "units": {a.value: [u[0] for u in units] for a, units in moves.items()},
    })  # fmt: skip
    return result
