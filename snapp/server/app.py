"""The ASGI application: authentication, the error contract, limits, and the routes.

FastAPI gives the OpenAPI document and request validation; every route calls
the same services as the command line with the same arguments. A refusal is
the core's error as JSON (``snapp.app.errors.error_json``) in the caller's
language (``Accept-Language``), with its HTTP status. The process keeps no
state of its own: tokens and keys live in the database, so several servers
can share one PostgreSQL.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from snapp import __version__
from snapp.app.errors import error_json, http_status, language
from snapp.db.engine import Database
from snapp.errors import AuthenticationFailed, Problem, SnappError, Text, ValidationError
from snapp.services import access, webhooks
from snapp.services.base import Context

MAX_BODY = 8 * 1024 * 1024  # a 100,000-serial JSON receipt is about 2 MB
POST_TIMEOUT_GRACE = webhooks.POST_TIMEOUT + 2
log = logging.getLogger(__name__)


def create_app(db: Database, *, deliver: bool = True, cors: list[str] | None = None) -> FastAPI:
    """The application over ``db``; with ``deliver``, a worker thread POSTs webhooks while it runs.

    Browsers of other origins are refused (no CORS) unless ``cors`` names them.
    """

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        worker = DeliveryWorker(db) if deliver else None
        if worker:
            worker.start()
        try:
            yield
        finally:
            if worker:
                worker.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="SNApp",
        version=__version__,
        description="Serial-number tracking: the same record as the SNApp desktop and command line.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.db = db
    if cors:
        app.add_middleware(CORSMiddleware, allow_origins=cors, allow_methods=["*"], allow_headers=["*"])

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable):
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return _refusal(request, SnappError(Text("request.too_large", most=MAX_BODY)), 413)
        return await call_next(request)

    @app.exception_handler(SnappError)
    async def refused(request: Request, err: SnappError) -> JSONResponse:
        return _refusal(request, err, http_status(err))

    @app.exception_handler(Exception)
    async def bug(request: Request, err: Exception) -> JSONResponse:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=err)
        return _refusal(request, SnappError(Text("request.bug")), 500)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        problems = [
            Problem(".".join(str(part) for part in e["loc"]), _shown(e.get("input")), e["type"],
                    Text("request.field", detail=e["msg"]))  # fmt: skip
            for e in err.errors()
        ]
        return _refusal(request, ValidationError(problems, Text("request.invalid")), 422)

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, err: StarletteHTTPException) -> JSONResponse:
        if err.status_code == 404:
            return _refusal(request, SnappError(Text("request.not_found", path=request.url.path)), 404)
        return JSONResponse({"error": "http", "message": str(err.detail)}, status_code=err.status_code)

    # Imported here, not at the top: the routes import the services they call.
    from snapp.server import (
        idempotency, permits, routes, routes_admin, routes_aftersales, routes_stocktake, routes_devices, routes_fields,
        routes_floor, routes_floor_more, routes_manifests, routes_po, routes_printers, routes_recall,
    )  # fmt: skip

    idempotency.install(app, _refusal, read_only=routes_floor.READ_ONLY_POSTS)
    routers = (
        routes_po.router,  # before routes: its /pos/{number}/amend is no PO move
        routes_admin.router,  # before routes: its /receipts/{number}.xlsx is no receipt number
        routes_stocktake.router,  # before routes: its /stocktakes/{number}/report.xlsx is no stocktake move
        routes.router, routes_aftersales.router, routes_devices.router, routes_fields.router, routes_floor.router,
        routes_floor_more.router, routes_manifests.router, routes_printers.router, routes_recall.router,
    )  # fmt: skip
    for router in routers:
        # Before including: FastAPI copies a route's OpenAPI extras when it includes it.
        permits.publish(router.routes, context)  # every route's permission into the OpenAPI document, or no server
        app.include_router(router, prefix="/api/v1")
    routes_floor.mount_client(app)  # the phone's pages (pairing among them), same origin as the API: no CORS needed
    return app


class DeliveryWorker(threading.Thread):
    """Delivers due webhooks until stopped; idle, it looks again every second."""

    IDLE_SECONDS = 1.0

    def __init__(self, db: Database):
        super().__init__(name="snapp-webhooks", daemon=True)
        self.db = db
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                busy = webhooks.deliver_due(self.db)
            except Exception:  # a database hiccup must not end delivery for the server's lifetime
                log.exception("webhook delivery failed; trying again")
                busy = 0
            if not busy:
                self.stopping.wait(self.IDLE_SECONDS)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=POST_TIMEOUT_GRACE)


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def language_of(request: Request) -> str:
    """The caller's language, from ``Accept-Language``: what a Context and every refusal speak."""
    return language(request.headers.get("accept-language", "en"))


def _refusal(request: Request, err: SnappError, status: int) -> JSONResponse:
    return JSONResponse(error_json(err, language_of(request)), status_code=status)


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise AuthenticationFailed("access.no_credentials")
    return secret.strip()


DEVICE_HEADER = "X-SNApp-Device"  # a paired phone or PDA's secret, sent when its person logs in


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def context(request: Request) -> Context:
    """The caller's Context: from a session token or an API key, checked against the database on every request."""
    ctx = access.authenticate(request.app.state.db, bearer(request))
    return replace(ctx, lang=language_of(request))


Caller = Annotated[Context, Depends(context)]
