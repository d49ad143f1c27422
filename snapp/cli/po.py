"""Purchase orders: create, edit a draft, amend an ordered one, approve, cancel, close, show, list."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import cell, emit, table

LINE_HELP = "the PO's whole new list of lines: N=SKU:QTY[:PRICE] keeps line N, SKU:QTY[:PRICE] adds one"
TERMS = ("currency", "tax_rate", "delivery_date", "supplier_ref", "note")


def _terms(args: argparse.Namespace) -> dict:
    """The terms given on the command line, as the services take them (absent: not given)."""
    from snapp.services import purchasing

    given = {name: getattr(args, name) for name in TERMS if getattr(args, name) is not None}
    if "delivery_date" in given:
        given["delivery_date"] = purchasing.parse_date(given["delivery_date"]) if given["delivery_date"] else None
    if "tax_rate" in given:
        given["tax_rate"] = purchasing.parse_rate(given["tax_rate"])
    return given


def cmd_po_create(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    lines = [purchasing.LineSpec.parse(text) for text in args.line]
    given = _terms(args)
    note = given.pop("note", None)
    po = purchasing.create_po(common.context(args), args.supplier, lines, note, purchasing.POTerms(**given))
    emit(args, po, lambda p: print(p.number))


def _change(args: argparse.Namespace):
    from snapp.services import purchasing

    given = _terms(args)
    if args.line:
        given["lines"] = [purchasing.LineSpec.parse(text) for text in args.line]
    if args.supplier:
        given["supplier"] = args.supplier
    return purchasing.POChange(**given)


def cmd_po_edit(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    po = purchasing.edit_po(common.context(args), args.number, _change(args))
    emit(args, po, _print_po)


def cmd_po_amend(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    po = purchasing.amend_po(common.context(args), args.number, _change(args), args.reason)
    emit(args, po, _print_po)


def cmd_po_move(args: argparse.Namespace) -> None:
    from snapp.app.dispatch import move_po

    po = move_po(common.context(args), args.verb, args.number)
    emit(args, po, lambda p: print(f"{p.number}: {p.status}"))


def cmd_po_show(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    emit(args, purchasing.get_po(common.context(args), args.number), _print_po)


def _print_po(po) -> None:
    from snapp.domain.money import shown

    print(f"{po.number}  {po.status}  supplier {po.supplier} {po.supplier_name}"
          + (f"  ref {po.supplier_ref}" if po.supplier_ref else ""))  # fmt: skip
    print(f"created {cell(po.created_at)} by {po.created_by}" + (f"; deliver by {po.delivery_date}" if po.delivery_date
          else "") + (f"; note: {po.note}" if po.note else ""))  # fmt: skip
    table([(line.line_no, line.sku, line.item_name, line.quantity, line.received, line.remaining,
            shown(line.unit_price, po.currency), shown(line.amount, po.currency)) for line in po.lines],
          ["LINE", "SKU", "ITEM", "ORDERED", "RECEIVED", "OPEN", "PRICE", "AMOUNT"])  # fmt: skip
    print(f"net {po.currency} {shown(po.net, po.currency)}  tax {po.tax_rate.normalize():f}% "
          f"{shown(po.tax, po.currency)}  total {po.currency} {shown(po.gross, po.currency)}")  # fmt: skip
    for amendment in po.amendments:
        print(f"amendment {amendment.seq}: {cell(amendment.amended_at)} by {amendment.amended_by}: {amendment.reason}")


def cmd_po_list(args: argparse.Namespace) -> None:
    from snapp.services import purchasing

    rows = purchasing.list_pos(common.context(args), args.status, args.supplier, args.limit, args.offset)
    emit(args, rows, lambda rs: table([(r.number, r.supplier, r.status, r.created_at, r.ordered, r.received)
                                       for r in rs], ["PO", "SUPPLIER", "STATUS", "CREATED", "ORDERED", "RECEIVED"]))  # fmt: skip


def _term_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--currency", help="ISO 4217 code (default CNY)")
    command.add_argument("--tax-rate", dest="tax_rate", metavar="PERCENT", help="tax on the prices, e.g. 13 (default 0)")
    command.add_argument("--delivery", dest="delivery_date", metavar="YYYY-MM-DD", help="delivery date ('' clears it)")
    command.add_argument("--supplier-ref", dest="supplier_ref", help="the supplier's own order number")
    command.add_argument("--note")


def build(cli, name: str) -> None:
    from snapp.app.dispatch import PO_MOVES

    pos = cli.group(name)
    create = cli.command(pos, "create", cmd_po_create, "create a draft PO; prints its number")
    create.add_argument("--supplier", required=True, help="supplier code")
    create.add_argument("--line", action="append", required=True, metavar="SKU:QTY[:PRICE]")
    _term_options(create)
    edit = cli.command(pos, "edit", cmd_po_edit, "change a draft PO: supplier, lines, terms")
    amend = cli.command(pos, "amend", cmd_po_amend, "change an approved PO's lines or terms, saying why (audited)")
    for command in (edit, amend):
        command.add_argument("number")
        command.add_argument("--line", action="append", default=[], metavar="[N=]SKU:QTY[:PRICE]", help=LINE_HELP)
        _term_options(command)
    edit.add_argument("--supplier", help="supplier code")
    amend.add_argument("--reason", required=True, help="why the PO changes (kept with the amendment)")
    amend.set_defaults(supplier=None)
    for verb in PO_MOVES:
        sub = cli.command(pos, verb, cmd_po_move, f"{verb} a PO")
        sub.add_argument("number")
        sub.set_defaults(verb=verb)
    show = cli.command(pos, "show", cmd_po_show, "show a PO with ordered and received per line, terms and totals")
    show.add_argument("number")
    listing = cli.command(pos, "list", cmd_po_list, "list POs, newest first")
    listing.add_argument("--status")
    listing.add_argument("--supplier")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)
