"""Moving units through their lifecycle: issue, transfer, repair, return, ship, scrap...

A move of many serials is one transaction: every serial is checked first, and
one refused serial refuses them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from snapp.db.models import Location, Serial, events_table, serials_table, utcnow
from snapp.domain.capture import normalise
from snapp.domain.aftersales import Party
from snapp.domain.lifecycle import OWN_SERVICE, TRANSITIONS, Action, Status, check_move
from snapp.domain.permissions import Permission, allows
from snapp.errors import Conflict, IllegalTransition, PermissionDenied, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, among, service
from snapp.services.customers import party_customer, record_handovers, settle_returns
from snapp.services.expiry import earlier_expiring
from snapp.services.masterdata import get_location_row
from snapp.services.units import resolve


@dataclass(frozen=True)
class MoveResult:
    action: str
    count: int
    to_status: str
    to_location: str | None
    advice: tuple[str, ...] = ()  # e.g. units of the same item that expire earlier (first-expiring first)


@service(Permission.VIEW)
def move(
    uow: UnitOfWork,
    action: Action | str,
    serials: Sequence[str],
    *,
    sku: str | None = None,
    to: str | None = None,
    ref: str | None = None,
    note: str | None = None,
    party: Party | None = None,
) -> MoveResult:
    """Apply ``action`` to every serial, or to none of them; ``party`` says to whom a ship or an issue goes."""
    action = Action(action)
    if action in OWN_SERVICE:
        raise ValidationError(Problem("action", action.value, "action", Text("aftersales.own_service",
                                                                             move=Text(f"verb.{action}"))))  # fmt: skip
    return move_units(uow, action, serials, sku=sku, to=to, ref=ref, note=note, party=party)[0]


def move_units(
    uow: UnitOfWork,
    action: Action,
    serials: Sequence[str],
    *,
    sku: str | None = None,
    to: str | None = None,
    ref: str | None = None,
    note: str | None = None,
    party: Party | None = None,
    warranty_end: dt.date | None | Literal["items"] = "items",
) -> tuple[MoveResult, list[int]]:
    """`move` inside an open unit of work, for every move (the after-sales ones too); also the ids of the units moved."""
    rule = TRANSITIONS[action]
    # The permission depends on the move (service staff repair, the warehouse issues).
    if not allows(uow.actor.role, rule.permission):
        raise PermissionDenied("lifecycle.denied", name=uow.actor.name, role=str(uow.actor.role), move=rule.label,
                               permission=str(rule.permission))  # fmt: skip
    session = uow.session
    wanted = list(dict.fromkeys(s for s in (normalise(v) for v in serials) if s))
    if not wanted:
        raise ValidationError(Problem("serials", "", "empty", Text("units.none_given")))
    target = get_location_row(session, to) if rule.needs_location else None
    customer = party_customer(session, action, party)
    if to and not rule.needs_location:
        raise ValidationError(Problem("to", to, "to", Text("lifecycle.no_location", move=rule.label)))

    problems: list[Problem] = []
    units: list[tuple[int, str, int | None]] = []
    chosen: set[int] = set()  # "SN1" and "sn1" may name the same unit
    for position, (serial, found) in enumerate(zip(wanted, resolve(session, wanted, sku=sku), strict=True), 1):
        where = Text("units.position", n=position)
        if problem := found.problem(where, sku):
            problems.append(problem)
        else:
            unit_id, status, location_id = found.unit.id, found.unit.status, found.unit.location_id
            if unit_id in chosen:
                continue
            chosen.add(unit_id)
            try:
                check_move(serial, status, action)
            except IllegalTransition as err:
                problems.append(Problem(where, serial, "illegal_transition", str(err).split(": ", 1)[1]))
                continue
            if action is Action.TRANSFER and target is not None and location_id == target.id:
                problems.append(Problem(where, serial, "same_location", Text("lifecycle.already_at", location=target.code)))
                continue
            units.append((unit_id, status, location_id))
    if problems:
        raise ValidationError(problems, Text("lifecycle.refused", move=rule.label, n=len(problems)))

    now = utcnow()
    record_moves(session, uow.actor.id, action, units, target.id if target else None, ref=ref, note=note, at=now)
    record_handovers(session, action, [unit_id for unit_id, _, _ in units], customer, party, ref=ref, at=now,
                     warranty_end=warranty_end)  # fmt: skip
    inspected = [unit_id for unit_id, status, _ in units if status == Status.CUSTOMER_RETURN]
    settled = settle_returns(session, uow.actor.name, action, inspected)
    key = wanted[0] if len(wanted) == 1 else f"{len(wanted)} serials"
    destination = target.code if target else None
    sources = {location_id for _, _, location_id in units} - {None}
    sourced = session.execute(select(Location.id, Location.code).where(Location.id.in_(sources)))
    codes = {row.id: row.code for row in sourced}
    uow.audit(
        f"serial.{action.value}",
        "serial",
        key,
        # Where the units were: each distinct status and location (per unit, the serial events hold it).
        before={"status": sorted({status for _, status, _ in units}),
                "location": sorted({codes[loc] for _, _, loc in units if loc is not None})},  # fmt: skip
        after={"serials": wanted, "status": rule.target.value, "location": destination, "ref": ref, "note": note,
               **({"party": asdict(party)} if party else {}), **({"settles": settled} if settled else {})},  # fmt: skip
    )
    moved = [unit_id for unit_id, _, _ in units]
    advice = tuple(earlier_expiring(session, action, moved)) if action in FEFO else ()
    return MoveResult(action.value, len(units), rule.target.value, destination, advice), moved


FEFO = (Action.ISSUE, Action.SHIP)  # the moves that take stock out, where first-expiring first is advised


def record_moves(
    session: Session,
    user_id: int | None,
    action: Action,
    units: Sequence[tuple[int, str, int | None]],
    to_location: int | None,
    *,
    ref: str | None = None,
    note: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Move checked ``units`` (id, status, location id) by ``action``, each with its event, in the caller's transaction.

    A unit moves only from the status and location it was checked in: one
    that another transaction moved meanwhile refuses the whole move, saying
    where it is now. A move that ``stays`` (block, release) leaves each unit
    at its own location.
    """
    if not units:
        return
    now = at or utcnow()
    rule = TRANSITIONS[action]
    target = rule.target.value
    units = [(unit_id, status, location_id, location_id if rule.stays else to_location)
             for unit_id, status, location_id in units]  # fmt: skip
    conn = session.connection()
    moved = conn.execute(_MOVE, [
        {"unit": unit_id, "status": status, "location": location_id, "to_status": target, "to_location": to,
         "now": now}
        for unit_id, status, location_id, to in units
    ])  # fmt: skip
    if moved.rowcount != len(units):
        _refuse_moved_meanwhile(session, units, target, now)
    conn.execute(
        insert(events_table),
        [
            {
                "serial_id": unit_id, "at": now, "user_id": user_id, "action": action.value, "from_status": status,
                "to_status": target, "from_location_id": location_id, "to_location_id": to, "ref": ref,
                "note": note,
            }
            for unit_id, status, location_id, to in units
        ],
    )  # fmt: skip


