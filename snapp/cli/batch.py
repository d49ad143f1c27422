"""Items tracked by batch only: stock per batch and location, and issue by quantity, first-expiring first."""

from __future__ import annotations

import argparse

from snapp.cli import common
from snapp.cli.common import emit, table


def cmd_stock(args: argparse.Namespace) -> None:
    from snapp.services import batches

    rows = batches.stock(common.context(args), args.sku, expiring_within=args.expiring, limit=args.limit)

    def show(records: list[batches.BatchStockRecord]) -> None:
        table([(r.sku, r.batch, r.expiry, r.days_left, r.location, r.quantity, "blocked" if r.blocked else "")
               for r in records], ["SKU", "BATCH", "EXPIRY", "DAYS LEFT", "LOCATION", "QUANTITY", "RECALL"])  # fmt: skip
        expired = sum(r.quantity for r in records if r.days_left is not None and r.days_left < 0)
        if expired:
            print(f"{expired:,} expired: do not issue")
        if blocked := sum(r.quantity for r in records if r.blocked):
            print(f"{blocked:,} blocked by a recall: not issued until released")

    emit(args, rows, show)


def cmd_plan(args: argparse.Namespace) -> None:
    from snapp.services import batches

    plan = batches.plan_issue(common.context(args), args.sku, args.qty)

    def show(p: batches.IssuePlan) -> None:
        _takes(p.takes)
        if p.short:
            print(f"{p.short:,} more than the unexpired stock holds")

    emit(args, plan, show)


def cmd_issue(args: argparse.Namespace) -> None:
    from snapp.services import batches

    done = batches.issue(common.context(args), args.sku, args.qty, batch=args.batch, location=args.location,
                         to=args.to, note=args.note)  # fmt: skip

    def show(d: batches.BatchIssue) -> None:
        print(f"{d.quantity:,} × {d.sku} issued" + (f" to {d.to}" if d.to else ""))
        _takes(d.takes)
        for advice in d.advice:
            print(f"note: {advice}")

    emit(args, done, show)


def _takes(takes) -> None:
    table([(t.batch, t.expiry, t.location, t.quantity) for t in takes], ["BATCH", "EXPIRY", "LOCATION", "TAKE"])


def build(cli, name: str) -> None:
    group = cli.group(name)
    stock = cli.command(group, "stock", cmd_stock, "stock per batch and location, first-expiring first")
    stock.add_argument("--sku")
    stock.add_argument("--expiring", type=int, metavar="DAYS", help="only batches expired or expiring within DAYS")
    stock.add_argument("--limit", type=int, default=1_000)
    plan = cli.command(group, "plan", cmd_plan, "which batches an issue would take, first-expiring first")
    plan.add_argument("--sku", required=True)
    plan.add_argument("--qty", "--quantity", type=int, required=True)
    issue = cli.command(group, "issue", cmd_issue, "issue a quantity: the named batch, else first-expiring first")
    issue.add_argument("--sku", required=True)
    issue.add_argument("--qty", "--quantity", type=int, required=True)
    issue.add_argument("--batch", help="take this batch (default: the first-expiring unexpired ones)")
    issue.add_argument("--location", help="take from this location only")
    issue.add_argument("--to", help="to whom: a person, department or customer")
    issue.add_argument("--note")
