"""One named action to one service call, for the actions a front end names by a word.

"approve PO-1", "disable li.na", "export receipts", "report serial X": the
command line and the HTTP API both say which by a word. Each function imports
only the service it calls, so a caller pays for nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from snapp.errors import NotFound

if TYPE_CHECKING:
    from snapp.services.base import Context

PO_MOVES = ("approve", "cancel", "close")
USER_CHANGES = ("disable", "enable", "unlock", "role")
EXPORTS = ("serials", "history", "pos", "receipts", "audit")
DOCUMENTS = ("po", "receipt", "serial", "audit")


def move_po(ctx: Context, verb: str, number: str) -> Any:
    from snapp.services import purchasing

    moves = {"approve": purchasing.approve_po, "cancel": purchasing.cancel_po, "close": purchasing.close_po}
    return _chosen(moves, verb)(ctx, number)


def change_user(ctx: Context, change: str, name: str, role: str | None = None) -> Any:
    from snapp.services import users

    changes: dict[str, Callable[[], Any]] = {
        "disable": lambda: users.set_active(ctx, name, False),
        "enable": lambda: users.set_active(ctx, name, True),
        "unlock": lambda: users.unlock(ctx, name),
        "role": lambda: users.set_role(ctx, name, role or ""),
    }
    return _chosen(changes, change)()


def export(ctx: Context, kind: str, out: str, *, progress: Callable[[int, int], None] | None = None,
           date_from: dt.date | None = None, date_to: dt.date | None = None, **given: Any) -> Any:  # fmt: skip
    """``given``: the filters of that export (serials: ``where``, ``sort``, ``descending``; history: ``serial``...)."""
    from snapp.services import exports

    runs: dict[str, Callable[[], Any]] = {
        "serials": lambda: exports.export_serials(ctx, out, given["where"], sort=given["sort"],
                                                  descending=given["descending"], progress=progress),  # fmt: skip
        "history": lambda: exports.export_history(ctx, out, given["serial"], progress=progress),
        "pos": lambda: exports.export_pos(ctx, out, status=given.get("status"), supplier=given.get("supplier"),
                                          created_from=date_from, created_to=date_to, progress=progress),  # fmt: skip
        "receipts": lambda: exports.export_receipts(ctx, out, po=given.get("po"), supplier=given.get("supplier"),
                                                    sku=given.get("sku"), received_from=date_from,
                                                    received_to=date_to, progress=progress),  # fmt: skip
        "audit": lambda: exports.export_audit(ctx, out, at_from=date_from, at_to=date_to, user=given.get("by"),
                                              action=given.get("action"), progress=progress),  # fmt: skip
    }
    return _chosen(runs, kind)()


def print_document(ctx: Context, document: str, out: str, **given: Any) -> Any:
    """``given``: number and lang (po), number (receipt), serial and sku (serial), month and company (audit)."""
    from snapp.services import printing

    runs: dict[str, Callable[[], Any]] = {
        "po": lambda: printing.print_po(ctx, given["number"], out, lang=given.get("lang")),
        "receipt": lambda: printing.print_receipt(ctx, given["number"], out),
        "serial": lambda: printing.print_serial_history(ctx, given["serial"], out, sku=given.get("sku")),
        "audit": lambda: printing.print_audit_report(ctx, given["month"], out, company=given.get("company", "")),
    }
    return _chosen(runs, document)()


def reconcile(ctx: Context, by: str) -> Any:
    from snapp.services import reconciliation

    runs = {"po": reconciliation.reconcile_pos, "supplier": reconciliation.reconcile_suppliers}
    return _chosen(runs, by)(ctx)


def _chosen(table: dict[str, Any], name: str) -> Any:
    if name not in table:
        raise NotFound("dispatch.unknown_action", name=name, choices=", ".join(table))
    return table[name]
