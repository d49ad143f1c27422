"""Purchase orders: create, approve, cancel, close, show, list."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import cell, emit, table


def cmd_po_create(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    lines = [purchasing.LineSpec.parse(text) for text in args.line]
    po = purchasing.create_po(common.context(args), args.supplier, lines, args.note)
    emit(args, po, lambda p: print(p.number))


def cmd_po_move(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import move_po

    po = move_po(common.context(args), args.verb, args.number)
    emit(args, po, lambda p: print(f"{p.number}: {p.status}"))


def cmd_po_show(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    emit(args, purchasing.get_po(common.context(args), args.number), _print_po)


def _print_po(po) -> None:
    print(f"{po.number}  {po.status}  supplier {po.supplier} {po.supplier_name}")
    print(f"created {cell(po.created_at)} by {po.created_by}" + (f"; note: {po.note}" if po.note else ""))
    table([(line.line_no, line.sku, line.item_name, line.quantity, line.received, line.remaining, line.unit_price)
           for line in po.lines], ["LINE", "SKU", "ITEM", "ORDERED", "RECEIVED", "OPEN", "PRICE"])  # fmt: skip


def cmd_po_list(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    rows = purchasing.list_pos(common.context(args), args.status, args.supplier, args.limit, args.offset)
    emit(args, rows, lambda rs: table([(r.number, r.supplier, r.status, r.created_at, r.ordered, r.received)
                                       for r in rs], ["PO", "SUPPLIER", "STATUS", "CREATED", "ORDERED", "RECEIVED"]))  # fmt: skip


def build(cli, name: str) -> None:
    from snapp.app.dispatch import PO_MOVES

    pos = cli.group(name)
    create = cli.command(pos, "create", cmd_po_create, "create a draft PO; prints its number")
    create.add_argument("--supplier", required=True, help="supplier code")
    create.add_argument("--line", action="append", required=True, metavar="SKU:QTY[:PRICE]")
    create.add_argument("--note")
    for verb in PO_MOVES:
        sub = cli.command(pos, verb, cmd_po_move, f"{verb} a PO")
        sub.add_argument("number")
        sub.set_defaults(verb=verb)
    show = cli.command(pos, "show", cmd_po_show, "show a PO with ordered and received per line")
    show.add_argument("number")
    listing = cli.command(pos, "list", cmd_po_list, "list POs, newest first")
    listing.add_argument("--status")
    listing.add_argument("--supplier")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)
