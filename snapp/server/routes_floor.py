"""What the floor client (resources/web/, served at /floor/) needs beyond the API's other routes.

A phone or PDA judges one scan at a time and shows the verdict in its
person's language (``Accept-Language``), so these routes take one scan and
answer its sentence already said; each calls the service the desktop's
screen calls. A scan comes as its scanner typed it, with the device's scanner
profile: the core's decoder undoes the profile here, as the desktop's scan
fields do, so no client reads GS1 on its own. The client's own files are
mounted here too.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import Field

from snapp.app.records import plain
from snapp.domain.capture import scans
from snapp.domain.scan import GS_CHOICES, SUFFIX_CHOICES, ScannerProfile, as_typed
from snapp.errors import Text, said
from snapp.messages import CATALOG, names
from snapp.paths import CJK_FONT, resource
from snapp.server.app import Caller, language_of
from snapp.server.routes import Body, Name
from snapp.services import floor, receiving, stocktake, verification

router = APIRouter(prefix="/floor", tags=["floor"])
# POSTs that only ask (their scan may not fit in a URL): an Idempotency-Key on them need not be kept.
READ_ONLY_POSTS = frozenset({"/api/v1/floor/receiving/judge", "/api/v1/floor/read", "/api/v1/floor/lookup"})
Scan = Annotated[str, Field(min_length=1, max_length=500)]
Added = Annotated[str, Field(max_length=20)]


class ProfileBody(Body):
    """A device's scanner profile, the desktop's choices (see `ScannerProfile`) and the text a PDA adds around codes."""

    gs: Literal[GS_CHOICES] = GS_CHOICES[0]
    prefix: bool = False
    suffix: Literal[SUFFIX_CHOICES] = SUFFIX_CHOICES[0]
    lead: Added = ""
    trail: Added = ""

    def profile(self) -> ScannerProfile:
        return ScannerProfile(self.gs, self.prefix, self.suffix, self.lead, self.trail)


class ScanBody(Body):
    scan: Scan
    profile: ProfileBody | None = None

    def typed(self) -> str:
        """The scan with its scanner's settings undone, as a desktop scan field passes it on."""
        return as_typed(self.scan, self.profile.profile()) if self.profile else self.scan
CLIENT = "/floor"


# The kinds of name the names module holds; the areas that add a status or a move (after-sales, recall) name it in their own.
NAME_KINDS = frozenset(code.split(".")[0] for code in names.MESSAGES)


@router.get("/names", summary="Display names of statuses, moves, verdicts and outcomes in the caller's language")
def display_names(request: Request) -> dict[str, str]:
    lang = language_of(request)
    return {code: Text(code).say(lang) for code in CATALOG if code.split(".")[0] in NAME_KINDS}


class ReceivingScanBody(ScanBody):
    po: Name
    sku: str | None = None
    # When the item's fields are scanned after each serial: the delivery's scans before this one as judged
    # (a serial, then its IMEI...), null for each one refused, so that "first at scan 3" is the device's row 3.
    paired: Annotated[list[Annotated[str, Field(max_length=200)] | None], Field(max_length=100_000)] = []


@router.post("/receiving/judge", summary="Judge one receiving scan against a PO (its line, its rule, already received); writes nothing")
def judge_receiving_scan(request: Request, ctx: Caller, body: ReceivingScanBody) -> dict[str, Any]:
    verdict = receiving.judge_scan(ctx, body.po, body.typed(), body.sku, body.paired)
    return {**plain(verdict), "message": verdict.message.say(language_of(request))}


@router.post("/stocktakes/{number}/scan", summary="Add one scan to an open stocktake and say what the unit is to it")
def stocktake_scan(request: Request, ctx: Caller, number: str, body: ScanBody) -> dict[str, Any]:
    lang = language_of(request)
    typed = body.typed()
    batch = stocktake.scan(ctx, number, [scans([typed])])
    if batch.problems:
        return {"feedback": "unreadable", "serial": None, "sku": None, "scans": 0,
                "message": said(batch.problems[0].message, lang)}  # fmt: skip
    feedback = floor.stocktake_feedback(ctx, number, typed)
    return {**plain(feedback), "message": feedback.message.say(lang)}


@router.post("/verify", summary="Verify one scan: the verdict, its reason and the unit, in the caller's language")
def verify_scan(request: Request, ctx: Caller, body: ScanBody) -> dict[str, Any]:
    [result] = verification.verify(ctx, [body.typed()])
    return {**plain(result), "message": result.message.say(language_of(request)), "passed": result.passed}


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
