"""Is this unit ours, and is the stock what the records say: verify, stocktake, exceptions, reconciliation."""

from __future__ import annotations

import argparse
import datetime as dt

from snapp.cli import common
from snapp.cli.common import EXIT_NOT_PASSED, emit, table

GS_SETTINGS = {"gs": "\x1d", "none": ""}


def _profile(args: argparse.Namespace):
    from snapp.domain.scan import ScannerProfile

    return ScannerProfile(gs=GS_SETTINGS.get(args.gs, args.gs), prefix=args.prefix, suffix="")


def cmd_verify(args: argparse.Namespace) -> int:
    from snapp.services import verification

    results = verification.verify(common.context(args), args.codes, profile=_profile(args), sku=args.sku)

    def show(rs) -> None:
        for r in rs:
            mark = "ok  " if r.passed else "FAIL"
            print(f"{mark} {r.verdict:<22} {r.raw}")
            print(f"     {r.message}")
            if r.manifest:
                print(f"     {r.manifest}")
            for warning in r.warnings:
                print(f"     warning: {warning}")
            if r.exception_id:
                print(f"     exception #{r.exception_id} opened")

    emit(args, results, show)
    return 0 if all(r.passed for r in results) else EXIT_NOT_PASSED


def cmd_stocktake_start(args: argparse.Namespace) -> None:
    from snapp.services import stocktake

    take = stocktake.start_stocktake(common.context(args), args.location, args.note)
    emit(args, take, lambda c: print(f"{c.number}: counting {c.location or 'every location'}"))


def cmd_stocktake_scan(args: argparse.Namespace) -> None:
    from snapp.app.sources import serial_sources
    from snapp.services import stocktake

    sources = serial_sources(scanned=args.codes, files=args.file, pasted=common.pasted(args.paste) if args.paste else None)
    batch = stocktake.scan(common.context(args), args.number, sources, profile=_profile(args))

    def show(b) -> None:
        print(f"{b.accepted:,} scan(s) counted ({b.repeated:,} repeated a unit already counted), {len(b.problems):,} refused")
        for problem in b.problems:
            print(f"  refused {problem}")
        for warning in b.warnings:
            print(f"  warning: {warning}")

    emit(args, batch, show)


def cmd_stocktake_close(args: argparse.Namespace) -> None:
    from snapp.services import stocktake

    emit(args, stocktake.close_stocktake(common.context(args), args.number), _print_stocktake)


def cmd_stocktake_report(args: argparse.Namespace) -> None:
    from snapp.app.records import plain
    from snapp.services import stocktake

    report = stocktake.stocktake_report(common.context(args), args.number)
    if args.json:
        common.print_json({**plain(report), "figures": report.figures})
    else:
        _print_stocktake(report)


def cmd_stocktake_export(args: argparse.Namespace) -> None:
    from snapp.services import exports

    done = exports.export_stocktake(common.context(args), args.out, args.number, discrepancies_only=args.discrepancies)
    emit(args, done, lambda d: print(f"{d.rows:,} unit(s) written to {d.path}"))


def cmd_stocktake_print(args: argparse.Namespace) -> None:
    from snapp.services import printing

    printed = printing.print_stocktake(common.context(args), args.number, args.out, discrepancies_only=args.discrepancies)
    emit(args, printed, lambda p: print(f"{p.document}: {p.count} page(s) written to {p.out}"))


def _print_stocktake(report) -> None:
    accuracy = "-" if report.accuracy is None else f"{report.accuracy:.1%}"
    print(f"{report.number}  {report.location or 'every location'}  {report.status}  accuracy {accuracy}")
    for name in ("missing", "unexpected", "unknown", "scanned_twice", "matched"):  # what needs a person first
        lines = getattr(report, name)
        print(f"\n{name.replace('_', ' ')}: {len(lines)}")
        if lines and name != "matched":
            table([(x.serial, x.sku, x.recorded_status, x.recorded_location, x.scans) for x in lines],
                  ["SERIAL", "SKU", "RECORDED STATUS", "RECORDED AT", "SCANS"])  # fmt: skip


def cmd_stocktake_apply(args: argparse.Namespace) -> None:
    from snapp.services import stocktake

    result = stocktake.apply_stocktake(common.context(args), args.number)

    def show(r) -> None:
        print(f"{r.number} applied: {r.transferred} moved here, {r.found} found, {r.lost} marked lost")
        for line in r.left:
            print(f"  left for a person: {line.serial} ({line.sku}) is {line.recorded_status}")

    emit(args, result, show)


def cmd_stocktake_list(args: argparse.Namespace) -> None:
    from snapp.services import stocktake

    rows = stocktake.list_stocktakes(common.context(args), args.status)
    emit(args, rows, lambda rs: table([(r.number, r.location or "(all)", r.status, r.started_at, r.started_by,
                                        r.units_scanned, r.scans) for r in rs],
                                      ["STOCKTAKE", "LOCATION", "STATUS", "STARTED", "BY", "UNITS", "SCANS"]))  # fmt: skip


