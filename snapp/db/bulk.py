"""Many rows into one table at the driver's pace, inside the session's transaction.

SQLAlchemy's executemany sends every value of every row through its column
type (a TypeDecorator call per datetime) and builds a parameter list per row:
for 100,000 serials that costs more than the database's own work. Here the
values that are the same on every row are converted once, by the very same
column types, so they are stored exactly as the ORM would store them; a
row's own values go through their column's type only where it converts at
all (a date on SQLite). The rows then go to the DBAPI connection of the
session's transaction (sqlite3's executemany, PostgreSQL's binary COPY).
Being that transaction, they commit or roll back with everything else the
service wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice, repeat
from typing import NamedTuple

from sqlalchemy import Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from snapp.db.engine import fault_of

CHUNK = 5_000
"""Rows between two progress calls."""

Progress = Callable[[int], None]
"""Called with the number of rows written so far."""


def insert_rows(
    session: Session,
    table: Table,
    fixed: Mapping[str, object],
    columns: Mapping[str, Sequence[object]],
    progress: Progress | None = None,
) -> None:
    """One row per position of ``columns`` (a name and its values, all of one length), each with the ``fixed`` values.

    A violated constraint, or any other refusal of the driver, is raised as the
    `sqlalchemy.exc.DBAPIError` subclass a Core statement would raise.
    """
    total = len(next(iter(columns.values()), ()))
    if any(len(values) != total for values in columns.values()):
        raise ValueError("every column needs one value per row")
    conn = session.connection()
    dialect = conn.dialect
    # The same value on every row, and each row's own values by column: zip
    # builds each row from them and, once the driver has let go of it, reuses it.
    constants = [_stored(table, name, value, dialect) for name, value in fixed.items()]
    varying = [_stored_all(table, name, values, dialect) for name, values in columns.items()]
    rows = zip(*map(repeat, constants), *varying, strict=False)
    preparer = dialect.identifier_preparer
    target = _Target(preparer.format_table(table), [preparer.quote(name) for name in [*fixed, *columns]])
    write = _copy if dialect.name == "postgresql" else _executemany
    try:
        write(conn.connection.driver_connection, target, rows, total, progress)
    except dialect.loaded_dbapi.Error as err:
        # The engine's own error hook never sees the driver's errors here: a fault of the file or its disk is
        # said the same way as on any other statement.
        if fault := fault_of(err, conn.engine.url.render_as_string(hide_password=True)):
            raise fault from err
        raise DBAPIError.instance(f"INSERT INTO {target}", None, err, dialect.loaded_dbapi.Error) from err


class _Target(NamedTuple):
    table: str
    columns: list[str]

    def __str__(self) -> str:
        return f"{self.table} ({', '.join(self.columns)})"


def _processor(table: Table, name: str, dialect) -> Callable[[object], object] | None:
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


def _stored(table: Table, name: str, value: object, dialect) -> object:
    """``value`` as the column's type hands it to the driver (naive UTC for a UTCDateTime...)."""
    process = _processor(table, name, dialect)
    return process(value) if process else value


def _stored_all(table: Table, name: str, values: Sequence[object], dialect) -> Sequence[object] | Iterator[object]:
    process = _processor(table, name, dialect)
    return map(process, values) if process else values


def _executemany(raw, target: _Target, rows: Iterator[tuple], total: int, progress: Progress | None) -> None:
    cursor = raw.cursor()
    try:
        statement = f"INSERT INTO {target} VALUES ({', '.join('?' * len(target.columns))})"
        for start in range(0, total, CHUNK):
            cursor.executemany(statement, islice(rows, CHUNK))
            if progress:
                progress(min(start + CHUNK, total))
    finally:
        cursor.close()


def _copy(raw, target: _Target, rows: Iterator[tuple], total: int, progress: Progress | None) -> None:
    """Binary COPY: a seventh of the client's work of text COPY, which formats every value of every row."""
    with raw.cursor() as cursor:
        # Binary rows carry each column's exact type: the server names them, for no rows.
        cursor.execute(f"SELECT {', '.join(target.columns)} FROM {target.table} LIMIT 0")
        types = [column.type_code for column in cursor.description]
        with cursor.copy(f"COPY {target} FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(types)
            write = copy.write_row
            for start in range(CHUNK, total, CHUNK):
                for row in islice(rows, CHUNK):
                    write(row)
                if progress:
                    progress(start)
            for row in rows:
                write(row)
    # Only now, with COPY ended, are the last rows on the server.
    if progress and total:
        progress(total)
