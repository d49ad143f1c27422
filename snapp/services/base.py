"""The unit of work every service runs in.

A service is a function ``f(uow, ...)`` decorated with ``@service(permission)``;
callers call it as ``f(ctx, ...)``. The decorator opens a session, resolves the
acting user, checks the permission, runs the function, and commits only if it
returned normally; the session rolls back on any error. Serialization failures
and deadlocks on PostgreSQL are retried a bounded number of times.

``Context`` is the identity the core trusts in-process: the edges (CLI, GUI)
build one only from ``snapp.services.auth.login`` or the first-run
``create_first_admin``. An unknown or disabled name is refused on every call,
and every refusal is itself audited, in its own transaction, after the refused
one has rolled back.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, any_, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from snapp.db.engine import Database
from snapp.db.models import User, audit_table, chain_head_table, utcnow
from snapp.domain.auditchain import entry_hash
from snapp.domain.permissions import Permission, Role, allows
from snapp.errors import Conflict, PermissionDenied, Problem, Text, ValidationError

LOOKUP_CHUNK = 900  # bound parameters per IN list, under SQLite's oldest limit of 999
RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock
MAX_ATTEMPTS = 4
PAGE_MAX = 100_000  # rows in one page of a list (a screen, a terminal); exports stream any number
OFFSET_MAX = 1_000_000_000  # far past any list, and far below the 64-bit integer a database takes

# What a unique constraint means to a user, by constraint name.
UNIQUE_MEANING = {
    "uq_users_name": "a user with this name already exists",
    "uq_suppliers_code": "a supplier with this code already exists",
    "uq_items_sku": "an item with this SKU already exists",
    "uq_items_gtin": "another item already has this GTIN",
    "uq_locations_code": "a location with this code already exists",
    "uq_serials_item_id_serial": "this serial has already been received for this item",
}


@dataclass(frozen=True)
class Context:
    """What every service call needs: the database and the name of who is acting."""

    db: Database
    user: str


@dataclass(frozen=True)
class Actor:
    id: int | None
    name: str
    role: Role


class UnitOfWork:
    def __init__(self, session: Session, ctx: Context, actor: Actor):
        self.session = session
        self.ctx = ctx
        self.actor = actor

    def audit(self, action: str, entity: str, key: str, before: Any = None, after: Any = None) -> None:
        """Record the change in the same transaction as the change itself."""
        write_audit(self.session, self.actor.name, action, entity, key, before, after)


CHANGES_CHANNEL = "snapp_changes"


_HEAD = select(chain_head_table.c.seq, chain_head_table.c.hash).where(chain_head_table.c.id == 1)
_LOCKED_HEAD = _HEAD.with_for_update()  # SQLite: the BEGIN IMMEDIATE write lock already serialises
_MOVE_HEAD = update(chain_head_table).where(chain_head_table.c.id == 1)


def lock_audit_chain(session: Session) -> tuple[int, str]:
    """Take the chain head for this transaction: (seq, hash) of the last entry.

    Appends wait here for each other until commit, so two writers can never
    chain to the same entry and fork the trail.
    """
    seq, head = session.connection().execute(_LOCKED_HEAD).one()
    return seq, head


def write_audit(
    session: Session, user_name: str, action: str, entity: str, key: str, before: Any = None, after: Any = None
) -> None:
    """Append an entry to the audit chain, in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        # Delivered on commit to every listening PC, so their screens refresh; dropped on rollback.
        session.execute(select(func.pg_notify(CHANGES_CHANNEL, entity)))
    seq, prev_hash = lock_audit_chain(session)
    row = {
        "seq": seq + 1,
        "at": utcnow(),
        "user_name": user_name[:64],
        "action": action[:40],
        "entity": entity[:40],
        "entity_key": key[:100],
        "before": _json(before),
        "after": _json(after),
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(**row)
    conn = session.connection()
    conn.execute(insert(audit_table), row)
    conn.execute(_MOVE_HEAD, {"seq": row["seq"], "hash": row["hash"]})


def audit_apart(
    db: Database, user_name: str, action: str, entity: str, key: str, before: Any = None, after: Any = None
) -> None:
    """Append an entry in a short transaction of its own.

    For what is no change inside the database, or must be recorded although the
    change was refused: a refusal (the refused transaction rolled back), a
    failed login, a backup (made while the database stays open to writers).
    """
    with db.session(write=True) as session:
        write_audit(session, user_name, action, entity, key, before, after)
        session.commit()


P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def service(
    permission: Permission, *, write: bool = True
) -> Callable[[Callable[Concatenate[UnitOfWork, P], R]], Callable[Concatenate[Context, P], R]]:
    def decorate(fn: Callable[Concatenate[UnitOfWork, P], R]) -> Callable[Concatenate[Context, P], R]:
        @functools.wraps(fn)
        def run(ctx: Context, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return _attempts(ctx, permission, write, fn, args, kwargs)
            except PermissionDenied as refused:
                what = f"{fn.__module__.rpartition('.')[2]}.{fn.__name__}"
                audit_apart(ctx.db, ctx.user, "access.denied", "service", what, after={"reason": str(refused)})
                raise

        run.permission = permission  # type: ignore[attr-defined]  # read by the permission-matrix test
        return run

    return decorate


def _attempts(ctx: Context, permission: Permission, write: bool, fn: Callable, args: tuple, kwargs: dict) -> Any:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        with ctx.db.session(write=write) as session:
            try:
                actor = _resolve_actor(session, ctx.user)
                if not allows(actor.role, permission):
                    raise PermissionDenied(
                        f"{actor.name} ({actor.role}) may not do this: it needs the {permission} permission"
                    )
                result = fn(UnitOfWork(session, ctx, actor), *args, **kwargs)
                if write:
                    session.commit()
                return result
            except IntegrityError as err:
                session.rollback()
                meaning = UNIQUE_MEANING.get(unique_constraint(err) or "")
                if meaning:
                    raise Conflict(meaning) from err
                raise
            except DBAPIError as err:
                session.rollback()
                if sqlstate(err) in RETRY_SQLSTATES and attempt < MAX_ATTEMPTS:
                    time.sleep(0.05 * 2**attempt)
                    continue
                raise
    raise AssertionError("unreachable")


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def among(session: Session, column: ColumnElement, values: Sequence) -> Iterator[ColumnElement[bool]]:
    """``column IN values`` as few conditions as the database allows.

    PostgreSQL takes the whole list as one array parameter (one round trip,
    nothing to render per value); SQLite takes chunks under its parameter limit.
    """
    if session.get_bind().dialect.name == "postgresql":
        yield column == any_(bindparam("values", list(values), type_=postgresql.ARRAY(column.type)))
    else:
        for chunk in chunks(values, LOOKUP_CHUNK):
            yield column.in_(chunk)


def sqlstate(err: DBAPIError) -> str | None:
    return getattr(err.orig, "sqlstate", None)


_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (.+)")


def unique_constraint(err: IntegrityError) -> str | None:
    """The name of the unique constraint ``err`` violated, on PostgreSQL and SQLite alike."""
    diag = getattr(err.orig, "diag", None)
    if diag is not None and sqlstate(err) == "23505":
        return diag.constraint_name
    if match := _SQLITE_UNIQUE.search(str(err.orig)):
        columns = [c.strip() for c in match[1].split(",")]
        table = columns[0].split(".")[0]
        return "uq_" + table + "_" + "_".join(c.split(".")[1] for c in columns)
    return None


_USER = select(User).where(User.name == bindparam("name"))


def _resolve_actor(session: Session, name: str) -> Actor:
    user = session.scalar(_USER, {"name": name})
    if user is None:
        if session.scalar(select(User.id).limit(1)) is None:
            raise PermissionDenied(
                "this database has no user yet; create its first admin with "
                "`snapp user add NAME --role admin --password-stdin`"
            )
        raise PermissionDenied(f"unknown user {name!r}; an admin can add it with `snapp user add {name} --role ROLE`")
    if not user.active:
        raise PermissionDenied(f"user {name} is disabled")
    return Actor(user.id, user.name, Role(user.role))


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def check_page(limit: int, offset: int = 0) -> None:
    """Refuse a page no list can have: a size or start below zero, or one a database would choke on."""
    problems = [
        Problem(name, str(value), name, Text("validation.between", low=0, high=high))
        for name, value, high in (("limit", limit, PAGE_MAX), ("offset", offset, OFFSET_MAX))
        if not 0 <= value <= high
    ]
    if problems:
        raise ValidationError(problems)
