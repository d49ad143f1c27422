"""The routes of the HTTP API, version 1: each one a service call, the same as the command line's."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
import tempfile
from decimal import Decimal
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from snapp.app import dispatch
from snapp.app.records import plain
from snapp.app.sources import serial_sources
from snapp.domain.aftersales import Party, RecipientKind
from snapp.domain.batches import given
from snapp.domain.capture import CasePolicy, scans
from snapp.domain.fields import field_source
from snapp.domain.items import TRACKING_MODES
from snapp.domain.lifecycle import OWN_SERVICE, TRANSITIONS, Action
from snapp.domain.permissions import Role
from snapp.server import uploads
from snapp.server.app import DEVICE_HEADER, Caller, bearer, client_address
from snapp.server.permits import needs, needs_by
from snapp.services import (
    access,
    audit,
    auth,
    devices,
    events,
    exceptions,
    exports,
    lifecycle,
    lookup,
    masterdata,
    printing,
    purchasing,
    receipts,
    receiving,
    stocktake,
    valuation,
    verification,
    webhooks,
)
from snapp.services.users import current_user

router = APIRouter()


class Body(BaseModel):
    """Unknown fields are refused, not ignored: a misspelt field must not silently do nothing."""

    model_config = ConfigDict(extra="forbid")


Name = Annotated[str, Field(min_length=1, max_length=64)]
Serials = Annotated[list[Annotated[str, Field(max_length=200)]], Field(min_length=1, max_length=100_000)]


# --- sessions and keys ----------------------------------------------------------


class LoginBody(Body):
    name: Name
    password: Annotated[str, Field(min_length=1, max_length=1024)]


@router.post("/session", tags=["access"],
             summary="Log in with a SNApp account; returns a session token (bound to a paired device if "
                     f"{DEVICE_HEADER} names one)")  # fmt: skip
def log_in(request: Request, body: LoginBody) -> dict[str, Any]:
    # Per address as well as the per-account lockout: one address must not try every name.
    db = request.app.state.db
    access.count_request(db, f"login:{client_address(request)}", access.LOGINS_PER_MINUTE)
    device_secret = request.headers.get(DEVICE_HEADER)
    device = devices.device_of(db, device_secret) if device_secret is not None else None
    ctx = auth.login(db, body.name, body.password)
    issued = access.issue_token(replace(ctx, device=device))
    me = current_user(ctx)
    return {"token": issued.secret, "expires_at": issued.expires_at.isoformat(), "user": ctx.user,
            "role": me.role if me else None, "device": device}  # fmt: skip


@router.delete("/session", tags=["access"], summary="Log out: the token stops working on every server", status_code=204,
               openapi_extra=needs())  # fmt: skip
def log_out(request: Request, ctx: Caller) -> None:
    access.revoke_token(request.app.state.db, bearer(request))


@router.get("/me", tags=["access"], summary="Who the token or key acts as", openapi_extra=needs())
def me(ctx: Caller) -> dict[str, Any]:
    if ctx.user.startswith("key:"):
        return {"user": ctx.user, "key": True}
    record = current_user(ctx)
    return {"user": ctx.user, "role": record.role if record else None, "key": False}


class KeyBody(Body):
    name: Name
    role: Role
    days: Annotated[int | None, Field(ge=1, le=access.MAX_KEY_DAYS)] = None


@router.post("/keys", tags=["access"], summary="Create an API key (admin); its secret is shown once", status_code=201)
def create_key(ctx: Caller, body: KeyBody) -> dict[str, Any]:
    record, issued = access.create_key(ctx, body.name, body.role, body.days)
    return {**plain(record), "secret": issued.secret}


@router.get("/keys", tags=["access"], summary="API keys with their last use (admin)")
def list_keys(ctx: Caller) -> list[dict[str, Any]]:
    return plain(access.list_keys(ctx))


@router.delete("/keys/{name}", tags=["access"], summary="Revoke an API key (admin)")
def revoke_key(ctx: Caller, name: str) -> dict[str, Any]:
    return plain(access.revoke_key(ctx, name))


# --- master data -----------------------------------------------------------------


class SupplierBody(Body):
    code: Name
    name: Annotated[str, Field(min_length=1, max_length=200)]
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


@router.get("/suppliers", tags=["master data"])
def list_suppliers(ctx: Caller) -> list[dict[str, Any]]:
    return plain(masterdata.list_suppliers(ctx))


@router.post("/suppliers", tags=["master data"], status_code=201)
def add_supplier(ctx: Caller, body: SupplierBody) -> dict[str, Any]:
    return plain(masterdata.add_supplier(ctx, masterdata.SupplierRecord(**body.model_dump())))


class ItemBody(Body):
    sku: Name
    name: Annotated[str, Field(min_length=1, max_length=200)]
    gtin: str | None = None
    tracking: Literal[TRACKING_MODES] = "serial"
    serial_pattern: str | None = None
    serial_min_length: int = 1
    serial_max_length: int = 40
    serial_case: Literal[tuple(CasePolicy)] = "keep"
    warranty_months: int = 0
    supplier: str | None = None
    customer_warranty_months: int = 0


@router.get("/items", tags=["master data"])
def list_items(ctx: Caller) -> list[dict[str, Any]]:
    return plain(masterdata.list_items(ctx))


@router.post("/items", tags=["master data"], status_code=201)
def add_item(ctx: Caller, body: ItemBody) -> dict[str, Any]:
    return plain(masterdata.add_item(ctx, masterdata.ItemRecord(**body.model_dump())))


class LocationBody(Body):
    code: Name
    name: Annotated[str, Field(min_length=1, max_length=200)]


@router.get("/locations", tags=["master data"])
def list_locations(ctx: Caller) -> list[dict[str, Any]]:
    return plain(masterdata.list_locations(ctx))


@router.post("/locations", tags=["master data"], status_code=201)
def add_location(ctx: Caller, body: LocationBody) -> dict[str, Any]:
    return plain(masterdata.add_location(ctx, masterdata.LocationRecord(**body.model_dump())))


# --- purchase orders and receiving -------------------------------------------------


class LineBody(Body):
    sku: Name
    quantity: Annotated[int, Field(ge=1)]
    unit_price: Decimal | None = None
    line_no: Annotated[int | None, Field(ge=1)] = None  # in a change: the PO's line this one replaces


class TermsBody(Body):
    """A PO's terms; unit prices are before tax, tax_rate is a percentage."""

    currency: Annotated[str, Field(min_length=3, max_length=3)] = "CNY"
    tax_rate: Decimal = Decimal(0)
    delivery_date: dt.date | None = None
    supplier_ref: Annotated[str | None, Field(max_length=64)] = None


