"""Scan-to-verify: from what a scan reads and what the ledger holds, one verdict that says why.

The verdicts answer "is this unit ours, and where should it be?". None of
them says "counterfeit": a code SNApp does not know may be a unit not yet
received, another company's stock, or a mistyped code. A person decides;
every failed verdict opens an exception for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from snapp.domain.statuses import Status, meaning
from snapp.domain.scan import Fault, Reading


class Verdict(StrEnum):
    IN_STOCK = "in_stock"  # genuine and in stock
    NOT_IN_STOCK = "not_in_stock"  # ours, issued or in repair
    REAPPEARED = "reappeared"  # shipped, scrapped, returned or lost, and scanned again
    RECEIVED_TWICE = "received_twice"
    UNKNOWN_SERIAL = "unknown_serial"
    UNKNOWN_GTIN = "unknown_gtin"
    MISMATCH = "gtin_serial_mismatch"
    MALFORMED = "malformed"


PASSED = frozenset({Verdict.IN_STOCK, Verdict.NOT_IN_STOCK})
# Where a unit off our shelves is, or how it left: every status not on a shelf has words here (a test checks).
WHEREABOUTS = {
    Status.ISSUED: "issued",
    Status.IN_REPAIR: "in repair",
    Status.SHIPPED: "shipped to a customer",
    Status.SCRAPPED: "scrapped",
    Status.RETURNED_TO_SUPPLIER: "returned to the supplier",
    Status.LOST: "marked lost",
}
UNKNOWN_MEANS = (
    "Unknown only means SNApp has no record of it: it may not have been received yet, belong to another company's stock, "
    "or have been received under a different code."
)


@dataclass(frozen=True)
class ItemFacts:
    sku: str
    name: str
    gtin: str | None


@dataclass(frozen=True)
class UnitFacts:
    """A recorded unit, as the verdict and the Verify screen's card show it."""

    serial: str
    sku: str
    item_name: str
    gtin: str | None
    status: str
    location: str | None
    supplier: str
    po: str
    receipt: str
    received_at: dt.datetime
    last_action: str | None = None
    last_at: dt.datetime | None = None
    last_ref: str | None = None

    def describe(self) -> str:
        where = f" at {self.location}" if self.location else ""
        return f"{self.sku} {self.item_name}, {self.status}{where}, supplier {self.supplier}, PO {self.po}"


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    message: str
    unit: UnitFacts | None = None  # the unit the verdict is about, when there is exactly one

    @property
    def passed(self) -> bool:
        return self.verdict in PASSED


def judge(reading: Reading, item: ItemFacts | None, units: list[UnitFacts]) -> Judgement:
    """The verdict for ``reading``, given the item its GTIN names (if any) and the units carrying its serial."""
    if reading.fault is Fault.NO_SERIAL:
        return Judgement(Verdict.MALFORMED, f"the code identifies no single unit: {reading.message}")
    if not reading.ok:
        return Judgement(Verdict.MALFORMED, f"the code cannot be read: {reading.message}")
    serial = reading.serial
    if reading.gtin:
        if item is None:
            also = f"; serial {serial} is recorded for {_skus(units)}" if units else ""
            return Judgement(
                Verdict.UNKNOWN_GTIN, f"GTIN {reading.gtin} is not the GTIN of any item in SNApp{also}. {UNKNOWN_MEANS}"
            )
        mine = [u for u in units if u.gtin == reading.gtin]
        if mine:
            return _by_status(mine[0])
        if units:
            return Judgement(
                Verdict.MISMATCH,
                f"GTIN {reading.gtin} is {item.sku} {item.name}, but serial {serial} belongs to a unit of "
                f"{_skus(units)}: the label's product and serial do not belong together",
                units[0] if len(units) == 1 else None,
            )
        return Judgement(
            Verdict.UNKNOWN_SERIAL,
            f"{item.sku} {item.name} (GTIN {reading.gtin}) is known, but no unit of it with serial {serial} "
            f"was received. {UNKNOWN_MEANS}",
        )
    if not units:
        return Judgement(Verdict.UNKNOWN_SERIAL, f"no unit with serial {serial} is recorded. {UNKNOWN_MEANS}")
    if len(units) > 1:
        listed = "; ".join(u.describe() for u in units)
        return Judgement(
            Verdict.RECEIVED_TWICE,
            f"serial {serial} was received {len(units)} times, for different items ({listed}). Scan the unit's "
            "GS1 code or give the SKU to tell them apart; a check is needed, since one serial on two products is "
            "either a coincidence between manufacturers or a copied label",
        )
    return _by_status(units[0])


def _by_status(unit: UnitFacts) -> Judgement:
    status, means = Status(unit.status), meaning(unit.status)
    received = f"received {unit.received_at:%Y-%m-%d} on PO {unit.po} (receipt {unit.receipt}) from supplier {unit.supplier}"
    if means.on_shelf:
        return Judgement(Verdict.IN_STOCK, f"genuine and in stock at {unit.location}: {unit.sku} {unit.item_name}, {received}", unit)
    when = f" on {unit.last_at:%Y-%m-%d}" if unit.last_at else ""
    ref = f" (ref {unit.last_ref})" if unit.last_ref else ""
    if not means.held:  # gone or lost, and yet scanned
        return Judgement(
            Verdict.REAPPEARED,
            f"a known unit that should not be here: {unit.sku} {unit.item_name} was {WHEREABOUTS[status]}{when}{ref}; "
            f"{received}. A unit that reappears after leaving needs a check",
            unit,
        )
    return Judgement(Verdict.NOT_IN_STOCK, f"ours, currently {WHEREABOUTS[status]}{when}{ref}: {unit.sku} {unit.item_name}, {received}", unit)


def _skus(units: list[UnitFacts]) -> str:
    return ", ".join(dict.fromkeys(f"{u.sku} {u.item_name}" for u in units))
