"""After-sales rules in plain Python: to whom a unit went, how a return is settled, whose warranty runs how long."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from snapp.domain.lifecycle import Action
from snapp.domain.warranty import add_months


class RecipientKind(StrEnum):
    """Whom an issued unit went to."""

    PERSON = "person"
    DEPARTMENT = "department"
    PROJECT = "project"


@dataclass(frozen=True)
class Party:
    """Who receives units that leave the shelf: a customer (ship) or a person, department or project (issue)."""

    customer: str | None = None  # customer code, for ship and replace
    recipient: str | None = None  # free text, for issue
    kind: RecipientKind | None = None

    def wrong_for(self, action: Action) -> str | None:
        """The field that does not belong to ``action``, or None."""
        if self.customer and action not in (Action.SHIP, Action.REPLACE):
            return "customer"
        if self.recipient and action is not Action.ISSUE:
            return "recipient"
        return None


class Resolution(StrEnum):
    """What inspection decides for a unit a customer returned; each but ``replace`` is a move of its own."""

    RESTOCK = "accept"  # back to stock
    REPAIR = "repair"
    SUPPLIER = "return"  # back to the supplier
    SCRAP = "scrap"
    REPLACE = "replace"  # a replacement unit goes out: see `snapp.services.aftersales.swap`


RESOLUTION_MOVE = {
    Resolution.RESTOCK: Action.ACCEPT,
    Resolution.REPAIR: Action.REPAIR,
    Resolution.SUPPLIER: Action.RETURN,
    Resolution.SCRAP: Action.SCRAP,
}


class WarrantyPolicy(StrEnum):
    """The customer warranty of a replacement unit."""

    CONTINUE = "continue"  # ends when the original's would have
    ANEW = "anew"  # a full warranty from the day it ships


def customer_warranty_end(
    shipped: dt.date, months: int, policy: WarrantyPolicy = WarrantyPolicy.ANEW, original_end: dt.date | None = None
) -> dt.date | None:
    """When the customer's warranty of a unit shipped on ``shipped`` ends (a replacement follows ``policy``)."""
    if policy is WarrantyPolicy.CONTINUE and original_end is not None:
        return original_end
    return add_months(shipped, months) if months else None


def monthly_medians(spans: Iterable[tuple[dt.datetime, dt.datetime]]) -> dict[str, float]:
    """Median days from opening to resolution, per month of resolution ("2026-11"), months in order."""
    by_month: dict[str, list[float]] = {}
    for opened, resolved in spans:
        by_month.setdefault(f"{resolved:%Y-%m}", []).append((resolved - opened).total_seconds() / 86400)
    return {month: round(statistics.median(days), 2) for month, days in sorted(by_month.items())}
