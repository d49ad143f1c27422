"""What the floor client (resources/web/, served at /floor/) needs beyond the API's other routes.

A phone or PDA judges one scan at a time and shows the verdict in its
person's language (``Accept-Language``), so these routes take one scan and
answer its sentence already said; each calls the service the desktop's
screen calls. The client's own files are mounted here too.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import Field

from snapp.app.errors import language
from snapp.app.records import plain
from snapp.domain.capture import scans
from snapp.errors import Text, said
from snapp.messages import names
from snapp.paths import CJK_FONT, resource
from snapp.server.app import Caller
from snapp.server.routes import Body, Name
from snapp.services import floor, receiving, stocktake, verification

router = APIRouter(prefix="/floor", tags=["floor"])
# POSTs that only ask (their scan may not fit in a URL): an Idempotency-Key on them need not be kept.
READ_ONLY_POSTS = frozenset({"/api/v1/floor/receiving/judge"})
Scan = Annotated[str, Field(min_length=1, max_length=500)]
CLIENT = "/floor"


def _lang(request: Request) -> str:
    return language(request.headers.get("accept-language", "en"))


@router.get("/names", summary="Display names of statuses, moves, verdicts and outcomes in the caller's language")
def display_names(request: Request) -> dict[str, str]:
    lang = _lang(request)
    return {code: Text(code).say(lang) for code in names.MESSAGES}


class ReceivingScanBody(Body):
    po: Name
    scan: Scan
    sku: str | None = None


@router.post("/receiving/judge", summary="Judge one receiving scan against a PO (its line, its rule, already received); writes nothing")
def judge_receiving_scan(request: Request, ctx: Caller, body: ReceivingScanBody) -> dict[str, Any]:
    verdict = receiving.judge_scan(ctx, body.po, body.scan, body.sku)
    return {**plain(verdict), "message": verdict.message.say(_lang(request))}


class CountScanBody(Body):
    scan: Scan


@router.post("/counts/{number}/scan", summary="Add one scan to an open count and say what the unit is to it")
def count_scan(request: Request, ctx: Caller, number: str, body: CountScanBody) -> dict[str, Any]:
    lang = _lang(request)
    batch = stocktake.scan(ctx, number, [scans([body.scan])])
    if batch.problems:
        return {"feedback": "unreadable", "serial": None, "sku": None, "scans": 0,
                "message": said(batch.problems[0].message, lang)}  # fmt: skip
    feedback = floor.count_feedback(ctx, number, body.scan)
    return {**plain(feedback), "message": feedback.message.say(lang)}


class VerifyScanBody(Body):
    scan: Scan


@router.post("/verify", summary="Verify one scan: the verdict, its reason and the unit, in the caller's language")
def verify_scan(request: Request, ctx: Caller, body: VerifyScanBody) -> dict[str, Any]:
    [result] = verification.verify(ctx, [body.scan])
    return {**plain(result), "message": result.message.say(_lang(request)), "passed": result.passed}


def mount_client(app: FastAPI) -> None:
    """Serve resources/web/ at /floor/, where the bundle and an installed wheel carry it too."""

    @app.get(CLIENT, include_in_schema=False)
    def client_root() -> RedirectResponse:
        return RedirectResponse(CLIENT + "/")

    # SNApp's own icon and Chinese font, not copies of them: a PDA without a Chinese font still shows Chinese.
    @app.get(CLIENT + "/icon.svg", include_in_schema=False)
    def client_icon() -> FileResponse:
        return FileResponse(resource("icons/snapp.svg"), media_type="image/svg+xml")

    @app.get(CLIENT + "/cjk.ttc", include_in_schema=False)
    def client_font() -> FileResponse:
        return FileResponse(resource(CJK_FONT), media_type="font/collection")

    app.mount(CLIENT, StaticFiles(directory=resource("web"), html=True), name="floor")
