"""Custom fields: receiving with an IMEI per serial beside receiving without, and looking a unit up by its IMEI.

In a database already holding --serials units, every one of them given an
IMEI first (one INSERT ... SELECT, not timed): receipts of RECEIPT serials
pasted as two columns (serial, IMEI) alternate with receipts of RECEIPT
serials pasted alone, so both see the tables grow alike; the best of each is
kept. Then LOOKUPS look-ups by a random unit's IMEI through the look-up
service (the card and its history), beside look-ups by that unit's serial in
the same run; and the unit of an IMEI found by `fields.find_by_field` (a
whole service call, without the card), beside the bare indexed SELECT.
"""

from __future__ import annotations

import random
import statistics
import time

from sqlalchemy import text

from snapp.db.engine import Database
from snapp.domain.capture import paste
from snapp.domain.fields import FieldDef, paste_columns
from snapp.services import fields, purchasing
from snapp.services.base import Context
from snapp.services.lookup import find_serial
from snapp.services.receiving import receive

RECEIPT = 10_000
LOOKUPS = 2_000
RUNS = 3


def imei(n: int) -> str:
    return f"35{n:013d}"


def custom_fields(name: str, db: Database, ctx: Context, serials: int) -> list[tuple[str, str, str, str]]:
    """The figures for ``db``, filled with ``serials`` units F000000001... of ITEM by the ledger's ``fill``."""
    fields.define_field(ctx, "ITEM", FieldDef("IMEI", unique="all", pattern=r"\d{15}"))
    concat = "printf('35%013d', s.id)" if db.is_sqlite else "'35' || lpad(s.id::text, 13, '0')"
    with db.engine.begin() as conn:
        conn.execute(text(f"INSERT INTO field_values (serial_id, field_id, value, scope) "
                          f"SELECT s.id, d.id, {concat}, 'all:imei' FROM serials s, field_defs d"))  # fmt: skip
    plain, with_imei = [], []
    for run in range(RUNS):
        serials_only = [f"P{run}-{n:06d}" for n in range(RECEIPT)]
        pairs = [(f"I{run}-{n:06d}", imei(10_000_000 + run * RECEIPT + n)) for n in range(RECEIPT)]
        plain.append(_timed(lambda: receive(ctx, _po(ctx), "ITEM", [paste("\n".join(serials_only))], location="WH")))
        pasted = "\n".join(f"{s}\t{i}" for s, i in pairs)
        with_imei.append(_timed(lambda: receive(ctx, _po(ctx), "ITEM", [paste_columns(pasted, ["IMEI"])], location="WH")))
    mine, base = min(with_imei), min(plain)
    print(f"{name}: receive {RECEIPT:,} with an IMEI each: {', '.join(f'{t:.3f}' for t in with_imei)} s; "
          f"without: {', '.join(f'{t:.3f}' for t in plain)} s")  # fmt: skip

    rng = random.Random(2)
    with db.engine.connect() as conn:
        top = conn.execute(text("SELECT max(id) FROM serials WHERE serial LIKE 'F%'")).scalar()
    picks = [rng.randint(1, top) for _ in range(LOOKUPS)]
    by_imei, by_serial, found = [], [], []
    for unit in picks:
        by_imei.append(_timed(lambda: find_serial(ctx, imei(unit))))
        by_serial.append(_timed(lambda: find_serial(ctx, f"F{unit:09d}")))
        found.append(_timed(lambda: fields.find_by_field(ctx, imei(unit))))
    bare = _bare(db, [imei(unit) for unit in picks])
    (i50, i99), (s50, s99), (f50, f99), (b50, b99) = (_p(by_imei), _p(by_serial), _p(found), _p(bare))
    print(f"{name}: look up by IMEI p50 {i50:.2f} ms p99 {i99:.2f} ms; by serial p99 {s99:.2f} ms; "
          f"find_by_field p99 {f99:.2f} ms; bare p99 {b99:.2f} ms")  # fmt: skip
    return [
        (
            f"{name}: receive {RECEIPT:,} serials each with an IMEI into {serials:,}",
            f"{mine:.3f} s ({RECEIPT / mine:,.0f} serials/s)",
            f"the same receipt without fields {base:.3f} s ({RECEIPT / base:,.0f}/s)",
            f"{mine / base:.2f}x",
        ),
        (
            f"{name}: look up a unit by its IMEI among {serials:,}",
            f"p50 {i50:.2f} ms, p99 {i99:.2f} ms (by serial: p50 {s50:.2f}, p99 {s99:.2f})",
            f"indexed SELECT of the IMEI's unit: p50 {b50:.2f} ms, p99 {b99:.2f} ms",
            f"{i99 / s99:.2f}x by serial (p99)",
        ),
        (
            f"{name}: find the unit of an IMEI (the service, no card) among {serials:,}",
            f"p50 {f50:.2f} ms, p99 {f99:.2f} ms",
            f"indexed SELECT of the IMEI's unit: p50 {b50:.2f} ms, p99 {b99:.2f} ms",
            f"{f99 / b99:.1f}x (p99)",
        ),
    ]


def _po(ctx: Context) -> str:
    from decimal import Decimal

    number = purchasing.create_po(ctx, "BENCH", [purchasing.LineSpec("ITEM", RECEIPT, Decimal(1))]).number
    return purchasing.approve_po(ctx, number).number


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _p(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[98] * 1000


def _bare(db: Database, values: list[str]) -> list[float]:
    latencies = []
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        cursor = raw.cursor()
        p = "?" if db.is_sqlite else "%s"
        for value in values:
            start = time.perf_counter()
            cursor.execute(f"SELECT serial_id FROM field_values WHERE value = {p} AND scope IS NOT NULL", (value,))
            cursor.fetchall()
            latencies.append(time.perf_counter() - start)
        if not db.is_sqlite:
            raw.rollback()
    return latencies
