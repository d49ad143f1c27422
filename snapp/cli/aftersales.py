"""After-sales: customers, customer returns (RMA) and swaps, supplier RMAs, repairs, alerts."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import cell, emit, table


def cmd_customer_add(args: argparse.Namespace) -> None:
    from snapp.services import customers

    record = customers.CustomerRecord(args.code, args.name, args.contact, args.phone, args.email, args.address)
    emit(args, customers.add_customer(common.context(args), record), lambda r: print(f"customer {r.code} added"))


def cmd_customer_edit(args: argparse.Namespace) -> None:
    from snapp.services import customers

    changes = {k: v for k in ("name", "contact", "phone", "email", "address") if (v := getattr(args, k)) is not None}
    emit(args, customers.update_customer(common.context(args), args.code, **changes),
         lambda r: print(f"customer {r.code} saved"))  # fmt: skip


def cmd_customer_list(args: argparse.Namespace) -> None:
    from snapp.services import customers

    rows = customers.list_customers(common.context(args))
    emit(args, rows, lambda rs: table([(r.code, r.name, r.contact, r.phone, r.email) for r in rs],
                                      ["CODE", "NAME", "CONTACT", "PHONE", "EMAIL"]))  # fmt: skip


def cmd_customer_units(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    rows = aftersales.customer_units(common.context(args), args.code)
    emit(args, rows, lambda rs: table([(r.serial, r.sku, r.item_name, r.shipped_at, r.ref, r.warranty_end) for r in rs],
                                      ["SERIAL", "SKU", "ITEM", "SHIPPED", "DELIVERY", "WARRANTY UNTIL"]))  # fmt: skip


def _print_rma(r) -> None:
    done = f", {r.resolution}" if r.resolution else ""
    swapped = f", replaced by {r.replacement}" if r.replacement else ""
    promised = f", answer promised by {r.promised_on}" if r.promised_on and r.status == "open" else ""
    print(f"RMA {r.number}: {r.serial} ({r.sku}) from {r.customer or '-'}: {r.status}{done}{swapped}{promised}")
    for warning in r.warnings:
        print(f"  warning: {warning}")


def cmd_rma_receive(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.receive_return(common.context(args), args.serial, rma=args.rma, customer=args.customer,
                                         reason=args.reason, sku=args.sku, promised_on=args.promised_by), _print_rma)  # fmt: skip


def cmd_rma_inspect(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.inspect_return(common.context(args), args.rma, args.decision, to=args.to, note=args.note),
         _print_rma)  # fmt: skip


def cmd_rma_swap(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.swap(common.context(args), args.rma, args.replacement, sku=args.sku, note=args.note), _print_rma)


def cmd_rma_list(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    rows = aftersales.list_returns(common.context(args), args.status,
                                   customer=args.customer, overdue=args.overdue)  # fmt: skip
    emit(args, rows, lambda rs: table([(r.number, r.serial, r.sku, r.customer, r.status, r.opened_at, r.promised_on,
                                        r.reason, r.resolution, r.replacement) for r in rs],
                                      ["RMA", "SERIAL", "SKU", "CUSTOMER", "STATUS", "OPENED", "ANSWER BY", "REASON",
                                       "DECISION", "REPLACEMENT"]))  # fmt: skip


def _print_supplier_rma(r) -> None:
    expected = f", expected back {r.expected_on}" if r.expected_on else ""
    replaced = f", replaced by {r.replacement}" if r.replacement else ""
    print(f"supplier RMA {r.number} ({r.supplier}): {r.serial} ({r.sku}) {r.status}{expected}{replaced}")


def cmd_supplier_send(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.send_to_supplier(common.context(args), args.serial, rma=args.rma, expected_on=args.expected,
                                           sku=args.sku, note=args.note), _print_supplier_rma)  # fmt: skip


def cmd_supplier_back(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.supplier_back(common.context(args), args.rma, supplier=args.supplier, to=args.to,
                                        note=args.note), _print_supplier_rma)  # fmt: skip


def cmd_supplier_replacement(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    emit(args, aftersales.receive_replacement(common.context(args), args.rma, args.serial, supplier=args.supplier,
                                              to=args.to, note=args.note), _print_supplier_rma)  # fmt: skip


def cmd_supplier_list(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    rows = aftersales.list_supplier_rmas(common.context(args), args.status,
                                         overdue=args.overdue)  # fmt: skip
    emit(args, rows, lambda rs: table([(r.number, r.supplier, r.serial, r.sku, r.status, r.sent_at, r.expected_on,
                                        r.replacement) for r in rs],
                                      ["RMA", "SUPPLIER", "SERIAL", "SKU", "STATUS", "SENT", "EXPECTED", "REPLACEMENT"]))  # fmt: skip


def cmd_repair(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    repair = aftersales.RepairInput(args.fault, args.work, args.parts, args.cost, args.technician, args.place)
    number = aftersales.record_repair(common.context(args), args.serial, repair, sku=args.sku)
    emit(args, {"repair": number, "serial": args.serial}, lambda r: print(f"repair #{r['repair']} recorded on {r['serial']}"))


def cmd_policy(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    ctx = common.context(args)
    policy = aftersales.set_replacement_warranty(ctx, args.policy) if args.policy else \
        aftersales.get_replacement_warranty(ctx)  # fmt: skip
    emit(args, {"replacement_warranty": policy}, lambda r: print(f"a replacement's customer warranty: {r['replacement_warranty']}"))


def cmd_answer_days(args: argparse.Namespace) -> None:
    from snapp.services import rma_due

    ctx = common.context(args)
    days = rma_due.set_answer_days(ctx, args.days) if args.days is not None else rma_due.get_answer_days(ctx)
    emit(args, {"answer_days": days}, lambda r: print(f"a customer return's answer is promised within {r['answer_days']} days"))


def cmd_figures(args: argparse.Namespace) -> None:
    from snapp.services import aftersales

    figures = aftersales.service_figures(common.context(args))
    emit(args, figures, lambda f: table(list(f.items()), ["MONTH", "MEDIAN DAYS FROM RETURN TO RESOLUTION"]))


def cmd_claim(args: argparse.Namespace) -> None:
    from snapp.services import rma_documents

    printed = rma_documents.print_warranty_claim(common.context(args), args.serial, args.out, sku=args.sku)
    emit(args, printed, lambda p: print(f"{p.out}: {p.document}, {p.count} page(s)"))


def cmd_note(args: argparse.Namespace) -> None:
    from snapp.services import rma_documents

    printed = rma_documents.print_rma_note(common.context(args), args.rma, args.out)
    emit(args, printed, lambda p: print(f"{p.out}: {p.document}, {p.count} page(s)"))


def cmd_alerts(args: argparse.Namespace) -> int:
    from snapp.services import aftersales

    found = aftersales.alerts(common.context(args), args.days, args.repair_days)

    def show(a) -> None:
        print(f"warranties ending within {a.days} days: {len(a.warranties)}")
        if a.warranties:
            table([(w.serial, w.sku, w.kind, w.ends, w.days_left, w.holder) for w in a.warranties],
                  ["SERIAL", "SKU", "WARRANTY", "ENDS", "DAYS LEFT", "CUSTOMER"])  # fmt: skip
        print(f"\nsupplier RMAs overdue: {len(a.overdue)}")
        if a.overdue:
            table([(r.number, r.supplier, r.serial, r.expected_on) for r in a.overdue],
                  ["RMA", "SUPPLIER", "SERIAL", "EXPECTED"])  # fmt: skip
        print(f"\nin repair longer than {a.repair_days} days: {len(a.long_repairs)}")
        if a.long_repairs:
            table([(r.serial, r.sku, cell(r.since), r.days) for r in a.long_repairs], ["SERIAL", "SKU", "SINCE", "DAYS"])
        print(f"\ncustomer returns past their promised answer: {len(a.late_returns)}")
        if a.late_returns:
            table([(r.number, r.customer, r.serial, r.promised_on) for r in a.late_returns],
                  ["RMA", "CUSTOMER", "SERIAL", "ANSWER BY"])  # fmt: skip

    emit(args, found, show)
    return common.EXIT_CHECK_FAILED if found.count else 0


def build(cli, name: str) -> None:
    if name == "alerts":
        sub = cli.command(None, name, cmd_alerts)
        sub.add_argument("--days", type=int, default=30, help="warranties ending within this many days (default 30)")
        sub.add_argument("--repair-days", type=int, default=14, help="units in repair longer than this (default 14)")
        return
    group = cli.group(name)
    if name == "customer":
        from snapp.cli.masterdata import party_options

        party_options(cli.command(group, "add", cmd_customer_add, "add a customer"))
        edit = cli.command(group, "edit", cmd_customer_edit, "change a customer's name or contacts")
        edit.add_argument("code")
        for option in ("name", "contact", "phone", "email", "address"):
            edit.add_argument(f"--{option}")
        cli.command(group, "list", cmd_customer_list, "list customers")
        units = cli.command(group, "units", cmd_customer_units, "the units a customer has now")
        units.add_argument("code")
        return
    from snapp.domain.aftersales import RESOLUTION_MOVE, WarrantyPolicy
    from snapp.domain.statuses import ALL, RMA

    receive = cli.command(group, "receive", cmd_rma_receive, "a shipped unit back from its customer under an RMA number")
    receive.add_argument("serial")
    receive.add_argument("--rma", required=True, help="the RMA number")
    receive.add_argument("--customer", required=True, help="the customer returning it (checked against the shipment)")
    receive.add_argument("--reason", required=True)
    receive.add_argument("--sku")
    receive.add_argument("--promised-by", type=common.day, metavar="YYYY-MM-DD",
                         help="the day the customer is promised an answer (default: answer-days from today)")  # fmt: skip
    inspect = cli.command(group, "inspect", cmd_rma_inspect, "inspection's decision on a returned unit")
    inspect.add_argument("rma")
    inspect.add_argument("decision", choices=[d.value for d in RESOLUTION_MOVE],
                         help="accept: back to stock (--to); repair; return: to the supplier; scrap")  # fmt: skip
    inspect.add_argument("--to", help="location, for accept")
    inspect.add_argument("--note")
    swap = cli.command(group, "swap", cmd_rma_swap, "send a replacement unit to the customer of a return")
    swap.add_argument("rma")
    swap.add_argument("replacement", help="serial of the unit that goes out")
    swap.add_argument("--sku")
    swap.add_argument("--note")
    listing = cli.command(group, "list", cmd_rma_list, "customer returns")
    listing.add_argument("--status", default="open", choices=(*RMA.states, ALL))
    listing.add_argument("--customer")
    listing.add_argument("--overdue", action="store_true", help="only open returns past their promised answer")
    send = cli.command(group, "supplier-send", cmd_supplier_send, "send a unit to its supplier under their RMA number")
    send.add_argument("serial")
    send.add_argument("--rma", required=True, help="the supplier's RMA number")
    send.add_argument("--expected", type=common.day, metavar="YYYY-MM-DD", help="expected back on")
    send.add_argument("--sku")
    send.add_argument("--note")
    back = cli.command(group, "supplier-back", cmd_supplier_back, "the unit itself is back from the supplier")
    back.add_argument("rma")
    replacement = cli.command(group, "supplier-replacement", cmd_supplier_replacement,
                              "receive a new unit from the supplier against their RMA (not a PO)")  # fmt: skip
    replacement.add_argument("rma")
    replacement.add_argument("serial", help="the new unit's serial")
    for sub in (back, replacement):
        sub.add_argument("--supplier", help="needed when two suppliers use the same RMA number")
        sub.add_argument("--to", help="location (default: the only location)")
        sub.add_argument("--note")
    supplier_list = cli.command(group, "supplier-list", cmd_supplier_list, "units out to suppliers under RMA")
    supplier_list.add_argument("--status", default="open", choices=(*RMA.states, ALL))
    supplier_list.add_argument("--overdue", action="store_true", help="only those past their expected date")
    repair = cli.command(group, "repair", cmd_repair, "record a repair on a unit's history")
    repair.add_argument("serial")
    repair.add_argument("--fault", required=True)
    repair.add_argument("--work")
    repair.add_argument("--parts")
    repair.add_argument("--cost")
    repair.add_argument("--technician", help="who did the work")
    repair.add_argument("--place", default="bench", choices=("bench", "supplier"))
    repair.add_argument("--sku")
    policy = cli.command(group, "policy", cmd_policy, "show or set a replacement's customer warranty (admin sets)")
    policy.add_argument("policy", nargs="?", choices=list(WarrantyPolicy),
                        help="continue: the original's end; anew: full months from the swap")  # fmt: skip
    answer = cli.command(group, "answer-days", cmd_answer_days,
                         "show or set the days a return's answer is promised in by default (admin sets)")  # fmt: skip
    answer.add_argument("days", nargs="?", type=int)
    claim = cli.command(group, "claim", cmd_claim, "a warranty-claim PDF for the supplier (bilingual)")
    claim.add_argument("serial")
    claim.add_argument("--out", required=True, help="the PDF file to write")
    claim.add_argument("--sku")
    note = cli.command(group, "note", cmd_note, "an RMA note PDF for the customer (bilingual)")
    note.add_argument("rma")
    note.add_argument("--out", required=True, help="the PDF file to write")
    cli.command(group, "figures", cmd_figures, "median days from a customer's return to its resolution, per month")
