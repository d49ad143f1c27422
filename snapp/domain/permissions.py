"""Who may do what: the one table of roles and permissions.

Every service names the permission it needs (``@service(Permission.X)``) and
the core checks it on every call, whatever the caller.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    PROCUREMENT = "procurement"
    WAREHOUSE = "warehouse"
    SERVICE = "service"
    AUDITOR = "auditor"


class Permission(StrEnum):
    VIEW = "view"  # look up and list: every role
    MASTER_DATA = "master_data"  # suppliers, items, locations
    PURCHASING = "purchasing"  # purchase orders
    RECEIVE = "receive"
    MOVE = "move"  # issue, restock, transfer, ship, scrap
    LABELS = "labels"  # print serial labels
    STOCKTAKE = "stocktake"  # count a location and apply the outcome
    SERVICE = "service"  # repair and return to supplier
    REPORTS = "reports"  # documents and the monthly report
    EXPORT = "export"  # registers and history out to Excel (each export audited)
    AUDIT = "audit"  # read and verify the audit trail, check the database
    ADMIN = "admin"  # users, settings, backup and restore


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.PROCUREMENT: frozenset(
        {Permission.VIEW, Permission.MASTER_DATA, Permission.PURCHASING, Permission.REPORTS, Permission.EXPORT}
    ),
    Role.WAREHOUSE: frozenset(
        {Permission.VIEW, Permission.RECEIVE, Permission.MOVE, Permission.LABELS, Permission.STOCKTAKE, Permission.EXPORT}
    ),
    Role.SERVICE: frozenset({Permission.VIEW, Permission.SERVICE, Permission.EXPORT}),
    Role.AUDITOR: frozenset({Permission.VIEW, Permission.REPORTS, Permission.EXPORT, Permission.AUDIT}),
}


def allows(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(role)]
