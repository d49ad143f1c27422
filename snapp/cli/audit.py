"""The audit trail: list its entries, verify its hash chain."""

from __future__ import annotations

import argparse
import json
from typing import Any

from snapp.cli import common
from snapp.cli.common import EXIT_CHECK_FAILED, emit, print_chain, table


def cmd_audit_list(args: argparse.Namespace) -> None:
    from snapp.app.dates import day_span
    from snapp.services import audit

    where = audit.AuditFilter(args.by, args.action, args.entity, args.key, *day_span(args.since, args.until))
    rows = audit.list_entries(common.context(args), where, limit=args.limit, offset=args.offset, newest_first=not args.asc)
    emit(args, rows, lambda rs: table(
        [(r.seq, r.at, r.user, r.action, r.entity, r.key, _brief(r.before), _brief(r.after)) for r in rs],
        ["#", "WHEN", "WHO", "ACTION", "ENTITY", "KEY", "BEFORE", "AFTER"]))  # fmt: skip


def _brief(value: Any) -> str | None:
    if value is None:
        return None
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 60 else text[:59] + "…"


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from snapp.services import audit

    report = audit.verify_chain(common.context(args), args.head)
    emit(args, report, print_chain)
    return 0 if report.ok else EXIT_CHECK_FAILED


def build(cli, name: str) -> None:
    trail = cli.group(name)
    listing = cli.command(trail, "list", cmd_audit_list, "audit entries, newest first")
    listing.add_argument("--by", help="user name")
    listing.add_argument("--action", help='e.g. "login.failed", or a prefix ending in "." such as "po."')
    listing.add_argument("--entity", help="supplier, item, location, purchase_order, receipt, serial, user, backup...")
    listing.add_argument("--key", help="the entity's code or number")
    listing.add_argument("--since", type=common.day, metavar="YYYY-MM-DD")
    listing.add_argument("--until", type=common.day, metavar="YYYY-MM-DD", help="up to and including this day")
    listing.add_argument("--asc", action="store_true", help="oldest first")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--offset", type=int, default=0)
    verify = cli.command(trail, "verify", cmd_audit_verify,
                         "check the hash chain; names the first entry edited, deleted or inserted, prints the head hash")  # fmt: skip
    verify.add_argument("--head", metavar="HASH", help="a head hash printed earlier (monthly report): must still be there")
