"""Logging in: the only way a front end gets a Context, and what each kind of command needs first.

A front end gives the database URL it was told (see ``snapp.app.settings``),
the name, and how to get the password; these functions decide the rest: a
database with no user yet has no login (only its first admin can be created),
and a restore over a database nobody uses yet needs no login either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from snapp.errors import AuthenticationFailed, SnappError

if TYPE_CHECKING:
    from snapp.db.engine import Database
    from snapp.services.base import Context

Password = Callable[[], str]  # asked only once it is needed, so a refused first run never prompts


def open_db(url: str, *, migrate: bool = False) -> Database:
    """The database at ``url``, its schema checked (or brought up to date when ``migrate``)."""
    from snapp.db.schema import open_database

    return open_database(url, migrate=migrate)


def first_run(db: Database) -> bool:
    """True while the database has no user: the only thing to do is to create its first admin."""
    from snapp.services.auth import needs_first_run

    return needs_first_run(db)


def log_in(db: Database, name: str, password: Password) -> Context:
    """Check ``name`` and the password; a database with no user yet has nobody to log in as."""
    from snapp.services.auth import login

    if first_run(db):
        raise AuthenticationFailed("access.no_users", database=db.display)
    return login(db, name, password())


def create_first_admin(db: Database, name: str, role: str, new_password: Password) -> Context:
    """The first user of a new database: it must be its admin, and it acts at once without logging in."""
    from snapp.services.auth import create_first_admin as create

    if role != "admin":
        raise SnappError("access.first_user_admin", field="role", role=role)
    return create(db, name, new_password())


def admin_or_login(db: Database, name: str, new_password: Password, password: Password) -> tuple[Context, bool]:
    """For what may start a new database (the demo company): its first admin, else a login; True when created."""
    if first_run(db):
        return create_first_admin(db, name, "admin", new_password), True
    return log_in(db, name, password), False


def restorer(db: Database, name: str, password: Password) -> Context:
    """Who restores: over a database in use, its admin logs in; over a new or empty one, the name is recorded."""
    from snapp.db.schema import current_revision
    from snapp.services.base import Context

    if current_revision(db) is not None and not first_run(db):
        return log_in(db, name, password)
    return Context(db, name)
