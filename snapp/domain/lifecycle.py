"""The serial lifecycle: moves, and the one table of allowed transitions between statuses.

What each status means (on a shelf, held, gone...) is in ``snapp.domain.statuses``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from snapp.domain.permissions import Permission
from snapp.domain.statuses import Status, listed, meaning, status_name
from snapp.errors import IllegalTransition, Text

__all__ = ["OWN_SERVICE", "TRANSITIONS", "Action", "Move", "Status", "allowed_actions", "check_move"]


class Action(StrEnum):
    RECEIVE = "receive"
    ISSUE = "issue"
    RESTOCK = "restock"  # back from issue
    TRANSFER = "transfer"
    REPAIR = "repair"
    UNREPAIR = "unrepair"  # back from repair
    RETURN = "return"  # to the supplier
    SHIP = "ship"
    SCRAP = "scrap"
    LOSE = "lose"  # missing at a stocktake
    FIND = "found"  # back from lost
    CUSTOMER_RETURN = "customer_return"  # a shipped unit back from its customer under an RMA
    ACCEPT = "accept"  # inspected and back to stock
    REPLACE = "replace"  # out to a customer in place of a returned unit
    SUPPLIER_BACK = "supplier_back"  # back from the supplier (repaired, or replaced: see snapp.services.aftersales)
    BLOCK = "block"  # a recall quarantines the unit where it stands
    RELEASE = "release"  # back from quarantine, where it stands


@dataclass(frozen=True)
class Move:
    action: Action
    sources: frozenset[Status]
    target: Status
    permission: Permission
    stays: bool = False  # the unit keeps its location (a block, a release): the move names none

    @property
    def needs_location(self) -> bool:
        """The unit ends up on a shelf of ours, so the move must say which (unless it stays where it is)."""
        return meaning(self.target).on_shelf and not self.stays

    @property
    def label(self) -> Text:
        """The move as a verb in a sentence ("send to repair")."""
        return Text(f"verb.{self.action}")


S, A = Status, Action
TRANSITIONS: dict[Action, Move] = {
    move.action: move
    for move in (
        Move(A.ISSUE, frozenset({S.IN_STOCK}), S.ISSUED, Permission.MOVE),
        Move(A.RESTOCK, frozenset({S.ISSUED}), S.IN_STOCK, Permission.MOVE),
        Move(A.TRANSFER, frozenset({S.IN_STOCK}), S.IN_STOCK, Permission.MOVE),
        Move(A.REPAIR, frozenset({S.IN_STOCK, S.ISSUED, S.CUSTOMER_RETURN}), S.IN_REPAIR, Permission.SERVICE),
        Move(A.UNREPAIR, frozenset({S.IN_REPAIR}), S.IN_STOCK, Permission.SERVICE),
        Move(A.RETURN, frozenset({S.IN_STOCK, S.IN_REPAIR, S.CUSTOMER_RETURN, S.QUARANTINED}), S.RETURNED_TO_SUPPLIER,
             Permission.SERVICE),
        Move(A.SHIP, frozenset({S.IN_STOCK}), S.SHIPPED, Permission.MOVE),
        Move(A.SCRAP, frozenset({S.IN_STOCK, S.ISSUED, S.IN_REPAIR, S.CUSTOMER_RETURN, S.QUARANTINED}), S.SCRAPPED,
             Permission.MOVE),
        Move(A.LOSE, frozenset({S.IN_STOCK}), S.LOST, Permission.MOVE),
        Move(A.FIND, frozenset({S.LOST}), S.IN_STOCK, Permission.MOVE),
        Move(A.CUSTOMER_RETURN, frozenset({S.SHIPPED}), S.CUSTOMER_RETURN, Permission.SERVICE),
        Move(A.ACCEPT, frozenset({S.CUSTOMER_RETURN}), S.IN_STOCK, Permission.SERVICE),
        Move(A.REPLACE, frozenset({S.IN_STOCK}), S.SHIPPED, Permission.SERVICE),
        Move(A.SUPPLIER_BACK, frozenset({S.RETURNED_TO_SUPPLIER}), S.IN_STOCK, Permission.SERVICE),
        Move(A.BLOCK, frozenset({S.IN_STOCK}), S.QUARANTINED, Permission.MOVE, stays=True),
        Move(A.RELEASE, frozenset({S.QUARANTINED}), S.IN_STOCK, Permission.MOVE, stays=True),
    )
}


# Moves that carry a record of their own (a customer's RMA, a swap, a supplier's RMA): made only by
# their services in snapp.services.aftersales, never as a plain move that would leave the record behind.
OWN_SERVICE = frozenset({A.CUSTOMER_RETURN, A.REPLACE, A.SUPPLIER_BACK})


def allowed_actions(status: Status | str) -> list[Action]:
    """The moves a unit in ``status`` can make, in table order."""
    return [action for action, move in TRANSITIONS.items() if Status(status) in move.sources]


def check_move(serial: str, status: Status | str, action: Action) -> Move:
    """Return the move, or refuse it naming the current status and what is allowed."""
    # Receiving creates a unit; no existing unit can be received again.
    move = TRANSITIONS.get(action)
    if move is None or Status(status) not in move.sources:
        allowed = listed((Text(f"verb.{a}") for a in allowed_actions(status)), "list.final")
        verb, named = Text(f"verb.{action}"), status_name(status)
        raise IllegalTransition("lifecycle.not_allowed", serial=serial, verb=verb, status=named, allowed=allowed)
    return move