class POBody(TermsBody):
    supplier: Name
    lines: Annotated[list[LineBody], Field(min_length=1, max_length=1000)]
    note: str | None = None


@router.get("/pos", tags=["purchasing"])
def list_pos(ctx: Caller, status: str | None = None, supplier: str | None = None) -> list[dict[str, Any]]:
    return plain(purchasing.list_pos(ctx, status=status, supplier=supplier))


@router.get("/pos/{number}", tags=["purchasing"])
def get_po(ctx: Caller, number: str) -> dict[str, Any]:
    return plain(purchasing.get_po(ctx, number))


@router.post("/pos", tags=["purchasing"], status_code=201)
def create_po(ctx: Caller, body: POBody) -> dict[str, Any]:
    lines = [purchasing.LineSpec(line.sku, line.quantity, line.unit_price) for line in body.lines]
    terms = purchasing.POTerms(**body.model_dump(include=set(TermsBody.model_fields)))
    return plain(purchasing.create_po(ctx, body.supplier, lines, body.note, terms))


FieldValues = dict[Annotated[str, Field(max_length=40)], Annotated[str, Field(max_length=200)] | int | float | None]


class ReceiptBody(Body):
    sku: Name
    serials: Serials | None = None
    quantity: Annotated[int | None, Field(ge=1)] = None
    # For an item tracked by batch: the batch and its expiry, or the scan of its GS1 batch label.
    batch: str | None = None
    expiry: dt.date | None = None
    label: str | None = None
    location: str | None = None
    expected: Annotated[int | None, Field(ge=1)] = None
    note: str | None = None
    # Custom fields by serial, as given in "serials": {"SN1": {"IMEI": "356938035643809"}}.
    fields: dict[Annotated[str, Field(max_length=200)], FieldValues] | None = None
    # Scans unit by unit, a serial and then its scanned fields: ["SN1", "3569…", "SN2", "3569…"].
    pairs: Serials | None = None


@router.post("/pos/{number}/receipts", tags=["receiving"], status_code=201,
             summary="Receive serials (all or none, every refused serial named with its position and reason)")  # fmt: skip
