"""Changing a PO over HTTP: edit a draft (PATCH), amend an ordered one, and the PO document in either language."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Response
from pydantic import Field

from snapp.app.records import plain
from snapp.server.app import Caller
from snapp.server.routes import Body, LineBody, Name
from snapp.services import printing, purchasing

# Included before the main router: its "/pos/{number}/{verb}" would take "amend" for a verb it does not know.
router = APIRouter()


class ChangeBody(Body):
    """Only the fields sent change; ``lines`` is the PO's whole new list (a line with ``line_no`` keeps that line)."""

    supplier: Name | None = None
    lines: Annotated[list[LineBody], Field(min_length=1, max_length=1000)] | None = None
    currency: Annotated[str, Field(min_length=3, max_length=3)] | None = None
    tax_rate: Decimal | None = None
    delivery_date: dt.date | None = None
    supplier_ref: Annotated[str | None, Field(max_length=64)] = None
    note: str | None = None

    def change(self) -> purchasing.POChange:
        """The fields sent; null clears a date, reference or note, and leaves anything else as it is."""
        clearable = {"delivery_date", "supplier_ref", "note"}
        given = {name: getattr(self, name) for name in self.model_fields_set & set(ChangeBody.model_fields)
                 if getattr(self, name) is not None or name in clearable}  # fmt: skip
        if "lines" in given:
            given["lines"] = [purchasing.LineSpec(line.sku, line.quantity, line.unit_price, line.line_no)
                              for line in self.lines or []]  # fmt: skip
        return purchasing.POChange(**given)


class AmendBody(ChangeBody):
    reason: Annotated[str, Field(min_length=1, max_length=2000)]


@router.patch("/pos/{number}", tags=["purchasing"], summary="Change a draft PO: supplier, lines, terms")
def edit_po(ctx: Caller, number: str, body: ChangeBody) -> dict[str, Any]:
    return plain(purchasing.edit_po(ctx, number, body.change()))


@router.post("/pos/{number}/amend", tags=["purchasing"],
             summary="Change an approved PO's lines or terms, with the reason (kept as an amendment, audited)")  # fmt: skip
def amend_po(ctx: Caller, number: str, body: AmendBody) -> dict[str, Any]:
    return plain(purchasing.amend_po(ctx, number, body.change(), body.reason))


@router.get("/pos/{number}.pdf", tags=["documents"], response_class=Response,
            summary="The PO document, in English or Chinese (default: the Accept-Language)")  # fmt: skip
def po_pdf(ctx: Caller, number: str, lang: Literal["en", "zh"] | None = None) -> Response:
    drawn = io.BytesIO()
    printing.print_po(ctx, number, drawn, lang=lang)
    return Response(drawn.getvalue(), media_type="application/pdf")
