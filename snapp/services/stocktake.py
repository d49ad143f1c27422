"""Stocktake: count a location by scanning, then compare the shelf with the books.

A count stays open (paused or not) until it is closed, and several PCs may
scan into it at once: each scan is an upsert on the unique (count, unit)
constraint that adds to the unit's scan total, so two scanners never lose a
scan or double a unit, and no prior SELECT decides anything. Scans hold a
shared lock on the count and closing an exclusive one, so a scan is either
in the closed count or refused as late.

Closing freezes the outcome per unit in ``count_results``: matched, missing
(expected here, not scanned), unexpected (scanned here, recorded elsewhere or
in another status), unknown (no such unit), and how often each was scanned.
Discrepancies open exceptions: one per unit found where it should not be, and
one per count for all its missing units (a count of a full shelf stopped after
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
    CountEntry,
    CountResult,
    ExceptionCase,
    Item,
    Location,
    Serial,
    StockCount,
    count_entries_table,
    count_results_table,
    utcnow,
)
from snapp.domain.capture import Source, cell_text
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Permission
from snapp.domain.scan import ScannerProfile, decode
from snapp.domain.statuses import COUNT, CountStatus, having, meaning
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
# The missing units a count's one exception names; the count's report lists every one of them.
MAX_LISTED = 1_000
# How the subject of that exception ends ("250 units missing"): no serial holds a space, so no unit's case ends so.
MISSING_SUBJECT = " missing"

OPEN, CLOSED, APPLIED = CountStatus.OPEN, CountStatus.CLOSED, CountStatus.APPLIED
# Units that left us for good, found on a shelf, are reappearing units, not count slips;
# a lost (missing) unit found is a count's business: apply marks it found.
_GONE = having("gone")
_ON_SHELF = having("on_shelf")


@dataclass(frozen=True)
class CountSummary:
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
    """What one call of `scan` did: scans taken, scans of units already in the count, scans refused."""

    accepted: int
    repeated: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CountLine:
    serial: str
    sku: str | None
    recorded_status: str | None
    recorded_location: str | None
    scans: int


@dataclass(frozen=True)
class CountReport:
    number: str
    location: str | None
    status: str
    started_at: dt.datetime
    started_by: str
    closed_at: dt.datetime | None
    closed_by: str | None
    applied_at: dt.datetime | None
    applied_by: str | None
    matched: list[CountLine]
    missing: list[CountLine]
    unexpected: list[CountLine]
    unknown: list[CountLine]
    scanned_twice: list[CountLine]  # scanned more than once, whatever the outcome
    accuracy: float | None  # matched / (matched + missing + unexpected); None when nothing was expected or found

    @property
    def figures(self) -> dict[str, int | float | None]:
        """The numbers a report or dashboard shows."""
        return {
            "matched": len(self.matched), "missing": len(self.missing), "unexpected": len(self.unexpected),
            "unknown": len(self.unknown), "scanned_twice": len(self.scanned_twice), "accuracy": self.accuracy,
        }  # fmt: skip

    def listed(self, *, discrepancies_only: bool = False) -> list[tuple[Outcome, CountLine]]:
        """Each line with its outcome, discrepancies first (missing, unexpected, unknown), then the matches."""
        return [(o, line) for o in (DISCREPANCIES if discrepancies_only else REPORT_ORDER) for line in getattr(self, o.value)]


@dataclass(frozen=True)
class ApplyResult:
    number: str
    transferred: int
    found: int
    lost: int
    left: list[CountLine]  # unexpected units whose status no stocktake may change (shipped, issued...)


# --- start, list -----------------------------------------------------------------------


@service(Permission.COUNT)
def start_count(uow: UnitOfWork, location: str | None = None, note: str | None = None) -> CountSummary:
    """Open a count of ``location`` (a code), or of every location when None."""
    session = uow.session
    place = get_location_row(session, location) if location else None
    now = utcnow()
    count = StockCount(location_id=place.id if place else None, status=OPEN, note=note, started_at=now,
                       started_by=uow.actor.name)  # fmt: skip
    session.add(count)
    session.flush()
    count.number = f"CT-{now:%Y}-{count.id:06d}"
    uow.audit("count.start", "count", count.number, after={"location": place.code if place else None, "note": note})
    return CountSummary(count.number, place.code if place else None, OPEN, now, uow.actor.name, None, 0, 0)


@service(Permission.VIEW, write=False)
def list_counts(uow: UnitOfWork, status: str | None = None, *, limit: int = 50) -> list[CountSummary]:
    check_page(limit)
    totals = (
        select(CountEntry.count_id, func.count().label("units"), func.sum(CountEntry.scans).label("scans"))
        .group_by(CountEntry.count_id)
        .subquery()
    )
    query = (
        select(StockCount, Location.code, totals.c.units, totals.c.scans)
        .outerjoin(Location, Location.id == StockCount.location_id)
        .outerjoin(totals, totals.c.count_id == StockCount.id)
        .order_by(StockCount.id.desc())
        .limit(limit)
    )
    if status:
        query = query.where(StockCount.status == status)
    return [
        CountSummary(c.number, code, c.status, c.started_at, c.started_by, c.closed_at, units or 0, scans or 0)
        for c, code, units, scans in uow.session.execute(query)
    ]


def count_row(session: Session, number: str, *, lock: str | None = None) -> StockCount:
    query = select(StockCount).where(StockCount.number == number.strip().upper())
    if lock == "share":
        query = query.with_for_update(read=True)
    elif lock == "update":
        query = query.with_for_update()
    count = session.scalar(query)
    if count is None:
        raise NotFound("stocktake.no_count", number=number)
    return count


# --- scanning ----------------------------------------------------------------------------


@service(Permission.COUNT)
def scan(
    uow: UnitOfWork, number: str, sources: Sequence[Source], *, profile: ScannerProfile | None = None
) -> ScanBatch:
    """Add scans to an open count. Unreadable scans are refused one by one; the others are counted."""
    session = uow.session
    count = count_row(session, number, lock="share")
    if count.status != OPEN:
        raise IllegalTransition("stocktake.not_open", number=count.number, status=Text(f"count_status.{count.status}"))
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
    units = _resolve(session, count, readings, warnings)
    now = utcnow()
    batch: dict[str, dict] = {}
    for reading, unit in zip(readings, units, strict=True):
        unit_id = unit.id if unit else None
        key = f"#{unit_id}" if unit_id else f"?{reading.gtin or ''}:{reading.serial}"
        if key in batch:
            batch[key]["scans"] += 1
            continue
        batch[key] = {
            "count_id": count.id, "unit_key": key, "serial_id": unit_id, "serial": (unit.serial if unit else reading.serial)[:64],
            "gtin": reading.gtin, "raw": reading.raw[:500], "scans": 1, "first_at": now, "last_at": now,
            "last_by": uow.actor.name,
        }  # fmt: skip
    before = {
        key
        for condition in among(session, CountEntry.unit_key, list(batch))
        for key in session.scalars(select(CountEntry.unit_key).where(CountEntry.count_id == count.id, condition))
    }
    if batch:
        # Sorted keys: two PCs upserting overlapping batches lock rows in one order and cannot deadlock.
        session.execute(_upsert(session), [batch[key] for key in sorted(batch)])
    repeated = sum(row["scans"] - (0 if key in before else 1) for key, row in batch.items())
    uow.audit("count.scan", "count", count.number, after={"scans": len(readings), "refused": len(problems)})
    return ScanBatch(len(readings), repeated, problems, warnings)


def _upsert(session: Session):
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(count_entries_table)
    return statement.on_conflict_do_update(
        index_elements=["count_id", "unit_key"],
        set_={
            "scans": count_entries_table.c.scans + statement.excluded.scans,
            "last_at": statement.excluded.last_at,
            "last_by": statement.excluded.last_by,
        },
    )


def _resolve(session: Session, count: StockCount, readings: list, warnings: list[str]) -> list[Row | None]:
    """The unit each reading names (or None), in one query for the whole batch."""
    units: list[Row | None] = []
    for found in resolve(session, readings, here=count.location_id):
        raw = found.reading.raw
        warnings += [Text("units.scan_warning", raw=raw, warning=w) for w in found.warnings[len(found.reading.warnings):]]
        if len(found.units) > 1:
            warnings.append(Text("units.shared_serial", raw=raw, serial=found.reading.serial))
        units.append(found.unit)
    return units


# --- closing, reporting ------------------------------------------------------------------------


def _outcomes(session: Session, count: StockCount) -> list[dict]:
    """Every unit's outcome, from the entries and the ledger as they stand now."""
    entries = session.execute(
        select(CountEntry.serial_id, CountEntry.serial, CountEntry.scans, Item.sku, Serial.status, Serial.location_id)
        .outerjoin(Serial, Serial.id == CountEntry.serial_id)
        .outerjoin(Item, Item.id == Serial.item_id)
        .where(CountEntry.count_id == count.id)
    ).all()
    scanned = {e.serial_id for e in entries if e.serial_id}
    expected_query = (
        select(Serial.id, Serial.serial, Item.sku, Serial.status, Serial.location_id)
        .join(Item, Item.id == Serial.item_id)
        .where(Serial.status.in_(_ON_SHELF))
    )
    if count.location_id is not None:
        expected_query = expected_query.where(Serial.location_id == count.location_id)
    expected = set()
    results = []
    for unit_id, serial, sku, status, location_id in session.execute(expected_query):
        expected.add(unit_id)
        if unit_id not in scanned:
            results.append(_result(count, Outcome.MISSING, unit_id, serial, sku, status, location_id, 0))
    for e in entries:
        if e.serial_id is None:
            outcome = Outcome.UNKNOWN
        else:
            outcome = Outcome.MATCHED if e.serial_id in expected else Outcome.UNEXPECTED
        results.append(_result(count, outcome, e.serial_id, e.serial, e.sku, e.status, e.location_id, e.scans))
    return results


