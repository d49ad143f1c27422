"""Purchase-order statuses and the moves between them."""

from __future__ import annotations

from enum import StrEnum

from snapp.errors import IllegalTransition


class POStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CLOSED = "closed"
    CANCELLED = "cancelled"


P = POStatus
PO_TRANSITIONS: dict[str, frozenset[POStatus]] = {
    "approve": frozenset({P.DRAFT}),
    "cancel": frozenset({P.DRAFT, P.APPROVED}),
    "close": frozenset({P.APPROVED, P.PARTIALLY_RECEIVED, P.RECEIVED}),
}
RECEIVABLE = frozenset({P.APPROVED, P.PARTIALLY_RECEIVED})


def check_po_move(number: str, status: POStatus | str, verb: str) -> None:
    if POStatus(status) not in PO_TRANSITIONS[verb]:
        allowed = [v for v, sources in PO_TRANSITIONS.items() if POStatus(status) in sources]
        raise IllegalTransition(
            f"PO {number} is {status}; cannot {verb} it (allowed: {', '.join(allowed) or 'nothing'})"
        )


def status_after_receipt(ordered: int, received: int) -> POStatus:
    """Status of an approved PO given its line totals."""
    if received <= 0:
        return P.APPROVED
    return P.RECEIVED if received >= ordered else P.PARTIALLY_RECEIVED
