"""One place that turns a database URL into an engine and sessions.

SQLite and PostgreSQL run the same code; what differs is set up here:
SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` for
writing transactions (so two writers queue instead of failing half-way).
A fault of the file or the disk (damaged, read-only, full, locked by another
program) becomes a refusal in one sentence here, whatever statement met it.
A read-only SQLite file opens read-only: reading works, writing is refused.
"""

from __future__ import annotations

import errno
import os
import select
import sqlite3
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from snapp.db.netshare import network_share_reason
from snapp.errors import DatabaseBusy, DatabaseDamaged, DatabaseLocationError, DatabaseReadOnly, DiskFull, SnappError

APP_NAME = "SNApp"
BUSY_TIMEOUT_MS = 15_000
# Connections open on demand: `snapp serve` runs up to 40 requests at once (its thread pool), and a request
# must not wait for a connection behind the others; the desktop and a command use one or two.
POOL = {"pool_size": 10, "max_overflow": 30}


def default_url() -> str:
    """``SNAPP_DB`` if set, else the SQLite file in the user's data directory."""
    if url := os.environ.get("SNAPP_DB"):
        return url
    return sqlite_url(data_dir() / "snapp.db")


def data_dir() -> Path:
    """The user's SNApp folder for data: the local database, the server's certificate."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path) -> str:
    return URL.create("sqlite+pysqlite", database=str(path)).render_as_string()


class Database:
    """An engine and its session factories, built once at start-up."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = make_url(url)
        if self.url.drivername == "postgresql":
            self.url = self.url.set(drivername="postgresql+psycopg")
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.read_only = self.is_sqlite and _read_only_file(self.url.database)
        if self.is_sqlite:
            self.engine = _sqlite_engine(self.url, echo)
        else:
            self.engine = _postgresql_engine(self.url, echo)
        display = self.display

        @event.listens_for(self.engine, "handle_error")
        def _fault(context) -> SnappError | None:
            return fault_of(context.original_exception, display)

        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(snapp_write=True), expire_on_commit=False)

    def session(self, *, write: bool) -> Session:
        return (self._writer if write else self._reader)()

    @property
    def display(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    def sqlite_connection(self, *, read: bool = False) -> sqlite3.Connection:
        """A plain sqlite3 connection to the file, for what SQLAlchemy does not do (the backup API, checks);
        ``read``: opened read-only, as every connection to a file SNApp may not write is."""
        assert self.is_sqlite and self.url.database
        path = Path(self.url.database)
        if read or self.read_only:
            uri = _read_only_uri(path) if self.read_only else f"file:{path.resolve().as_posix()}?mode=ro"
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def fault_of(err: BaseException, display: str) -> SnappError | None:
    """The refusal for a fault of the database file or its disk, or None for anything else (a bug, a constraint)."""
    sqlite_code = (getattr(err, "sqlite_errorcode", None) or -1) & 0xFF  # the primary code of an extended one
    pg_state = getattr(getattr(err, "diag", None), "sqlstate", None) or ""
    if sqlite_code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseDamaged("database.damaged", db=display)
    if sqlite_code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return DatabaseBusy("database.locked", db=display)
    if sqlite_code == sqlite3.SQLITE_READONLY:
        return DatabaseReadOnly("database.read_only", db=display)
    if sqlite_code == sqlite3.SQLITE_FULL or pg_state == "53100" or getattr(err, "errno", None) == errno.ENOSPC:
        return DiskFull("database.disk_full", db=display)
    if pg_state in ("XX001", "XX002"):  # data_corrupted, index_corrupted
        return DatabaseDamaged("database.damaged", db=display)
    return None


def _read_only_file(path: str | None) -> bool:
    return bool(path) and path != ":memory:" and os.path.isfile(path) and not os.access(path, os.W_OK)


def _read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` without writing: ``mode=ro``; and for a WAL file in a folder SQLite may not write
    either (no -shm can be made beside it, and it is nobody's to write), ``immutable``."""
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True)
        try:
            probe.execute("SELECT 1 FROM sqlite_master").fetchall()
        finally:
            probe.close()
    except sqlite3.OperationalError:
        if os.access(path.parent, os.W_OK) or os.path.exists(f"{path}-wal"):
            return uri  # opening fails again, with its reason
        return uri + "&immutable=1"
    return uri


def _postgresql_engine(url: URL, echo: bool) -> Engine:
    engine = create_engine(url, echo=echo, **POOL)

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_connection, _record, _proxy) -> None:
        # Not SQLAlchemy's pre-ping: a statement sent, and waited for, before every unit of work.
        # A server that ended an idle session (restarted, an admin's pg_terminate_backend, an idle timeout)
        # sent its goodbye and closed the socket: an idle connection with something to read is one to replace.
        if dbapi_connection.closed or select.select([dbapi_connection.fileno()], [], [], 0)[0]:
            raise DisconnectionError("the server ended this idle connection")  # the pool opens another

    return engine


def _sqlite_engine(url: URL, echo: bool) -> Engine:
    path = url.database
    if path and path != ":memory:" and not path.startswith("file:"):
        file = Path(path).expanduser()
        if reason := network_share_reason(file):
            raise DatabaseLocationError("database.network_share", reason=reason)
        file.parent.mkdir(parents=True, exist_ok=True)
    read_only = _read_only_file(path)
    if read_only:
        # SQLite opened read-write on a file it may not write fails at its first statement ("attempt to write a
        # readonly database", even for a read in WAL mode); opened read-only, every read works.
        url = url.set(database=_read_only_uri(Path(path)), query={"uri": "true"})
    engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **POOL)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Transactions are begun by hand below; the driver's own begin is off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            *(() if read_only else ("journal_mode = WAL",)),
            "foreign_keys = ON",
            f"busy_timeout = {BUSY_TIMEOUT_MS}",
            "synchronous = FULL",  # a posted receipt survives a power cut, not only a crash
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # A deferred transaction that reads and then writes fails at once with
        # SQLITE_BUSY when another writer got in between; IMMEDIATE queues instead.
        write = conn.get_execution_options().get("snapp_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
