"""A whole-command-line receipt, process start to exit, beside the bare driver doing the same inserts.

`snapp receive PO --sku ITEM --range FIRST..LAST` of RECEIPT serials into the
benchmark's database (already holding --serials units), timed from the start
of the process to its exit: interpreter, imports, login, capture, the
receipt's rows, commit. Beside it, in the same run, the bare driver writes
the same rows in one committed transaction: a receipt and its line, the
serials (sqlite3 executemany / psycopg COPY), their events (one INSERT ...
SELECT), the PO line's count. Its rows are built before its clock starts, so
it is the driver's floor. Runs alternate (bare, SNApp, bare, ...) so both see
the table grow alike; the best of each is kept.

The child is what the `snapp` script runs (import snapp.cli, call main),
but it also says how long that import took, so each run's time is split into
importing the command line before it parses anything, and the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from decimal import Decimal

from snapp.db.engine import BUSY_TIMEOUT_MS, Database
from snapp.services import purchasing
from snapp.services.base import Context

RECEIPT = 100_000
RUNS = 3
USER, PASSWORD = "bench", "bench password"


def cli_receive(name: str, db: Database, serials: int, runs: int = RUNS) -> list[tuple[str, str, str, str]]:
    """The figures for ``db``, whose benchmark item, location and user the ledger figures created."""
    ctx = Context(db, USER)
    url = db.url.render_as_string(hide_password=False)
    ours: list[tuple[float, float]] = []
    bare = []
    for run in range(runs):
        bare.append(_bare(db, _po(ctx), f"B{run}-"))
        ours.append(_cli(url, _po(ctx), f"C{run}-{1:06d}..C{run}-{RECEIPT:06d}"))
    (mine, imports), base = min(ours), min(bare)
    rest = mine - imports
    runs_said = ", ".join(f"{whole:.2f} s (imports {imported:.2f})" for whole, imported in ours)
    print(f"{name}: CLI receive of {RECEIPT:,}: {runs_said}; bare driver {', '.join(f'{t:.2f}' for t in bare)} s")
    driver = "executemany" if db.is_sqlite else "COPY"
    return [
        (
            f"{name}: whole CLI receive of {RECEIPT:,} into {serials:,}",
            f"{mine:.2f} s ({RECEIPT / mine:,.0f} serials/s)",
            f"{driver} + INSERT…SELECT {base:.2f} s ({RECEIPT / base:,.0f}/s)",
            f"{mine / base:.2f}x",
        ),
        (
            f"{name}: same run, after importing the CLI ({imports:.2f} s)",
            f"{rest:.2f} s ({RECEIPT / rest:,.0f} serials/s)",
            "same",
            f"{rest / base:.2f}x",
        ),
    ]


def _po(ctx: Context) -> str:
    number = purchasing.create_po(ctx, "BENCH", [purchasing.LineSpec("ITEM", RECEIPT, Decimal(1))]).number
    return purchasing.approve_po(ctx, number).number


# The console script `snapp`, saying on stderr how long its import took.
CHILD = """
import sys, time
start = time.perf_counter()
from snapp.cli import main
print(time.perf_counter() - start, file=sys.stderr)
sys.exit(main())
"""


def _cli(url: str, po: str, spec: str) -> tuple[float, float]:
    """Process start to exit, and the import of snapp.cli within it."""
    env = {**os.environ, "SNAPP_DB": url, "SNAPP_USER": USER, "SNAPP_PASSWORD": PASSWORD}
    arguments = ["receive", po, "--sku", "ITEM", "--range", spec, "--location", "WH", "--json"]
    command = [sys.executable, "-c", CHILD, *arguments]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, float(done.stderr.split()[0])


# The bare driver. Both databases take the same statements; only the marks and the serials' writer differ.
RECEIPT_SQL = "INSERT INTO receipts (number, po_id, location_id, received_at, user_id) VALUES ({p}, {p}, {p}, {p}, {p})"
LINE_SQL = "INSERT INTO receipt_lines (receipt_id, po_line_id, quantity) VALUES ({p}, {p}, {p})"
SERIAL_COLUMNS = "item_id, status, location_id, receipt_line_id, received_at, updated_at, serial"
EVENTS_SQL = (
    "INSERT INTO serial_events (serial_id, at, user_id, action, to_status, to_location_id, ref) "
    "SELECT id, {p}, {p}, 'receive', 'in_stock', {p}, {p} FROM serials WHERE receipt_line_id = {p}"
)
IDS_SQL = (
    "SELECT pl.id, pl.item_id, po.id, l.id, u.id FROM po_lines pl JOIN purchase_orders po ON po.id = pl.po_id "
    "CROSS JOIN locations l CROSS JOIN users u WHERE po.number = {p} AND l.code = 'WH' AND u.name = {p}"
)
COUNT_SQL = "UPDATE po_lines SET received = received + {p} WHERE id = {p}"


def _bare(db: Database, po: str, prefix: str) -> float:
    serials = [f"{prefix}{n:06d}" for n in range(1, RECEIPT + 1)]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    reference = f"RAW-{prefix}"
    if db.is_sqlite:
        import sqlite3

        conn = sqlite3.connect(db.url.database, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = FULL"):  # as snapp.db.engine
            conn.execute(f"PRAGMA {pragma}")
        at = now.isoformat(" ")
        line_id, item_id, po_id, place, user = conn.execute(IDS_SQL.format(p="?"), (po, USER)).fetchone()
        rows = [(item_id, "in_stock", place, at, at, s) for s in serials]
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        receipt = conn.execute(RECEIPT_SQL.format(p="?"), (reference, po_id, place, at, user)).lastrowid
        receipt_line = conn.execute(LINE_SQL.format(p="?"), (receipt, line_id, RECEIPT)).lastrowid
        # The receipt line is known only now: written into the statement, the rows stay as built.
        conn.executemany(f"INSERT INTO serials ({SERIAL_COLUMNS}) VALUES (?, ?, ?, {receipt_line}, ?, ?, ?)", rows)
        conn.execute(EVENTS_SQL.format(p="?"), (at, user, place, reference, receipt_line))
        conn.execute(COUNT_SQL.format(p="?"), (RECEIPT, line_id))
        conn.execute("COMMIT")
        took = time.perf_counter() - start
        conn.close()
        return took

    import psycopg

    url = db.url
    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname=url.database, options=url.query.get("options")) as conn:  # fmt: skip
        cur = conn.cursor()
        cur.execute(IDS_SQL.format(p="%s"), (po, USER))
        line_id, item_id, po_id, place, user = cur.fetchone()
        conn.commit()
        start = time.perf_counter()
        cur.execute(RECEIPT_SQL.format(p="%s") + " RETURNING id", (reference, po_id, place, now, user))
        receipt = cur.fetchone()[0]
        cur.execute(LINE_SQL.format(p="%s") + " RETURNING id", (receipt, line_id, RECEIPT))
        receipt_line = cur.fetchone()[0]
        with cur.copy(f"COPY serials ({SERIAL_COLUMNS}) FROM STDIN") as copy:
            for serial in serials:
                copy.write_row((item_id, "in_stock", place, receipt_line, now, now, serial))
        cur.execute(EVENTS_SQL.format(p="%s"), (now, user, place, reference, receipt_line))
        cur.execute(COUNT_SQL.format(p="%s"), (RECEIPT, line_id))
        conn.commit()
        return time.perf_counter() - start
