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

Every committed transaction says what it changed, in the words of `Entity`
(worked out from the tables it wrote, so no caller has to remember): the
edges collect it with `recording()` (a refused receipt that opened exceptions
in a transaction of its own still reports "exceptions"), and on PostgreSQL the
same words go to every listening PC as one notification per commit.

A read-only service (``write=False``) holds no write lock while it works: its
``uow.audit`` entries are written in a short transaction after the read one
has ended, and the files it writes through ``uow.output`` take their names only
once that entry has committed. A retried attempt draws into a fresh temporary
file, so no file (and no stream) is ever written twice.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import ColumnElement, Engine, any_, bindparam, event, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from snapp.db.engine import Database
from snapp.db.models import ApiCredential, User, audit_table, chain_head_table, utcnow
from snapp.domain.auditchain import entry_hash
from snapp.domain.permissions import Permission, Role, allows
from snapp.errors import (
    AuditTrailChanged,
    Conflict,
    DatabaseUnavailable,
    PermissionDenied,
    Problem,
    Text,
    ValidationError,
)
from snapp.io.output import output_target, unwritable

LOOKUP_CHUNK = 900  # bound parameters per IN list, under SQLite's oldest limit of 999
RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock
# The server ended this session: terminated by an admin, shut down, or not accepting connections yet.
GONE_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
MAX_ATTEMPTS = 4
PAGE_MAX = 100_000  # rows in one page of a list (a screen, a terminal); exports stream any number
OFFSET_MAX = 1_000_000_000  # far past any list, and far below the 64-bit integer a database takes

# What a unique constraint means to a user, by constraint name.
UNIQUE_MEANING = {
    "uq_users_name": "unique_constraint.user_name",
    "uq_suppliers_code": "unique_constraint.supplier_code",
    "uq_items_sku": "unique_constraint.item_sku",
    "uq_items_gtin": "unique_constraint.item_gtin",
    "uq_locations_code": "unique_constraint.location_code",
    "uq_serials_item_id_serial": "unique_constraint.serial",
    "uq_customers_code": "unique_constraint.customer_code",
    "uq_customer_rmas_number": "unique_constraint.rma_number",
    "uq_supplier_rmas_supplier_id_number": "unique_constraint.supplier_rma_number",
    "uq_field_defs_item_id_name": "unique_constraint.field_name",
    "uq_field_values_scope_value": "unique_constraint.field_value",
}


@dataclass(frozen=True)
class Context:
    """What every service call needs: the database, who is acting (and the paired device they came through),
    and the language they read.

    The language ("en" or "zh") names things in what a service writes for a
    person (an export's columns and statuses, a document's values); each front
    end sets it from its user: the desktop's language, the locale, Accept-Language.
    """

    db: Database
    user: str
    device: int | None = None  # a phone or PDA's id (snapp.services.devices) when the session was opened on one
    lang: str = "en"


DEVICE_MARK = "@device:"  # the audit trail names "alice@device:7": alice, through paired device 7


def audit_name(user: str, device: int | None) -> str:
    """Who the audit trail names: the person, and the paired device their session came through."""
    return f"{user}{DEVICE_MARK}{device}" if device is not None else user


def by_person(column: ColumnElement[str], user: str) -> ColumnElement[bool]:
    """Audit entries of ``user``: at a desk or through any paired device."""
    return (column == user) | column.startswith(user + DEVICE_MARK, autoescape=True)


@dataclass(frozen=True)
class Actor:
    id: int | None
    name: str
    role: Role


class Entity(StrEnum):
    """What a unit of work can change: the one vocabulary of screens, notifications and webhooks."""

    SERIALS = "serials"
    RECEIPTS = "receipts"
    PURCHASE_ORDERS = "purchase_orders"
    EXCEPTIONS = "exceptions"
    STOCKTAKES = "stocktakes"
    VERIFICATIONS = "verifications"
    USERS = "users"
    SUPPLIERS = "suppliers"
    ITEMS = "items"
    LOCATIONS = "locations"
    DEVICES = "devices"
    CUSTOMERS = "customers"
    # Nearly every transaction writes the trail, a refused read too: a screen refreshing on
    # it would refresh after its own denied load, and again, without end.
    AUDIT = "audit"

