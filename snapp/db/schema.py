"""Bring a database to the current schema with Alembic, and tell where it stands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from snapp.db.engine import Database
from snapp.errors import DatabaseUnavailable, SchemaOutOfDate
from snapp.paths import sweep_workdirs

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")  # files on disk: a pip install and the frozen app both ship them
# The newest migration, written down so that opening a database (every command) need not import Alembic,
# which costs more than the rest of a lookup; a test checks it against Alembic's own answer.
HEAD = "0021_field_case"


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD


def known_revisions() -> set[str]:
    """Every schema this SNApp can bring up to date (older or current)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    """The schema the database is at (Alembic's own record of it), None for a database without one."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate to ``revision`` (default: the newest), in one transaction where the database allows."""
    _migrate(db, "upgrade", revision)


def downgrade(db: Database, revision: str) -> None:
    """Migrate back to ``revision``, the same way."""
    _migrate(db, "downgrade", revision)


def _migrate(db: Database, step: str, revision: str) -> None:
    from alembic import command

    config = _config()
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a table by rebuilding it (Alembic's batch mode), and with
            # foreign keys on, dropping a table others refer to fails. Its documented
            # procedure: keys off outside the transaction, checked before the commit.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                getattr(command, step)(config, revision)
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").first()):
                    table, rowid, parent, _ = broken
                    raise RuntimeError(f"{table} row {rowid} refers to a missing row of {parent}; nothing was changed")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")


def require_current(db: Database) -> None:
    current, head = current_revision(db), head_revision()
    if current != head:
        if current is None:
            raise SchemaOutOfDate("database.no_schema", db=db.display, head=head)
        raise SchemaOutOfDate("database.old_schema", db=db.display, current=current, head=head)


def open_database(url: str, *, migrate: bool = False) -> Database:
    """The database at ``url``, ready for this SNApp: a brand-new SQLite file gets the schema at once.

    Opening is also where what a killed backup or restore left in the private working folder is removed.
    """
    sweep_workdirs()
    db = Database(url)
    try:
        if migrate or (db.is_sqlite and current_revision(db) is None):
            upgrade(db)
        else:
            require_current(db)
    except OperationalError as err:
        db.dispose()
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise DatabaseUnavailable("database.cannot_open", db=db.display, reason=reason) from err
    except BaseException:
        db.dispose()
        raise
    return db
