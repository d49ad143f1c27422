"""Run the HTTP API in this process with uvicorn."""

from __future__ import annotations

import os
import signal
import sys
import threading

import uvicorn

from snapp.db.engine import Database
from snapp.server.app import create_app
from snapp.server import FINGERPRINT_LINE, LISTENING_LINE
from snapp.server.tls import Certificate


def serve(db: Database, host: str, port: int, *, certificate: Certificate | None, cors: list[str],
          with_parent: bool = False) -> None:  # fmt: skip
    """Serve until interrupted; with a certificate over HTTPS (the default), else plain HTTP.

    ``with_parent``: also stop when standard input closes, which it does when
    the program that started this one ends, however it ends (the desktop app
    killed included), so no server outlives the app that shares its data.
    """
    if with_parent:
        threading.Thread(target=_stop_at_end_of_input, name="snapp-parent", daemon=True).start()
    scheme = "https" if certificate else "http"
    print(f"SNApp serves {db.display} at {scheme}://{host}:{port}/api/v1 (OpenAPI: /api/openapi.json)", flush=True)
    if certificate:
        print(FINGERPRINT_LINE + certificate.fingerprint, flush=True)
    # Access logs carry no secret: tokens travel in the Authorization header, never in the URL.
    config = uvicorn.Config(
        create_app(db, cors=cors),
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        timeout_keep_alive=30,  # a scanner's next request comes within seconds: keep its connection
        ssl_certfile=str(certificate.cert) if certificate else None,
        ssl_keyfile=str(certificate.key) if certificate else None,
    )
    try:
        _Server(config, f"{scheme}://{host}:{port}").run()
    except KeyboardInterrupt:  # uvicorn raises the signal it stopped on again, once it has shut down cleanly
        pass


class _Server(uvicorn.Server):
    """uvicorn's server, saying when it listens: its "startup complete" comes before the socket is bound."""

    def __init__(self, config: uvicorn.Config, address: str):
        super().__init__(config)
        self.address = address

    async def startup(self, sockets=None) -> None:
        await super().startup(sockets)
        if self.started:
            print(LISTENING_LINE + self.address, flush=True)


def _stop_at_end_of_input() -> None:
    while sys.stdin.buffer.read(4096):
        pass
    os.kill(os.getpid(), signal.SIGINT)  # uvicorn's own graceful shutdown, as Ctrl+C
