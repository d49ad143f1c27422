"""SNApp benchmarks: each figure beside the bare library doing the same work, in the same run.

    .venv/bin/python -m tests.benchmarks.run [--serials 1000000] [--pg URL | --no-pg]

Figures, not pass/fail: the machine is noisy, so trust the ratios.
- receive 10,000 serials on one PO line into a database holding --serials units,
  vs a raw DBAPI executemany of the same serial and event rows (rolled back);
  and again on lines with a supplier's manifest listing them, each scan judged;
- read and validate a 100,000-row .xlsx, vs python-calamine reading it bare;
- look up one serial with its full history among --serials units (p50/p99),
  vs the two bare indexed SELECTs;
- labels and the monthly audit report (tests/benchmarks/printing.py);
- export the --serials units to .xlsx (on SQLite, the default database), vs the
  same SELECT through the bare DBAPI cursor into openpyxl's write-only mode
  with no formats; time and how far the process's memory grew;
- a recall of 100,000 units (and their events) to .xlsx, vs the same two
  SELECTs through the bare cursor into openpyxl (tests/benchmarks/recall.py);
- `snapp --version`, `--help` and `serial show` as whole processes, vs the
  bare interpreter starting (tests/benchmarks/startup.py);
- the whole command line receiving 100,000 serials into the same database,
  process start to exit, vs the bare driver writing the same rows
  (tests/benchmarks/cli_receive.py).

`--only printing` runs the label and report figures alone; `--only receiving`
the receipts, look-ups, desktop and command-line figures; `--only recall` the
recall figures on SQLite and PostgreSQL; `--only fields` receiving with an IMEI
per serial beside without, and a look-up by IMEI (tests/benchmarks/fields.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from snapp.db.engine import Database, sqlite_url
from tests.benchmarks import labels_reports
from tests.benchmarks.cli_receive import cli_receive
from tests.benchmarks.desktop import desktop
from tests.benchmarks.fields import custom_fields
from tests.benchmarks.recall import bare_workbook, recall_export
from tests.benchmarks.startup import startup
from snapp.db.schema import upgrade
from snapp.domain.capture import SerialRule, capture, serial_range
from snapp.io.serial_files import read_serial_file
from snapp.services import masterdata, purchasing
from snapp.services.auth import create_first_admin
from snapp.services.base import Context
from snapp.services.exports import export_serials, serial_register_query
from snapp.services.lookup import SerialFilter, find_serial
from snapp.services.manifests import load_manifest
from snapp.services.receiving import receive

RECEIPT = 10_000
XLSX_ROWS = 100_000
LOOKUPS = 2_000
FILL_CHUNK = 100_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serials", type=int, default=1_000_000, help="units already in the database")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--only", choices=["printing", "receiving", "recall", "fields"], help="run one group of figures")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        report: list[tuple[str, str, str, str]] = []
        if args.only in (None, "printing"):
            report += labels_reports.run(Path(tmp))
        if args.only == "printing":
            _print_table(report)
            return
        if not args.only:
            report += excel(Path(tmp))
        db = Database(sqlite_url(Path(tmp) / "bench.db"))
        if args.only == "fields":
            report += custom_fields("SQLite", db, fill(db, args.serials), args.serials)
        elif args.only == "recall":
            fill(db, args.serials)
        else:
            report += ledger("SQLite", db, args.serials, raw_sqlite_rows)
            report += desktop("SQLite", db, args.serials)
            report += startup("SQLite", db)
        if not args.only:
            report += export(db, Path(tmp))
        if args.only in (None, "recall"):
            report += recall_export("SQLite", db, Path(tmp))
        if args.only not in ("recall", "fields"):  # last: each of its receipts adds 100,000 units
            report += cli_receive("SQLite", db, args.serials)
        db.dispose()
        if not args.no_pg:
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.pg)
            try:
                with admin.begin() as conn:
                    conn.execute(text(f"CREATE SCHEMA {schema}"))
            except Exception as err:  # no server: say so and go on
                print(f"PostgreSQL skipped ({type(err).__name__}: {str(err).splitlines()[0]})")
            else:
                url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
                db = Database(url.render_as_string(hide_password=False))
                try:
                    if args.only == "fields":
                        report += custom_fields("PostgreSQL", db, fill(db, args.serials), args.serials)
                    elif args.only == "recall":
                        fill(db, args.serials)
                    else:
                        report += ledger("PostgreSQL", db, args.serials, raw_pg_rows)
                    if args.only in (None, "recall"):
                        report += recall_export("PostgreSQL", db, Path(tmp))
                    if args.only not in ("recall", "fields"):
                        report += cli_receive("PostgreSQL", db, args.serials)
                finally:
                    db.dispose()
                    with admin.begin() as conn:
                        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    _print_table(report)


def _print_table(report: list[tuple[str, str, str, str]]) -> None:
    print()
    widths = [max(len(row[i]) for row in report + [HEADER]) for i in range(4)]
    for row in [HEADER, tuple("-" * w for w in widths), *report]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


HEADER = ("work", "SNApp", "bare library, same work", "ratio")


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


# --- Excel -------------------------------------------------------------------


def excel(tmp: Path) -> list[tuple[str, str, str, str]]:
    path = tmp / "serials.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Serials")
    sheet.append(["Serial"])
    for n in range(XLSX_ROWS):
        sheet.append([f"SN{n:08d}"])
    book.save(path)
    rule = SerialRule(pattern=r"SN\d{8}", min_length=10, max_length=10, case="upper")

    def ours() -> None:
        result = capture(read_serial_file(path), rule)
        assert len(result.serials) == XLSX_ROWS and not result.problems

    def bare() -> None:
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()

    mine, base = best_of(3, ours), best_of(3, bare)
    print(f"xlsx: {XLSX_ROWS:,} rows read and validated in {mine:.3f} s; calamine bare {base:.3f} s")
    return [(
        f"read + validate {XLSX_ROWS:,}-row .xlsx",
        f"{mine:.3f} s ({XLSX_ROWS / mine:,.0f} rows/s)",
        f"calamine {base:.3f} s",
        f"{mine / base:.2f}x",
    )]  # fmt: skip


# --- the ledger ----------------------------------------------------------------


def fill(db: Database, serials: int, password: str = "bench password") -> Context:
    """A migrated database holding ``serials`` units (F000000001...) of item ITEM at location WH; acts as "bench"."""
    upgrade(db)
    ctx = create_first_admin(db, "bench", password)
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("BENCH", "Benchmark supplier"))
    masterdata.add_item(ctx, masterdata.ItemRecord("ITEM", "Benchmark item", serial_min_length=4, warranty_months=24))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH", "Warehouse"))
    start = time.perf_counter()
    for first in range(0, serials, FILL_CHUNK):
        count = min(FILL_CHUNK, serials - first)
        receive(ctx, _po(ctx, count), "ITEM", [serial_range(f"F{first + 1:09d}..F{first + count:09d}")], location="WH")
    fill_time = time.perf_counter() - start
    print(f"{db.display}: filled {serials:,} serials in {fill_time:.1f} s ({serials / fill_time:,.0f}/s)")
    return ctx


def _po(ctx: Context, quantity: int) -> str:
    number = purchasing.create_po(ctx, "BENCH", [purchasing.LineSpec("ITEM", quantity, Decimal(1))]).number
    return purchasing.approve_po(ctx, number).number


def ledger(name: str, db: Database, serials: int, raw_rows: Callable) -> list[tuple[str, str, str, str]]:
    ctx = fill(db, serials)

    times = []
    for run in range(3):
        number = _po(ctx, RECEIPT)
        spec = f"R{run}-{1:06d}..R{run}-{RECEIPT:06d}"
        start = time.perf_counter()
        receive(ctx, number, "ITEM", [serial_range(spec)], location="WH")
        times.append(time.perf_counter() - start)
    mine = min(times)
    base = best_of(3, lambda: raw_rows(db))
    print(f"{name}: receive {RECEIPT:,} in {mine:.3f} s; raw executemany {base:.3f} s")
    checked = manifest_receipts(ctx)
    print(f"{name}: receive {RECEIPT:,} against their manifest in {checked:.3f} s")

    rng = random.Random(1)
    picks = [f"F{rng.randint(1, serials):09d}" for _ in range(LOOKUPS)]
    latencies = []
    for serial in picks:
        start = time.perf_counter()
        cards = find_serial(ctx, serial)
        latencies.append(time.perf_counter() - start)
        assert cards[0].history
    bare = raw_lookup(db, picks)
    p50, p99 = _percentile(latencies, 50), _percentile(latencies, 99)
    b50, b99 = _percentile(bare, 50), _percentile(bare, 99)
    print(f"{name}: lookup p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms; bare p99 {b99 * 1000:.2f} ms")
    return [
        (
            f"{name}: receive {RECEIPT:,} serials into {serials:,}",
            f"{mine:.3f} s ({RECEIPT / mine:,.0f} serials/s)",
            f"executemany {base:.3f} s ({RECEIPT / base:,.0f}/s)",
            f"{mine / base:.2f}x",
        ),
        (
            f"{name}: the same, each judged against the line's manifest",
            f"{checked:.3f} s ({RECEIPT / checked:,.0f} serials/s)",
            f"executemany {base:.3f} s ({RECEIPT / base:,.0f}/s)",
            f"{checked / base:.2f}x",
        ),
        (
            f"{name}: look up a serial + history among {serials:,}",
            f"p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms",
            f"2 indexed SELECTs: p50 {b50 * 1000:.2f} ms, p99 {b99 * 1000:.2f} ms",
            f"{p99 / b99:.1f}x (p99)",
        ),
    ]


def manifest_receipts(ctx: Context) -> float:
    """Best of three receipts of RECEIPT serials on lines whose manifest lists them all (loading it not timed)."""
    times = []
    for run in range(3):
        number = _po(ctx, RECEIPT)
        spec = f"M{run}-{1:06d}..M{run}-{RECEIPT:06d}"
        load_manifest(ctx, number, 1, [serial_range(spec)])
        start = time.perf_counter()
        record = receive(ctx, number, "ITEM", [serial_range(spec)], location="WH")
        times.append(time.perf_counter() - start)
        assert record.quantity == RECEIPT and not record.missing and not record.off_manifest
    return min(times)


def export(db: Database, tmp: Path) -> list[tuple[str, str, str, str]]:
    """The register of the filled units (prefix F: exactly --serials rows) to .xlsx, and the same rows bare."""
    where = SerialFilter(serial_prefix="F")
    ours_rss: list[int] = []
    start_rss = _rss()
    start = time.perf_counter()
    rows = export_serials(Context(db, "bench"), tmp / "ours.xlsx", where, progress=lambda d, t: ours_rss.append(_rss())).rows
    mine = time.perf_counter() - start
    grown = max(ours_rss) - start_rss

    query = serial_register_query(where, "received", True)
    bare_rss: list[int] = []
    start_rss = _rss()
    start = time.perf_counter()
    with db.engine.connect() as conn:
        [written] = bare_workbook(conn, [("Serials", query)], tmp / "bare.xlsx", lambda: bare_rss.append(_rss()))
    base = time.perf_counter() - start
    assert written == rows, (written, rows)
    bare_grown = max(bare_rss) - start_rss
    sizes = [(tmp / f).stat().st_size / 1e6 for f in ("ours.xlsx", "bare.xlsx")]
    print(f"export: {rows:,} serials in {mine:.1f} s (memory +{grown / 1e6:.0f} MB, {sizes[0]:.0f} MB file); "
          f"bare openpyxl {base:.1f} s (+{bare_grown / 1e6:.0f} MB, {sizes[1]:.0f} MB)")  # fmt: skip
    return [(
        f"export {rows:,} serials to .xlsx (SQLite)",
        f"{mine:.1f} s ({rows / mine:,.0f} rows/s), memory +{grown / 1e6:.0f} MB",
        f"openpyxl write-only bare {base:.1f} s, memory +{bare_grown / 1e6:.0f} MB",
        f"{mine / base:.2f}x",
    )]  # fmt: skip


def _rss() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1] if pct < 100 else max(values)


def _raw_rows(receipt_line_id: int) -> tuple[list[tuple], dt.datetime]:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    serials = [(1, f"RAW{n:07d}", "in_stock", 1, receipt_line_id, now, now) for n in range(RECEIPT)]
    return serials, now


INSERT_SERIAL = (
    "INSERT INTO serials (item_id, serial, status, location_id, receipt_line_id, received_at, updated_at) "
    "VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})"
)
INSERT_EVENT = (
    "INSERT INTO serial_events (serial_id, at, user_id, action, to_status, to_location_id, ref) "
    "VALUES ({p}, {p}, 1, 'receive', 'in_stock', 1, 'RAW')"
)


def raw_sqlite_rows(db: Database) -> None:
    """The same serial and event rows through bare sqlite3 executemany, then rolled back."""
    import sqlite3

    conn = sqlite3.connect(db.url.database, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    line = conn.execute("SELECT max(id) FROM receipt_lines").fetchone()[0]
    rows, now = _raw_rows(line)
    conn.executemany(INSERT_SERIAL.format(p="?"), rows)
    ids = conn.execute("SELECT id FROM serials WHERE serial >= 'RAW' AND serial < 'RAX'").fetchall()
    conn.executemany(INSERT_EVENT.format(p="?"), [(i, now) for (i,) in ids])
    conn.execute("ROLLBACK")
    conn.close()


def raw_pg_rows(db: Database) -> None:
    """The same rows through bare psycopg executemany (pipelined), then rolled back."""
    import psycopg

    url = db.url
    options = url.query.get("options")
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database, options=options) as conn:
        with conn.cursor() as cur:
            cur.execute("SELECT max(id) FROM receipt_lines")
            rows, now = _raw_rows(cur.fetchone()[0])
            cur.executemany(INSERT_SERIAL.format(p="%s"), rows)
            cur.execute("SELECT id FROM serials WHERE serial >= 'RAW' AND serial < 'RAX'")
            ids = cur.fetchall()
            cur.executemany(INSERT_EVENT.format(p="%s"), [(i, now) for (i,) in ids])
        conn.rollback()


def raw_lookup(db: Database, picks: list[str]) -> list[float]:
    latencies = []
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        cursor = raw.cursor()
        p = "?" if db.is_sqlite else "%s"
        for serial in picks:
            start = time.perf_counter()
            cursor.execute(f"SELECT id, status, location_id FROM serials WHERE serial = {p}", (serial,))
            unit = cursor.fetchone()
            cursor.execute(f"SELECT * FROM serial_events WHERE serial_id = {p} ORDER BY id", (unit[0],))
            cursor.fetchall()
            latencies.append(time.perf_counter() - start)
        if not db.is_sqlite:
            raw.rollback()
    return latencies


if __name__ == "__main__":
    main()