# Which entity a write to each table changes; a table missing here is a test's own.
TABLE_ENTITY = {
    "serials": Entity.SERIALS,
    "serial_events": Entity.SERIALS,
    "receipts": Entity.RECEIPTS,
    "receipt_lines": Entity.RECEIPTS,
    "purchase_orders": Entity.PURCHASE_ORDERS,
    "po_lines": Entity.PURCHASE_ORDERS,
    "manifest_serials": Entity.PURCHASE_ORDERS,
    "po_amendments": Entity.PURCHASE_ORDERS,
    "exceptions": Entity.EXCEPTIONS,
    "stocktakes": Entity.STOCKTAKES,
    "stocktake_entries": Entity.STOCKTAKES,
    "stocktake_results": Entity.STOCKTAKES,
    "verifications": Entity.VERIFICATIONS,
    "users": Entity.USERS,
    "suppliers": Entity.SUPPLIERS,
    "items": Entity.ITEMS,
    "locations": Entity.LOCATIONS,
    "devices": Entity.DEVICES,
    "customers": Entity.CUSTOMERS,
    # After-sales records are part of a unit's story: screens showing units refresh on them.
    "handovers": Entity.SERIALS,
    "customer_rmas": Entity.SERIALS,
    "supplier_rmas": Entity.SERIALS,
    "repairs": Entity.SERIALS,
    "aftersales_settings": Entity.CUSTOMERS,
    "field_defs": Entity.ITEMS,
    "field_values": Entity.SERIALS,
    "audit_entries": Entity.AUDIT,
    "audit_chain_head": Entity.AUDIT,
}

CHANGES_CHANNEL = "snapp_changes"


def parse_changes(payload: str) -> frozenset[Entity]:
    """The entities a notification names (words this version does not know are left out)."""
    return frozenset(Entity(word) for word in payload.split(",") if word in Entity.__members__.values())


_WRITTEN = "snapp_written"  # connection.info: the entities the current transaction wrote
_CONNECTION = "snapp_connection"  # session.info: the connection its transaction runs on
_RECORDERS: contextvars.ContextVar[tuple[set[Entity], ...]] = contextvars.ContextVar("snapp_recorders", default=())


@contextmanager
def recording() -> Iterator[set[Entity]]:
    """Collect what every transaction committed in this block (on this thread) changed.

    Refused work reports too: what it committed apart before refusing (the
    exceptions a refused receipt opened) is in the set; what rolled back is not.
    """
    changed: set[Entity] = set()
    token = _RECORDERS.set((*_RECORDERS.get(), changed))
    try:
        yield changed
    finally:
        _RECORDERS.reset(token)


# Listened for on the classes, not on one engine or session factory: every
# transaction of the product reports, the ones outside services (a login) too.
@event.listens_for(Engine, "before_execute")
def _note_write(conn, statement, *_args) -> None:
    table = getattr(statement, "table", None) if getattr(statement, "is_dml", False) else None
    if (entity := TABLE_ENTITY.get(getattr(table, "name", ""))) is not None:
        conn.info.setdefault(_WRITTEN, set()).add(entity)


@event.listens_for(Session, "after_begin")
def _begun(session: Session, _transaction, connection) -> None:
    connection.info[_WRITTEN] = set()
    session.info[_CONNECTION] = connection


@event.listens_for(Session, "before_commit")
def _announce(session: Session) -> None:
    session.flush()  # so that what the flush writes is counted before the notification goes out
    written = _written(session)
    if written and session.get_bind().dialect.name == "postgresql":
        # Delivered on commit to every listening PC, so their screens refresh; dropped on rollback.
        session.execute(select(func.pg_notify(CHANGES_CHANNEL, ",".join(sorted(written)))))


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    written = _written(session)
    session.info.pop(_CONNECTION, None)
    for recorder in _RECORDERS.get():
        recorder |= written


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_CONNECTION, None)


def _written(session: Session) -> set[Entity]:
    connection = session.info.get(_CONNECTION)
    return set(connection.info.get(_WRITTEN, ())) if connection is not None else set()


Output = str | Path | IO[bytes]


