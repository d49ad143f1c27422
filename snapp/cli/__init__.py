"""The command line: the scriptable twin of the desktop app.

Thin by design: parse, call the application layer or a service, print. Exit 0
on success, 2 when the input is refused (every reason on stderr), 3 when a
check found a problem, 1 on a bug.

Every command but ``init`` logs in first: the user from ``--user`` or
``SNAPP_USER`` (else the login name), the password from ``SNAPP_PASSWORD``,
else stdin with ``--password-stdin``, else a prompt. With ``--password-stdin``
each password or passphrase a command needs comes from its own line of stdin,
in the order the command asks for them (the login first).

One module per command group, each with its handlers beside their arguments
(as calibre's ``calibredb``). Only the chosen command's module is imported and
only its parser built; the module imports its services when the command runs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from snapp.app.errors import EXIT_REFUSED
from snapp.cli.common import EXIT_CHECK_FAILED, EXIT_NOT_PASSED

__all__ = ["EXIT_CHECK_FAILED", "EXIT_NOT_PASSED", "EXIT_REFUSED", "build_parser", "main"]

# Every command in the order --help lists them: (module under snapp.cli, help).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup", "create the database, or bring an older one to the current schema"),
    "demo": ("setup", "fill the database with a realistic sample company"),
    "supplier": ("masterdata", "suppliers"),
    "item": ("masterdata", "items"),
    "location": ("masterdata", "locations"),
    "field": ("fields", "custom fields per item (IMEI, MAC, firmware...): define, list, set a unit's value, find"),
    "customer": ("aftersales", "customers, and the units each has"),
    "user": ("users", "users, roles, passwords"),
    "audit": ("audit", "the audit trail"),
    "backup": ("setup", "write a backup file (admin), safe while others work"),
    "restore": ("setup", "replace the database with a backup file; a file that is not a SNApp backup changes nothing"),
    "check": ("setup", "check the database: integrity, schema version, audit chain"),
    "grant": ("users", "PostgreSQL: let a server role use SNApp, with the audit trail append-only (admin)"),
    "po": ("po", "purchase orders"),
    "manifest": ("manifest", "supplier manifests: the serial list of a PO line, checked at receipt"),
    "receive": ("receive", "receive serials against a PO line, all or nothing"),
    "serial": ("serial", "serial numbers: look up, list, move"),
    "batch": ("batch", "items tracked by batch: stock per batch and location, first-expiring-first issue"),
    "labels": ("printing", "print serial labels to a PDF or a label printer, or list the label templates"),
    "printer": ("printers", "the label printer (ZPL or TSPL): choose it, show it, print a test label"),
    "document": ("printing", "PDF documents: purchase order, goods receipt, serial history, monthly audit report"),
    "recall": ("recall", "recall and trace: every unit of a batch, PO, item or serial list; block, release, expiring"),
    "verify": ("stock", "is this unit ours? one verdict per code (exit 3 if any did not pass)"),
    "stocktake": ("stock", "stocktake: count a location by scanning, close, apply to the books"),
    "exception": ("stock", "the exceptions desk"),
    "rma": ("aftersales", "after-sales: customer returns and swaps, supplier RMAs, repairs"),
    "alerts": ("aftersales", "warranties ending soon, supplier RMAs overdue, long repairs (exit 3 if any)"),
    "reconcile": ("stock", "ordered, received, recorded, in stock, returned"),
    "accuracy": ("stock", "the month's serial reconciliation accuracy"),
    "template": ("excel", "write an import template whose code and serial columns are Text"),
    "import": ("excel", "import suppliers, items, locations or customers from .xlsx or .csv, all or nothing"),
    "export": ("excel", "export to .xlsx (serials and codes as text)"),
    "device": ("devices", "paired phones and PDAs: list, revoke, a pairing code for a server with no screen"),
    "serve": ("serve", "serve the HTTP API for other systems and phones (OpenAPI document at /api/openapi.json)"),
}
# The names these groups had before they took the screen's name: scripts written then still run.
ALIASES = {"count": "stocktake", "report": "document"}
_VALUED = ("--db", "--user")  # the options before a command that take a value

# What to type next, for refusals whose fix is a command (the core names none).
HINTS = {
    "access.no_users": "snapp user add NAME --role admin --password-stdin",
    "access.no_users_here": "snapp user add NAME --role admin --password-stdin",
    "access.unknown_user": "snapp user add {name} --role ROLE",
    "access.first_user_admin": "--role admin",
    "access.has_users": "snapp user add NAME --role ROLE",
    "access.locked": "snapp user unlock {name}",
    "database.no_schema": "snapp init",
    "database.old_schema": "snapp init",
    "database.network_share": "--db postgresql://user@server/snapp, or SNAPP_DB",
    "demo.not_empty": "snapp --db sqlite:///demo.db demo",
    "printer.not_set": "snapp printer set HOST:9100 --language zpl --dpi 203 --template thermal-50x30",
}


class Builder:
    """Adds commands to the parser: each takes the common options, and runs its handler."""

    def __init__(self, commands: argparse._SubParsersAction, common: argparse.ArgumentParser):
        self.commands = commands
        self.common = common

    def command(self, parent: argparse._SubParsersAction | None, name: str, run: Callable, help: str | None = None
                ) -> argparse.ArgumentParser:  # fmt: skip
        """A command under ``parent`` (None: at the top, with its help from COMMANDS)."""
        help = help or COMMANDS[name][1]
        sub = (parent or self.commands).add_parser(name, parents=[self.common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    def group(self, name: str) -> argparse._SubParsersAction:
        help = COMMANDS[name][1]
        return self.commands.add_parser(name, aliases=aliases(name), help=help, description=help).add_subparsers(
            title="commands", metavar="COMMAND", required=True
        )


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``: its first word that is not an option or an option's value."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            word = ALIASES.get(word, word)
            return word if word in COMMANDS else None
    return None


def aliases(name: str) -> list[str]:
    return [old for old, new in ALIASES.items() if new == name]


class _Version(argparse.Action):
    """argparse's --version, reading the version only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from snapp import __version__

        print(f"SNApp {__version__}")  # on stdout, as argparse's own version action
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the full arguments of the command ``argv`` names (of every command when None)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS,
                        help="database URL (default: $SNAPP_DB, else the desktop's choice, else the local SQLite file)")  # fmt: skip
    common.add_argument("--user", default=argparse.SUPPRESS, help="log in as (default: $SNAPP_USER, else your login name)")
    common.add_argument("--password-stdin", action="store_true", default=argparse.SUPPRESS,
                        help="read passwords from stdin, one a line, login first (default: $SNAPP_PASSWORD, else a prompt)")  # fmt: skip
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print records as JSON")

    parser = argparse.ArgumentParser(
        prog="snapp",
        description="SNApp: serial-number tracking. Without a command, starts the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    builder = Builder(commands, common)
    chosen = None if argv is None else chosen_command(argv)
    for name, (module, help) in COMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(f"snapp.cli.{module}").build(builder, name)
        else:
            commands.add_parser(name, aliases=aliases(name), help=help, description=help)  # listed in --help; built when chosen
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    # Not parser defaults: the common options' actions are shared with every
    # subcommand, and a default would overwrite a value given before it.
    for name, default in (("db", None), ("user", None), ("json", False), ("password_stdin", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if not hasattr(args, "run"):
        return start_desktop(args)
    from snapp.app.errors import exit_code
    from snapp.errors import SnappError

    try:
        return args.run(args) or 0
    except SnappError as err:
        refuse(args, err)
        return exit_code(err)
    except KeyboardInterrupt:
        print("snapp: interrupted; nothing half-done was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def refuse(args: argparse.Namespace, err) -> None:
    """A refusal: with --json one object on stdout, else every reason on stderr, in the user's language."""
    import json

    from snapp.app.errors import error_json, language
    from snapp.errors import ValidationError, said

    lang = language()
    hint = HINTS.get(err.code, "").format(**{k: str(v) for k, v in err.values.items()})
    if args.json:
        print(json.dumps({**error_json(err, lang), **({"hint": hint} if hint else {})}, ensure_ascii=False))
        return
    if isinstance(err, ValidationError):
        print(f"snapp: {said(err.summary, lang)}", file=sys.stderr)
        for line in err.lines(lang):
            print(f"  {line}", file=sys.stderr)
    else:
        print(f"snapp: {err.say(lang)}", file=sys.stderr)
    if hint:
        print(f"  {hint}", file=sys.stderr)


def start_desktop(args: argparse.Namespace) -> int:
    from snapp.gui.app import run  # Qt loads only for the desktop app, never for a command

    return run(args.db, args.user)
