"""Users and their roles, passwords and lockout; only an admin manages them.

Logging in and the first admin of a new database are in ``snapp.services.auth``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from snapp.db.models import User, utcnow
from snapp.db.roles import grant_application_role
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission, Role, allows
from snapp.errors import Conflict, NotFound, PermissionDenied, Problem, ValidationError
from snapp.services.auth import hash_password, is_last_admin, lock_state_of
from snapp.services.base import Context, UnitOfWork, service


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: str
    active: bool
    has_password: bool = False
    failed_logins: int = 0
    locked: bool = False


@service(Permission.ADMIN)
def add_user(uow: UnitOfWork, name: str, role: Role | str, password: str | None = None) -> UserRecord:
    """Add a user; without a password it cannot log in until an admin sets one."""
    name = normalise(name)
    problems = []
    if not name:
        problems.append(Problem("name", "", "name", "is required"))
    if role not in tuple(Role):
        problems.append(Problem("role", str(role), "role", f"must be one of {', '.join(Role)}"))
    if problems:
        raise ValidationError(problems)
    hashed = hash_password(password) if password is not None else None
    uow.session.add(User(name=name, role=Role(role), active=True, password_hash=hashed))
    uow.session.flush()
    uow.audit("user.create", "user", name, after={"role": role, "password": hashed is not None})
    return UserRecord(name, Role(role), True, hashed is not None)


@service(Permission.VIEW, write=False)
def list_users(uow: UnitOfWork) -> list[UserRecord]:
    return [_record(uow, u) for u in uow.session.scalars(select(User).order_by(User.name))]


def current_user(ctx: Context) -> UserRecord | None:
    """The record of the user ``ctx`` acts as: what a client may offer depends on its role."""
    return next((u for u in list_users(ctx) if u.name == ctx.user), None)


@service(Permission.VIEW)
def set_password(uow: UnitOfWork, name: str, password: str) -> UserRecord:
    """An admin sets anyone's password; everybody else only their own (the edge checked the old one by logging in)."""
    user = _user(uow, name)
    if user.name != uow.actor.name and not allows(uow.actor.role, Permission.ADMIN):
        raise PermissionDenied(f"{uow.actor.name} ({uow.actor.role}) may change only their own password")
    user.password_hash = hash_password(password)
    uow.session.flush()
    uow.audit("user.password", "user", user.name, after={"password": "changed"})
    return _record(uow, user)


@service(Permission.ADMIN)
def set_active(uow: UnitOfWork, name: str, active: bool) -> UserRecord:
    user = _user(uow, name)
    if not active:
        _keep_an_admin(uow, user, "disabled")
    before, user.active = user.active, active
    uow.session.flush()
    uow.audit("user.enable" if active else "user.disable", "user", user.name, before={"active": before},
              after={"active": active})  # fmt: skip
    return _record(uow, user)


@service(Permission.ADMIN)
def set_role(uow: UnitOfWork, name: str, role: Role | str) -> UserRecord:
    user = _user(uow, name)
    if role not in tuple(Role):
        raise ValidationError(Problem("role", str(role), "role", f"must be one of {', '.join(Role)}"))
    if role != Role.ADMIN:
        _keep_an_admin(uow, user, "made " + str(role))
    before, user.role = user.role, Role(role)
    uow.session.flush()
    uow.audit("user.role", "user", user.name, before={"role": before}, after={"role": role})
    return _record(uow, user)


@service(Permission.ADMIN)
def unlock(uow: UnitOfWork, name: str) -> UserRecord:
    """Forget the failed logins of an account and lift its lock."""
    user = _user(uow, name)
    before = {"failed_logins": user.failed_logins, "locked_until": user.locked_until}
    user.failed_logins, user.locked_until = 0, None
    uow.session.flush()
    uow.audit("user.unlock", "user", user.name, before=before, after={"failed_logins": 0, "locked_until": None})
    return _record(uow, user)


@service(Permission.ADMIN)
def grant_server_role(uow: UnitOfWork, role: str) -> list[str]:
    """PostgreSQL: let the server role ``role`` use SNApp, with the audit trail append-only."""
    if uow.ctx.db.is_sqlite:
        raise Conflict("server roles exist on PostgreSQL only; an SQLite file is guarded by the PC's own accounts")
    statements = grant_application_role(uow.session.connection(), role)
    uow.audit("server.grant", "server_role", role, after={"statements": statements})
    return statements


def _user(uow: UnitOfWork, name: str) -> User:
    user = uow.session.scalar(select(User).where(User.name == normalise(name)))
    if user is None:
        raise NotFound(f"no user named {name!r}")
    return user


def _keep_an_admin(uow: UnitOfWork, user: User, change: str) -> None:
    # Two admins demoting each other at once: the second waits here, then counts without the first's victim.
    uow.session.execute(select(User.id).where(User.role == Role.ADMIN, User.active).with_for_update())
    if user.active and is_last_admin(uow.session, user):
        raise Conflict(f"{user.name} is the last admin who can log in and cannot be {change}; add another admin first")


def _record(uow: UnitOfWork, user: User) -> UserRecord:
    locked = lock_state_of(uow.session, user, utcnow()).locked
    return UserRecord(user.name, user.role, user.active, user.password_hash is not None, user.failed_logins, locked)
