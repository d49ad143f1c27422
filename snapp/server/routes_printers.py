"""The label printer of the computer the server runs on: a phone or a PDA at the dock sends a receipt's labels to it.

The printer is the one chosen on that computer (its Settings, or `snapp printer set`), the same the desktop and the
command line print to; the labels go through the same service as `snapp labels --printer`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from snapp.app.printers import chosen_printer
from snapp.app.records import plain
from snapp.app.settings import saved_printer
from snapp.domain.capture import scans
from snapp.server.app import Caller
from snapp.server.permits import needs
from snapp.server.routes import Body, Name, Serials
from snapp.services import printing

router = APIRouter()


class PrinterLabelsBody(Body):
    """One source: a receipt, a PO, or serials (``sku`` when several items have one of them)."""

    receipt: Name | None = None
    po: Name | None = None
    serials: Serials | None = None
    sku: Name | None = None


@router.get("/printer", tags=["documents"], summary="The label printer this server prints to (null: none is set)",
            openapi_extra=needs())  # fmt: skip
def printer(ctx: Caller) -> dict[str, Any] | None:
    chosen = saved_printer()
    return plain(chosen) if chosen else None


@router.post("/labels/printer", tags=["documents"],
             summary="Serial labels straight to the server's label printer (ZPL or TSPL, as chosen there)")  # fmt: skip
def labels_to_printer(ctx: Caller, body: PrinterLabelsBody) -> dict[str, Any]:
    source = printing.LabelSource(receipt=body.receipt, po=body.po, serials=scans(body.serials) if body.serials else None,
                                  sku=body.sku)  # fmt: skip
    printed = printing.send_labels(ctx, source, chosen_printer())
    return {"labels": printed.count, "printer": printed.out}
