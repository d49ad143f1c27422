"""The command line: the scriptable twin of the desktop app.

Thin by design: parse, call a service, print. Exit 0 on success, 2 when the
input is refused (every reason on stderr), 1 on a bug.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from snapp import __version__
from snapp.db.engine import Database, default_url
from snapp.db.schema import current_revision, head_revision, require_current, upgrade
from snapp.domain.capture import paste, scans, serial_range
from snapp.domain.items import TRACKING_MODES
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.domain.permissions import Role
from snapp.errors import SnappError, ValidationError
from snapp.io.masterdata_files import LAYOUTS, read_masterdata
from snapp.io.serial_files import read_serial_file
from snapp.io.templates import KINDS, write_template
from snapp.services import exports, imports, lifecycle, lookup, masterdata, purchasing, receiving, users
from snapp.services.base import Context

EXIT_REFUSED = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Not parser defaults: the common options' actions are shared with every
    # subcommand, and a default would overwrite a value given before it.
    for name, default in (("db", None), ("user", None), ("json", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    if not hasattr(args, "run"):
        return start_desktop()
    try:
        return args.run(args) or 0
    except ValidationError as err:
        print(f"snapp: {err.summary}", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    except SnappError as err:
        print(f"snapp: {err}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("snapp: interrupted; nothing half-done was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def start_desktop() -> int:
    print(
        f"SNApp {__version__}: the desktop window is not part of this version yet.\n"
        "Everything works from the command line meanwhile: `snapp --help`, and `snapp demo` "
        "fills the database with a sample company to look at.",
    )
    return 0


# --- plumbing ----------------------------------------------------------------


def _context(args: argparse.Namespace, *, migrate: bool = False) -> Context:
    db = Database(args.db or default_url())
    if migrate or (db.is_sqlite and current_revision(db) is None):
        upgrade(db)  # `init`, or a brand-new SQLite file
    else:
        require_current(db)
    return Context(db, args.user or os.environ.get("SNAPP_USER") or getpass.getuser())


def _emit(args: argparse.Namespace, records: Any, table: Callable[[Any], None]) -> None:
    if args.json:
        print(json.dumps(_plain(records), ensure_ascii=False, indent=2))
    else:
        table(records)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _table(rows: list[Sequence[Any]], headers: Sequence[str]) -> None:
    text = [[_cell(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in text]) for i, h in enumerate(headers)]
    for row in [list(headers), *text]:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if "\u1100" <= c and (c <= "\u115f" or "\u2e80" <= c <= "\ua4cf" or "\uac00" <= c <= "\ud7a3"
               or "\uf900" <= c <= "\ufaff" or "\ufe30" <= c <= "\ufe4f" or "\uff00" <= c <= "\uff60") else 1
               for c in text)  # fmt: skip


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


# --- commands ----------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> None:
    ctx = _context(args, migrate=True)
    print(f"{ctx.db.display}: schema {head_revision()}, ready")


def cmd_demo(args: argparse.Namespace) -> None:
    from snapp.services.demo import build_demo

    ctx = _context(args, migrate=True)
    summary = build_demo(ctx, serials=args.serials, progress=_progress_printer() if not args.json else None)
    _emit(args, summary, lambda s: print(f"\rdemo company ready in {ctx.db.display}: {s}"))


def _progress_printer(what: str = "serials") -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done:,} / {total:,} {what}", end="", file=sys.stderr, flush=True)

    return show


def cmd_supplier_add(args: argparse.Namespace) -> None:
    record = masterdata.SupplierRecord(args.code, args.name, args.contact, args.phone, args.email, args.address)
    _emit(args, masterdata.add_supplier(_context(args), record), lambda r: print(f"supplier {r.code} added"))


def cmd_supplier_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_suppliers(_context(args))
    _emit(args, rows, lambda rs: _table([(r.code, r.name, r.contact, r.phone, r.email) for r in rs],
                                        ["CODE", "NAME", "CONTACT", "PHONE", "EMAIL"]))  # fmt: skip


def cmd_item_add(args: argparse.Namespace) -> None:
    record = masterdata.ItemRecord(
        args.sku, args.name, args.gtin, args.tracking, args.pattern, args.min_length, args.max_length, args.case,
        args.warranty_months, args.supplier,
    )  # fmt: skip
    _emit(args, masterdata.add_item(_context(args), record), lambda r: print(f"item {r.sku} added"))


def cmd_item_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_items(_context(args))
    _emit(args, rows, lambda rs: _table(
        [(r.sku, r.name, r.gtin, r.tracking, r.serial_pattern, f"{r.serial_min_length}-{r.serial_max_length}",
          r.serial_case, r.warranty_months, r.supplier) for r in rs],
        ["SKU", "NAME", "GTIN", "TRACKING", "PATTERN", "LENGTH", "CASE", "WARRANTY", "SUPPLIER"]))  # fmt: skip


def cmd_location_add(args: argparse.Namespace) -> None:
    record = masterdata.LocationRecord(args.code, args.name)
    _emit(args, masterdata.add_location(_context(args), record), lambda r: print(f"location {r.code} added"))


def cmd_location_list(args: argparse.Namespace) -> None:
    rows = masterdata.list_locations(_context(args))
    _emit(args, rows, lambda rs: _table([(r.code, r.name) for r in rs], ["CODE", "NAME"]))


def cmd_user_add(args: argparse.Namespace) -> None:
    _emit(args, users.add_user(_context(args), args.name, args.role), lambda r: print(f"user {r.name} ({r.role}) added"))


def cmd_user_list(args: argparse.Namespace) -> None:
    rows = users.list_users(_context(args))
    _emit(args, rows, lambda rs: _table([(r.name, r.role, "yes" if r.active else "no") for r in rs],
                                        ["NAME", "ROLE", "ACTIVE"]))  # fmt: skip


def cmd_po_create(args: argparse.Namespace) -> None:
    lines = [purchasing.LineSpec.parse(text) for text in args.line]
    po = purchasing.create_po(_context(args), args.supplier, lines, args.note)
    _emit(args, po, lambda p: print(p.number))


def cmd_po_move(args: argparse.Namespace) -> None:
    verb = {"approve": purchasing.approve_po, "cancel": purchasing.cancel_po, "close": purchasing.close_po}
    po = verb[args.verb](_context(args), args.number)
    _emit(args, po, lambda p: print(f"{p.number}: {p.status}"))


def cmd_po_show(args: argparse.Namespace) -> None:
    po = purchasing.get_po(_context(args), args.number)
    _emit(args, po, _print_po)


def _print_po(po: purchasing.PORecord) -> None:
    print(f"{po.number}  {po.status}  supplier {po.supplier} {po.supplier_name}")
    print(f"created {_cell(po.created_at)} by {po.created_by}" + (f"; note: {po.note}" if po.note else ""))
    _table([(line.line_no, line.sku, line.item_name, line.quantity, line.received, line.remaining, line.unit_price)
            for line in po.lines], ["LINE", "SKU", "ITEM", "ORDERED", "RECEIVED", "OPEN", "PRICE"])  # fmt: skip


def cmd_po_list(args: argparse.Namespace) -> None:
    rows = purchasing.list_pos(_context(args), args.status, args.supplier, args.limit, args.offset)
    _emit(args, rows, lambda rs: _table([(r.number, r.supplier, r.status, r.created_at, r.ordered, r.received)
                                         for r in rs], ["PO", "SUPPLIER", "STATUS", "CREATED", "ORDERED", "RECEIVED"]))  # fmt: skip


def cmd_receive(args: argparse.Namespace) -> None:
    sources = []
    if args.serial:
        sources.append(scans(args.serial))
    sources += [serial_range(spec) for spec in args.range]
    sources += [read_serial_file(path) for path in args.file]
    if args.paste:
        sources.append(paste(sys.stdin.read() if args.paste == "-" else open(args.paste, encoding="utf-8").read()))
    record = receiving.receive(
        _context(args),
        args.po,
        args.sku,
        sources,
        quantity=args.qty,
        location=args.location,
        expected=args.expect,
        note=args.note,
        progress=_progress_printer() if not args.json else None,
    )
    _emit(args, record, lambda r: print(f"\r{r.number}: {r.quantity} × {r.sku} received on {r.po} line {r.line_no} into {r.location}"))


def cmd_serial_show(args: argparse.Namespace) -> None:
    _emit(args, lookup.find_serial(_context(args), args.serial), _print_cards)


def _print_cards(cards: list[lookup.SerialCard]) -> None:
    for card in cards:
        where = f" at {card.location} {card.location_name}" if card.location else ""
        print(f"{card.serial}  {card.sku} {card.item_name}" + (f"  GTIN {card.gtin}" if card.gtin else ""))
        print(f"  status      {card.status}{where}")
        print(f"  supplier    {card.supplier} {card.supplier_name}")
        print(f"  received    {_cell(card.received_at)} on {card.po}, receipt {card.receipt}")
        if card.warranty_end:
            left = card.warranty_days_left()
            state = f"{left} days left" if left >= 0 else f"expired {-left} days ago"
            print(f"  warranty    until {card.warranty_end} ({state})")
        else:
            print("  warranty    none recorded")
        if card.batch or card.expiry:
            print(f"  batch       {card.batch or '-'}  expiry {card.expiry or '-'}")
        print(f"  can         {', '.join(card.allowed) or 'nothing (final status)'}")
        _table([(e.at, e.user, e.action, e.from_status, e.to_status, e.from_location, e.to_location, e.ref, e.note)
                for e in card.history], ["WHEN", "WHO", "ACTION", "FROM", "TO", "FROM LOC", "TO LOC", "REF", "NOTE"])  # fmt: skip
        print()


def _serial_filter(args: argparse.Namespace) -> lookup.SerialFilter:
    return lookup.SerialFilter(args.status, args.sku, args.location, args.supplier, args.po, args.date_from,
                               args.date_to, args.prefix)  # fmt: skip


def cmd_serial_list(args: argparse.Namespace) -> None:
    page = lookup.list_serials(
        _context(args), _serial_filter(args), sort=args.sort, descending=not args.asc, limit=args.limit, offset=args.offset,
        with_total=args.total,
    )  # fmt: skip

    def show(p: lookup.Page) -> None:
        _table([(r.serial, r.sku, r.item_name, r.status, r.location, r.supplier, r.po, r.received_at) for r in p.rows],
               ["SERIAL", "SKU", "ITEM", "STATUS", "LOCATION", "SUPPLIER", "PO", "RECEIVED"])  # fmt: skip
        if p.total is not None:
            print(f"{len(p.rows)} shown of {p.total:,}")

    _emit(args, page, show)


def cmd_serial_move(args: argparse.Namespace) -> None:
    result = lifecycle.move(_context(args), args.action, args.serials, sku=args.sku, to=args.to, ref=args.ref,
                            note=args.note)  # fmt: skip
    where = f" at {result.to_location}" if result.to_location else ""
    _emit(args, result, lambda r: print(f"{r.count} unit(s) {r.action}: now {r.to_status}{where}"))


# --- the parser --------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL (default: $SNAPP_DB, else the local SQLite file)")
    common.add_argument("--user", default=argparse.SUPPRESS, help="acting user (default: $SNAPP_USER, else your login name)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print records as JSON")

    parser = argparse.ArgumentParser(
        prog="snapp",
        description="SNApp: serial-number tracking. Without a command, starts the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"SNApp {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(parent, name: str, run: Callable, help: str) -> argparse.ArgumentParser:
        sub = parent.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    def group(name: str, help: str):
        return commands.add_parser(name, help=help, description=help).add_subparsers(
            title="commands", metavar="COMMAND", required=True
        )

    command(commands, "init", cmd_init, "create the database, or bring an older one to the current schema")
    demo = command(commands, "demo", cmd_demo, "fill the database with a realistic sample company")
    demo.add_argument("--serials", type=int, default=2_000, help="how many units to receive (default 2,000)")

    suppliers = group("supplier", "suppliers")
    add = command(suppliers, "add", cmd_supplier_add, "add a supplier")
    add.add_argument("code")
    add.add_argument("name")
    for option in ("contact", "phone", "email", "address"):
        add.add_argument(f"--{option}")
    command(suppliers, "list", cmd_supplier_list, "list suppliers")

    items = group("item", "items")
    add = command(items, "add", cmd_item_add, "add an item")
    add.add_argument("sku")
    add.add_argument("name")
    add.add_argument("--gtin", help="GTIN-8/12/13/14; the check digit is verified")
    add.add_argument("--tracking", default="serial", choices=TRACKING_MODES)
    add.add_argument("--pattern", help="regular expression every serial must match in full")
    add.add_argument("--min-length", type=int, default=1)
    add.add_argument("--max-length", type=int, default=40)
    add.add_argument("--case", default="keep", choices=("keep", "upper", "lower"), help="case applied to serials")
    add.add_argument("--warranty-months", type=int, default=0, help="supplier warranty from the receipt date")
    add.add_argument("--supplier", help="usual supplier's code")
    command(items, "list", cmd_item_list, "list items")

    locations = group("location", "locations")
    add = command(locations, "add", cmd_location_add, "add a location")
    add.add_argument("code")
    add.add_argument("name")
    command(locations, "list", cmd_location_list, "list locations")

    people = group("user", "users and roles")
    add = command(people, "add", cmd_user_add, "add a user (admin only)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    command(people, "list", cmd_user_list, "list users")

    pos = group("po", "purchase orders")
    create = command(pos, "create", cmd_po_create, "create a draft PO; prints its number")
    create.add_argument("--supplier", required=True, help="supplier code")
    create.add_argument("--line", action="append", required=True, metavar="SKU:QTY[:PRICE]")
    create.add_argument("--note")
    for verb in ("approve", "cancel", "close"):
        sub = command(pos, verb, cmd_po_move, f"{verb} a PO")
        sub.add_argument("number")
        sub.set_defaults(verb=verb)
    show = command(pos, "show", cmd_po_show, "show a PO with ordered and received per line")
    show.add_argument("number")
    listing = command(pos, "list", cmd_po_list, "list POs, newest first")
    listing.add_argument("--status")
    listing.add_argument("--supplier")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)

    receive = command(commands, "receive", cmd_receive, "receive serials against a PO line, all or nothing")
    receive.add_argument("po", help="PO number")
    receive.add_argument("--sku", required=True)
    receive.add_argument("--serial", action="append", default=[], help="a serial or a GS1 scan (repeatable)")
    receive.add_argument("--range", action="append", default=[], metavar="FIRST..LAST", help="e.g. SN0001..SN0500")
    receive.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
    receive.add_argument("--paste", metavar="FILE|-", help="text with serials per line or separated by commas, tabs, spaces")
    receive.add_argument("--location", help="where the units go (default: the only location)")
    receive.add_argument("--expect", type=int, help="refuse unless exactly this many serials are valid")
    receive.add_argument("--qty", type=int, help="quantity, for items not tracked by serial")
    receive.add_argument("--note")

    serials = group("serial", "serial numbers: look up, list, move")
    show = command(serials, "show", cmd_serial_show, "a unit's card and full history")
    show.add_argument("serial")
    listing = command(serials, "list", cmd_serial_list, "the serial register, filtered and sorted")
    _serial_filter_options(listing)
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--total", action="store_true", help="also count all matching units")
    for action, rule in TRANSITIONS.items():
        sub = command(serials, action.value, cmd_serial_move, f"{rule.label} ({', '.join(sorted(rule.sources))} → {rule.target})")
        sub.add_argument("serials", nargs="+", metavar="SN")
        sub.add_argument("--sku", help="needed when several items have the serial")
        if rule.needs_location:
            sub.add_argument("--to", help="location code (default: the only location)")
        else:
            sub.set_defaults(to=None)
        sub.add_argument("--ref", help="reference document (work order, delivery note, RMA...)")
        sub.add_argument("--note")
        sub.set_defaults(action=Action(action))

    _excel_commands(commands, command)
    return parser


def _serial_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status")
    parser.add_argument("--sku")
    parser.add_argument("--location")
    parser.add_argument("--supplier")
    parser.add_argument("--po")
    _date_range(parser, "received")
    parser.add_argument("--prefix", help="serials starting with this")
    parser.add_argument("--sort", default="received", choices=sorted(lookup.SORTS))
    parser.add_argument("--asc", action="store_true", help="ascending (default: newest first)")


def _date_range(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD", help=f"{what} on or after")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help=f"{what} on or before")


# --- Excel: templates, import, export --------------------------------------------


def cmd_template(args: argparse.Namespace) -> None:
    path = write_template(args.kind, args.out)
    print(f"{path}: {args.kind} template; its code and serial columns are Text")


def cmd_import(args: argparse.Namespace) -> None:
    result = imports.import_masterdata(_context(args), read_masterdata(args.file, args.kind))
    _emit(args, result, lambda r: print(f"{r.count} {r.kind} imported from {r.file}"))


def cmd_export(args: argparse.Namespace) -> None:
    ctx, out = _context(args), args.out
    progress = _progress_printer("rows") if not args.json else None
    if args.kind == "serials":
        record = exports.export_serials(ctx, out, _serial_filter(args), sort=args.sort, descending=not args.asc,
                                        progress=progress)  # fmt: skip
    elif args.kind == "history":
        record = exports.export_history(ctx, out, args.serial, progress=progress)
    elif args.kind == "pos":
        record = exports.export_pos(ctx, out, status=args.status, supplier=args.supplier, created_from=args.date_from,
                                    created_to=args.date_to, progress=progress)  # fmt: skip
    elif args.kind == "receipts":
        record = exports.export_receipts(ctx, out, po=args.po, supplier=args.supplier, sku=args.sku,
                                         received_from=args.date_from, received_to=args.date_to, progress=progress)  # fmt: skip
    else:
        record = exports.export_audit(ctx, out, at_from=args.date_from, at_to=args.date_to, user=args.by,
                                      action=args.action, progress=progress)  # fmt: skip
    _emit(args, record, lambda r: print(f"\r{r.rows:,} rows written to {r.path}"))


def _excel_commands(commands, command: Callable) -> None:
    template = command(commands, "template", cmd_template, "write an import template whose code and serial columns are Text")
    template.add_argument("kind", choices=KINDS)
    template.add_argument("--out", required=True, metavar="FILE.xlsx")

    importing = command(commands, "import", cmd_import, "import suppliers, items or locations from .xlsx or .csv, all or nothing")
    importing.add_argument("kind", choices=sorted(LAYOUTS))
    importing.add_argument("file")

    kinds = commands.add_parser("export", help="export to .xlsx", description="export to .xlsx (serials and codes as text)")
    kinds = kinds.add_subparsers(title="exports", metavar="WHAT", required=True)

    def export(kind: str, help: str) -> argparse.ArgumentParser:
        sub = command(kinds, kind, cmd_export, help)
        sub.add_argument("--out", required=True, metavar="FILE.xlsx")
        sub.set_defaults(kind=kind)
        return sub

    _serial_filter_options(export("serials", "the serial register, with the filters of `serial list`"))
    export("history", "one serial's full history").add_argument("serial")
    pos = export("pos", "purchase orders, one row per line")
    pos.add_argument("--status")
    pos.add_argument("--supplier")
    _date_range(pos, "created")
    receipts = export("receipts", "goods receipts, one row per line")
    receipts.add_argument("--po")
    receipts.add_argument("--supplier")
    receipts.add_argument("--sku")
    _date_range(receipts, "received")
    audit = export("audit", "the audit log")
    audit.add_argument("--by", metavar="USER", help="entries by this user")
    audit.add_argument("--action", help="an action (po.approve) or a family (po)")
    _date_range(audit, "written")


if __name__ == "__main__":
    sys.exit(main())
