"""Changing master data and managing people over HTTP (the desktop's edit forms and Users screen), and
finance's figures as workbooks.

A change names only the fields it changes (``PATCH``); each route calls the
service the desktop's form calls, so the same rules refuse the same values
with the same codes, and the core keeps the last active admin (``access.last_admin``).
A workbook is written by the export code every export goes through
(`snapp.services.exports`), audited, its headers in the caller's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import Field

from snapp.app import dispatch
from snapp.app.records import plain
from snapp.domain.capture import CasePolicy
from snapp.domain.items import TRACKING_MODES
from snapp.domain.permissions import Permission, Role
from snapp.server.app import Caller
from snapp.server.permits import needs
from snapp.server.routes import Body, Name, workbook
from snapp.services import customers, exports, masterdata, users

router = APIRouter()

Text200 = Annotated[str, Field(min_length=1, max_length=200)]
Password = Annotated[str, Field(min_length=1, max_length=1024)]


def _changes(body: Body) -> dict[str, Any]:
    """Only what the caller sent: a field left out keeps its value, a field sent as null is cleared."""
    return body.model_dump(exclude_unset=True)


# --- master data ------------------------------------------------------------------


class PartyChange(Body):
    name: Text200 | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


@router.patch("/suppliers/{code}", tags=["master data"], summary="Change a supplier's name or contact details")
def update_supplier(ctx: Caller, code: str, body: PartyChange) -> dict[str, Any]:
    return plain(masterdata.update_supplier(ctx, code, **_changes(body)))


@router.patch("/customers/{code}", tags=["after-sales"], summary="Change a customer's name or contact details")
def update_customer(ctx: Caller, code: str, body: PartyChange) -> dict[str, Any]:
    return plain(customers.update_customer(ctx, code, **_changes(body)))


class ItemChange(Body):
    name: Text200 | None = None
    gtin: str | None = None
    tracking: Literal[TRACKING_MODES] | None = None
    serial_pattern: str | None = None
    serial_min_length: int | None = None
    serial_max_length: int | None = None
    serial_case: Literal[tuple(CasePolicy)] | None = None
    warranty_months: int | None = None
    supplier: str | None = None
    customer_warranty_months: int | None = None


@router.patch("/items/{sku}", tags=["master data"], summary="Change an item: its name, GTIN, serial rule, warranty, supplier")
def update_item(ctx: Caller, sku: str, body: ItemChange) -> dict[str, Any]:
    return plain(masterdata.update_item(ctx, sku, **_changes(body)))


class LocationChange(Body):
    name: Text200


@router.patch("/locations/{code}", tags=["master data"], summary="Rename a location (its code stays)")
def update_location(ctx: Caller, code: str, body: LocationChange) -> dict[str, Any]:
    return plain(masterdata.update_location(ctx, code, name=body.name))


# --- people -----------------------------------------------------------------------


@router.get("/users", tags=["users"], summary="Every account: role, active, locked")
def list_users(ctx: Caller) -> list[dict[str, Any]]:
    return plain(users.list_users(ctx))


class UserBody(Body):
    name: Name
    role: Role
    password: Password | None = None  # without one, the account cannot log in until an admin sets it


@router.post("/users", tags=["users"], status_code=201, summary="Add a person (admin)")
def add_user(ctx: Caller, body: UserBody) -> dict[str, Any]:
    return plain(users.add_user(ctx, body.name, body.role, body.password))


class RoleBody(Body):
    role: Role


@router.put("/users/{name}/role", tags=["users"], summary="Change a person's role (admin; the last admin keeps theirs)")
def set_role(ctx: Caller, name: str, body: RoleBody) -> dict[str, Any]:
    return plain(users.set_role(ctx, name, body.role))


class PasswordBody(Body):
    password: Password


@router.put("/users/{name}/password", tags=["users"], openapi_extra=needs(Permission.ADMIN),
            summary="Reset a person's password (admin; anyone may set their own)")  # fmt: skip
def set_password(ctx: Caller, name: str, body: PasswordBody) -> dict[str, Any]:
    return plain(users.set_password(ctx, name, body.password))


@router.post("/users/{name}/{change}", tags=["users"], openapi_extra=needs(users.set_active, users.unlock),
             summary="Deactivate, reactivate or unlock an account (admin; the last admin stays active)")  # fmt: skip
def change_user(ctx: Caller, name: str, change: Literal["disable", "enable", "unlock"]) -> dict[str, Any]:
    return plain(dispatch.change_user(ctx, change, name))


# --- finance as workbooks: the JSON routes' figures, the same way every export is served (a .xlsx path) ----


@router.get("/finance/stock-value.xlsx", tags=["finance"], response_class=Response,
            summary="The stock value of /finance/stock-value as an Excel workbook")  # fmt: skip
def stock_value_workbook(
    ctx: Caller,
    at: Annotated[dt.datetime | None, Query(description="ISO 8601; default now (a date alone: its end, UTC)")] = None,
    status: Annotated[list[str] | None, Query()] = None,
) -> Response:
    return workbook("stock-value", lambda out: exports.export_stock_value(ctx, out, at, statuses=status))


@router.get("/receipts/{number}.xlsx", tags=["finance"], response_class=Response,
            summary="A goods receipt's lines at their PO prices and currency, and its serials, as an Excel workbook")  # fmt: skip
def receipt_workbook(ctx: Caller, number: str) -> Response:
    return workbook(number, lambda out: exports.export_receipt(ctx, out, number))
