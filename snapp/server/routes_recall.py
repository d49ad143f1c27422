"""The HTTP API's recall and trace: the units a recall names, its Excel and PDF, block and release; expiring stock.

Each endpoint calls the service the command line's ``snapp recall`` calls.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import Field

from snapp.app.records import plain
from snapp.domain.lifecycle import TRANSITIONS, Action
from snapp.server.app import Caller
from snapp.server.permits import needs
from snapp.server.routes import Body, workbook
from snapp.services import expiry, exports, printing, recall
from snapp.services.base import PAGE_MAX

router = APIRouter(tags=["recall"])

Text100 = Annotated[str | None, Field(max_length=100)]


class RecallBody(Body):
    """What the recall names; every criterion given narrows it, and at least one must be."""

    supplier: Text100 = None
    batch: Text100 = None
    po: Text100 = None
    sku: Text100 = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    serials: Annotated[list[Annotated[str, Field(max_length=200)]], Field(max_length=recall.MAX_SERIALS)] = []

    def asked(self) -> recall.Recall:
        given = self.model_dump(exclude={"serials", "limit", "note"})
        return recall.Recall(**given, serials=tuple(self.serials))


class TraceBody(RecallBody):
    limit: Annotated[int, Field(ge=1, le=PAGE_MAX)] = 1_000


class HoldBody(RecallBody):
    note: Annotated[str | None, Field(max_length=2000)] = None


@router.post("/recall/trace", summary="Every unit a recall names, grouped by where it is, and who has it")
def trace(ctx: Caller, body: TraceBody) -> dict[str, Any]:
    return plain(recall.trace(ctx, body.asked(), limit=body.limit))


@router.post("/recall/export.xlsx", response_class=Response,
             summary="Every unit a recall names and each one's history, as an Excel workbook (serials as text)")  # fmt: skip
def export(ctx: Caller, body: RecallBody) -> Response:
    return workbook("recall", lambda out: exports.export_recall(ctx, out, body.asked()))


@router.post("/recall/report.pdf", response_class=Response, summary="The recall report for a regulator, as PDF")
def report(ctx: Caller, body: RecallBody) -> Response:
    drawn = io.BytesIO()
    printing.print_recall(ctx, body.asked(), drawn)
    return Response(drawn.getvalue(), media_type="application/pdf")


@router.post("/recall/block", summary="Quarantine every affected unit in stock, where it stands, and block the recalled "
             "batches' pieces of items without serials (audited)",
             openapi_extra=needs(TRANSITIONS[Action.BLOCK].permission))  # fmt: skip
def block(ctx: Caller, body: HoldBody) -> dict[str, Any]:
    return plain(recall.block(ctx, body.asked(), note=body.note))


@router.post("/recall/release", summary="Put every quarantined affected unit back in stock, where it stands, and make "
             "the recalled batches' pieces issuable again (audited)",
             openapi_extra=needs(TRANSITIONS[Action.RELEASE].permission))  # fmt: skip
def release(ctx: Caller, body: HoldBody) -> dict[str, Any]:
    return plain(recall.release(ctx, body.asked(), note=body.note))


@router.get("/recall/expiring", summary="Stock on our shelves expired or expiring within `days`, first-expiring first")
def expiring(ctx: Caller, days: Annotated[int, Query(ge=0, le=36_500)] = 30,
             limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = 1_000) -> list[dict[str, Any]]:  # fmt: skip
    return plain(expiry.expiring(ctx, days, limit=limit))