def _result(count, outcome, unit_id, serial, sku, status, location_id, scans) -> dict:
    return {
        "count_id": count.id, "outcome": outcome.value, "serial_id": unit_id, "serial": serial, "sku": sku,
        "recorded_status": status, "recorded_location_id": location_id, "scans": scans,
    }  # fmt: skip


@service(Permission.COUNT)
def close_count(uow: UnitOfWork, number: str) -> CountReport:
    """Freeze the outcome of an open count; every discrepancy opens an exception."""
    session = uow.session
    count = count_row(session, number, lock="update")
    COUNT.check(Text("subject.count", number=count.number), count.status, "close")
    results = _outcomes(session, count)
    if results:
        session.execute(insert(count_results_table), results)
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    cases = []
    for r in results:
        if r["outcome"] in (Outcome.MATCHED, Outcome.MISSING):
            continue
        where = _where(r["recorded_status"], codes.get(r["recorded_location_id"]))
        reappeared = r["recorded_status"] in _GONE
        detail = Text(f"stocktake.case_{r['outcome']}", number=count.number, where=where)
        kind = ExceptionKind.REAPPEARED if reappeared else ExceptionKind.STOCKTAKE
        cases.append(NewException(kind, r["serial"], detail, count.number, r["serial_id"]))
    if missing := [r for r in results if r["outcome"] == Outcome.MISSING]:
        cases.append(_missing_case(count.number, missing, codes))
    open_exceptions(session, uow.actor.name, cases)
    count.status, count.closed_at, count.closed_by = CLOSED, utcnow(), uow.actor.name
    session.flush()
    report = _report(session, count)
    uow.audit("count.close", "count", count.number, after=report.figures)
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
    said = Text(f"status.{status}") if status else "—"  # a unit the count did not know had no status then
    return Text("stocktake.where", status=said, location=location) if location else said


