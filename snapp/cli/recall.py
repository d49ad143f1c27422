"""Recall and trace: the units a recall names and where they are, its Excel and PDF, block and release; expiring stock."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table


def recall_of(args: argparse.Namespace):
    """The recall the criteria options name; serials as receiving takes them (typed, a file's column, pasted)."""
    from snapp.app.sources import selection
    from snapp.services.recall import Recall

    listed = selection(scanned=args.serial, files=args.file, pasted=common.pasted(args.paste) if args.paste else None)
    serials = tuple(str(value) for value in listed.values if value is not None) if listed else ()
    return Recall(supplier=args.supplier, batch=args.batch, po=args.po, sku=args.sku, received_from=args.date_from,
                  received_to=args.date_to, serials=serials)  # fmt: skip


def cmd_trace(args: argparse.Namespace) -> None:
    from snapp.services import recall

    traced = recall.trace(common.context(args), recall_of(args), limit=args.limit)

    def show(t: recall.Trace) -> None:
        print(f"{t.total:,} unit(s) affected")
        table([(g.status, g.location, g.count) for g in t.groups], ["STATUS", "LOCATION", "UNITS"])
        print()
        table([(u.serial, u.sku, u.batch, u.expiry, u.po, u.status, u.location, u.holder, u.last_at) for u in t.units],
              ["SERIAL", "SKU", "BATCH", "EXPIRY", "PO", "STATUS", "LOCATION", "HAS IT", "SINCE"])  # fmt: skip
        if len(t.units) < t.total:
            print(f"{len(t.units):,} shown of {t.total:,}; export for all")
        if t.quantities:
            print()
            table([(f.sku, f.batch, f.expiry, f.where.replace("_", " "), f.place, f.quantity, f.at) for f in t.quantities],
                  ["SKU", "BATCH", "EXPIRY", "WHERE", "RECEIPT / LOCATION / TO", "QUANTITY", "AT"])  # fmt: skip

    emit(args, traced, show)


def cmd_export(args: argparse.Namespace) -> None:
    from snapp.services import exports

    done = exports.export_recall(common.context(args), args.out, recall_of(args))
    emit(args, done, lambda d: print(f"{d.rows:,} unit(s) written to {d.path}"))


def cmd_report(args: argparse.Namespace) -> None:
    from snapp.services import printing

    printed = printing.print_recall(common.context(args), recall_of(args), args.out)
    emit(args, printed, lambda p: print(f"{p.document}: {p.count} page(s) written to {p.out}"))


def cmd_hold(args: argparse.Namespace) -> None:
    from snapp.services import recall

    move = recall.block if args.hold == "block" else recall.release
    result = move(common.context(args), recall_of(args), note=args.note)

    def show(r: recall.BlockResult) -> None:
        blocking = r.action == "block"
        print(f"{r.count:,} unit(s) {'quarantined' if blocking else 'back in stock'}, each where it stands")
        for status, n in r.left.items():
            print(f"  left as they are: {n:,} {status}")
        if r.lots:
            said = "blocked: not issued until released" if blocking else "released: issuable again"
            print(f"{r.pieces:,} piece(s) of recalled batches in stock {said}")
            table([(lot.sku, lot.batch, lot.location, lot.quantity) for lot in r.lots],
                  ["SKU", "BATCH", "LOCATION", "PIECES"])  # fmt: skip

    emit(args, result, show)


def cmd_expiring(args: argparse.Namespace) -> None:
    from snapp.services import expiry

    units = expiry.expiring(common.context(args), args.days, limit=args.limit)

    def show(rows: list[expiry.ExpiringUnit]) -> None:
        table([(u.serial, u.sku, u.batch, u.expiry, u.days_left, u.status, u.location) for u in rows],
              ["SERIAL", "SKU", "BATCH", "EXPIRY", "DAYS LEFT", "STATUS", "LOCATION"])  # fmt: skip
        expired = sum(1 for u in rows if u.days_left < 0)
        print(f"{expired:,} expired, {len(rows) - expired:,} expiring within {args.days} days (first-expiring first)")

    emit(args, units, show)


def _criteria(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--supplier", help="supplier code")
    parser.add_argument("--batch", help="batch (lot)")
    parser.add_argument("--po", help="purchase order number")
    parser.add_argument("--sku", help="item")
    common.date_range(parser, "received")
    parser.add_argument("--serial", action="append", default=[], metavar="SN", help="a serial or a GS1 scan (repeatable)")
    parser.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
    parser.add_argument("--paste", metavar="FILE|-", help="text with serials per line or separated by commas, tabs, spaces")


def build(cli, name: str) -> None:
    group = cli.group(name)
    traced = cli.command(group, "trace", cmd_trace, "every affected unit, grouped by where it is, and who has it")
    _criteria(traced)
    traced.add_argument("--limit", type=int, default=1_000, help="units listed (default: %(default)s)")
    export = cli.command(group, "export", cmd_export, "every affected unit and its history to .xlsx")
    export.add_argument("out", metavar="OUT.xlsx")
    _criteria(export)
    report = cli.command(group, "report", cmd_report, "the recall report for a regulator, as PDF")
    report.add_argument("out", metavar="OUT.pdf")
    _criteria(report)
    for hold, help in (("block", "quarantine every affected unit in stock, block the recalled batches' pieces"),
                       ("release", "put quarantined affected units back in stock, release the batches' pieces")):  # fmt: skip
        sub = cli.command(group, hold, cmd_hold, help)
        _criteria(sub)
        sub.add_argument("--note", help="why: the supplier's notice, a QA decision")
        sub.set_defaults(hold=hold)
    soon = cli.command(group, "expiring", cmd_expiring, "stock on our shelves expired or expiring, first-expiring first")
    soon.add_argument("--days", type=int, default=30, help="expiring within this many days (default: %(default)s)")
    soon.add_argument("--limit", type=int, default=1_000)
