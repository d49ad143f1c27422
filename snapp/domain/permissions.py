"""Who may do what: the one table of roles and permissions."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    PROCUREMENT = "procurement"
    WAREHOUSE = "warehouse"
    SERVICE = "service"
    AUDITOR = "auditor"


class Permission(StrEnum):
    VIEW = "view"
    MASTER_DATA = "master_data"
    PURCHASING = "purchasing"
    RECEIVE = "receive"
    MOVE = "move"
    SERVICE = "service"
    REPORTS = "reports"
    ADMIN = "admin"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.PROCUREMENT: frozenset({Permission.VIEW, Permission.MASTER_DATA, Permission.PURCHASING, Permission.REPORTS}),
    Role.WAREHOUSE: frozenset({Permission.VIEW, Permission.RECEIVE, Permission.MOVE}),
    Role.SERVICE: frozenset({Permission.VIEW, Permission.SERVICE}),
    Role.AUDITOR: frozenset({Permission.VIEW, Permission.REPORTS}),
}


def allows(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]
