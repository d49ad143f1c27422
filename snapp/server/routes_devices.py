"""Paired phones and PDAs: pairing with a one-time code, the admin's list, and revoking a device."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import Field

from snapp.app.records import plain
from snapp.server.app import Caller, client_address
from snapp.server.routes import Body
from snapp.services import access, devices

router = APIRouter()


class PairBody(Body):
    code: Annotated[str, Field(min_length=1, max_length=40)]
    name: Annotated[str, Field(min_length=1, max_length=devices.NAME_MOST)]


@router.post("/devices/pair", tags=["devices"], status_code=201,
             summary="Pair a phone or PDA with a one-time code from the desktop; its secret is shown once")  # fmt: skip
def pair(request: Request, body: PairBody) -> dict[str, Any]:
    # Codes are guessed like passwords: the same per-address count as logins, shared by every server.
    address = client_address(request)
    access.count_request(request.app.state.db, f"pair:{address}", access.LOGINS_PER_MINUTE)
    record, secret = devices.pair(request.app.state.db, body.code, body.name, address)
    return {**plain(record), "secret": secret}


@router.get("/devices", tags=["devices"], summary="Paired devices: who paired them, when, last seen, last user (admin)")
def list_devices(ctx: Caller) -> list[dict[str, Any]]:
    return plain(devices.list_devices(ctx))


@router.delete("/devices/{device_id}", tags=["devices"],
               summary="Revoke a device (admin): every session opened through it ends at once, on every server")  # fmt: skip
def revoke_device(ctx: Caller, device_id: int) -> dict[str, Any]:
    return plain(devices.revoke_device(ctx, device_id))
