"""The floor client's scanner settings page and look-up: a scan read through the core's decoder with the device's profile.

The settings page shows what a test scan sent, character by character, and
what SNApp reads from it with the chosen profile (the desktop's Scanner
screen, on a phone); the look-up screen sends its scans here so that a PDA's
profile is undone before the unit is looked up, as every other floor scan is.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from snapp.app.records import plain
from snapp.domain.scan import ScannerProfile, characters, decode
from snapp.errors import said
from snapp.server.app import Caller
from snapp.server.permits import needs
from snapp.server.routes_floor import ScanBody
from snapp.services import lookup

router = APIRouter(prefix="/floor", tags=["floor"])


@router.post("/read", summary="What SNApp reads from one scan with a scanner profile, and each character that arrived",
             openapi_extra=needs())  # a scanner's test box: anyone signed in, nothing read from the database
def read_scan(ctx: Caller, body: ScanBody) -> dict[str, Any]:
    lang = ctx.lang
    reading = decode(body.scan, body.profile.profile() if body.profile else ScannerProfile())
    return {
        "ok": reading.ok, "kind": reading.kind, "serial": reading.serial, "gtin": reading.gtin,
        "symbology": reading.symbology, "caps_lock": reading.caps_lock, "typed": body.typed(),
        "message": said(reading.message, lang), "warnings": [said(w, lang) for w in reading.warnings],
        "characters": [{"shown": shown, "code": code} for shown, code in characters(body.scan)],
    }  # fmt: skip


@router.post("/lookup", summary="The cards of the unit one scan names, the device's scanner profile undone first")
def look_up(ctx: Caller, body: ScanBody) -> list[dict[str, Any]]:
    return plain(lookup.find_serial(ctx, body.typed()), ctx.lang)
