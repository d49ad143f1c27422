"""The serial lifecycle: statuses, moves, and the one table of allowed transitions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from snapp.domain.permissions import Permission
from snapp.errors import IllegalTransition


class Status(StrEnum):
    IN_STOCK = "in_stock"
    ISSUED = "issued"
    IN_REPAIR = "in_repair"
    RETURNED_TO_SUPPLIER = "returned_to_supplier"
    SHIPPED = "shipped"
    SCRAPPED = "scrapped"
    LOST = "lost"  # missing at a stocktake; "found" brings it back


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


@dataclass(frozen=True)
class Move:
    sources: frozenset[Status]
    target: Status
    permission: Permission
    needs_location: bool  # the unit ends up on a shelf of ours, so it needs one
    label: str


S = Status
TRANSITIONS: dict[Action, Move] = {
    Action.ISSUE: Move(frozenset({S.IN_STOCK}), S.ISSUED, Permission.MOVE, False, "issue"),
    Action.RESTOCK: Move(frozenset({S.ISSUED}), S.IN_STOCK, Permission.MOVE, True, "return from issue"),
    Action.TRANSFER: Move(frozenset({S.IN_STOCK}), S.IN_STOCK, Permission.MOVE, True, "transfer"),
    Action.REPAIR: Move(frozenset({S.IN_STOCK, S.ISSUED}), S.IN_REPAIR, Permission.SERVICE, False, "send to repair"),
    Action.UNREPAIR: Move(frozenset({S.IN_REPAIR}), S.IN_STOCK, Permission.SERVICE, True, "return from repair"),
    Action.RETURN: Move(
        frozenset({S.IN_STOCK, S.IN_REPAIR}), S.RETURNED_TO_SUPPLIER, Permission.SERVICE, False, "return to supplier"
    ),
    Action.SHIP: Move(frozenset({S.IN_STOCK}), S.SHIPPED, Permission.MOVE, False, "ship to customer"),
    Action.SCRAP: Move(frozenset({S.IN_STOCK, S.ISSUED, S.IN_REPAIR}), S.SCRAPPED, Permission.MOVE, False, "scrap"),
    Action.LOSE: Move(frozenset({S.IN_STOCK}), S.LOST, Permission.MOVE, False, "mark lost"),
    Action.FIND: Move(frozenset({S.LOST}), S.IN_STOCK, Permission.MOVE, True, "mark found"),
}


def allowed_actions(status: Status | str) -> list[Action]:
    """The moves a unit in ``status`` can make, in table order."""
    return [action for action, move in TRANSITIONS.items() if Status(status) in move.sources]


def check_move(serial: str, status: Status | str, action: Action) -> Move:
    """Return the move, or refuse it naming the current status and what is allowed."""
    # Receiving creates a unit; no existing unit can be received again.
    move = TRANSITIONS.get(action)
    if move is None or Status(status) not in move.sources:
        label = move.label if move else action.value
        allowed = ", ".join(a.value for a in allowed_actions(status)) or "nothing (final status)"
        raise IllegalTransition(f"{serial}: cannot {label} a unit that is {status}; allowed from {status}: {allowed}")
    return move