@service(Permission.VIEW, write=False)
def count_report(uow: UnitOfWork, number: str) -> CountReport:
    """The figures of a count: final once closed, provisional (as the ledger stands now) while open."""
    return read_report(uow.session, number)


def read_report(session: Session, number: str) -> CountReport:
    """The report of count ``number``, for the services that print or export it."""
    return _report(session, count_row(session, number))


def _report(session: Session, count: StockCount) -> CountReport:
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    if count.status == OPEN:
        rows = _outcomes(session, count)
    else:
        rows = [
            dict(row._mapping)
            for row in session.execute(
                select(count_results_table).where(count_results_table.c.count_id == count.id).order_by(
                    count_results_table.c.id
                )
            )
        ]
    lines: dict[str, list[CountLine]] = {o.value: [] for o in Outcome}
    twice = []
    for r in rows:
        line = CountLine(r["serial"], r["sku"], r["recorded_status"], codes.get(r["recorded_location_id"]), r["scans"])
        lines[r["outcome"]].append(line)
        if r["scans"] > 1:
            twice.append(line)
    for group in lines.values():
        group.sort(key=lambda line: (line.sku or "", line.serial))
    matched, missing, unexpected = (len(lines[o]) for o in (Outcome.MATCHED, Outcome.MISSING, Outcome.UNEXPECTED))
    involved = matched + missing + unexpected
    return CountReport(
        count.number, codes.get(count.location_id), count.status, count.started_at, count.started_by, count.closed_at,
        count.closed_by, count.applied_at, count.applied_by, lines[Outcome.MATCHED], lines[Outcome.MISSING],
        lines[Outcome.UNEXPECTED], lines[Outcome.UNKNOWN], twice, matched / involved if involved else None,
    )  # fmt: skip


