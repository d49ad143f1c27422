"""Receiving serials against a PO line."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit


def cmd_receive(args: argparse.Namespace) -> None:
    from snapp.app.sources import serial_sources
    from snapp.services import receiving

    lot = _lot(args)
    sources = serial_sources(scanned=args.serial, ranges=args.range, files=args.file,
                             pasted=common.pasted(args.paste) if args.paste else None, columns=args.columns)  # fmt: skip
    record = receiving.receive(
        common.context(args),
        args.po,
        args.sku,
        sources,
        quantity=None if lot else args.qty,
        lot=lot,
        location=args.location,
        expected=args.expect,
        note=args.note,
        progress=common.progress_printer(args),
        paired=args.pair,
    )
    emit(args, record, _print_receipt)


def _lot(args: argparse.Namespace):
    from snapp.domain.batches import given

    return given(args.batch, args.expiry, args.qty, args.label)


def _print_receipt(r) -> None:
    lot = f" batch {r.batch}" + (f" (expires {r.expiry})" if r.expiry else "") if r.batch else ""
    print(f"\r{r.number}: {r.quantity} × {r.sku}{lot} received on {r.po} line {r.line_no} into {r.location}")
    # With a manifest on the line: what the exceptions opened at posting are about.
    for label, serials in (("not on the manifest, accepted", r.off_manifest), ("on the manifest, not delivered", r.missing)):
        if serials:
            print(f"  {len(serials)} {label}: {', '.join(serials)}")


def build(cli, name: str) -> None:
    receive = cli.command(None, name, cmd_receive)
    receive.add_argument("po", help="PO number")
    receive.add_argument("--sku", required=True)
    receive.add_argument("--serial", action="append", default=[], help="a serial or a GS1 scan (repeatable)")
    receive.add_argument("--range", action="append", default=[], metavar="FIRST..LAST", help="e.g. SN0001..SN0500")
    receive.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
    receive.add_argument("--paste", metavar="FILE|-", help="text with serials per line or separated by commas, tabs, spaces")
    receive.add_argument("--columns", type=lambda text: [c.strip() for c in text.split(",") if c.strip()], default=[],
                         metavar="FIELD,...", help="--paste has columns: each line a serial, then these fields' values")
    receive.add_argument("--pair", action="append", default=[], metavar="SCAN",
                         help="scans unit by unit: a serial, then its scanned fields (serial, IMEI, serial, IMEI...)")
    receive.add_argument("--location", help="where the units go (default: the only location)")
    receive.add_argument("--expect", type=int, help="refuse unless exactly this many serials are valid")
    receive.add_argument("--qty", "--quantity", type=int, help="quantity, for items not tracked by serial")
    lot = receive.add_mutually_exclusive_group()
    lot.add_argument("--batch", help="batch (lot), for items tracked by batch; with --expiry and --qty")
    receive.add_argument("--expiry", type=common.day, metavar="YYYY-MM-DD", help="the batch's expiry")
    lot.add_argument("--label", metavar="GS1", help="a batch label scan: (01) item, (10) batch, (17) expiry, "
                         "(30) or (37) count")  # fmt: skip
    receive.add_argument("--note")
