"""What every command shares: which database, logging in, asking for secrets, printing records.

Imports only the standard library at the top: each command module loads what it
needs when it runs, so parsing (and ``--help``, ``--version``) stays instant.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from snapp.errors import SnappError, Text

if TYPE_CHECKING:
    from snapp.db.engine import Database
    from snapp.services.base import Context

EXIT_CHECK_FAILED = 3
EXIT_NOT_PASSED = 3


def database(args: argparse.Namespace, *, migrate: bool = False) -> Database:
    """--db, else $SNAPP_DB, else the database chosen in the desktop's Settings, else the local file."""
    from snapp.app.session import open_db
    from snapp.app.settings import database_url

    return open_db(database_url(args.db), migrate=migrate)


def database_url(args: argparse.Namespace) -> str:
    from snapp.app.settings import database_url as chosen

    return chosen(args.db)


def user_name(args: argparse.Namespace) -> str:
    return args.user or os.environ.get("SNAPP_USER") or getpass.getuser()


def login_password(args: argparse.Namespace) -> Callable[[], str]:
    """$SNAPP_PASSWORD, else the next line of stdin or a prompt; asked only when the login happens."""
    name = user_name(args)

    def ask() -> str:
        given = os.environ.get("SNAPP_PASSWORD")
        return given if given is not None else secret(args, Text("secret.password_of", name=name))

    return ask


def new_password(args: argparse.Namespace, name: str, what: str = "secret.new_password_of") -> Callable[[], str]:
    return lambda: secret(args, Text(what, name=name), confirm=True)


def context(args: argparse.Namespace, *, migrate: bool = False) -> Context:
    """Log in: the only way a command gets a Context."""
    from snapp.app.errors import language
    from snapp.app.session import log_in

    return replace(log_in(database(args, migrate=migrate), user_name(args), login_password(args)), lang=language())


def secret(args: argparse.Namespace, what: Text, *, confirm: bool = False, stdin: bool | None = None) -> str:
    """The next line of stdin when asked to (default: --password-stdin), else typed at a prompt (twice when ``confirm``)."""
    if args.password_stdin if stdin is None else stdin:
        line = sys.stdin.readline()
        if not line:
            raise SnappError("cli.stdin_ended", what=what)
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise SnappError("cli.secret_needed", what=what)
    value = getpass.getpass(f"{what}: ")
    if confirm and getpass.getpass("Again: ") != value:
        raise SnappError("cli.entries_differ")
    return value


def pasted(where: str) -> str:
    """The text of ``--paste FILE``, or of ``--paste -`` (standard input)."""
    if where == "-":
        return sys.stdin.read()
    with open(where, encoding="utf-8") as file:
        return file.read()


def emit(args: argparse.Namespace, records: Any, table: Callable[[Any], None]) -> None:
    if args.json:
        from snapp.app.records import to_json

        print(to_json(records))
    else:
        table(records)


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def progress_printer(args: argparse.Namespace, what: str = "serials") -> Callable[[int, int], None] | None:
    """A counter on a terminal's stderr while long work runs; none with --json."""
    if args.json:
        return None

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done:,} / {total:,} {what}", end="", file=sys.stderr, flush=True)

    return show


def table(rows: list[Sequence[Any]], headers: Sequence[str]) -> None:
    text = [[cell(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in text]) for i, h in enumerate(headers)]
    for row in [list(headers), *text]:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())


def cell(value: Any) -> str:
    from snapp.app.records import shown

    return shown(value, "-")


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u1100" <= c and (c <= "\u115f" or "\u2e80" <= c <= "\ua4cf" or "\uac00" <= c <= "\ud7a3"
               or "\uf900" <= c <= "\ufaff" or "\ufe30" <= c <= "\ufe4f" or "\uff00" <= c <= "\uff60") else 1
               for c in text)  # fmt: skip


def day(text: str) -> dt.date:
    from snapp.app.dates import parse_day

    try:
        return parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def month(text: str) -> dt.date:
    from snapp.app.dates import parse_month

    try:
        return parse_month(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month (YYYY-MM)") from None


class LazyChoices:
    """An option's choices held by a module that is loaded only when a value is checked or the help is shown."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def _values(self) -> list[str]:
        import importlib

        return sorted(getattr(importlib.import_module(self.module), self.name))

    def __contains__(self, value: object) -> bool:
        return value in self._values()

    def __iter__(self):
        return iter(self._values())


def date_range(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--from", dest="date_from", type=day, metavar="YYYY-MM-DD", help=f"{what} on or after")
    parser.add_argument("--to", dest="date_to", type=day, metavar="YYYY-MM-DD", help=f"{what} on or before")


def print_chain(report: Any) -> None:
    if report.ok:
        print(f"audit trail intact: {report.entries:,} entries")
    else:
        print(f"audit trail NOT intact: {report.first_bad}")
    print(f"head: #{report.head_seq} {report.head_hash}")
