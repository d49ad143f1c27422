"""snapp.domain.lifecycle: the one table of allowed transitions."""

from __future__ import annotations

import itertools

import pytest

from snapp.domain.lifecycle import TRANSITIONS, Action, Status, allowed_actions, check_move
from snapp.domain.permissions import Permission
from snapp.errors import IllegalTransition, SnappError

S, A = Status, Action

# What the product allows, written out independently of the code's table.
LEGAL: dict[tuple[Status, Action], Status] = {
    (S.IN_STOCK, A.ISSUE): S.ISSUED,
    (S.ISSUED, A.RESTOCK): S.IN_STOCK,
    (S.IN_STOCK, A.TRANSFER): S.IN_STOCK,
    (S.IN_STOCK, A.REPAIR): S.IN_REPAIR,
    (S.ISSUED, A.REPAIR): S.IN_REPAIR,
    (S.IN_REPAIR, A.UNREPAIR): S.IN_STOCK,
    (S.IN_STOCK, A.RETURN): S.RETURNED_TO_SUPPLIER,
    (S.IN_REPAIR, A.RETURN): S.RETURNED_TO_SUPPLIER,
    (S.IN_STOCK, A.SHIP): S.SHIPPED,
    (S.IN_STOCK, A.SCRAP): S.SCRAPPED,
    (S.ISSUED, A.SCRAP): S.SCRAPPED,
    (S.IN_REPAIR, A.SCRAP): S.SCRAPPED,
    (S.IN_STOCK, A.LOSE): S.LOST,
    (S.LOST, A.FIND): S.IN_STOCK,
    (S.SHIPPED, A.CUSTOMER_RETURN): S.CUSTOMER_RETURN,
    (S.CUSTOMER_RETURN, A.ACCEPT): S.IN_STOCK,
    (S.CUSTOMER_RETURN, A.REPAIR): S.IN_REPAIR,
    (S.CUSTOMER_RETURN, A.RETURN): S.RETURNED_TO_SUPPLIER,
    (S.CUSTOMER_RETURN, A.SCRAP): S.SCRAPPED,
    (S.IN_STOCK, A.REPLACE): S.SHIPPED,
    (S.RETURNED_TO_SUPPLIER, A.SUPPLIER_BACK): S.IN_STOCK,
    (S.IN_STOCK, A.BLOCK): S.QUARANTINED,
    (S.QUARANTINED, A.RELEASE): S.IN_STOCK,
    (S.QUARANTINED, A.RETURN): S.RETURNED_TO_SUPPLIER,
    (S.QUARANTINED, A.SCRAP): S.SCRAPPED,
}
ALLOWED: dict[Status, list[str]] = {
    S.IN_STOCK: ["issue", "transfer", "repair", "return", "ship", "scrap", "lose", "replace", "block"],
    S.ISSUED: ["restock", "repair", "scrap"],
    S.IN_REPAIR: ["unrepair", "return", "scrap"],
    S.RETURNED_TO_SUPPLIER: ["supplier_back"],
    S.SHIPPED: ["customer_return"],
    S.SCRAPPED: [],
    S.LOST: ["found"],
    S.CUSTOMER_RETURN: ["repair", "return", "scrap", "accept"],
    S.QUARANTINED: ["return", "scrap", "release"],
}
# Each move as a sentence says it.
VERBS = {
    A.ISSUE: "issue", A.RESTOCK: "return from issue", A.TRANSFER: "transfer", A.REPAIR: "send to repair",
    A.UNREPAIR: "return from repair", A.RETURN: "return to supplier", A.SHIP: "ship to customer", A.SCRAP: "scrap",
    A.LOSE: "mark lost", A.FIND: "mark found", A.RECEIVE: "receive", A.CUSTOMER_RETURN: "take back from a customer",
    A.ACCEPT: "put back to stock after inspection", A.REPLACE: "send as a replacement",
    A.SUPPLIER_BACK: "take back from the supplier", A.BLOCK: "block (quarantine)", A.RELEASE: "release from quarantine",
}  # fmt: skip
NAMES = {
    S.IN_STOCK: "In stock", S.ISSUED: "Issued", S.IN_REPAIR: "In repair", S.RETURNED_TO_SUPPLIER: "Returned to supplier",
    S.SHIPPED: "Shipped", S.SCRAPPED: "Scrapped", S.LOST: "Lost", S.CUSTOMER_RETURN: "Returned by customer",
    S.QUARANTINED: "Quarantined",
}  # fmt: skip
ILLEGAL = [pair for pair in itertools.product(Status, Action) if pair not in LEGAL]


def test_status_and_action_values():
    assert [s.value for s in Status] == [
        "in_stock", "issued", "in_repair", "returned_to_supplier", "shipped", "scrapped", "lost", "customer_return", "quarantined",
    ]  # fmt: skip
    assert [a.value for a in Action] == [
        "receive", "issue", "restock", "transfer", "repair", "unrepair", "return", "ship", "scrap", "lose", "found",
        "customer_return", "accept", "replace", "supplier_back", "block", "release",
    ]  # fmt: skip


