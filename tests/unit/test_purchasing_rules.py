"""snapp.domain.purchasing (PO statuses and moves) and snapp.domain.permissions (roles)."""

from __future__ import annotations

import itertools

import pytest

from snapp.domain.permissions import ROLE_PERMISSIONS, Permission, Role, allows
from snapp.domain.purchasing import PO_TRANSITIONS, RECEIVABLE, POStatus, check_po_move, status_after_receipt
from snapp.errors import IllegalTransition

P = POStatus

LEGAL = {
    ("approve", P.DRAFT),
    ("cancel", P.DRAFT),
    ("cancel", P.APPROVED),
    ("close", P.APPROVED),
    ("close", P.PARTIALLY_RECEIVED),
    ("close", P.RECEIVED),
}
ALLOWED = {
    P.DRAFT: "approve, cancel",
    P.APPROVED: "cancel, close",
    P.PARTIALLY_RECEIVED: "close",
    P.RECEIVED: "close",
    P.CLOSED: "nothing",
    P.CANCELLED: "nothing",
}
ILLEGAL = [pair for pair in itertools.product(["approve", "cancel", "close"], POStatus) if pair not in LEGAL]


def test_po_statuses():
    assert [s.value for s in POStatus] == ["draft", "approved", "partially_received", "received", "closed", "cancelled"]


def test_po_table_is_exactly_the_legal_moves():
    assert {(verb, status) for verb, sources in PO_TRANSITIONS.items() for status in sources} == LEGAL


def test_receivable_statuses():
    assert RECEIVABLE == {P.APPROVED, P.PARTIALLY_RECEIVED}


@pytest.mark.parametrize(("verb", "status"), sorted(LEGAL))
def test_legal_po_moves_pass(verb, status):
    assert check_po_move("PO-0001", status, verb) is None
    assert check_po_move("PO-0001", status.value, verb) is None


@pytest.mark.parametrize(("verb", "status"), ILLEGAL)
def test_illegal_po_moves_are_refused(verb, status):
    with pytest.raises(IllegalTransition) as info:
        check_po_move("PO-0007", status.value, verb)
    assert str(info.value) == f"PO PO-0007 is {status.value}; cannot {verb} it (allowed: {ALLOWED[status]})"


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
    Role.WAREHOUSE: {Permission.VIEW, Permission.RECEIVE, Permission.MOVE, Permission.LABELS, Permission.COUNT,
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
