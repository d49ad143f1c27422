"""Users and their roles. Passwords and login come with the security work."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from snapp.db.models import User
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission, Role
from snapp.errors import Problem, ValidationError
from snapp.services.base import UnitOfWork, service


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: str
    active: bool


@service(Permission.ADMIN)
def add_user(uow: UnitOfWork, name: str, role: Role | str) -> UserRecord:
    name = normalise(name)
    problems = []
    if not name:
        problems.append(Problem("name", "", "name", "is required"))
    if role not in tuple(Role):
        problems.append(Problem("role", str(role), "role", f"must be one of {', '.join(Role)}"))
    if problems:
        raise ValidationError(problems)
    uow.session.add(User(name=name, role=Role(role), active=True))
    uow.session.flush()
    uow.audit("user.create", "user", name, after={"role": role})
    return UserRecord(name, Role(role), True)


@service(Permission.VIEW, write=False)
def list_users(uow: UnitOfWork) -> list[UserRecord]:
    return [UserRecord(u.name, u.role, u.active) for u in uow.session.scalars(select(User).order_by(User.name))]
