"""snapp.domain.purchasing (PO statuses and moves) and snapp.domain.permissions (roles)."""

from __future__ import annotations

import itertools

import pytest

from snapp.domain.permissions import ROLE_PERMISSIONS, Permission, Role, allows
from snapp.domain.purchasing import PO, RECEIVABLE, POStatus, check_po_move, status_after_receipt
from snapp.errors import IllegalTransition

P = POStatus

LEGAL = {
    ("approve", P.DRAFT): P.APPROVED,
    ("cancel", P.DRAFT): P.CANCELLED,
    ("cancel", P.APPROVED): P.CANCELLED,
    ("close", P.APPROVED): P.CLOSED,
    ("close", P.PARTIALLY_RECEIVED): P.CLOSED,
    ("close", P.RECEIVED): P.CLOSED,
}
ALLOWED = {
    P.DRAFT: "approve, cancel",
    P.APPROVED: "cancel, close",
    P.PARTIALLY_RECEIVED: "close",
    P.RECEIVED: "close",
    P.CLOSED: "nothing",
    P.CANCELLED: "nothing",
}
NAMES = {
    P.DRAFT: "Draft",
    P.APPROVED: "Approved",
    P.PARTIALLY_RECEIVED: "Partially received",
    P.RECEIVED: "Received in full",
    P.CLOSED: "Closed",
    P.CANCELLED: "Cancelled",
}
ILLEGAL = [pair for pair in itertools.product(["approve", "cancel", "close"], POStatus) if pair not in LEGAL]


def test_po_statuses():
    assert [s.value for s in POStatus] == ["draft", "approved", "partially_received", "received", "closed", "cancelled"]


def test_po_table_is_exactly_the_legal_moves():
    assert {(verb, status): target for verb, (sources, target) in PO.moves.items() for status in sources} == LEGAL


def test_receivable_statuses():
    assert RECEIVABLE == {P.APPROVED, P.PARTIALLY_RECEIVED}


@pytest.mark.parametrize(("verb", "status"), sorted(LEGAL))
def test_legal_po_moves_pass(verb, status):
    assert check_po_move("PO-0001", status, verb) is LEGAL[(verb, status)]
    assert check_po_move("PO-0001", status.value, verb) is LEGAL[(verb, status)]


@pytest.mark.parametrize(("verb", "status"), ILLEGAL)
def test_illegal_po_moves_are_refused(verb, status):
    with pytest.raises(IllegalTransition) as info:
        check_po_move("PO-0007", status.value, verb)
    assert str(info.value) == f"PO PO-0007 is {NAMES[status]}; cannot {verb} it (allowed: {ALLOWED[status]})"
    assert info.value.code == "state.not_allowed"


def test_a_refused_po_move_in_chinese():
    with pytest.raises(IllegalTransition) as info:
        check_po_move("PO-0007", "draft", "close")
    assert info.value.say("zh") == "采购订单 PO-0007当前为草稿，不能关闭（可以：审核、取消）"


@pytest.mark.parametrize(
    ("ordered", "received", "status"),
    [
        (10, 0, P.APPROVED),
        (10, 1, P.PARTIALLY_RECEIVED),
        (10, 9, P.PARTIALLY_RECEIVED),
        (10, 10, P.RECEIVED),
        (10, 11, P.RECEIVED),
        (1, 1, P.RECEIVED),
    ],
)
def test_status_after_receipt(ordered, received, status):
    assert status_after_receipt(ordered, received) == status


# --- permissions -------------------------------------------------------------------

PERMITTED = {
    Role.ADMIN: set(Permission),
    Role.PROCUREMENT: {Permission.VIEW, Permission.MASTER_DATA, Permission.PURCHASING, Permission.REPORTS,
                       Permission.EXPORT},
    Role.WAREHOUSE: {Permission.VIEW, Permission.RECEIVE, Permission.MOVE, Permission.LABELS, Permission.STOCKTAKE,
                     Permission.EXPORT},
    Role.SERVICE: {Permission.VIEW, Permission.SERVICE, Permission.EXPORT},
    Role.AUDITOR: {Permission.VIEW, Permission.REPORTS, Permission.EXPORT, Permission.AUDIT},
}


def test_roles_and_permissions():
    assert [r.value for r in Role] == ["admin", "procurement", "warehouse", "service", "auditor"]
    assert {role: set(perms) for role, perms in ROLE_PERMISSIONS.items()} == PERMITTED


@pytest.mark.parametrize(("role", "permission"), list(itertools.product(Role, Permission)), ids=str)
def test_allows(role, permission):
    assert allows(role, permission) is (permission in PERMITTED[role])
    assert allows(role.value, permission) is (permission in PERMITTED[role])


def test_allows_unknown_role():
    with pytest.raises(ValueError):
        allows("guest", Permission.VIEW)


def test_auditor_cannot_change_anything():
    changing = set(Permission) - {Permission.VIEW, Permission.REPORTS, Permission.EXPORT, Permission.AUDIT}
    assert not any(allows(Role.AUDITOR, p) for p in changing)
