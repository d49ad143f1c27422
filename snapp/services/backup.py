"""Backup, restore and the health check: what an admin runs to keep the data safe.

A backup is a single file: the SQLite database itself, or a pg_dump archive,
in a checksummed (or, with a site key, keyed) envelope or sealed with a
passphrase (``snapp.db.sealed``). ``backup_if_due`` is what a timer in the
desktop app calls; there is no daemon.

The plain stage (the database copy before its envelope) lives only in a
private working folder (``snapp.paths``), removed when the work ends and, if
the process was killed, at the next start; the file beside the target is
already enveloped, so a sealed backup never leaves a plain copy behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect as schema_of

from snapp.db import backup as files
from snapp.db.engine import Database
from snapp.db.models import utcnow
from snapp.db.schema import current_revision, head_revision, upgrade
from snapp.db.sealed import is_sealed, is_wrapped, seal, site_key, unseal, unwrap, wrap
from snapp.domain.auditchain import ChainReport
from snapp.domain.permissions import Permission
from snapp.errors import BackupError, DiskFull
from snapp.paths import abandoned, private_name, private_workdir
from snapp.services.audit import chain_report, chain_report_of
from snapp.services.auth import needs_first_run
from snapp.services.base import Context, UnitOfWork, audit_apart, service

SCHEDULED = "snapp-%Y%m%d-%H%M%S.snappbak"


@dataclass(frozen=True)
class BackupRecord:
    path: str
    size: int
    kind: str  # sqlite or postgresql
    sealed: bool
    at: dt.datetime


@dataclass(frozen=True)
class RestoreRecord:
    path: str
    kind: str
    revision: str  # the schema the file held; migrated to the current one
    chain: ChainReport  # the restored audit trail, checked


@dataclass(frozen=True)
class CheckReport:
    integrity: list[str]  # problems found; empty when sound
    revision: str | None
    head: str
    chain: ChainReport

    @property
    def ok(self) -> bool:
        return not self.integrity and self.revision == self.head and self.chain.ok


@service(Permission.ADMIN, write=False)
def backup(uow: UnitOfWork, out: Path | str, passphrase: str | None = None) -> BackupRecord:
    """Write a backup to ``out``; the file appears only once it is whole and checked."""
    db, out = uow.ctx.db, Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    for left in out.parent.glob(".snapp-backup-*"):  # by a backup killed half-way
        if abandoned(left):
            left.unlink(missing_ok=True)
    enveloped = out.parent / f".{private_name('snapp-backup')}.part"
    try:
        with private_workdir("backup") as work:
            made = work / "plain"
            if db.is_sqlite:
                files.copy_sqlite(db, made)
            else:
                files.dump_postgresql(db, made)
            if passphrase:
                seal(made, enveloped, passphrase)
            else:
                wrap(made, enveloped, site_key())
        os.replace(enveloped, out)
    except DiskFull as err:
        raise BackupError("backup.disk_full", path=str(out)) from err
    except OSError as err:
        code = "backup.disk_full" if err.errno in (errno.ENOSPC, errno.EFBIG) else "backup.cannot_write"
        raise BackupError(code, path=str(out), reason=err.strerror or str(err)) from err
    finally:
        enveloped.unlink(missing_ok=True)
    record = BackupRecord(str(out), out.stat().st_size, "sqlite" if db.is_sqlite else "postgresql", bool(passphrase),
                          utcnow())  # fmt: skip
    # Apart from the read above: the database stayed open to writers during the copy. A file nobody may write
    # cannot record it, and cannot change either: the backup is all the same.
    if not db.read_only:
        audit_apart(db, uow.actor.name, "backup.create", "backup", out.name,
                    after={"path": record.path, "size": record.size, "sealed": record.sealed})  # fmt: skip
    return record


@dataclass(frozen=True)
class ScheduledBackup:
    made: BackupRecord | None  # None: the newest backup was recent enough
    removed: list[str]


def backup_if_due(
    ctx: Context,
    directory: Path | str,
    *,
    every: dt.timedelta,
    keep: int,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
) -> ScheduledBackup:
    """Back up into ``directory`` if its newest backup is older than ``every``; keep the newest ``keep``."""
    if keep < 1:
        raise BackupError("backup.keep_one", field="keep")
    directory, now = Path(directory), now or utcnow()
    made = None
    if not (existing := _scheduled(directory)) or now - existing[-1][0] >= every:
        made = backup(ctx, directory / now.strftime(SCHEDULED), passphrase)
        existing = _scheduled(directory)
    removed = [path for _, path in existing[:-keep]]
    for path in removed:
        path.unlink()
    return ScheduledBackup(made, [str(p) for p in removed])


def _scheduled(directory: Path) -> list[tuple[dt.datetime, Path]]:
    found = []
    for path in directory.glob("snapp-*.snappbak") if directory.is_dir() else []:
        try:
            found.append((dt.datetime.strptime(path.name, SCHEDULED).replace(tzinfo=dt.UTC), path))
        except ValueError:
            continue  # someone else's file: never deleted
    return sorted(found)


@service(Permission.ADMIN, write=False)
def _may_restore(uow: UnitOfWork) -> str:
    return uow.actor.name


def restore(db: Database, path: Path | str, *, by: Context | None, passphrase: str | None = None) -> RestoreRecord:
    """Replace the database's content with the backup at ``path``, then bring it to the current schema.

    An admin of the database restores (``by``); a database with no user yet
    (a new PC) takes a restore from whoever runs it. The file is checked whole
    first: if it is not a SNApp database this SNApp can migrate, is damaged,
    or the passphrase is wrong, nothing is changed.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError("backup.no_file", path=str(path))
    replaced = None
    if current_revision(db) is None or not _has_users(db):
        actor = by.user if by else "-"  # nobody to log in as yet: the name is recorded as given
    elif by is None:
        raise BackupError("backup.log_in")
    else:
        actor = _may_restore(by)
        replaced = _head(chain_report_of(db))
    with private_workdir("restore") as work:
        plain = work / "plain"
        if is_sealed(path):
            if not passphrase:
                raise BackupError("backup.passphrase_needed", path=str(path))
            unseal(path, plain, passphrase)
        elif is_wrapped(path):
            unwrap(path, plain, site_key())
        else:
            # A bare database file or dump carries no seal: nothing says SNApp wrote it.
            raise BackupError("backup.unknown_file", path=str(path))
        info = files.inspect(plain, db, str(path))
        if (info.kind == "sqlite") != db.is_sqlite:
            raise BackupError("backup.other_kind", path=str(path), kind=info.kind)
        if db.is_sqlite:
            files.restore_sqlite(db, plain)
        else:
            files.restore_postgresql(db, plain, info)
    if info.revision != head_revision():
        upgrade(db)
    # The trail restored does not hold what happened since the backup: say which trail it replaced.
    audit_apart(db, actor, "backup.restore", "backup", path.name, before={"replaced_head": replaced},
                after={"path": str(path), "revision": info.revision})  # fmt: skip
    return RestoreRecord(str(path), info.kind, info.revision, chain_report_of(db))


def _head(report: ChainReport) -> dict:
    return {"seq": report.head_seq, "hash": report.head_hash, "intact": report.ok}


def _has_users(db: Database) -> bool:
    with db.engine.connect() as conn:
        if "users" not in schema_of(conn).get_table_names():
            return False
    return not needs_first_run(db)


@service(Permission.AUDIT, write=False)
def check(uow: UnitOfWork) -> CheckReport:
    """Integrity of the file (SQLite; PostgreSQL guards its own pages), the schema version, the audit chain."""
    db = uow.ctx.db
    integrity = files.sqlite_integrity(db) if db.is_sqlite else []
    return CheckReport(integrity, current_revision(db), head_revision(), chain_report(uow.session))
