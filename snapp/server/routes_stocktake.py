"""The HTTP API's stocktake reports as files: Excel and PDF, discrepancies first, as the desktop's Export and Print write them.

Each endpoint calls the service the command line's ``snapp stocktake export`` and ``snapp stocktake print`` call.
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


@router.get("/stocktakes/{number}/report.xlsx", response_class=Response,
            summary="A stocktake's report as an Excel workbook: discrepancies first, or (discrepancies_only) only them")  # fmt: skip
def export_stocktake(ctx: Caller, number: str, discrepancies_only: bool = False) -> Response:
    with tempfile.TemporaryDirectory(prefix="snapp-export-") as folder:
        out = Path(folder) / "stocktake.xlsx"
        exports.export_stocktake(ctx, out, number, discrepancies_only=discrepancies_only)
        # A fixed name: the number in the path is the caller's text, not a header's.
        return Response(out.read_bytes(), media_type=XLSX,
                        headers={"Content-Disposition": 'attachment; filename="stocktake.xlsx"'})  # fmt: skip


@router.get("/stocktakes/{number}/report.pdf", response_class=Response,
            summary="A stocktake's report as PDF, in the caller's language: discrepancies first, or only them")  # fmt: skip
def print_stocktake(ctx: Caller, number: str, discrepancies_only: bool = False) -> Response:
    drawn = io.BytesIO()
    printing.print_stocktake(ctx, number, drawn, discrepancies_only=discrepancies_only)
    return Response(drawn.getvalue(), media_type="application/pdf")