@dataclass
class _Pending:
    """A file drawn during the unit of work, waiting to take its place once the work committed."""

    target: Output
    temporary: Path

    def publish(self) -> None:
        if isinstance(self.target, (str, Path)):
            try:
                os.replace(self.temporary, self.target)
            except OSError as err:  # on Windows, a file open in another program cannot be replaced
                raise unwritable(Path(self.target), err) from None
        else:
            with self.temporary.open("rb") as drawn:
                shutil.copyfileobj(drawn, self.target)

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)


@dataclass
class _Entry:
    """An audit entry of read-only work, waiting for the read transaction to end."""

    action: str
    entity: str
    key: str
    before: Any
    after: Any


@dataclass
class UnitOfWork:
    """One service call: its session, who acts, and what waits for the transaction to end."""

    session: Session
    ctx: Context
    actor: Actor
    write: bool = True
    _after_read: list[_Entry] = field(default_factory=list, init=False)
    _outputs: list[_Pending] = field(default_factory=list, init=False)

    def audit(self, action: str, entity: str, key: str, before: Any = None, after: Any = None) -> None:
        """Record the change in the same transaction as the change itself.

        In a read-only unit of work (a print, an export) the entry is written
        in a short transaction of its own once the reading is done.
        """
        if self.write:
            write_audit(self.session, self.signature, action, entity, key, before, after)
        else:
            self._after_read.append(_Entry(action, entity, key, before, after))

    @property
    def signature(self) -> str:
        """The name this work's audit entries carry (the person, and their device if any)."""
        return audit_name(self.actor.name, self.ctx.device)

    def output(self, target: Output) -> Path:
        """Where to draw ``target``: a temporary file beside it, renamed into place after commit.

        A stream gets its bytes only after commit too. Whether the place can
        be written is tried here, before any drawing.
        """
        if isinstance(target, (str, Path)):
            path = output_target(target)
            temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
            try:
                temporary.touch(exist_ok=False)
            except OSError as err:
                raise unwritable(path, err) from None
        else:
            fd, name = tempfile.mkstemp(prefix="snapp-", suffix=".part")
            os.close(fd)
            temporary = Path(name)
        self._outputs.append(_Pending(target, temporary))
        return temporary

    def _finish(self) -> None:
        """After the work's own transaction: its audit entries (read-only work), then its files."""
        if self._after_read:
            _retried(lambda: _audit_entries(self.ctx.db, self.signature, self._after_read))
        for pending in self._outputs:
            pending.publish()

    def _discard(self) -> None:
        for pending in self._outputs:
            pending.discard()


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
    try:
        conn.execute(insert(audit_table), row)
    except IntegrityError as err:
        # Only a row written past the head, outside SNApp, can hold the next position.
        if unique_constraint(err) == "uq_audit_entries_seq":
            raise AuditTrailChanged("audit.changed_outside") from err
        raise
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


def _audit_entries(db: Database, user_name: str, entries: Sequence[_Entry]) -> None:
    with db.session(write=True) as session:
        for e in entries:
            write_audit(session, user_name, e.action, e.entity, e.key, e.before, e.after)
        session.commit()


