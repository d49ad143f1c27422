"""Users, roles, passwords, and PostgreSQL server roles."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table


def cmd_user_add(args: argparse.Namespace) -> None:
    from snapp.app.session import create_first_admin, first_run
    from snapp.services import users

    db = common.database(args)
    new_password = common.new_password(args, args.name)
    if first_run(db):
        admin = create_first_admin(db, args.name, args.role, new_password)
        record = users.UserRecord(admin.user, "admin", True, True)
    else:
        ctx = common.context(args)
        record = users.add_user(ctx, args.name, args.role, new_password())
    emit(args, record, lambda r: print(f"user {r.name} ({r.role}) added"))


def cmd_user_list(args: argparse.Namespace) -> None:
    from snapp.services import users

    rows = users.list_users(common.context(args))
    emit(args, rows, lambda rs: table(
        [(r.name, r.role, "yes" if r.active else "no", "yes" if r.locked else "no", r.failed_logins,
          "yes" if r.has_password else "no") for r in rs],
        ["NAME", "ROLE", "ACTIVE", "LOCKED", "FAILED LOGINS", "PASSWORD"]))  # fmt: skip


def cmd_user_passwd(args: argparse.Namespace) -> None:
    from snapp.services import users

    ctx = common.context(args)
    name = args.name or ctx.user
    record = users.set_password(ctx, name, common.new_password(args, name)())
    emit(args, record, lambda r: print(f"password of {r.name} changed"))


def cmd_user_change(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import change_user

    record = change_user(common.context(args), args.change, args.name, args.role)
    emit(args, record, lambda r: print(f"user {r.name}: {r.role}, {'active' if r.active else 'disabled'}"
                                      f"{', locked' if r.locked else ''}"))  # fmt: skip


def cmd_grant(args: argparse.Namespace) -> None:
    from snapp.services import users

    statements = users.grant_server_role(common.context(args), args.role)
    emit(args, statements, lambda ss: print(";\n".join(ss) + ";"))


def build(cli, name: str) -> None:
    if name == "grant":
        grant = cli.command(None, "grant", cmd_grant)
        grant.add_argument("role", help="the application role people's logins are members of")
        return
    from snapp.domain.permissions import Role

    roles = [r.value for r in Role]
    people = cli.group("user")
    add = cli.command(people, "add", cmd_user_add, "add a user (admin only; in a database with no user yet, its first admin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=roles)
    cli.command(people, "list", cmd_user_list, "list users")
    passwd = cli.command(people, "passwd", cmd_user_passwd, "change your password, or (admin) anyone's")
    passwd.add_argument("name", nargs="?", help="whose (default: yours)")
    for change, text in (("disable", "stop a user from logging in (admin)"), ("enable", "let a disabled user in again"),
                         ("unlock", "lift a lockout after failed logins (admin)"), ("role", "change a user's role (admin)")):  # fmt: skip
        sub = cli.command(people, change, cmd_user_change, text)
        sub.add_argument("name")
        if change == "role":
            sub.add_argument("role", choices=roles)
        else:
            sub.set_defaults(role=None)
        sub.set_defaults(change=change)
