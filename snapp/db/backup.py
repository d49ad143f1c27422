"""Copying a database to a file and back, checking both ends.

SQLite: the online backup API (one step: a consistent snapshot taken while
others keep writing, which a file copy is not) and ``PRAGMA integrity_check``
on the copy. PostgreSQL: ``pg_dump``/``pg_restore`` in their custom format,
of SNApp's schema only. A file is inspected in full before a restore touches
the database: an unknown, damaged or too-new file changes nothing, and
neither does one SNApp could not have written — a schema object its revision
does not have (a trigger, a view, an index, a column), users and roles the
audit trail never recorded, or an audit chain that does not verify.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import text

from snapp.db.engine import Database, fault_of, sqlite_url
from snapp.db.schema import head_revision, known_revisions, upgrade
from snapp.domain.auditchain import ChainEntry, verify
from snapp.errors import BackupError, DatabaseDamaged, DatabaseReadOnly
from snapp.paths import private_workdir

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
# A file without these is not a SNApp database, whatever else it holds.
REQUIRED_TABLES = ("alembic_version", "users", "audit_entries", "serials")
# Users as the audit trail records them: what each action sets.
USER_ACTIONS = {"user.create", "user.role", "user.enable", "user.disable"}


@dataclass(frozen=True)
class BackupInfo:
    kind: str  # "sqlite" or "postgresql"
    revision: str
    schema: str | None = None  # PostgreSQL: the schema the dump holds


# --- SQLite --------------------------------------------------------------------


def copy_sqlite(db: Database, target: Path) -> None:
    """Snapshot the live database into ``target`` (a new single file) and check the copy."""
    source = db.sqlite_connection()
    copy = sqlite3.connect(target)
    try:
        with sqlite_faults(db.display):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            problems = _sqlite_problems(copy)
    finally:
        copy.close()
        source.close()
    if problems:
        raise DatabaseDamaged("database.damaged_found", db=db.display, problems=brief(problems))


def restore_sqlite(db: Database, plain: Path) -> None:
    """Replace the database's content with the checked file ``plain``, in one step."""
    if db.read_only:
        raise DatabaseReadOnly("database.read_only", db=db.display)
    db.dispose()
    source = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    target = db.sqlite_connection()
    try:
        with sqlite_faults(db.display):
            source.backup(target)
    finally:
        target.close()
        source.close()


def sqlite_integrity(db: Database, *, quick: bool = False) -> list[str]:
    """What is wrong with the file, if anything; ``quick`` skips the index contents (see ENGINEERING-NOTES)."""
    connection = db.sqlite_connection(read=True)
    try:
        with sqlite_faults(db.display):
            return _sqlite_problems(connection, quick=quick)
    except DatabaseDamaged as err:
        return [str(err)]
    finally:
        connection.close()


def require_sound(db: Database) -> None:
    """DatabaseDamaged unless an SQLite file passes SQLite's quick check (0.4 s for a million serials, a sixth of
    the full check), for a command that vouches for the data; PostgreSQL guards its own pages."""
    if db.is_sqlite and (problems := sqlite_integrity(db, quick=True)):
        raise DatabaseDamaged("database.damaged_found", db=db.display, problems=brief(problems))


@contextlib.contextmanager
def sqlite_faults(display: str) -> Iterator[None]:
    """The sqlite3 module's errors on the live file, said as the engine says them (``snapp.db.engine.fault_of``)."""
    try:
        yield
    except sqlite3.Error as err:
        if (refusal := fault_of(err, display)) is None:
            raise
        raise refusal from err


def brief(problems: list[str]) -> str:
    """The first few problems on one line (an integrity check can report thousands, several to a row)."""
    lines = [line.strip() for problem in problems for line in problem.splitlines() if line.strip()]
    return "; ".join(lines[:3]) + (f" (and {len(lines) - 3} more)" if len(lines) > 3 else "")


