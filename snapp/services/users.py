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
from snapp.errors import Conflict, NotFound, PermissionDenied, Problem, Text, ValidationError
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
        problems.append(Problem(Text("access.field.name"), "", "name", Text("validation.required")))
    if role not in tuple(Role):
        problems.append(_role_problem(role))
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
        raise PermissionDenied("access.own_password_only", name=uow.actor.name, role=str(uow.actor.role))
    user.password_hash = hash_password(password)
    uow.session.flush()
    uow.audit("user.password", "user", user.name, after={"password": "changed"})
    return _record(uow, user)


@service(Permission.ADMIN)
def set_active(uow: UnitOfWork, name: str, active: bool) -> UserRecord:
    user = _user(uow, name)
    if not active:
        _keep_an_admin(uow, user, Text("access.change.disabled"))
    before, user.active = user.active, active
    uow.session.flush()
    uow.audit("user.enable" if active else "user.disable", "user", user.name, before={"active": before},
              after={"active": active})  # fmt: skip
    return _record(uow, user)


@service(Permission.ADMIN)
def set_role(uow: UnitOfWork, name: str, role: Role | str) -> UserRecord:
    user = _user(uow, name)
    if role not in tuple(Role):
        raise ValidationError(_role_problem(role))
    if role != Role.ADMIN:
        _keep_an_admin(uow, user, Text("access.change.role", role=str(role)))
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
        raise Conflict("access.server_roles_pg_only")
    statements = grant_application_role(uow.session.connection(), role)
    uow.audit("server.grant", "server_role", role, after={"statements": statements})
    return statements


def _user(uow: UnitOfWork, name: str) -> User:
    user = uow.session.scalar(select(User).where(User.name == normalise(name)))
    if user is None:
        raise NotFound("access.no_such_user", field="name", name=name)
    return user


def _role_problem(role: object) -> Problem:
    return Problem(Text("access.field.role"), str(role), "role", Text("access.role_choices", roles=", ".join(Role)))


def _keep_an_admin(uow: UnitOfWork, user: User, change: Text) -> None:
    # Two admins demoting each other at once: the second waits here, then counts without the first's victim.
    uow.session.execute(select(User.id).where(User.role == Role.ADMIN, User.active).with_for_update())
    if user.active and is_last_admin(uow.session, user):
        raise Conflict("access.last_admin", name=user.name, change=change)


def _record(uow: UnitOfWork, user: User) -> UserRecord:
    locked = lock_state_of(uow.session, user, utcnow()).locked
    return UserRecord(user.name, user.role, user.active, user.password_hash is not None, user.failed_logins, locked)
