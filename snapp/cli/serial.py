"""Serial numbers: a unit's card and history, the register, and the moves of the lifecycle."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import cell, emit, table


def cmd_serial_show(args: argparse.Namespace) -> None:
    from snapp.services import lookup

    emit(args, lookup.find_serial(common.context(args), args.serial), _print_cards)


def _print_cards(cards) -> None:
    for card in cards:
        where = f" at {card.location} {card.location_name}" if card.location else ""
        print(f"{card.serial}  {card.sku} {card.item_name}" + (f"  GTIN {card.gtin}" if card.gtin else ""))
        print(f"  status      {card.status}{where}")
        print(f"  supplier    {card.supplier} {card.supplier_name}")
        print(f"  received    {cell(card.received_at)} on {card.po}, receipt {card.receipt}")
        print(f"  supplier warranty  {_warranty(card.warranty_end, card.warranty_days_left())}")
        print(f"  customer warranty  {_warranty(card.customer_warranty_end, card.customer_warranty_days_left())}")
        if card.holder:
            print(f"  has it      {_holder(card.holder)}")
        elif card.status == "shipped":
            print("  has it      a customer not recorded (shipped before customers were kept)")
        if card.batch or card.expiry:
            print(f"  batch       {card.batch or '-'}  expiry {card.expiry or '-'}")
        for name, value in card.fields:
            print(f"  {name:<11} {value}")
        print(f"  can         {', '.join(card.allowed) or 'nothing (final status)'}")
        for line in card.aftersales:
            print(f"  after-sales {line}")
        table([(e.at, e.user, e.action, e.from_status, e.to_status, e.from_location, e.to_location, e.ref, e.note)
               for e in card.history], ["WHEN", "WHO", "ACTION", "FROM", "TO", "FROM LOC", "TO LOC", "REF", "NOTE"])  # fmt: skip
        print()


def _warranty(end, left) -> str:
    if end is None:
        return "none recorded"
    return f"until {end} ({left} days left)" if left >= 0 else f"until {end} (expired {-left} days ago)"


def _holder(holder) -> str:
    if holder.customer:
        return f"customer {holder.customer} {holder.customer_name}" + (f", delivery {holder.ref}" if holder.ref else "")
    return f"{holder.recipient_kind} {holder.recipient}"


def _field_filter(text: str) -> str:
    if "=" not in text:
        raise argparse.ArgumentTypeError("give NAME=VALUE, e.g. IMEI=356938035643809")
    return text


def serial_filter(args: argparse.Namespace):
    """The register's filters as given to ``serial_filter_options``' options."""
    from snapp.services import lookup

    return lookup.SerialFilter(args.status, args.sku, args.location, args.supplier, args.po, args.date_from,
                               args.date_to, args.prefix, args.customer, batch=args.batch,
                               field=tuple(args.field.split("=", 1)) if args.field else None)  # fmt: skip


def cmd_serial_list(args: argparse.Namespace) -> None:
    from snapp.services import lookup

    page = lookup.list_serials(
        common.context(args), serial_filter(args), sort=args.sort, descending=not args.asc, limit=args.limit,
        offset=args.offset, with_total=args.total,
    )  # fmt: skip

    def show(p: lookup.Page) -> None:
        table([(r.serial, r.sku, r.item_name, r.status, r.location, r.supplier, r.po, r.received_at) for r in p.rows],
              ["SERIAL", "SKU", "ITEM", "STATUS", "LOCATION", "SUPPLIER", "PO", "RECEIVED"])  # fmt: skip
        if p.total is not None:
            print(f"{len(p.rows)} shown of {p.total:,}")

    emit(args, page, show)


def cmd_serial_move(args: argparse.Namespace) -> None:
    from snapp.domain.aftersales import Party, RecipientKind
    from snapp.app.errors import language
    from snapp.errors import said
    from snapp.services import lifecycle

    customer, recipient = getattr(args, "customer", None), getattr(args, "recipient", None)
    party = Party(customer, recipient, RecipientKind(args.kind) if recipient else None) if customer or recipient else None
    result = lifecycle.move(common.context(args), args.action, args.serials, sku=args.sku, to=args.to, ref=args.ref,
                            note=args.note, party=party)  # fmt: skip
    where = f" at {result.to_location}" if result.to_location else ""

    def show(r) -> None:
        print(f"{r.count} unit(s) {r.action}: now {r.to_status}{where}")
        for advice in r.advice:
            print(f"  note: {said(advice, language())}")

    emit(args, result, show)


def serial_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status")
    parser.add_argument("--sku")
    parser.add_argument("--location")
    parser.add_argument("--supplier")
    parser.add_argument("--po")
    common.date_range(parser, "received")
    parser.add_argument("--prefix", help="serials starting with this")
    parser.add_argument("--customer", help="the units this customer has now")
    parser.add_argument("--batch", help="units of this batch (lot)")
    parser.add_argument("--field", metavar="NAME=VALUE", type=_field_filter, help="units whose custom field holds VALUE")
    parser.add_argument("--sort", default="received", choices=common.LazyChoices("snapp.services.lookup", "SORTS"),
                        metavar="KEY", help="sort by: %(choices)s (default: %(default)s)")  # fmt: skip
    parser.add_argument("--asc", action="store_true", help="ascending (default: newest first)")


def build(cli, name: str) -> None:
    from snapp.domain.aftersales import RecipientKind
    from snapp.domain.lifecycle import OWN_SERVICE, TRANSITIONS, Action

    serials = cli.group(name)
    show = cli.command(serials, "show", cmd_serial_show, "a unit's card and full history")
    show.add_argument("serial")
    listing = cli.command(serials, "list", cmd_serial_list, "the serial register, filtered and sorted")
    serial_filter_options(listing)
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--total", action="store_true", help="also count all matching units")
    for action, rule in TRANSITIONS.items():
        if action in OWN_SERVICE:
            continue  # snapp rma makes them, with their record
        sub = cli.command(serials, action.value, cmd_serial_move,
                          f"{rule.label} ({', '.join(sorted(rule.sources))} → {rule.target})")  # fmt: skip
        sub.add_argument("serials", nargs="+", metavar="SN")
        sub.add_argument("--sku", help="needed when several items have the serial")
        if rule.needs_location:
            sub.add_argument("--to", help="location code (default: the only location)")
        else:
            sub.set_defaults(to=None)
        sub.add_argument("--ref", help="reference document (work order, delivery note, RMA...)")
        sub.add_argument("--note")
        sub.set_defaults(action=Action(action))
        if action is Action.SHIP:
            sub.add_argument("--customer", help="the customer's code (with --ref, the delivery note)")
        elif action is Action.ISSUE:
            sub.add_argument("--recipient", help="to whom: a person, department or project")
            sub.add_argument("--kind", default="person", choices=list(RecipientKind), help="what --recipient names")
