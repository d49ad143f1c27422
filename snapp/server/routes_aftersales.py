"""The after-sales routes of the HTTP API: customers, returns and swaps, supplier RMAs, repairs, alerts.

Each one calls the service the command line's ``snapp customer``, ``snapp rma`` and ``snapp alerts`` call.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import Field

from snapp.app.records import plain
from snapp.domain.aftersales import RESOLUTION_MOVE, WarrantyPolicy
from snapp.server.app import Caller
from snapp.server.routes import Body, Name, SupplierBody
from snapp.services import aftersales, customers, rma_documents, rma_due

router = APIRouter()
Text2000 = Annotated[str, Field(min_length=1, max_length=2000)]
Code = Annotated[str, Field(min_length=1, max_length=40)]
Optional100 = Annotated[str | None, Field(max_length=100)]


@router.get("/customers", tags=["after-sales"])
def list_customers(ctx: Caller) -> list[dict[str, Any]]:
    return plain(customers.list_customers(ctx))


@router.post("/customers", tags=["after-sales"], status_code=201)
def add_customer(ctx: Caller, body: SupplierBody) -> dict[str, Any]:
    return plain(customers.add_customer(ctx, customers.CustomerRecord(**body.model_dump())))


@router.get("/customers/{code}/units", tags=["after-sales"], summary="The units a customer has now")
def customer_units(ctx: Caller, code: str) -> list[dict[str, Any]]:
    return plain(aftersales.customer_units(ctx, code))


class ReturnBody(Body):
    serial: Annotated[str, Field(min_length=1, max_length=200)]
    rma: Code
    customer: Name
    reason: Text2000
    sku: str | None = None
    promised_on: dt.date | None = Field(None, description="the day the customer is promised an answer (default: the "
                                                          "answer-days setting from today)")


@router.post("/returns", tags=["after-sales"], status_code=201,
             summary="A shipped unit back from its customer under an RMA number (refused and sent to the desk if the "
                     "records disagree)")  # fmt: skip
def receive_return(ctx: Caller, body: ReturnBody) -> dict[str, Any]:
    return plain(aftersales.receive_return(ctx, body.serial, rma=body.rma, customer=body.customer, reason=body.reason,
                                           sku=body.sku, promised_on=body.promised_on))  # fmt: skip


@router.get("/returns", tags=["after-sales"])
def list_returns(ctx: Caller, status: Literal["open", "resolved", "all"] = "open", customer: str | None = None,
                 overdue: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    """``overdue``: only the open returns past the day their answer was promised."""
    return plain(aftersales.list_returns(ctx, status, customer=customer, overdue=overdue))


class InspectBody(Body):
    decision: Literal[tuple(d.value for d in RESOLUTION_MOVE)]
    to: str | None = None
    note: Annotated[str | None, Field(max_length=2000)] = None


@router.post("/returns/{rma}/inspection", tags=["after-sales"], summary="Inspection's decision on a returned unit")
def inspect_return(ctx: Caller, rma: str, body: InspectBody) -> dict[str, Any]:
    return plain(aftersales.inspect_return(ctx, rma, body.decision, to=body.to, note=body.note))


class SwapBody(Body):
    replacement: Annotated[str, Field(min_length=1, max_length=200)]
    sku: str | None = None
    note: Annotated[str | None, Field(max_length=2000)] = None


@router.post("/returns/{rma}/swap", tags=["after-sales"], summary="A replacement unit out to the customer of a return")
def swap(ctx: Caller, rma: str, body: SwapBody) -> dict[str, Any]:
    return plain(aftersales.swap(ctx, rma, body.replacement, sku=body.sku, note=body.note))


class SupplierRmaBody(Body):
    serial: Annotated[str, Field(min_length=1, max_length=200)]
    rma: Code
    expected_on: dt.date | None = None
    sku: str | None = None
    note: Annotated[str | None, Field(max_length=2000)] = None


@router.post("/supplier-rmas", tags=["after-sales"], status_code=201, summary="Send a unit to its supplier under their RMA")
def send_to_supplier(ctx: Caller, body: SupplierRmaBody) -> dict[str, Any]:
    return plain(aftersales.send_to_supplier(ctx, body.serial, rma=body.rma, expected_on=body.expected_on, sku=body.sku,
                                             note=body.note))  # fmt: skip


@router.get("/supplier-rmas", tags=["after-sales"])
def list_supplier_rmas(ctx: Caller, status: Literal["open", "resolved", "all"] = "open", overdue: bool = False
                       ) -> list[dict[str, Any]]:  # fmt: skip
    return plain(aftersales.list_supplier_rmas(ctx, status, overdue=overdue))


class BackBody(Body):
    supplier: str | None = None
    to: str | None = None
    note: Annotated[str | None, Field(max_length=2000)] = None
    replacement: Annotated[str | None, Field(max_length=200, description="a new unit's serial, received against the RMA")] = None


@router.post("/supplier-rmas/{rma}/back", tags=["after-sales"],
             summary="The unit, or a replacement for it, back from the supplier")  # fmt: skip
def supplier_back(ctx: Caller, rma: str, body: BackBody) -> dict[str, Any]:
    if body.replacement:
        return plain(aftersales.receive_replacement(ctx, rma, body.replacement, supplier=body.supplier, to=body.to,
                                                    note=body.note))  # fmt: skip
    return plain(aftersales.supplier_back(ctx, rma, supplier=body.supplier, to=body.to, note=body.note))


class RepairBody(Body):
    serial: Annotated[str, Field(min_length=1, max_length=200)]
    fault: Text2000
    work: Annotated[str | None, Field(max_length=2000)] = None
    parts: Annotated[str | None, Field(max_length=2000)] = None
    cost: Annotated[str | None, Field(max_length=20)] = None
    technician: Optional100 = None
    place: Literal["bench", "supplier"] = "bench"
    sku: str | None = None


@router.post("/repairs", tags=["after-sales"], status_code=201, summary="Record a repair on a unit's history")
def record_repair(ctx: Caller, body: RepairBody) -> dict[str, Any]:
    repair = aftersales.RepairInput(body.fault, body.work, body.parts, body.cost, body.technician, body.place)
    return {"repair": aftersales.record_repair(ctx, body.serial, repair, sku=body.sku)}


@router.get("/alerts", tags=["after-sales"], summary="Warranties ending soon, supplier RMAs overdue, long repairs")
def alerts(ctx: Caller, days: Annotated[int, Query(ge=0, le=aftersales.ALERT_DAYS_MAX)] = 30,
           repair_days: Annotated[int, Query(ge=0, le=aftersales.ALERT_DAYS_MAX)] = 14) -> dict[str, Any]:  # fmt: skip
    return plain(aftersales.alerts(ctx, days, repair_days))


@router.get("/service-figures", tags=["after-sales"], summary="Median days from a return to its resolution, per month")
def service_figures(ctx: Caller) -> dict[str, float]:
    return aftersales.service_figures(ctx)


class PolicyBody(Body):
    replacement_warranty: WarrantyPolicy


@router.put("/settings/replacement-warranty", tags=["after-sales"], summary="Continue the original's warranty, or anew")
def set_policy(ctx: Caller, body: PolicyBody) -> dict[str, str]:
    return {"replacement_warranty": aftersales.set_replacement_warranty(ctx, body.replacement_warranty).value}


class AnswerDaysBody(Body):
    answer_days: Annotated[int, Field(ge=0, le=rma_due.ANSWER_DAYS_MAX)]


@router.put("/settings/answer-days", tags=["after-sales"],
            summary="The days from its arrival a customer return's answer is promised in, by default")  # fmt: skip
def set_answer_days(ctx: Caller, body: AnswerDaysBody) -> dict[str, int]:
    return {"answer_days": rma_due.set_answer_days(ctx, body.answer_days)}


@router.get("/serials/{serial}/warranty-claim.pdf", tags=["after-sales"], response_class=Response,
            summary="The warranty claim for the supplier, bilingual PDF")  # fmt: skip
def warranty_claim(ctx: Caller, serial: str, sku: str | None = None) -> Response:
    drawn = io.BytesIO()
    rma_documents.print_warranty_claim(ctx, serial, drawn, sku=sku)
    return Response(drawn.getvalue(), media_type="application/pdf")


@router.get("/returns/{rma}/note.pdf", tags=["after-sales"], response_class=Response,
            summary="The RMA note for the customer, bilingual PDF")  # fmt: skip
def rma_note(ctx: Caller, rma: str) -> Response:
    drawn = io.BytesIO()
    rma_documents.print_rma_note(ctx, rma, drawn)
    return Response(drawn.getvalue(), media_type="application/pdf")
