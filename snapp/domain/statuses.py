"""What every status means, in one place, and the small state machine of orders, stocktakes and exceptions.

A serial's status is asked what it means (``MEANING[status].on_shelf``...),
never compared by name where a meaning is wanted, so that a new status is
classified here once and every part of the product follows. Display names are
``status.<code>`` (and ``po_status.``, ``stocktake_status.``...) in the catalog
``snapp.messages.names``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import StrEnum

from snapp.errors import IllegalTransition, Text


class Status(StrEnum):
    IN_STOCK = "in_stock"
    ISSUED = "issued"
    IN_REPAIR = "in_repair"
    RETURNED_TO_SUPPLIER = "returned_to_supplier"
    SHIPPED = "shipped"
    SCRAPPED = "scrapped"
    LOST = "lost"  # missing at a stocktake; "found" brings it back
    CUSTOMER_RETURN = "customer_return"  # back from a customer under an RMA, waiting for inspection
    QUARANTINED = "quarantined"  # blocked by a recall: on its shelf, not to be issued or shipped until released


@dataclass(frozen=True)
class Meaning:
    """What a serial status says about the unit. Every field is required: a new status must answer each."""

    on_shelf: bool  # on one of our shelves: what a stocktake expects to find, what verify passes as in stock
    held: bool  # ours and accounted for (shelf, issue, repair): counts toward stock value, warranty matters
    gone: bool  # left us for good: scanned again, it is a reappearing unit that needs a check
    missing: bool  # ours on the books but not found: a stocktake that finds it on a shelf brings it back


S = Status
ALL = "all"  # a list filter's word for every status
MEANING: Mapping[Status, Meaning] = {
    S.IN_STOCK: Meaning(on_shelf=True, held=True, gone=False, missing=False),
    S.ISSUED: Meaning(on_shelf=False, held=True, gone=False, missing=False),
    S.IN_REPAIR: Meaning(on_shelf=False, held=True, gone=False, missing=False),
    S.RETURNED_TO_SUPPLIER: Meaning(on_shelf=False, held=False, gone=True, missing=False),
    S.SHIPPED: Meaning(on_shelf=False, held=False, gone=True, missing=False),
    S.SCRAPPED: Meaning(on_shelf=False, held=False, gone=True, missing=False),
    S.LOST: Meaning(on_shelf=False, held=False, gone=False, missing=True),
    S.CUSTOMER_RETURN: Meaning(on_shelf=False, held=True, gone=False, missing=False),
    S.QUARANTINED: Meaning(on_shelf=True, held=True, gone=False, missing=False),
}
ATTRIBUTES = tuple(f.name for f in fields(Meaning))


def meaning(status: Status | str) -> Meaning:
    return MEANING[Status(status)]


def having(attribute: str) -> tuple[Status, ...]:
    """The statuses that have ``attribute`` (one of ``ATTRIBUTES``), e.g. ``having("held")``, in table order."""
    return tuple(status for status, m in MEANING.items() if getattr(m, attribute))


def status_name(status: str) -> Text:
    return Text(f"status.{status}")


def listed(names: Iterable[str], empty: str = "list.nothing") -> str:
    """Names (Texts, or codes said as they are) as one sentence part: "a, b, c" (Chinese "a、b、c").

    With no names, the sentence part ``empty`` (a code: "nothing", or "nothing (final status)").
    """
    said = empty = Text(empty)
    for name in reversed(list(names)):
        said = name if said is empty else Text("list.more", first=name, rest=said)
    return said


def check_constraint(column: str, values: Iterable[str]) -> str:
    """The SQL of a CHECK that ``column`` holds one of ``values``: the database refuses anything else."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


@dataclass(frozen=True)
class StateMachine:
    """The states of a record and its allowed moves as data: ``moves[verb] = (sources, target)``.

    ``kind`` names the record in the catalog: its states are ``<kind>_status.<state>``
    and its verbs ``verb.<verb>``.
    """

    kind: str
    states: tuple[str, ...]
    moves: Mapping[str, tuple[frozenset[str], str]]

    def __post_init__(self) -> None:
        for verb, (sources, target) in self.moves.items():
            if not sources | {target} <= set(self.states):
                raise ValueError(f"{self.kind} move {verb} names a state outside {self.states}")

    def allowed(self, state: str) -> list[str]:
        """The verbs allowed from ``state``, in table order."""
        self.require(state)
        return [verb for verb, (sources, _) in self.moves.items() if state in sources]

    def among(self, state: str | None) -> str | None:
        """A list's status filter: one state, or None for every state (``ALL``, the word every front end takes)."""
        return None if state in (None, ALL) else self.require(state)

    def require(self, state: str) -> str:
        if state not in self.states:
            raise ValueError(f"{state!r} is not a {self.kind} status")
        return state

    def name(self, state: str) -> Text:
        return Text(f"{self.kind}_status.{state}")

    def can(self, state: str, verb: str) -> bool:
        return self.require(state) in self.moves[verb][0]

    def target(self, verb: str) -> str:
        return self.moves[verb][1]

    def check(self, subject: Text, state: str, verb: str) -> str:
        """The state ``verb`` leads to from ``state``, or a refusal naming what is allowed instead."""
        if not self.can(state, verb):
            allowed = listed(Text(f"verb.{v}") for v in self.allowed(state))
            named, doing = self.name(state), Text(f"verb.{verb}")
            raise IllegalTransition("state.not_allowed", subject=subject, status=named, verb=doing, allowed=allowed)
        return self.target(verb)


class StocktakeStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    APPLIED = "applied"


STOCKTAKE = StateMachine(
    "stocktake",
    tuple(StocktakeStatus),
    {
        "close": (frozenset({StocktakeStatus.OPEN}), StocktakeStatus.CLOSED),
        "apply": (frozenset({StocktakeStatus.CLOSED}), StocktakeStatus.APPLIED),
    },
)


class ExceptionStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


EXCEPTION = StateMachine(
    "exception",
    tuple(ExceptionStatus),
    {"resolve": (frozenset({ExceptionStatus.OPEN}), ExceptionStatus.RESOLVED)},
)


class ExceptionKind(StrEnum):
    REJECTED_SCAN = "rejected_scan"  # a serial refused during a receipt
    OVER_DELIVERY = "over_delivery"  # more units delivered than the PO line has open
    VERIFICATION = "verification"  # a scan-to-verify that did not pass
    REAPPEARED = "reappeared"  # a unit that left us (or was lost) scanned again
    STOCKTAKE = "stocktake"  # a stocktake discrepancy: missing, unexpected, unknown
    MANIFEST = "manifest"  # units delivered off the supplier's manifest, or listed on it and not delivered
    CUSTOMER_RETURN = "customer_return"  # a return refused: never shipped, or shipped to another customer


class RmaStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


# A customer's return is open until inspection decides; a supplier's RMA until the unit or its replacement is back.
RMA = StateMachine("rma", tuple(RmaStatus), {"resolve": (frozenset({RmaStatus.OPEN}), RmaStatus.RESOLVED)})
SUPPLIER_RMA = StateMachine(
    "supplier_rma", tuple(RmaStatus), {"resolve": (frozenset({RmaStatus.OPEN}), RmaStatus.RESOLVED)}
)
