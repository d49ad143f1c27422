"""Copying a database to a file and back, checking both ends.

SQLite: the online backup API (one step: a consistent snapshot taken while
others keep writing, which a file copy is not) and ``PRAGMA integrity_check``
on the copy. PostgreSQL: ``pg_dump``/``pg_restore`` in their custom format,
of SNApp's schema only. A file is inspected in full before a restore touches
the database: an unknown, damaged or too-new file changes nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import text

from snapp.db.engine import BUSY_TIMEOUT_MS, Database
from snapp.db.schema import head_revision, known_revisions
from snapp.errors import BackupError

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# A file without these is not a SNApp database, whatever else it holds.
REQUIRED_TABLES = ("alembic_version", "users", "audit_entries", "serials")


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # "sqlite" or "postgresql"
    revision: str
    schema: str | None = None  # PostgreSQL: the schema the dump holds


# --- SQLite --------------------------------------------------------------------


def copy_sqlite(db: Database, target: Path) -> None:
    """Snapshot the live database into ``target`` (a new single file) and check the copy."""
    source = sqlite3.connect(_sqlite_path(db), timeout=BUSY_TIMEOUT_MS / 1000)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
        problems = _sqlite_problems(copy)
    finally:
        copy.close()
        source.close()
    if problems:
        raise BackupError(f"the copy failed its integrity check ({'; '.join(problems[:5])}); it was not kept")


def restore_sqlite(db: Database, plain: Path) -> None:
    """Replace the database's content with the checked file ``plain``, in one step."""
    db.dispose()
    source = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    target = sqlite3.connect(_sqlite_path(db), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def sqlite_integrity(db: Database) -> list[str]:
    connection = sqlite3.connect(f"file:{_sqlite_path(db)}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return _sqlite_problems(connection)
    finally:
        connection.close()


def _sqlite_problems(connection: sqlite3.Connection) -> list[str]:
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [f"foreign key: {row[0]} row {row[1]} refers to a missing {row[2]}"
                 for row in connection.execute("PRAGMA foreign_key_check")]  # fmt: skip
    return problems


def _sqlite_path(db: Database) -> str:
    assert db.is_sqlite and db.url.database
    return db.url.database


def _inspect_sqlite(path: Path) -> BackupInfo:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = _sqlite_problems(connection)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as err:
        raise BackupError(f"{path} is damaged: {err}") from None
    if problems:
        raise BackupError(f"{path} is damaged: {'; '.join(problems[:5])}")
    return _checked(path, "sqlite", tables, revision[0] if revision else None)


# --- PostgreSQL ------------------------------------------------------------------


def dump_postgresql(db: Database, target: Path) -> None:
    _run("pg_dump", "--format=custom", f"--schema={_schema(db)}", f"--file={target}", f"--dbname={_libpq(db)}",
         password=db.url.password)  # fmt: skip


def restore_postgresql(db: Database, plain: Path, info: BackupInfo) -> None:
    schema = _schema(db)
    if info.schema != schema:
        raise BackupError(f"this dump holds the schema {info.schema!r}; the database uses {schema!r}: nothing restored")
    db.dispose()
    _run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
         f"--dbname={_libpq(db)}", str(plain), password=db.url.password)  # fmt: skip


_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", re.MULTILINE)
_VERSION_ROWS = re.compile(r"^COPY \S+ \(version_num\) FROM stdin;\n(.*?)^\\\.$", re.MULTILINE | re.DOTALL)


def _inspect_pgdump(path: Path) -> BackupInfo:
    tables = _TABLE_ENTRY.findall(_run("pg_restore", "--list", str(path)))
    rows = _VERSION_ROWS.search(_run("pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(path)))
    revision = rows[1].split("\n")[0] if rows and rows[1] else None
    info = _checked(path, "postgresql", {name for _, name in tables}, revision)
    return replace(info, schema=tables[0][0] if tables else None)


def postgresql_tools() -> list[str]:
    """The client tools missing from PATH, if any."""
    return [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]


def _run(tool: str, *args: str, password: str | None = None) -> str:
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} was not found: backing up and restoring a PostgreSQL database needs the PostgreSQL client "
            "tools (pg_dump and pg_restore, the server's version or newer) on PATH — on Debian/Ubuntu the "
            "postgresql-client package, on Windows the command-line tools of the PostgreSQL installer"
        )
    # The password goes by the environment: a command line is visible to every user of the PC.
    env = {**os.environ, "PGPASSWORD": password} if password else None
    done = subprocess.run([tool, *args], capture_output=True, text=True, encoding="utf-8", errors="replace", env=env)
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip() or f'exit status {done.returncode}'}")
    return done.stdout


def _schema(db: Database) -> str:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT current_schema()")).scalar_one()


def _libpq(db: Database) -> str:
    """The URL as libpq reads it, the search_path option included and the password left out (see _run)."""
    return db.url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


# --- either ----------------------------------------------------------------------


def inspect(path: Path) -> BackupInfo:
    """What the plain (not sealed) file ``path`` holds; BackupError unless it is a SNApp database this SNApp can migrate."""
    with open(path, "rb") as f:
        start = f.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:
        return _inspect_sqlite(path)
    if start.startswith(PGDUMP_MAGIC):
        return _inspect_pgdump(path)
    raise BackupError(f"{path} is neither an SQLite database nor a PostgreSQL dump: not a SNApp backup")


def _checked(path: Path, kind: str, tables: set[str], revision: str | None) -> BackupInfo:
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise BackupError(f"{path} is not a SNApp database (no {', '.join(missing)} table)")
    if revision is None:
        raise BackupError(f"{path} has no schema version: not a SNApp database")
    if revision not in known_revisions():
        raise BackupError(
            f"{path} is at schema {revision}, which this SNApp (schema {head_revision()}) does not know: "
            "it comes from a newer SNApp; restore it with that version"
        )
    return BackupInfo(kind, revision)
