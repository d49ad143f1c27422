"""One place that turns a database URL into an engine and sessions.

SQLite and PostgreSQL run the same code; what differs is set up here:
SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` for
writing transactions (so two writers queue instead of failing half-way).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from snapp.db.netshare import network_share_reason
from snapp.errors import DatabaseLocationError

APP_NAME = "SNApp"
BUSY_TIMEOUT_MS = 15_000


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
        if self.is_sqlite:
            self.engine = _sqlite_engine(self.url, echo)
        else:
            self.engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(snapp_write=True), expire_on_commit=False)

    def session(self, *, write: bool) -> Session:
        return (self._writer if write else self._reader)()

    @property
    def display(self) -> str:
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: URL, echo: bool) -> Engine:
    path = url.database
    if path and path != ":memory:" and not path.startswith("file:"):
        file = Path(path).expanduser()
        if reason := network_share_reason(file):
            raise DatabaseLocationError(
                f"{reason}. An SQLite database must live on a local disk: over a network share its "
                "locking fails and the file can be corrupted. To share SNApp between several PCs, "
                "use a PostgreSQL server (--db postgresql://user@server/snapp or SNAPP_DB)."
            )
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Transactions are begun by hand below; the driver's own begin is off.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode = WAL",
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