# --- applying ----------------------------------------------------------------------------------


@service(Permission.COUNT)
def apply_count(uow: UnitOfWork, number: str) -> ApplyResult:
    """Make the books agree with a closed count: wrong-location units move here, lost ones come back, missing ones are lost.

    All or nothing: a unit that has moved since the count was closed refuses
    the whole apply, naming it. Each change is a lifecycle event referring to
    the count; the count's exceptions for the units it settles are resolved.
    """
    session = uow.session
    count = count_row(session, number, lock="update")
    COUNT.check(Text("subject.count", number=count.number), count.status, "apply")
    rows = session.execute(
        select(CountResult.serial_id, CountResult.outcome, CountResult.serial, CountResult.sku,
               CountResult.recorded_status, CountResult.recorded_location_id, CountResult.scans,
               Serial.status, Serial.location_id)
        .join(Serial, Serial.id == CountResult.serial_id)
        .where(CountResult.count_id == count.id,
               CountResult.outcome.in_([Outcome.MISSING.value, Outcome.UNEXPECTED.value]))
        .order_by(CountResult.id)
    ).all()  # fmt: skip
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    here = count.location_id
    moves: dict[Action, list[tuple[int, str, int | None]]] = {Action.TRANSFER: [], Action.FIND: [], Action.LOSE: []}
    left: list[CountLine] = []
    problems = []
    for r in rows:
        if (r.status, r.location_id) != (r.recorded_status, r.recorded_location_id):
            changed = Text("stocktake.changed", then=_where(r.recorded_status, codes.get(r.recorded_location_id)),
                           now=_where(r.status, codes.get(r.location_id)))  # fmt: skip
            problems.append(Problem(r.serial, r.serial, "changed", changed))
            continue
        unit = (r.serial_id, r.status, r.location_id)
        # A quarantined unit keeps its quarantine: a count neither loses it nor transfers it back into stock.
        if r.outcome == Outcome.MISSING and r.status in TRANSITIONS[Action.LOSE].sources:
            moves[Action.LOSE].append(unit)
        elif here is not None and r.status in TRANSITIONS[Action.TRANSFER].sources:
            moves[Action.TRANSFER].append(unit)
        elif here is not None and meaning(r.status).missing:
            moves[Action.FIND].append(unit)
        else:
            left.append(CountLine(r.serial, r.sku, r.status, codes.get(r.location_id), r.scans))
    if problems:
        raise ValidationError(problems, f"count {count.number} not applied: units moved since it was closed; count again")
    for action, units in moves.items():
        to = None if action is Action.LOSE else here
        record_moves(session, uow.actor.id, action, units, to, ref=count.number, note="stocktake")
    settled = [unit[0] for units in moves.values() for unit in units]
    now = utcnow()
    resolved = dict(status=RESOLVED, resolved_at=now, resolved_by=uow.actor.name, resolution=f"count {count.number} applied")
    mine = and_(ExceptionCase.ref == count.number, ExceptionCase.status == EXCEPTION_OPEN)
    for condition in among(session, ExceptionCase.serial_id, settled):
        session.execute(update(ExceptionCase).where(mine, condition).values(**resolved))
    # The count's one case of missing units is settled once every one of them is marked lost.
    missing = sum(1 for r in rows if r.outcome == Outcome.MISSING)
    if missing == len(moves[Action.LOSE]):
        session.execute(update(ExceptionCase).where(mine, ExceptionCase.serial_id.is_(None),
                                                    ExceptionCase.kind == ExceptionKind.STOCKTAKE,
                                                    ExceptionCase.subject.endswith(MISSING_SUBJECT)).values(**resolved))  # fmt: skip
    count.status, count.applied_at, count.applied_by = APPLIED, now, uow.actor.name
    result = ApplyResult(count.number, len(moves[Action.TRANSFER]), len(moves[Action.FIND]), len(moves[Action.LOSE]), left)
    uow.audit("count.apply", "count", count.number, after={
        "transferred": result.transferred, "found": result.found, "lost": result.lost, "left": len(left),
        "units": {a.value: [u[0] for u in units] for a, units in moves.items()},
    })  # fmt: skip
    return result