def test_table_is_exactly_the_legal_moves():
    table = {(source, action): move.target for action, move in TRANSITIONS.items() for source in move.sources}
    assert table == LEGAL


@pytest.mark.parametrize(
    ("action", "permission", "needs_location", "label"),
    [
        (A.ISSUE, Permission.MOVE, False, "issue"),
        (A.RESTOCK, Permission.MOVE, True, "return from issue"),
        (A.TRANSFER, Permission.MOVE, True, "transfer"),
        (A.REPAIR, Permission.SERVICE, False, "send to repair"),
        (A.UNREPAIR, Permission.SERVICE, True, "return from repair"),
        (A.RETURN, Permission.SERVICE, False, "return to supplier"),
        (A.SHIP, Permission.MOVE, False, "ship to customer"),
        (A.SCRAP, Permission.MOVE, False, "scrap"),
        (A.LOSE, Permission.MOVE, False, "mark lost"),
        (A.FIND, Permission.MOVE, True, "mark found"),
        (A.CUSTOMER_RETURN, Permission.SERVICE, False, "take back from a customer"),
        (A.ACCEPT, Permission.SERVICE, True, "put back to stock after inspection"),
        (A.REPLACE, Permission.SERVICE, False, "send as a replacement"),
        (A.SUPPLIER_BACK, Permission.SERVICE, True, "take back from the supplier"),
        (A.BLOCK, Permission.MOVE, False, "block (quarantine)"),
        (A.RELEASE, Permission.MOVE, False, "release from quarantine"),
    ],
)
def test_move_details(action, permission, needs_location, label):
    move = TRANSITIONS[action]
    assert (move.permission, move.needs_location, move.label) == (permission, needs_location, label)


def test_moves_back_onto_a_shelf_need_a_location():
    """A move that ends in stock puts the unit on one of our shelves; block and release leave it where it stands."""
    for action, move in TRANSITIONS.items():
        assert move.needs_location == (move.target is S.IN_STOCK and action is not A.RELEASE), action
    assert TRANSITIONS[A.BLOCK].stays and TRANSITIONS[A.RELEASE].stays


@pytest.mark.parametrize("status", list(Status))
def test_allowed_actions_in_table_order(status):
    assert [a.value for a in allowed_actions(status)] == ALLOWED[status]
    assert allowed_actions(status.value) == allowed_actions(status)


def test_allowed_actions_unknown_status():
    with pytest.raises(ValueError):
        allowed_actions("missing")


@pytest.mark.parametrize(("status", "action"), sorted(LEGAL), ids=lambda v: v.value)
def test_legal_moves_pass(status, action):
    move = check_move("SN1", status, action)
    assert move.target == LEGAL[(status, action)]
    assert move is TRANSITIONS[action]
    assert check_move("SN1", status.value, action) is move  # the status as stored in the database


@pytest.mark.parametrize(("status", "action"), ILLEGAL, ids=lambda v: v.value)
def test_illegal_moves_are_refused_naming_status_and_allowed(status, action):
    with pytest.raises(IllegalTransition) as info:
        check_move("SN-42", status.value, action)
    message = str(info.value)
    assert isinstance(info.value, SnappError)
    assert message.startswith(f"SN-42: cannot {VERBS[action]} a unit that is {NAMES[status]};")
    allowed = ", ".join(VERBS[Action(a)] for a in ALLOWED[status]) or "nothing (final status)"
    assert message.endswith(f"allowed from {NAMES[status]}: {allowed}")
    assert info.value.code == "lifecycle.not_allowed"


def test_illegal_move_message_in_full():
    with pytest.raises(IllegalTransition) as info:
        check_move("SN1", S.SHIPPED, A.SHIP)
    assert str(info.value) == (
        "SN1: cannot ship to customer a unit that is Shipped; allowed from Shipped: take back from a customer"
    )
    with pytest.raises(IllegalTransition) as info:
        check_move("SN1", S.SCRAPPED, A.SHIP)
    assert str(info.value).endswith("allowed from Scrapped: nothing (final status)")
    with pytest.raises(IllegalTransition) as info:
        check_move("SN1", S.ISSUED, A.SHIP)
    assert str(info.value) == (
        "SN1: cannot ship to customer a unit that is Issued; allowed from Issued: return from issue, send to repair, scrap"
    )
    assert info.value.say("zh") == "SN1：不能对已领用的单位执行发货给客户；已领用时可以：领用归还、送修、报废"


@pytest.mark.parametrize("status", [S.SCRAPPED])
def test_final_statuses_allow_nothing(status):
    assert allowed_actions(status) == []
