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
from snapp.errors import Text


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
UNKNOWN_MEANS = Text("verify.unknown_means")


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
    customer: str | None = None  # the customer it was last shipped to, if recorded
    open_rma: str | None = None  # that customer's return of it, still open

    def describe(self) -> Text:
        status = Text(f"status.{self.status}")
        if self.location:
            return Text("verify.unit_at", sku=self.sku, name=self.item_name, status=status, location=self.location,
                        supplier=self.supplier, po=self.po)  # fmt: skip
        return Text("verify.unit", sku=self.sku, name=self.item_name, status=status, supplier=self.supplier, po=self.po)


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    message: Text
    unit: UnitFacts | None = None  # the unit the verdict is about, when there is exactly one

    @property
    def passed(self) -> bool:
        return self.verdict in PASSED


def judge(reading: Reading, item: ItemFacts | None, units: list[UnitFacts]) -> Judgement:
    """The verdict for ``reading``, given the item its GTIN names (if any) and the units carrying its serial."""
    if reading.fault is Fault.NO_SERIAL:
        return Judgement(Verdict.MALFORMED, Text("verify.no_single_unit", detail=reading.message))
    if not reading.ok:
        return Judgement(Verdict.MALFORMED, Text("verify.unreadable", detail=reading.message))
    serial = reading.serial
    if reading.gtin:
        if item is None:
            if units:
                return Judgement(Verdict.UNKNOWN_GTIN, Text("verify.unknown_gtin_recorded", gtin=reading.gtin,
                                                            serial=serial, items=_skus(units), means=UNKNOWN_MEANS))  # fmt: skip
            return Judgement(Verdict.UNKNOWN_GTIN, Text("verify.unknown_gtin", gtin=reading.gtin, means=UNKNOWN_MEANS))
        mine = [u for u in units if u.gtin == reading.gtin]
        if mine:
            return _by_status(mine[0])
        if units:
            return Judgement(
                Verdict.MISMATCH,
                Text("verify.mismatch", gtin=reading.gtin, sku=item.sku, name=item.name, serial=serial,
                     items=_skus(units)),  # fmt: skip
                units[0] if len(units) == 1 else None,
            )
        return Judgement(
            Verdict.UNKNOWN_SERIAL,
            Text("verify.unknown_serial_of", sku=item.sku, name=item.name, gtin=reading.gtin, serial=serial,
                 means=UNKNOWN_MEANS),  # fmt: skip
        )
    if not units:
        return Judgement(Verdict.UNKNOWN_SERIAL, Text("verify.unknown_serial", serial=serial, means=UNKNOWN_MEANS))
    if len(units) > 1:
        listed = _joined([u.describe() for u in units])
        return Judgement(Verdict.RECEIVED_TWICE, Text("verify.received_twice", serial=serial, n=len(units), units=listed))
    return _by_status(units[0])


def _by_status(unit: UnitFacts) -> Judgement:
    judgement = _by_status_alone(unit)
    if unit.customer is None or judgement.verdict is Verdict.IN_STOCK:
        return judgement
    rma = Text("aftersales.verify_rma_open", rma=unit.open_rma) if unit.open_rma else Text("aftersales.verify_no_rma")
    return Judgement(judgement.verdict, Text("aftersales.verify_story", verdict=judgement.message, customer=unit.customer,
                                             rma=rma), unit)  # fmt: skip


def _by_status_alone(unit: UnitFacts) -> Judgement:
    status, means = Status(unit.status), meaning(unit.status)
    received = Text("verify.received", day=f"{unit.received_at:%Y-%m-%d}", po=unit.po, receipt=unit.receipt,
                    supplier=unit.supplier)  # fmt: skip
    if means.on_shelf:
        return Judgement(
            Verdict.IN_STOCK,
            Text("verify.in_stock", location=unit.location, sku=unit.sku, name=unit.item_name, received=received),
            unit,
        )
    when = Text("verify.on_day", day=f"{unit.last_at:%Y-%m-%d}") if unit.last_at else ""
    ref = Text("verify.ref", ref=unit.last_ref) if unit.last_ref else ""
    if not means.held:  # gone or lost, and yet scanned
        return Judgement(
            Verdict.REAPPEARED,
            Text("verify.reappeared", sku=unit.sku, name=unit.item_name, gone=Text(f"verify.gone.{status.value}"),
                 when=when, ref=ref, received=received),  # fmt: skip
            unit,
        )
    return Judgement(
        Verdict.NOT_IN_STOCK,
        Text("verify.not_in_stock", state=Text(f"verify.state.{status.value}"), when=when, ref=ref, sku=unit.sku,
             name=unit.item_name, received=received),  # fmt: skip
        unit,
    )


def _skus(units: list[UnitFacts]) -> str:
    return ", ".join(dict.fromkeys(f"{u.sku} {u.item_name}" for u in units))


def _joined(texts: list[Text]) -> Text:
    """Several sentences as one, each said in the reader's language."""
    joined = texts[-1]
    for text in reversed(texts[:-1]):
        joined = Text("verify.and", first=text, rest=joined)
    return joined
