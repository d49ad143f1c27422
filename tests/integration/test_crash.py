"""A process killed in the middle of a large receipt leaves nothing half-written."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from snapp.db.engine import Database
from snapp.db.models import AuditEntry, POLine, Receipt, ReceiptLine, Serial, SerialEvent
from snapp.domain.capture import serial_range
from snapp.services import masterdata, purchasing
from snapp.services.auth import create_first_admin
from snapp.services.base import Context
from snapp.services.receiving import receive

CHILD = Path(__file__).with_name("crash_receiver.py")


def _company_with_big_po(ctx: Context) -> str:
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    masterdata.add_item(ctx, masterdata.ItemRecord("LAP", "Laptop", serial_min_length=4))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 250_000, Decimal("1"))])
    return purchasing.approve_po(ctx, po.number).number


def _written(db: Database) -> dict[str, int]:
    with db.session(write=False) as s:
        count = lambda model: s.scalar(select(func.count()).select_from(model))  # noqa: E731
        return {
            "serials": count(Serial),
            "events": count(SerialEvent),
            "receipts": count(Receipt),
            "receipt_lines": count(ReceiptLine),
            "received": s.scalar(select(func.sum(POLine.received))),
            "receipt_audits": s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "receipt.post")
            ),
        }


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["self", "external"])
def test_killed_mid_receipt_leaves_nothing_partial(db, tmp_path, mode):
    ctx = create_first_admin(db, "admin", "admin password")
    po = _company_with_big_po(ctx)
    before = _written(db)
    marker = tmp_path / "inserted"
    # Tagged, so the check below sees this test's connections only (other test runs share the server).
    tag = f"snapp-crash-{uuid.uuid4().hex[:8]}"
    url = (db.url if db.is_sqlite else db.url.update_query_dict({"application_name": tag})).render_as_string(
        hide_password=False
    )
    db.dispose()

    child = subprocess.Popen([sys.executable, str(CHILD), url, str(marker), mode, po])
    if mode == "external":
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the child died before it started inserting"
            assert time.monotonic() < deadline, "the child never started inserting"
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
    child.wait(120)
    assert child.returncode == -signal.SIGKILL, f"child exited {child.returncode}, not by SIGKILL"
    assert marker.read_text().startswith("10000 of 100000"), "the kill did not land mid-receipt"

    reopened = Database(url)
    if reopened.is_sqlite:
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    assert _written(reopened) == before == {
        "serials": 0, "events": 0, "receipts": 0, "receipt_lines": 0, "received": 0, "receipt_audits": 0,
    }  # fmt: skip

    # The database is fully usable: the same receipt now goes through whole.
    done = receive(Context(reopened, "admin"), po, "LAP", [serial_range("SN000001..SN100000")], location="WH-A")
    assert done.quantity == 100_000
    assert _written(reopened)["serials"] == _written(reopened)["events"] == 100_000
    if not reopened.is_sqlite:
        with reopened.engine.connect() as conn:
            # No transaction of the killed client lingers on the server.
            lingering = "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND application_name = :tag"
            assert conn.scalar(text(lingering), {"tag": tag}) == 0
    reopened.dispose()
