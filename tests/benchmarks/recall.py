"""A recall of 100,000 units to Excel, beside the bare driver and openpyxl doing the same work, in the same run.

The benchmark's database (already holding --serials units) gets a batch on
its first RECALLED units (an UPDATE, before any clock starts), and a share of
them is issued so the "who has it" column is filled. SNApp's figure is
`exports.export_recall`: the login's unit of work, counting, the units
grouped by where they are with each one's last move, then every event of
every unit on a second sheet, formats and formula-safe text, the audit entry.
The bare figure runs the same two SELECTs (compiled from the same queries)
through the DBAPI cursor into openpyxl's write-only mode, with no formats.
Runs alternate (bare, SNApp, bare, SNApp) and the best of each is kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
from sqlalchemy import Select, text

from snapp.db.engine import Database
from snapp.services import lifecycle
from snapp.services.base import Context
from snapp.services.exports import export_recall
from snapp.services.recall import Recall, history_query, trace_query

RECALLED = 100_000
ISSUED = 5_000
BATCH = "RECALL-1"
RUNS = 2


def recall_export(name: str, db: Database, tmp: Path, user: str = "bench") -> list[tuple[str, str, str, str]]:
    ctx = Context(db, user)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE serials SET batch = :batch WHERE serial >= 'F' AND serial <= :last"),
                     {"batch": BATCH, "last": f"F{RECALLED:09d}"})  # fmt: skip
    lifecycle.move(ctx, "issue", [f"F{n:09d}" for n in range(1, ISSUED + 1)], ref="Ward 3")
    wanted = Recall(supplier="BENCH", batch=BATCH)

    ours, bare = [], []
    for _ in range(RUNS):  # alternating, so both see the same machine; the best of each is kept
        start = time.perf_counter()
        written = _bare(db, wanted, tmp / "recall-bare.xlsx")
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        rows = export_recall(ctx, tmp / "recall-ours.xlsx", wanted).rows
        ours.append(time.perf_counter() - start)
        assert rows == written[0] == RECALLED, (rows, written)
    mine, base = min(ours), min(bare)
    print(f"{name}: recall of {rows:,} units ({written[1]:,} events) to .xlsx in {mine:.1f} s; bare {base:.1f} s")
    return [(
        f"{name}: recall {rows:,} units + {written[1]:,} events to .xlsx",
        f"{mine:.1f} s ({rows / mine:,.0f} units/s)",
        f"same 2 SELECTs, DBAPI + openpyxl write-only {base:.1f} s",
        f"{mine / base:.2f}x",
    )]  # fmt: skip


def _bare(db: Database, wanted: Recall, out: Path) -> list[int]:
    """The two SELECTs of the export through the bare cursor into a two-sheet write-only workbook."""
    with db.session(write=False) as session:
        queries = [("Recall", trace_query(session, wanted)), ("History", history_query(session, wanted))]
    with db.engine.connect() as conn:
        return bare_workbook(conn, queries, out)


def bare_workbook(conn, queries: list[tuple[str, Select]], out: Path, each_batch: Callable[[], object] = lambda: None
                  ) -> list[int]:  # fmt: skip
    """Each (title, query) through the bare DBAPI cursor into a sheet of a write-only workbook; rows per sheet."""
    book = openpyxl.Workbook(write_only=True)
    counts = []
    for title, query in queries:
        compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        params = [compiled.params[k] for k in compiled.positiontup] if compiled.positional else compiled.params
        cursor = conn.connection.dbapi_connection.cursor()
        cursor.execute(str(compiled), params)
        sheet = book.create_sheet(title)
        sheet.append([c.name for c in query.selected_columns])
        n = 0
        while batch := cursor.fetchmany(5_000):
            for row in batch:
                sheet.append(row)
            n += len(batch)
            each_batch()
        counts.append(n)
    book.save(out)
    return counts