def receive(ctx: Caller, number: str, body: ReceiptBody) -> dict[str, Any]:
    sources = [field_source(body.serials, body.fields or {}) if body.fields else scans(body.serials)] if body.serials else []
    lot = given(body.batch, body.expiry, body.quantity, body.label)
    record = receiving.receive(ctx, number, body.sku, sources, quantity=None if lot else body.quantity, lot=lot,
                               location=body.location, expected=body.expected, note=body.note,
                               paired=body.pairs or ())  # fmt: skip
    return plain(record)


@router.post("/pos/{number}/receipts/file", tags=["receiving"], status_code=201,
             summary="Receive the serials of an uploaded .xlsx, .xls, .ods or .csv (all or none, each refusal by its cell)")  # fmt: skip
def receive_file(ctx: Caller, number: str, file: UploadFile, sku: Annotated[str, Form(min_length=1, max_length=64)],
                 location: Annotated[str | None, Form()] = None,
                 expected: Annotated[int | None, Form(ge=1)] = None,
                 note: Annotated[str | None, Form()] = None) -> dict[str, Any]:  # fmt: skip
    with uploads.saved(file) as path:
        sources = serial_sources(files=[str(path)])
        record = receiving.receive(ctx, number, sku, sources, location=location, expected=expected, note=note)
    return plain(record)


# After the receipts routes: "receipts" is no verb.
@router.post("/pos/{number}/{verb}", tags=["purchasing"], summary="Approve, close or cancel a purchase order",
             openapi_extra=needs(purchasing.approve_po, purchasing.close_po, purchasing.cancel_po))  # fmt: skip
def move_po(ctx: Caller, number: str, verb: Literal[dispatch.PO_MOVES]) -> dict[str, Any]:
    return plain(dispatch.move_po(ctx, verb, number))


# --- serials -------------------------------------------------------------------------


@router.get("/serials/{serial}", tags=["serials"], summary="A unit's card and whole history (several if items share the serial)")
def show_serial(ctx: Caller, serial: str) -> list[dict[str, Any]]:
    return plain(lookup.find_serial(ctx, serial), ctx.lang)


@router.get("/serials", tags=["serials"], summary="The serial register, filtered and paged")
def list_serials(
    ctx: Caller,
    status: str | None = None,
    sku: str | None = None,
    location: str | None = None,
    supplier: str | None = None,
    po: str | None = None,
    received_from: dt.date | None = None,
    received_to: dt.date | None = None,
    prefix: str | None = None,
    customer: Annotated[str | None, Query(description="the units this customer has now")] = None,
    batch: str | None = None,
    field: Annotated[str | None, Query(pattern=r"^[^=]+=.+$", max_length=250,
                                       description="NAME=VALUE: the units whose custom field holds VALUE")] = None,
    sort: Literal[tuple(lookup.SORTS)] = "received",
    descending: bool = True,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    after: Annotated[str | None, Query(description="the `next` cursor of the page before")] = None,
) -> dict[str, Any]:
    where = lookup.SerialFilter(status, sku, location, supplier, po, received_from, received_to, prefix, customer, batch,
                                tuple(field.split("=", 1)) if field else None)  # fmt: skip
    return plain(lookup.list_serials(ctx, where, sort=sort, descending=descending, limit=limit, after=after))


class MoveBody(Body):
    action: Action
    serials: Serials
    sku: str | None = None
    to: str | None = None
    ref: Annotated[str | None, Field(max_length=100)] = None
    note: Annotated[str | None, Field(max_length=2000)] = None
    customer: Annotated[str | None, Field(max_length=64, description="ship: the customer's code")] = None
    recipient: Annotated[str | None, Field(max_length=200, description="issue: to whom")] = None
    recipient_kind: RecipientKind = RecipientKind.PERSON


# Each move needs its own permission (service staff repair, the warehouse issues); after-sales moves have their routes.
@router.post("/moves", tags=["serials"], summary="Move units through their lifecycle (issue, transfer, repair, ship, scrap...)",
             openapi_extra=needs_by("action", {a: m.permission for a, m in TRANSITIONS.items() if a not in OWN_SERVICE}))  # fmt: skip
def move(ctx: Caller, body: MoveBody) -> dict[str, Any]:
    party = Party(body.customer, body.recipient, body.recipient_kind if body.recipient else None) \
        if body.customer or body.recipient else None  # fmt: skip
    return plain(lifecycle.move(ctx, body.action, body.serials, sku=body.sku, to=body.to, ref=body.ref, note=body.note,
                                party=party))  # fmt: skip