_S = serials_table.c
# On PostgreSQL a concurrent mover's row lock makes this wait, then re-check the condition against what it committed.
_MOVE = (
    update(serials_table)
    .where(_S.id == bindparam("unit"), _S.status == bindparam("status"),
           _S.location_id.is_not_distinct_from(bindparam("location")))
    .values(status=bindparam("to_status"), location_id=bindparam("to_location"), updated_at=bindparam("now"))
)  # fmt: skip


def _refuse_moved_meanwhile(
    session: Session, units: Sequence[tuple[int, str, int | None, int | None]], target: str, now: dt.datetime
) -> None:
    """Refuse the move, naming the units another transaction moved; those this one moved carry its own time."""
    ours = {unit_id: (target, to, now) for unit_id, _, _, to in units}
    changed = [
        (serial, status)
        for condition in among(session, Serial.id, list(ours))
        for unit_id, serial, status, location, updated in session.execute(
            select(Serial.id, Serial.serial, Serial.status, Serial.location_id, Serial.updated_at).where(condition)
        )
        if ours[unit_id] != (status, location, updated)
    ]
    serial, status = changed[0]
    values = {"serial": serial, "status": Text(f"status.{status}")}
    if len(changed) == 1:
        raise Conflict("lifecycle.moved_meanwhile", field="serials", **values)
    raise Conflict("lifecycle.moved_meanwhile_many", field="serials", n=len(changed), **values)
