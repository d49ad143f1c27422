"""The HTTP API's count reports as files: Excel and PDF, discrepancies first, as the desktop's Export and Print write them.

Each endpoint calls the service the command line's ``snapp count export`` and ``snapp count print`` call.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from fastapi import APIRouter, Response

from snapp.server.app import Caller
from snapp.server.routes import XLSX
from snapp.services import exports, printing

router = APIRouter(tags=["stocktake"])


@router.get("/counts/{number}/report.xlsx", response_class=Response,
            summary="A count's report as an Excel workbook: discrepancies first, or (discrepancies_only) only them")  # fmt: skip
def export_count(ctx: Caller, number: str, discrepancies_only: bool = False) -> Response:
    with tempfile.TemporaryDirectory(prefix="snapp-export-") as folder:
        out = Path(folder) / "count.xlsx"
        exports.export_count(ctx, out, number, discrepancies_only=discrepancies_only)
        # A fixed name: the number in the path is the caller's text, not a header's.
        return Response(out.read_bytes(), media_type=XLSX,
                        headers={"Content-Disposition": 'attachment; filename="count.xlsx"'})  # fmt: skip


@router.get("/counts/{number}/report.pdf", response_class=Response,
            summary="A count's report as PDF, in the caller's language: discrepancies first, or only them")  # fmt: skip
def print_count(ctx: Caller, number: str, discrepancies_only: bool = False) -> Response:
    drawn = io.BytesIO()
    printing.print_count(ctx, number, drawn, discrepancies_only=discrepancies_only)
    return Response(drawn.getvalue(), media_type="application/pdf")