def _retried(fn: Callable[[], T]) -> T:
    """``fn()``, again after a serialization failure or deadlock, a bounded number of times."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return fn()
        except DBAPIError as err:
            if sqlstate(err) not in RETRY_SQLSTATES or attempt == MAX_ATTEMPTS:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


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
                return _retried(lambda: _attempt(ctx, permission, write, fn, args, kwargs))
            except PermissionDenied as refused:
                what = f"{fn.__module__.rpartition('.')[2]}.{fn.__name__}"
                audit_apart(ctx.db, audit_name(ctx.user, ctx.device), "access.denied", "service", what,
                            after={"reason": str(refused)})  # fmt: skip
                raise

        run.permission = permission  # type: ignore[attr-defined]  # read by the permission-matrix test
        return run

    return decorate


def _attempt(ctx: Context, permission: Permission, write: bool, fn: Callable, args: tuple, kwargs: dict) -> Any:
    uow = None
    try:
        with ctx.db.session(write=write) as session:
            committing = False
            if not write and not ctx.db.is_sqlite:
                # PostgreSQL runs a read READ ONLY and it ends in COMMIT, which can then change nothing:
                # psycopg forgets its prepared statements at every ROLLBACK, and with them the cached
                # plans that spare a look-up planning its joins again each time.
                session.connection(execution_options={"postgresql_readonly": True})
            try:
                actor = _resolve_actor(session, ctx.user)
                if not allows(actor.role, permission):
                    raise PermissionDenied("access.denied", name=actor.name, role=str(actor.role),
                                           permission=str(permission))  # fmt: skip
                uow = UnitOfWork(session, ctx, actor, write)
                result = fn(uow, *args, **kwargs)
                if write or not ctx.db.is_sqlite:
                    committing = write
                    session.commit()
            except IntegrityError as err:
                session.rollback()
                meaning = UNIQUE_MEANING.get(unique_constraint(err) or "")
                if meaning:
                    raise Conflict(meaning) from err
                raise
            except DBAPIError as err:
                session.rollback()
                if sqlstate(err) not in RETRY_SQLSTATES and connection_lost(err):
                    # Not retried: a commit cut short may have been saved, and doing it twice is worse.
                    lost = "database.connection_lost_at_commit" if committing else "database.connection_lost"
                    raise DatabaseUnavailable(lost) from err
                raise
        # The work's transaction has ended, read or write: nobody waits on what follows.
        uow._finish()
        return result
    finally:
        if uow is not None:
            uow._discard()  # a published file has left its temporary name; any other must not stay


def connection_lost(err: DBAPIError) -> bool:
    """The database server went away or ended this session, as opposed to refusing a statement."""
    if err.connection_invalidated:
        return True
    if not isinstance(err, OperationalError) or not hasattr(err.orig, "sqlstate"):
        return False  # SQLite's errors have no SQLSTATE: theirs are about the file, not a connection
    state = sqlstate(err)
    # psycopg gives no SQLSTATE when the socket itself failed; class 08 is "connection exception".
    return state is None or state.startswith("08") or state in GONE_SQLSTATES


def chunks(values: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def among(session: Session, column: ColumnElement, values: Sequence) -> Iterator[ColumnElement[bool]]:
    """``column IN values`` as few conditions as the database allows.

    PostgreSQL takes the whole list as one array parameter (one round trip,
    nothing to render per value); SQLite takes chunks under its parameter limit.
    """
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql  # here, not above: SQLite users never load this dialect

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


_USER = select(User.id, User.name, User.role, User.active).where(User.name == bindparam("name"))  # no ORM object: every call reads it
_KEY = select(ApiCredential).where(ApiCredential.kind == "key", ApiCredential.name == bindparam("name"))
KEY_PREFIX = "key:"  # an API key acts as itself: "key:erp-sync", with the role an admin gave it


def _resolve_actor(session: Session, name: str) -> Actor:
    if name.startswith(KEY_PREFIX):
        key = session.scalar(_KEY, {"name": name.removeprefix(KEY_PREFIX)})
        if key is None or not key.usable(utcnow()):
            raise PermissionDenied("access.key_unusable", name=name.removeprefix(KEY_PREFIX))
        return Actor(None, name, Role(key.role))
    user = session.execute(_USER, {"name": name}).first()
    if user is None:
        if session.scalar(select(User.id).limit(1)) is None:
            raise PermissionDenied("access.no_users_here")
        raise PermissionDenied("access.unknown_user", name=name)
    if not user.active:
        raise PermissionDenied("access.disabled", name=name)
    return Actor(user.id, user.name, Role(user.role))


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def utc_midnight(day: dt.date) -> dt.datetime:
    """The first instant of ``day`` counted in UTC, as the instants are stored."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def check_page(limit: int, offset: int = 0) -> None:
    """Refuse a page no list can have: a size or start below zero, or one a database would choke on."""
    problems = [
        Problem(name, str(value), name, Text("validation.between", low=0, high=high))
        for name, value, high in (("limit", limit, PAGE_MAX), ("offset", offset, OFFSET_MAX))
        if not 0 <= value <= high
    ]
    if problems:
        raise ValidationError(problems)