class VerifyBody(Body):
    codes: Annotated[list[Annotated[str, Field(max_length=500)]], Field(min_length=1, max_length=1000)]
    sku: str | None = None


@router.post("/verify", tags=["verification"], summary="A verdict per scanned code (unknown is never called counterfeit)")
def verify(ctx: Caller, body: VerifyBody) -> list[dict[str, Any]]:
    return plain(verification.verify(ctx, body.codes, sku=body.sku), ctx.lang)


@router.get("/audit/verify", tags=["audit"], summary="Check the audit trail's hash chain")
def verify_audit(ctx: Caller) -> dict[str, Any]:
    return plain(audit.verify_chain(ctx))


# --- events, webhooks, receipts ------------------------------------------------------


@router.get("/events", tags=["events"], summary="Every change after a cursor, in commit order (the pull feed)")
def list_events(
    ctx: Caller,
    after: Annotated[int, Query(ge=0, description="the last event id you have; 0 for the beginning")] = 0,
    limit: Annotated[int, Query(ge=1, le=events.MAX_PAGE)] = 100,
    types: Annotated[list[str] | None, Query(description="event types to keep, e.g. receipt.posted")] = None,
) -> dict[str, Any]:
    found = events.events_after(ctx, after, limit=limit, types=types)
    return {"events": plain(found), "next": found[-1].id if found else after}


@router.get("/receipts/{number}", tags=["receiving"], summary="A goods receipt: lines at their PO prices, with serials")
def get_receipt(ctx: Caller, number: str) -> dict[str, Any]:
    record = receipts.get_receipt(ctx, number)
    return {**plain(record), "total": plain(record.total)}


class WebhookBody(Body):
    name: Name
    url: Annotated[str, Field(max_length=500)]
    types: list[str] | None = None


@router.post("/webhooks", tags=["events"], status_code=201, summary="Register a webhook (admin); its secret is shown once")
def add_webhook(ctx: Caller, body: WebhookBody) -> dict[str, Any]:
    record, secret = webhooks.add_webhook(ctx, body.name, body.url, body.types)
    return {**plain(record), "secret": secret}


@router.get("/webhooks", tags=["events"])
def list_webhooks(ctx: Caller) -> list[dict[str, Any]]:
    return plain(webhooks.list_webhooks(ctx))


@router.delete("/webhooks/{name}", tags=["events"], status_code=204)
def remove_webhook(ctx: Caller, name: str) -> None:
    webhooks.remove_webhook(ctx, name)


class ResendBody(Body):
    after: Annotated[int, Field(ge=0)]


@router.post("/webhooks/{name}/resend", tags=["events"], summary="Deliver again every event after an id")
def resend(ctx: Caller, name: str, body: ResendBody) -> dict[str, Any]:
    return plain(webhooks.resend(ctx, name, body.after))


