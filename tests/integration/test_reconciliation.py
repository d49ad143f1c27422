"""Reconciliation per PO and supplier, and the monthly serial reconciliation accuracy."""

from __future__ import annotations

import datetime as dt

from snapp_testkit import add_plain_item, approved_po, execute

from snapp.domain.capture import scans
from snapp.services import lifecycle, masterdata, receiving, reconciliation, stocktake


def test_per_po_and_per_supplier(ctx, company, receive_units):
    receive_units([f"LAP{n:05d}" for n in range(10)])
    lifecycle.move(ctx, "return", ["LAP00000", "LAP00001"], ref="RMA-1")
    lifecycle.move(ctx, "ship", ["LAP00002"])
    add_plain_item(ctx, "CABLE", tracking="none")
    second = approved_po(ctx, "ACME", ("CABLE", 50), ("LAP", 5))
    receiving.receive(ctx, second.number, "CABLE", quantity=20, location="WH-A")
    receiving.receive(ctx, second.number, "LAP", [scans(["LAP10001"])], location="WH-B")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("BETA", "Beta Ltd"))
    idle = approved_po(ctx, "BETA", ("LAP", 3))

    lines = {r.key: r for r in reconciliation.reconcile_pos(ctx)}
    first = lines[company.number]
    assert (first.ordered, first.received, first.serials, first.in_stock, first.returned, first.open) == (100, 10, 10, 7, 2, 90)
    assert first.by_status == {"in_stock": 7, "returned_to_supplier": 2, "shipped": 1}
    assert first.unrecorded == 0
    other = lines[second.number]
    assert (other.ordered, other.received, other.received_by_serial, other.serials, other.in_stock) == (55, 21, 1, 1, 1)
    assert (lines[idle.number].ordered, lines[idle.number].received, lines[idle.number].supplier) == (3, 0, "BETA")
    assert [r.key for r in reconciliation.reconcile_pos(ctx, supplier="BETA")] == [idle.number]
    assert [r.key for r in reconciliation.reconcile_pos(ctx, po=second.number.lower())] == [second.number]

    acme, beta = reconciliation.reconcile_suppliers(ctx)
    assert (acme.key, acme.ordered, acme.received, acme.serials, acme.in_stock, acme.returned) == ("ACME", 155, 31, 11, 8, 2)
    assert (beta.key, beta.ordered, beta.serials) == ("BETA", 3, 0)


def test_a_unit_missing_from_the_ledger_shows_as_unrecorded(db, ctx, company, receive_units):
    receive_units(["LAP00001", "LAP00002"])
    execute(db, "DELETE FROM serial_events WHERE serial_id = (SELECT id FROM serials WHERE serial = 'LAP00002')")
    execute(db, "DELETE FROM serials WHERE serial = 'LAP00002'")
    [line] = reconciliation.reconcile_pos(ctx)
    assert (line.received_by_serial, line.serials, line.unrecorded) == (2, 1, 1)


def test_monthly_accuracy_uses_the_latest_stocktake_of_each_unit(db, ctx, company, receive_units):
    receive_units(["LAP00001", "LAP00002", "LAP00003", "LAP00004"], location="WH-A")
    first = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, first.number, [scans(["LAP00001", "LAP00002"])])
    stocktake.close_stocktake(ctx, first.number)  # 2 matched, 2 missing
    second = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, second.number, [scans(["LAP00001", "LAP00002", "LAP00003"])])
    stocktake.close_stocktake(ctx, second.number)  # LAP00003 found this time; LAP00004 still missing

    today = dt.date.today()
    figure = reconciliation.serial_accuracy(ctx, today)
    assert (figure.units, figure.agreeing, figure.accuracy) == (4, 3, 0.75)
    assert figure.stocktakes == [first.number, second.number]
    assert figure.month == f"{today:%Y-%m}"

    # A stocktake closed in another month does not count for this one.
    execute(db, "UPDATE stocktakes SET closed_at = :at WHERE number = :n", at=dt.datetime(2020, 1, 15), n=second.number)
    assert (reconciliation.serial_accuracy(ctx, today).accuracy) == 0.5
    january = reconciliation.serial_accuracy(ctx, dt.date(2020, 1, 1))
    assert (january.stocktakes, january.units, january.accuracy) == ([second.number], 4, 0.75)
    assert reconciliation.serial_accuracy(ctx, dt.date(2019, 12, 1)).accuracy is None