def _sqlite_problems(connection: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    check = "quick_check" if quick else "integrity_check"
    problems = [row[0] for row in connection.execute(f"PRAGMA {check}") if row[0] != "ok"]
    problems += [f"foreign key: {row[0]} row {row[1]} refers to a missing {row[2]}"
                 for row in connection.execute("PRAGMA foreign_key_check")]  # fmt: skip
    return problems


def _inspect_sqlite(path: Path, shown: str) -> BackupInfo:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = _sqlite_problems(connection)
            objects = _sqlite_objects(connection)
            tables = {name for kind, name, _ in objects if kind == "table"}
            revision = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            connection.close()
    except sqlite3.DatabaseError as err:
        raise BackupError("backup.damaged", path=shown, problems=str(err)) from None
    if problems:
        raise BackupError("backup.damaged", path=shown, problems=brief(problems))
    info = _checked(shown, "sqlite", tables, revision[0] if revision else None)
    _same_objects(shown, objects, _fresh_sqlite_objects(info.revision))
    return info


def _sqlite_objects(connection: sqlite3.Connection) -> set[tuple[str, str, str]]:
    # sqlite_stat tables are the query planner's statistics (ANALYZE), not part of the schema.
    rows = connection.execute(
        "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
    )
    return {(kind, name, _canonical(sql)) for kind, name, sql in rows}


def _canonical(sql: str) -> str:
    """A table's SQL with its columns and constraints in a set order, spaces folded.

    Alembic's batch mode (how SQLite alters a table) writes a table's
    constraints in no fixed order, and its name quoted, so two databases
    migrated alike (one of them down and up again) can differ only in that;
    the definitions themselves must still be identical.
    """
    head, paren, body = sql.partition("(")
    if not head.upper().startswith("CREATE TABLE") or "\n" not in body:
        return " ".join(sql.split())
    head = head.replace('"', "")  # CREATE TABLE "name" is CREATE TABLE name
    body, _, tail = body.rpartition(")")
    parts = sorted(" ".join(line.split()).rstrip(",") for line in body.splitlines() if line.strip())
    return " ".join(head.split()) + " (" + ", ".join(parts) + ")" + " ".join(tail.split())


@functools.cache
def _fresh_sqlite_objects(revision: str) -> frozenset[tuple[str, str, str]]:
    """The schema objects of a database SNApp migrates to ``revision`` from nothing."""
    with private_workdir("schema") as work:
        fresh = Database(sqlite_url(work / "fresh.db"))
        try:
            upgrade(fresh, revision)
        finally:
            fresh.dispose()
        connection = sqlite3.connect(work / "fresh.db")
        try:
            return frozenset(_sqlite_objects(connection))
        finally:
            connection.close()


def _same_objects(shown: str, found: Iterable, expected: Iterable) -> None:
    """Refuse a file whose schema differs from SNApp's own at its revision: nothing SNApp did not create runs."""
    extra, missing = sorted(set(found) - set(expected)), sorted(set(expected) - set(found))
    if extra or missing:
        differences = [f"{sign} {_object_name(o)}" for sign, part in (("+", extra), ("-", missing)) for o in part[:5]]
        raise BackupError("backup.foreign_schema", path=shown, differences="; ".join(differences))


def _object_name(found: tuple | str) -> str:
    """An SQLite object as its kind and name; a line of pg_dump's SQL as its start."""
    return " ".join(found[:2]) if isinstance(found, tuple) else found if len(found) <= 80 else found[:79] + "…"


def sqlite_users_and_trail(path: Path) -> tuple[list[tuple[str, str, bool]], list[ChainEntry] | None, tuple | None]:
    """Users, the audit chain and its recorded head of the SQLite file ``path`` (no chain before it had one)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        users = [(n, r, bool(a)) for n, r, a in connection.execute("SELECT name, role, active FROM users")]
        chained = connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_chain_head'").fetchone()
        columns = "id, seq, at, user_name, action, entity, entity_key, before, after, prev_hash, hash"
        if not chained:
            columns = "id, id, at, user_name, action, entity, entity_key, before, after, '', ''"
        entries = [_entry(row) for row in connection.execute(f"SELECT {columns} FROM audit_entries ORDER BY 2")]
        head = connection.execute("SELECT seq, hash FROM audit_chain_head").fetchone() if chained else None
    finally:
        connection.close()
    return users, entries, head


def _entry(row: tuple) -> ChainEntry:
    at = row[2] if isinstance(row[2], dt.datetime) else dt.datetime.fromisoformat(row[2])
    return ChainEntry(row[0], row[1], at.replace(tzinfo=dt.UTC), *row[3:])


def check_users_and_trail(shown: str, users: list[tuple[str, str, bool]], entries: list[ChainEntry],
                          head: tuple[int, str] | None) -> None:  # fmt: skip
    """Refuse a file whose audit chain does not verify, or whose users differ from what its trail records."""
    if head is not None:
        report = verify(entries, (head[0], head[1]))
        if not report.ok:
            raise BackupError("backup.chain_broken", path=shown, problem=str(report.first_bad))
    recorded: dict[str, tuple[str, bool]] = {}
    for entry in entries:
        if entry.action not in USER_ACTIONS or entry.entity != "user":
            continue
        after = json.loads(entry.after) if entry.after else {}
        role, active = recorded.get(entry.entity_key, ("", True))
        if entry.action == "user.create":
            role, active = after.get("role", ""), True
        elif entry.action == "user.role":
            role = after.get("role", role)
        else:
            active = entry.action == "user.enable"
        recorded[entry.entity_key] = (role, active)
    held = {name: (role, active) for name, role, active in users}
    differences = sorted(
        f"{name}: " + (f"{held[name][0]}{'' if held[name][1] else ' (disabled)'}" if name in held else "-")
        + " / " + (f"{recorded[name][0]}{'' if recorded[name][1] else ' (disabled)'}" if name in recorded else "-")
        for name in held.keys() | recorded.keys()
        if held.get(name) != recorded.get(name)
    )
    if differences:
        raise BackupError("backup.users_differ", path=shown, differences="; ".join(differences[:5]))


# --- PostgreSQL ------------------------------------------------------------------


def dump_postgresql(db: Database, target: Path) -> None:
    _run("pg_dump", "--format=custom", f"--schema={_schema(db)}", f"--file={target}", f"--dbname={_libpq(db)}",
         password=db.url.password)  # fmt: skip


def restore_postgresql(db: Database, plain: Path, info: BackupInfo) -> None:
    schema = _schema(db)
    if info.schema != schema:
        raise BackupError("backup.other_schema", dumped=info.schema, schema=schema)
    db.dispose()
    _run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
         f"--dbname={_libpq(db)}", str(plain), password=db.url.password)  # fmt: skip


_TABLE_ENTRY = re.compile(r"^\d+; \d+ \d+ TABLE (\S+) (\S+) ", re.MULTILINE)
_COPY = re.compile(r"^COPY \S+ \((.*?)\) FROM stdin;\n(.*?)^\\\.$", re.MULTILINE | re.DOTALL)


def _inspect_pgdump(path: Path, shown: str, db: Database) -> BackupInfo:
    tables = _TABLE_ENTRY.findall(_run("pg_restore", "--list", str(path)))
    [versions] = _copied(path, "alembic_version") or [[]]
    info = _checked(shown, "postgresql", {name for _, name in tables}, versions[0]["version_num"] if versions else None)
    info = replace(info, schema=tables[0][0])
    _same_objects(shown, _pg_schema_lines(path, info.schema), _fresh_pg_schema_lines(db, info.revision))
    return info


def pgdump_users_and_trail(path: Path) -> tuple[list[tuple[str, str, bool]], list[ChainEntry], tuple | None]:
    """Users, the audit chain and its recorded head as the dump holds them (read from the dump, not restored)."""
    users, audit, heads = _copied(path, "users", "audit_entries", "audit_chain_head")
    chained = bool(heads) or (bool(audit) and "hash" in audit[0])
    entries = sorted(
        (_entry((int(r["id"]), int(r["seq"] if chained else r["id"]), r["at"], r["user_name"], r["action"], r["entity"],
                 r["entity_key"], r["before"], r["after"], r.get("prev_hash", ""), r.get("hash", "")))
         for r in audit),
        key=lambda e: e.seq,
    )  # fmt: skip
    head = (int(heads[0]["seq"]), heads[0]["hash"]) if heads else (0, "0" * 64) if chained else None
    return [(u["name"], u["role"], u["active"] == "t") for u in users], entries, head


def _copied(path: Path, *tables: str) -> list[list[dict[str, str | None]]]:
    """The rows of ``tables`` in the dump, as text (COPY's format), in the order asked."""
    out = _run("pg_restore", "--data-only", *(f"--table={t}" for t in tables), "--file=-", str(path))
    found = {}
    for block in _COPY.finditer(out):
        name = out[block.start() + 5 : out.index(" ", block.start() + 5)].split(".")[-1].strip('"')
        columns = [c.strip().strip('"') for c in block[1].split(",")]
        found[name] = [dict(zip(columns, map(_copy_value, line.split("\t")), strict=True))
                       for line in block[2].split("\n") if line]  # fmt: skip
    return [found.get(t, []) for t in tables]


_COPY_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))")
_COPY_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _copy_value(field: str) -> str | None:
    if field == "\\N":
        return None
    return _COPY_ESCAPE.sub(
        lambda m: chr(int(m[1], 8)) if m[1] else chr(int(m[2], 16)) if m[2] else _COPY_CHARS.get(m[3], m[3]), field
    )


