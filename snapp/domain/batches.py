"""Items tracked by batch only: a quantity per batch with its expiry, read from a GS1 label or typed.

A batch item has no serials: what is known of its stock is how many of each
batch lie where. A lot arrives as a GS1 label — (01) the item, (10) the batch,
(17) the expiry, (30) or (37) how many — or typed. Issue takes the
first-expiring unexpired lots first (FEFO); an expired lot is never taken by
itself and refused when named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace

from snapp.domain.scan import Fault, ScannerProfile, bad_characters, decode, normalise
from snapp.errors import Problem, Text, ValidationError

BATCH_MAX = 20  # AI (10) is X..20
QUANTITY_MAX = 99_999_999  # AI (30) holds eight digits

LABEL = Text("batch_qty.label")
BATCH = Text("batch_qty.batch")
QUANTITY = Text("batch_qty.quantity")
EXPIRY = Text("batch_qty.expiry")


@dataclass(frozen=True)
class Lot:
    """A quantity of one batch, as received; ``gtin`` when read from a label (it must be the item's)."""

    batch: str
    expiry: dt.date | None
    quantity: int | None
    gtin: str | None = None


@dataclass(frozen=True)
class Pieces:
    """Where the pieces of some batches are now: on our shelves and issuable, on them but blocked by a recall, issued."""

    in_stock: int = 0
    blocked: int = 0
    issued: int = 0

    @property
    def on_shelves(self) -> int:
        return self.in_stock + self.blocked

    @classmethod
    def of(cls, flows: Iterable) -> Pieces:
        """Counted from flows that each say ``where`` ("received", "in_stock", "blocked", "issued") and ``quantity``."""
        counted = dict.fromkeys(("in_stock", "blocked", "issued"), 0)
        for flow in flows:
            if flow.where in counted:
                counted[flow.where] += flow.quantity
        return cls(**counted)


def read_label(raw: str, quantity: int | None = None, profile: ScannerProfile | None = None) -> Lot:
    """The lot a GS1 label names; ``quantity`` typed beside it must agree with the label's count, if it has one."""
    reading = decode(raw, profile)
    if reading.serial is not None:
        raise ValidationError(Problem(LABEL, raw, "serial", Text("batch_qty.label_has_serial", serial=reading.serial)))
    if reading.fault not in (None, Fault.NO_SERIAL) or reading.kind is None:
        raise ValidationError(Problem(LABEL, raw, "label", reading.message))
    if not reading.batch:
        raise ValidationError(Problem(LABEL, raw, "batch", Text("batch_qty.label_no_batch")))
    if quantity is not None and reading.count is not None and quantity != reading.count:
        raise ValidationError(Problem(QUANTITY, str(quantity), "quantity",
                                      Text("batch_qty.count_differs", typed=quantity, count=reading.count)))  # fmt: skip
    return Lot(reading.batch, reading.expiry, reading.count if reading.count is not None else quantity, reading.gtin)


def given(batch: str | None, expiry: dt.date | None, quantity: int | None, label: str | None) -> Lot | None:
    """The lot a front end's fields name: a label scan, or a typed batch and expiry; None when neither is given
    (serials, or a bare quantity of an item tracked by neither). The quantity goes with either."""
    if label:
        if batch or expiry:
            raise ValidationError(Problem(LABEL, label, "label", Text("batch_qty.label_or_typed")))
        return read_label(label, quantity)
    if batch or expiry:
        return Lot(batch or "", expiry, quantity)
    return None


def checked(lot: Lot, today: dt.date) -> Lot:
    """``lot`` with its batch normalised; every problem with it refused at once."""
    batch = normalise(lot.batch or "")
    problems = []
    if not batch:
        problems.append(Problem(BATCH, "", "batch", Text("batch_qty.batch_needed")))
    elif len(batch) > BATCH_MAX:
        problems.append(Problem(BATCH, batch, "batch", Text("batch_qty.batch_long", n=len(batch), most=BATCH_MAX)))
    elif bad := bad_characters(batch):
        problems.append(Problem(BATCH, batch, "batch", Text("batch_qty.batch_characters", chars=bad)))
    if lot.quantity is None or lot.quantity <= 0:
        problems.append(Problem(QUANTITY, str(lot.quantity), "quantity", Text("receiving.quantity_positive")))
    elif lot.quantity > QUANTITY_MAX:
        problems.append(Problem(QUANTITY, str(lot.quantity), "quantity", Text("batch_qty.too_many", most=QUANTITY_MAX)))
    if lot.expiry is not None and lot.expiry < today:
        problems.append(Problem(EXPIRY, lot.expiry.isoformat(), "expiry",
                                Text("batch_qty.received_expired", batch=batch, expiry=lot.expiry.isoformat())))  # fmt: skip
    if problems:
        raise ValidationError(problems, Text("batch_qty.refused", n=len(problems)))
    return replace(lot, batch=batch)


def expired(expiry: dt.date | None, today: dt.date) -> bool:
    """A lot is good through its expiry day."""
    return expiry is not None and expiry < today


@dataclass(frozen=True)
class Available:
    key: Hashable  # what the caller takes from: a stock row
    expiry: dt.date | None
    quantity: int


def first_expiring(stock: Sequence[Available], quantity: int, today: dt.date) -> tuple[list[tuple[Hashable, int]], int]:
    """What to take for ``quantity``, first-expiring first (lots without an expiry last), never an expired lot;
    and how many the unexpired stock lacks (0: enough). ``stock`` in the caller's order breaks ties."""
    order = sorted(
        (lot for lot in stock if lot.quantity > 0 and not expired(lot.expiry, today)),
        key=lambda lot: (lot.expiry is None, lot.expiry or today),
    )
    takes, wanted = [], quantity
    for lot in order:
        if wanted <= 0:
            break
        take = min(wanted, lot.quantity)
        takes.append((lot.key, take))
        wanted -= take
    return takes, max(wanted, 0)
