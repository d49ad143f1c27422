"""The HTTP API's custom fields: an item's fields (define, change, list), a unit's value, units by a value.

Each route calls the service the command line's ``snapp field`` calls; a receipt's per-serial fields ride on
the receipts route (``fields`` and ``pairs`` in its body).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import Field

from snapp.app.records import plain
from snapp.domain.fields import CHOICES_MAX, NAME_MAX, VALUE_MAX, FieldDef, FieldKind, LetterCase, Uniqueness
from snapp.server.app import Caller
from snapp.server.routes import Body, Name
from snapp.services import fields

router = APIRouter(tags=["custom fields"])

FieldName = Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
Choices = Annotated[list[Annotated[str, Field(max_length=VALUE_MAX)]], Field(max_length=CHOICES_MAX)]
Value = Annotated[str, Field(max_length=VALUE_MAX)] | int | float | None


class FieldBody(Body):
    name: FieldName
    kind: Literal[tuple(FieldKind)] = FieldKind.TEXT.value  # type: ignore[valid-type]
    required: bool = False
    unique: Literal[tuple(Uniqueness)] = Uniqueness.NONE.value  # type: ignore[valid-type]
    choices: Choices = []
    pattern: Annotated[str | None, Field(max_length=200)] = None
    scanned: bool = False
    case: Literal[tuple(LetterCase)] = LetterCase.EXACT.value  # type: ignore[valid-type]


class FieldChange(Body):
    name: FieldName | None = None
    kind: Literal[tuple(FieldKind)] | None = None  # type: ignore[valid-type]
    required: bool | None = None
    unique: Literal[tuple(Uniqueness)] | None = None  # type: ignore[valid-type]
    choices: Choices | None = None
    pattern: Annotated[str | None, Field(max_length=200)] = None
    scanned: bool | None = None
    case: Literal[tuple(LetterCase)] | None = None  # type: ignore[valid-type]


class ValueBody(Body):
    value: Value
    sku: Name | None = None  # the item, when several share the serial


@router.get("/items/{sku}/fields", summary="An item's custom fields, with how many units carry each")
def list_fields(ctx: Caller, sku: str) -> list[dict[str, Any]]:
    return plain(fields.list_fields(ctx, sku))


@router.post("/items/{sku}/fields", status_code=201, summary="Define a custom field on an item (admin, master data)")
def define_field(ctx: Caller, sku: str, body: FieldBody) -> dict[str, Any]:
    spec = FieldDef(body.name, body.kind, body.required, body.unique, tuple(body.choices), body.pattern, body.scanned,
                    body.case)  # fmt: skip
    return plain(fields.define_field(ctx, sku, spec))


@router.patch("/items/{sku}/fields/{name}", summary="Change a custom field; its stored values must fit the change")
def alter_field(ctx: Caller, sku: str, name: str, body: FieldChange) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    return plain(fields.alter_field(ctx, sku, name, **changes))


@router.put("/serials/{serial}/fields/{name}", summary="Set (or, with an empty value, clear) a unit's field: in its history")
def set_value(ctx: Caller, serial: str, name: str, body: ValueBody) -> dict[str, Any]:
    return plain(fields.set_value(ctx, serial, name, body.value, sku=body.sku))


@router.get("/fields/units", summary="The units whose custom fields hold a value (a scanned IMEI...)")
def find_units(ctx: Caller, value: Annotated[str, Query(min_length=1, max_length=VALUE_MAX)],
               name: Annotated[str | None, Query(max_length=NAME_MAX)] = None) -> list[dict[str, Any]]:  # fmt: skip
    return plain(fields.find_by_field(ctx, value, name))