def _pg_schema_lines(path: Path, schema: str | None) -> set[str]:
    """The dump's schema as SQL, one statement line each, the schema's own name left out (grants are the site's)."""
    sql = _run("pg_restore", "--schema-only", "--no-owner", "--no-privileges", "--file=-", str(path))
    # Comments, and psql's meta-commands (\restrict with a random key, newer pg_dump), are no part of the schema.
    lines = {line.strip() for line in sql.splitlines() if line.strip() and not line.startswith(("--", "\\"))}
    named = re.compile(rf'(?<![\w"]){re.escape(schema or "")}(?![\w"])|"{re.escape(schema or "")}"')
    return {named.sub("<schema>", line) for line in lines}


@functools.cache
def _fresh_pg_schema_lines_at(url: str, revision: str) -> frozenset[str]:
    probe = f"snapp_probe_{uuid.uuid4().hex[:12]}"
    owner = Database(url)
    try:
        with owner.engine.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {probe}"))
        fresh = Database(owner.url.update_query_dict({"options": f"-csearch_path={probe}"}).render_as_string(
            hide_password=False))  # fmt: skip
        try:
            upgrade(fresh, revision)
            with private_workdir("schema") as work:
                dump_postgresql(fresh, work / "fresh.dump")
                return frozenset(_pg_schema_lines(work / "fresh.dump", probe))
        finally:
            fresh.dispose()
    finally:
        with owner.engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {probe} CASCADE"))
        owner.dispose()


