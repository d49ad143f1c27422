"""snapp.db.bulk: rows written through the driver are the rows the ORM writes, and fail the way it does."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from snapp.db import bulk
from snapp.db.models import ReceiptLine, Serial, serials_table, utcnow
from snapp.domain.capture import scans, serial_range
from snapp.services import receiving
from snapp.services.base import unique_constraint

LAP_GTIN = "09506000134352"
STORED = ("item_id", "status", "location_id", "receipt_line_id", "batch", "expiry", "scan", "received_at", "updated_at")


def _unit(session, serial: str) -> Serial:
    return session.scalar(select(Serial).where(Serial.serial == serial))


def test_a_unit_received_in_bulk_is_stored_and_read_back_as_the_orm_does(db, ctx, company):
    scan = f"]d201{LAP_GTIN}21BULK0001\x1d10LOT7\x1d17301231"
    record = receiving.receive(ctx, company.number, "LAP", [scans([scan])], location="WH-A")
    with db.session(write=True) as s:
        twin = Serial(serial="ORM0001", **{name: getattr(_unit(s, "BULK0001"), name) for name in STORED})
        s.add(twin)
        s.commit()

    # What the database holds, as the driver hands it back (no SQLAlchemy type in between).
    with db.engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT serial, {', '.join(STORED)} FROM serials")
        stored = {serial: rest for serial, *rest in result}
    assert stored["BULK0001"] == stored["ORM0001"]

    with db.session(write=False) as s:
        unit, orm = _unit(s, "BULK0001"), _unit(s, "ORM0001")
        assert {name: getattr(unit, name) for name in STORED} == {name: getattr(orm, name) for name in STORED}
    # Not merely the same as the ORM's copy: the very instant of the receipt, in UTC.
    assert unit.received_at == unit.updated_at == record.received_at
    assert unit.received_at.utcoffset().total_seconds() == 0
    assert (unit.batch, unit.expiry.isoformat(), unit.scan) == ("LOT7", "2030-12-31", scan)


def _fixed(session) -> dict[str, object]:
    line = session.scalar(select(ReceiptLine))
    unit = session.scalar(select(Serial))
    now = utcnow()
    return {"item_id": unit.item_id, "status": "in_stock", "location_id": unit.location_id,
            "receipt_line_id": line.id, "received_at": now, "updated_at": now}  # fmt: skip


def test_a_clash_is_the_integrity_error_a_core_insert_raises(db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [serial_range("SN000001..SN000003")], location="WH-A")
    with db.session(write=True) as s:
        with pytest.raises(IntegrityError) as raised:
            bulk.insert_rows(s, serials_table, _fixed(s), {"serial": ["NEW0001", "SN000002"]})
        assert unique_constraint(raised.value) == "uq_serials_item_id_serial"
        s.rollback()
        assert s.scalar(select(func.count()).select_from(Serial)) == 3


def test_progress_is_told_per_chunk_and_a_rollback_leaves_nothing(db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [serial_range("SN000001..SN000001")], location="WH-A")
    told: list[int] = []
    with db.session(write=True) as s:
        total = 2 * bulk.CHUNK + 1
        bulk.insert_rows(s, serials_table, _fixed(s), {"serial": [f"B{n:07d}" for n in range(total)]}, told.append)
        assert s.scalar(select(func.count()).select_from(Serial)) == 1 + total
        s.rollback()
        assert s.scalar(select(func.count()).select_from(Serial)) == 1
    assert told == [bulk.CHUNK, 2 * bulk.CHUNK, total]


def test_columns_of_different_lengths_are_refused_before_anything_is_written(db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [serial_range("SN000001..SN000001")], location="WH-A")
    with db.session(write=True) as s:
        with pytest.raises(ValueError):
            bulk.insert_rows(s, serials_table, _fixed(s), {"serial": ["A00001", "A00002"], "batch": ["L1"]})
        assert s.scalar(select(func.count()).select_from(Serial)) == 1
