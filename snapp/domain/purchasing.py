"""Purchase-order statuses and the moves between them."""

from __future__ import annotations

from enum import StrEnum

from snapp.domain.statuses import StateMachine, listed
from snapp.errors import IllegalTransition, Text


class POStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CLOSED = "closed"
    CANCELLED = "cancelled"


P = POStatus
# Receiving moves an approved PO to (partially) received itself: see status_after_receipt.
PO = StateMachine(
    "po",
    tuple(POStatus),
    {
        "approve": (frozenset({P.DRAFT}), P.APPROVED),
        "cancel": (frozenset({P.DRAFT, P.APPROVED}), P.CANCELLED),
        "close": (frozenset({P.APPROVED, P.PARTIALLY_RECEIVED, P.RECEIVED}), P.CLOSED),
    },
)
RECEIVABLE = frozenset({P.APPROVED, P.PARTIALLY_RECEIVED})


def check_po_move(number: str, status: POStatus | str, verb: str) -> POStatus:
    """The status ``verb`` moves the PO to, or a refusal naming what is allowed from ``status``."""
    return POStatus(PO.check(Text("subject.po", number=number), str(status), verb))


def status_after_receipt(ordered: int, received: int) -> POStatus:
    """Status of an approved PO given its line totals."""
    if received <= 0:
        return P.APPROVED
    return P.RECEIVED if received >= ordered else P.PARTIALLY_RECEIVED


# Changing a PO's lines and terms: a draft is edited freely; an ordered one is amended, with a reason on record.
CHANGES = {
    "edit": frozenset({P.DRAFT}),
    "amend": frozenset({P.APPROVED, P.PARTIALLY_RECEIVED, P.RECEIVED}),
}


def check_po_change(number: str, status: POStatus | str, verb: str) -> None:
    """Refuse ``verb`` ("edit" or "amend") from ``status``, naming what the PO allows instead."""
    if status in CHANGES[verb]:
        return
    allowed = [v for v, sources in CHANGES.items() if status in sources] + PO.allowed(str(status))
    raise IllegalTransition(
        "state.not_allowed",
        subject=Text("subject.po", number=number),
        status=PO.name(str(status)),
        verb=Text(f"verb.{verb}"),
        allowed=listed(Text(f"verb.{v}") for v in allowed),
    )