def _fresh_pg_schema_lines(db: Database, revision: str) -> frozenset[str]:
    """The schema SNApp migrates to ``revision`` from nothing, built in a scratch schema of the same server."""
    return _fresh_pg_schema_lines_at(db.url.render_as_string(hide_password=False), revision)


def postgresql_tools() -> list[str]:
    """The client tools missing from PATH, if any."""
    return [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]


def _run(tool: str, *args: str, password: str | None = None) -> str:
    if shutil.which(tool) is None:
        raise BackupError("backup.no_pg_tools", tool=tool)
    # The password goes by the environment: a command line is visible to every user of the PC.
    env = {**os.environ, "PGPASSWORD": password} if password else None
    done = subprocess.run([tool, *args], capture_output=True, text=True, encoding="utf-8", errors="replace", env=env)
    if done.returncode != 0:
        reason = done.stderr.strip() or f"exit status {done.returncode}"
        raise BackupError("backup.tool_failed", tool=tool, reason=reason)
    return done.stdout


def _schema(db: Database) -> str:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT current_schema()")).scalar_one()


def _libpq(db: Database) -> str:
    """The URL as libpq reads it, the search_path option included and the password left out (see _run)."""
    return db.url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


# --- either ----------------------------------------------------------------------


def inspect(path: Path, db: Database, shown: str) -> BackupInfo:
    """What the plain (not sealed) file ``path`` holds; BackupError unless SNApp could have written it and migrate it.

    ``db`` is the database it would be restored into: a PostgreSQL dump is compared with a schema built there.
    ``shown`` is how refusals name the file (the backup the user gave, not its opened copy).
    """
    with open(path, "rb") as f:
        start = f.read(len(SQLITE_MAGIC))
    if start == SQLITE_MAGIC:
        info = _inspect_sqlite(path, shown)
        check_users_and_trail(shown, *sqlite_users_and_trail(path))
    elif start.startswith(PGDUMP_MAGIC):
        if db.is_sqlite:  # said before the dump is read: reading it needs the PostgreSQL tools
            raise BackupError("backup.other_kind", path=shown, kind="postgresql")
        info = _inspect_pgdump(path, shown, db)
        check_users_and_trail(shown, *pgdump_users_and_trail(path))
    else:
        raise BackupError("backup.unknown_file", path=shown)
    return info


def _checked(shown: str, kind: str, tables: set[str], revision: str | None) -> BackupInfo:
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise BackupError("backup.not_snapp", path=shown, tables=", ".join(missing))
    if revision is None:
        raise BackupError("backup.no_revision", path=shown)
    if revision not in known_revisions():
        raise BackupError("backup.newer", path=shown, revision=revision, head=head_revision())
    return BackupInfo(kind, revision)
