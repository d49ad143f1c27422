"""Master data: suppliers, items, locations."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table


def cmd_supplier_add(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    record = masterdata.SupplierRecord(args.code, args.name, args.contact, args.phone, args.email, args.address)
    emit(args, masterdata.add_supplier(common.context(args), record), lambda r: print(f"supplier {r.code} added"))


def cmd_supplier_list(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    rows = masterdata.list_suppliers(common.context(args))
    emit(args, rows, lambda rs: table([(r.code, r.name, r.contact, r.phone, r.email) for r in rs],
                                      ["CODE", "NAME", "CONTACT", "PHONE", "EMAIL"]))  # fmt: skip


def cmd_item_add(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    record = masterdata.ItemRecord(
        args.sku, args.name, args.gtin, args.tracking, args.pattern, args.min_length, args.max_length, args.case,
        args.warranty_months, args.supplier, args.customer_warranty_months,
    )  # fmt: skip
    emit(args, masterdata.add_item(common.context(args), record), lambda r: print(f"item {r.sku} added"))


def cmd_item_list(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    rows = masterdata.list_items(common.context(args))
    emit(args, rows, lambda rs: table(
        [(r.sku, r.name, r.gtin, r.tracking, r.serial_pattern, f"{r.serial_min_length}-{r.serial_max_length}",
          r.serial_case, r.warranty_months, r.customer_warranty_months, r.supplier) for r in rs],
        ["SKU", "NAME", "GTIN", "TRACKING", "PATTERN", "LENGTH", "CASE", "WARRANTY", "CUSTOMER WARRANTY", "SUPPLIER"]))  # fmt: skip


def cmd_location_add(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    record = masterdata.LocationRecord(args.code, args.name)
    emit(args, masterdata.add_location(common.context(args), record), lambda r: print(f"location {r.code} added"))


def cmd_location_list(args: argparse.Namespace) -> None:
    from snapp.services import masterdata

    rows = masterdata.list_locations(common.context(args))
    emit(args, rows, lambda rs: table([(r.code, r.name) for r in rs], ["CODE", "NAME"]))


def party_options(add) -> None:
    """A supplier's or a customer's fields: code and name, then how to reach them."""
    add.add_argument("code")
    add.add_argument("name")
    for option in ("contact", "phone", "email", "address"):
        add.add_argument(f"--{option}")


def build(cli, name: str) -> None:
    from snapp.domain.items import TRACKING_MODES

    group = cli.group(name)
    if name == "supplier":
        party_options(cli.command(group, "add", cmd_supplier_add, "add a supplier"))
        cli.command(group, "list", cmd_supplier_list, "list suppliers")
    elif name == "item":
        add = cli.command(group, "add", cmd_item_add, "add an item")
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
        add.add_argument("--customer-warranty-months", type=int, default=0,
                         help="warranty given to the customer, from the shipment date")  # fmt: skip
        cli.command(group, "list", cmd_item_list, "list items")
    else:
        add = cli.command(group, "add", cmd_location_add, "add a location")
        add.add_argument("code")
        add.add_argument("name")
        cli.command(group, "list", cmd_location_list, "list locations")