@router.get("/webhooks/{name}/deliveries", tags=["events"], summary="The delivery log, newest first")
def deliveries(ctx: Caller, name: str, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    return plain(webhooks.deliveries(ctx, name, limit=limit))


@router.get("/finance/stock-value", tags=["finance"],
            summary="Units and value by item, location and status as of a moment, each unit at its PO price")  # fmt: skip
def stock_value(
    ctx: Caller,
    at: Annotated[dt.datetime | None, Query(description="ISO 8601; default now (a date alone: its end, UTC)")] = None,
    status: Annotated[list[str] | None, Query()] = None,
) -> dict[str, Any]:
    value = valuation.stock_value(ctx, at, statuses=status)
    return {**plain(value), "total": plain(value.total), "totals": plain(value.totals)}


# --- stocktake and exceptions ------------------------------------------------------------


class StocktakeBody(Body):
    location: str | None = None
    note: Annotated[str | None, Field(max_length=2000)] = None


@router.post("/stocktakes", tags=["stocktake"], status_code=201, summary="Start counting a location")
def start_stocktake(ctx: Caller, body: StocktakeBody) -> dict[str, Any]:
    return plain(stocktake.start_stocktake(ctx, body.location, body.note))


@router.get("/stocktakes", tags=["stocktake"])
def list_stocktakes(ctx: Caller, status: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> list[dict[str, Any]]:
    return plain(stocktake.list_stocktakes(ctx, status, limit=limit))


class ScansBody(Body):
    scans: Annotated[list[Annotated[str, Field(max_length=500)]], Field(min_length=1, max_length=10_000)]


@router.post("/stocktakes/{number}/scans", tags=["stocktake"], summary="Add scans to an open stocktake, each judged at once")
def scan_stocktake(ctx: Caller, number: str, body: ScansBody) -> dict[str, Any]:
    return plain(stocktake.scan(ctx, number, [scans(body.scans)]))


@router.get("/stocktakes/{number}", tags=["stocktake"], summary="A stocktake's report: matched, missing, unexpected, unknown")
def stocktake_report(ctx: Caller, number: str) -> dict[str, Any]:
    return plain(stocktake.stocktake_report(ctx, number))


@router.post("/stocktakes/{number}/{verb}", tags=["stocktake"], summary="Close a stocktake, or apply a closed one")
def move_stocktake(ctx: Caller, number: str, verb: Literal["close", "apply"]) -> dict[str, Any]:
    run = stocktake.close_stocktake if verb == "close" else stocktake.apply_stocktake
    return plain(run(ctx, number))


@router.get("/exceptions", tags=["exceptions"])
def list_exceptions(
    ctx: Caller, status: str | None = "open", kind: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    return plain(exceptions.list_exceptions(ctx, status, kind, limit=limit), ctx.lang)


class ResolutionBody(Body):
    resolution: Annotated[str, Field(min_length=1, max_length=2000)]


@router.post("/exceptions/{exception_id}/resolve", tags=["exceptions"], summary="Settle an exception, saying how",
             openapi_extra=needs(*exceptions.RESOLVERS, any_of=True))  # fmt: skip
def resolve_exception(ctx: Caller, exception_id: int, body: ResolutionBody) -> dict[str, Any]:
    return plain(exceptions.resolve_exception(ctx, exception_id, body.resolution))


# --- documents and exports -----------------------------------------------------------------


@router.get("/documents/{document}.pdf", tags=["documents"], response_class=Response,
            summary="A PO, a goods receipt note, a serial's history or the monthly audit report, as PDF",
            openapi_extra=needs_by("document", {"po": printing.print_po, "receipt": printing.print_receipt,
                                                "serial": printing.print_serial_history,
                                                "audit": printing.print_audit_report}))  # fmt: skip
def document(
    ctx: Caller,
    document: Literal[dispatch.DOCUMENTS],
    number: str | None = None,
    serial: str | None = None,
    sku: str | None = None,
    month: str | None = None,
) -> Response:
    drawn = io.BytesIO()
    dispatch.print_document(ctx, document, drawn, number=number, serial=serial, sku=sku, month=month)
    return Response(drawn.getvalue(), media_type="application/pdf")


@router.get("/labels.pdf", tags=["documents"], response_class=Response, summary="Serial labels of a receipt or a PO")
def labels(ctx: Caller, template: str, receipt: str | None = None, po: str | None = None,
           start: Annotated[int, Query(ge=1, le=1000)] = 1) -> Response:  # fmt: skip
    drawn = io.BytesIO()
    printing.print_labels(ctx, printing.LabelSource(receipt=receipt, po=po), template, drawn, start=start)
    return Response(drawn.getvalue(), media_type="application/pdf")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILTERED_EXPORTS = tuple(kind for kind in dispatch.EXPORTS if kind != "history")  # a history is a serial's page


@router.get("/exports/{kind}.xlsx", tags=["documents"], response_class=Response,
            summary="The serial register, POs, receipts or the audit log as an Excel workbook (serials as text)",
            openapi_extra=needs_by("kind", {"serials": exports.export_serials, "pos": exports.export_pos,
                                            "receipts": exports.export_receipts, "audit": exports.export_audit}))  # fmt: skip
def export(ctx: Caller, kind: Literal[FILTERED_EXPORTS], status: str | None = None,
           supplier: str | None = None, po: str | None = None, sku: str | None = None) -> Response:  # fmt: skip
    where = lookup.SerialFilter(status=status, sku=sku, supplier=supplier, po=po)
    return workbook(kind, lambda out: dispatch.export(ctx, kind, str(out), where=where, sort="received", descending=True,
                                                      status=status, supplier=supplier, po=po, sku=sku))  # fmt: skip


def workbook(name: str, export: Callable[[Path], Any]) -> Response:
    """The workbook ``export(path)`` writes, as a download named ``name``.xlsx."""
    with tempfile.TemporaryDirectory(prefix="snapp-export-") as folder:
        out = Path(folder) / "export.xlsx"  # not the caller's name: a path trick in it must not reach the disk
        export(out)
        return Response(out.read_bytes(), media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="{_quoted(name)}.xlsx"'})  # fmt: skip


def _quoted(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
