"""Setting a database up and keeping it safe: init, demo, backup, restore, check."""

from __future__ import annotations

import argparse
import os

from snapp.cli import common
from snapp.cli.common import EXIT_CHECK_FAILED, emit, print_chain


def cmd_init(args: argparse.Namespace) -> None:
    from snapp.db.schema import head_revision

    db = common.database(args, migrate=True)  # no login: a new database has no user yet
    print(f"{db.display}: schema {head_revision()}, ready")


def cmd_demo(args: argparse.Namespace) -> None:
    from snapp.app.session import admin_or_login
    from snapp.services.demo import build_demo

    db = common.database(args, migrate=True)
    name = common.user_name(args)
    typed: list[str] = []  # the new admin's password, which the demo's people share

    def new_password() -> str:
        typed.append(os.environ.get("SNAPP_PASSWORD") or common.new_password(args, name, "secret.new_admin_password")())
        return typed[0]

    ctx, created = admin_or_login(db, name, new_password, common.login_password(args))
    password = typed[0] if created else None
    summary = build_demo(ctx, serials=args.serials, progress=common.progress_printer(args), team_password=password)
    emit(args, summary, lambda s: print(f"\rdemo company ready in {ctx.db.display}: {s}"
                                        + ("; its people log in with your password" if password else "")))  # fmt: skip


def cmd_backup(args: argparse.Namespace) -> None:
    from snapp.errors import Text
    from snapp.services import backup

    ctx = common.context(args)
    passphrase = common.secret(args, Text("secret.passphrase"), stdin=True) if args.passphrase_stdin else None
    record = backup.backup(ctx, args.out, passphrase)
    emit(args, record, lambda r: print(f"backup written to {r.path} ({r.size:,} bytes{', sealed' if r.sealed else ''})"))


def cmd_restore(args: argparse.Namespace) -> None:
    from snapp.app.session import restorer
    from snapp.db.engine import Database
    from snapp.db.sealed import is_sealed
    from snapp.errors import Text
    from snapp.services import backup

    db = Database(common.database_url(args))  # not opened: its schema may be older, newer or absent
    by = restorer(db, common.user_name(args), common.login_password(args))
    sealed = os.path.isfile(args.file) and is_sealed(args.file)
    passphrase = common.secret(args, Text("secret.passphrase"), stdin=args.passphrase_stdin) if sealed else None
    record = backup.restore(db, args.file, by=by, passphrase=passphrase)
    emit(args, record, lambda r: (print(f"{db.display} restored from {r.path} (schema {r.revision})"),
                                  print_chain(r.chain)))  # fmt: skip


def cmd_check(args: argparse.Namespace) -> int:
    from snapp.services import backup

    report = backup.check(common.context(args))

    def show(r: backup.CheckReport) -> None:
        print("integrity: " + ("ok" if not r.integrity else "; ".join(r.integrity)))
        print(f"schema: {r.revision}" + ("" if r.revision == r.head else f" (this SNApp needs {r.head})"))
        print_chain(r.chain)

    emit(args, report, show)
    return 0 if report.ok else EXIT_CHECK_FAILED


def build(cli, name: str) -> None:
    if name == "init":
        cli.command(None, "init", cmd_init)
    if name == "demo":
        demo = cli.command(None, "demo", cmd_demo)
        demo.add_argument("--serials", type=int, default=2_000, help="how many units to receive (default 2,000)")
    if name == "backup":
        save = cli.command(None, "backup", cmd_backup)
        save.add_argument("--out", required=True, metavar="FILE")
        save.add_argument("--passphrase-stdin", action="store_true", help="seal the file with a passphrase read from stdin")
    if name == "restore":
        load = cli.command(None, "restore", cmd_restore)
        load.add_argument("file")
        load.add_argument("--passphrase-stdin", action="store_true", help="read a sealed file's passphrase from stdin")
    if name == "check":
        cli.command(None, "check", cmd_check)