def cmd_exception_list(args: argparse.Namespace) -> None:
    from snapp.errors import said
    from snapp.services import exceptions

    ctx = common.context(args)
    rows = exceptions.list_exceptions(ctx, args.status, args.kind, limit=args.limit)
    # A stocktake's list of missing units stays in --json (and in `stocktake report`): in a table it would widen every row.
    emit(args, rows, lambda rs: table([(r.id, r.kind, r.status, r.opened_at, r.subject, exceptions.gist(said(r.detail, ctx.lang)),
                                        r.resolved_by, r.resolution) for r in rs],
                                      ["ID", "KIND", "STATUS", "OPENED", "SUBJECT", "DETAIL", "RESOLVED BY", "HOW"]))  # fmt: skip


def cmd_exception_resolve(args: argparse.Namespace) -> None:
    from snapp.services import exceptions

    record = exceptions.resolve_exception(common.context(args), args.id, args.resolution)
    emit(args, record, lambda r: print(f"exception #{r.id} resolved by {r.resolved_by}"))


def cmd_reconcile(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import reconcile

    rows = reconcile(common.context(args), args.by)
    by_po = args.by == "po"  # a PO's row names its supplier too; a supplier's row is named by it, once

    def row(r) -> tuple:
        return (*([r.key, r.supplier] if by_po else [r.key]), r.ordered, r.received, r.serials, r.in_stock, r.returned,
                r.unrecorded)  # fmt: skip

    head = ["PO", "SUPPLIER"] if by_po else ["SUPPLIER"]
    emit(args, rows, lambda rs: table([row(r) for r in rs], [*head, "ORDERED", "RECEIVED", "SERIALS", "IN STOCK", "RETURNED", "UNRECORDED"]))


def cmd_accuracy(args: argparse.Namespace) -> None:
    from snapp.services import reconciliation

    figure = reconciliation.serial_accuracy(common.context(args), args.month)
    shown = "no stocktake closed that month" if figure.accuracy is None else f"{figure.accuracy:.1%}"
    emit(args, figure, lambda f: print(f"{f.month}: serial reconciliation accuracy {shown} "
                                       f"({f.agreeing} of {f.units} units; stocktakes {', '.join(f.stocktakes) or '-'})"))  # fmt: skip


def _scanner_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gs", default="gs", help="what the scanner sends for GS: gs (ASCII 29), none, or a literal such as 029 or ^]")
    parser.add_argument("--prefix", action="store_true", help="the scanner sends a symbology identifier (]d2, ]C1, ]Q3) first")


def build(cli, name: str) -> None:
    if name == "verify":
        verify = cli.command(None, "verify", cmd_verify)
        verify.add_argument("codes", nargs="+", metavar="CODE", help="a serial, GS1 scan, Digital Link URL, drug code or China UDI")
        verify.add_argument("--sku", help="only units of this item")
        _scanner_options(verify)
    elif name == "stocktake":
        stocktakes = cli.group("stocktake")
        start = cli.command(stocktakes, "start", cmd_stocktake_start, "open a stocktake; prints its number")
        start.add_argument("--location", help="location code (default: every location)")
        start.add_argument("--note")
        scan = cli.command(stocktakes, "scan", cmd_stocktake_scan, "add scans to an open stocktake (any PC, any time until it is closed)")
        scan.add_argument("number")
        scan.add_argument("codes", nargs="*", metavar="CODE")
        scan.add_argument("--file", action="append", default=[], help=".xlsx or .csv of scans")
        scan.add_argument("--paste", metavar="FILE|-", help="text with one scan per line")
        _scanner_options(scan)
        for verb, run, text in (("close", cmd_stocktake_close, "close a stocktake: matched, missing, unexpected, unknown"),
                                ("apply", cmd_stocktake_apply, "move wrong-location units here, mark missing ones lost"),
                                ("report", cmd_stocktake_report, "a stocktake's figures (provisional while open)")):  # fmt: skip
            cli.command(stocktakes, verb, run, text).add_argument("number")
        for verb, run, out, text in (
            ("export", cmd_stocktake_export, "OUT.xlsx", "a stocktake's report to Excel, discrepancies first"),
            ("print", cmd_stocktake_print, "OUT.pdf", "a stocktake's report as a PDF, discrepancies first"),
        ):  # fmt: skip
            command = cli.command(stocktakes, verb, run, text)
            command.add_argument("number")
            command.add_argument("out", metavar=out)
            command.add_argument("--discrepancies", action="store_true", help="leave the matched units out")
        from snapp.domain.statuses import STOCKTAKE

        cli.command(stocktakes, "list", cmd_stocktake_list, "stocktakes, newest first").add_argument("--status", choices=STOCKTAKE.states)
    elif name == "exception":
        from snapp.domain.statuses import ALL, EXCEPTION
        from snapp.services.exceptions import ExceptionKind

        desk = cli.group("exception")
        listing = cli.command(desk, "list", cmd_exception_list, "exceptions, newest first")
        listing.add_argument("--status", default="open", choices=(*EXCEPTION.states, ALL))
        listing.add_argument("--kind", choices=[k.value for k in ExceptionKind])
        listing.add_argument("--limit", type=int, default=100)
        resolve = cli.command(desk, "resolve", cmd_exception_resolve, "resolve an exception, saying how")
        resolve.add_argument("id", type=int)
        resolve.add_argument("resolution", help="what was found and done")
    elif name == "reconcile":
        cli.command(None, "reconcile", cmd_reconcile).add_argument("--by", default="po", choices=("po", "supplier"))
    else:
        accuracy = cli.command(None, "accuracy", cmd_accuracy)
        accuracy.add_argument("--month", type=common.month, default=dt.date.today(), metavar="YYYY-MM")
