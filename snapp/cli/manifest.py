"""Supplier manifests: load, amend, show; and what receiving does with a unit not on one."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table

# What --set takes for an item that should follow its supplier.
AS_SUPPLIER = "supplier"


def cmd_manifest_load(args: argparse.Namespace) -> None:
    from snapp.app.sources import serial_sources
    from snapp.services import manifests

    sources = serial_sources(scanned=args.serial, ranges=args.range, files=args.file,
                             pasted=common.pasted(args.paste) if args.paste else None)  # fmt: skip
    change = manifests.load_manifest(common.context(args), args.po, args.line, sources, replace=args.replace)
    emit(args, change, _print_change)


def cmd_manifest_amend(args: argparse.Namespace) -> None:
    from snapp.app.sources import serial_sources
    from snapp.services import manifests

    add = serial_sources(scanned=args.add, files=args.add_file)
    remove = serial_sources(scanned=args.remove, files=args.remove_file)
    emit(args, manifests.amend_manifest(common.context(args), args.po, args.line, add=add, remove=remove), _print_change)


def _print_change(change) -> None:
    print(f"{change.po} line {change.line_no} ({change.sku}): manifest {change.action}, {change.count} serials"
          + (f"; added {len(change.added)}, removed {len(change.removed)}" if change.action == "amend" else ""))  # fmt: skip


def cmd_manifest_show(args: argparse.Namespace) -> None:
    from snapp.services import manifests

    record = manifests.get_manifest(common.context(args), args.po, args.line)

    def show(r) -> None:
        received = set(r.received)
        print(f"{r.po} line {r.line_no} ({r.sku}, supplier {r.supplier}): {len(r.serials)} serials, "
              f"{len(r.received)} received, {len(r.missing)} not yet")  # fmt: skip
        table([(s, "yes" if s in received else "") for s in r.serials if not args.missing or s not in received],
              ["SERIAL", "RECEIVED"])  # fmt: skip

    emit(args, record, show)


def cmd_manifest_policy(args: argparse.Namespace) -> None:
    from snapp.services import manifests

    ctx = common.context(args)
    target = {"supplier": args.supplier, "sku": args.sku}
    if args.set is None:
        setting = manifests.get_off_manifest(ctx, **target)
    else:
        setting = manifests.set_off_manifest(ctx, None if args.set == AS_SUPPLIER else args.set, **target)
    emit(args, setting, lambda s: print(f"{s.supplier or s.sku}: {s.policy or 'as its supplier'} "
                                        f"(a unit not on the manifest: {s.effective})"))  # fmt: skip


def build(cli, name: str) -> None:
    from snapp.domain.manifests import OffManifest

    group = cli.group(name)
    load = cli.command(group, "load", cmd_manifest_load,
                       "load a supplier's serial list for a PO line, all or nothing (the same checks as receiving)")  # fmt: skip
    _line(load)
    load.add_argument("--serial", action="append", default=[], help="a serial or a GS1 scan (repeatable)")
    load.add_argument("--range", action="append", default=[], metavar="FIRST..LAST")
    load.add_argument("--file", action="append", default=[], help=".xlsx or .csv with a serial column")
    load.add_argument("--paste", metavar="FILE|-", help="text with serials per line or separated by commas, tabs, spaces")
    load.add_argument("--replace", action="store_true", help="replace the line's manifest (only before its first receipt)")
    amend = cli.command(group, "amend", cmd_manifest_amend, "add serials to a line's manifest or remove them (audited)")
    _line(amend)
    amend.add_argument("--add", action="append", default=[], metavar="SERIAL")
    amend.add_argument("--add-file", action="append", default=[], metavar="FILE")
    amend.add_argument("--remove", action="append", default=[], metavar="SERIAL")
    amend.add_argument("--remove-file", action="append", default=[], metavar="FILE")
    show = cli.command(group, "show", cmd_manifest_show, "a line's manifest, with what has been received")
    _line(show)
    show.add_argument("--missing", action="store_true", help="only the serials not received yet")
    policy = cli.command(group, "policy", cmd_manifest_policy,
                         "show or set what receiving does with a unit not on the manifest")  # fmt: skip
    which = policy.add_mutually_exclusive_group(required=True)
    which.add_argument("--supplier", help="supplier code")
    which.add_argument("--sku", help="item SKU (overrules its supplier)")
    policy.add_argument("--set", choices=[*(p.value for p in OffManifest), AS_SUPPLIER],
                        help=f"refuse, or accept with an exception; '{AS_SUPPLIER}': an item follows its supplier")  # fmt: skip


def _line(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("po", help="PO number")
    parser.add_argument("--line", type=int, required=True, help="PO line number")
