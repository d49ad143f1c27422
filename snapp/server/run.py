"""Run the HTTP API in this process with uvicorn."""

from __future__ import annotations

import uvicorn

from snapp.db.engine import Database
from snapp.server.app import create_app


def serve(db: Database, host: str, port: int) -> None:
    # Access logs carry no secret: tokens travel in the Authorization header, never in the URL.
    uvicorn.run(create_app(db), host=host, port=port, log_level="info", server_header=False)
