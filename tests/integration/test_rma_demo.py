"""The demo company opens the service desk's screen on work: customers, shipments to them, a return waiting for
inspection, a swap, and units at suppliers, one overdue (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from snapp.services import aftersales, customers, demo, lookup


def test_the_demo_has_customers_holding_units_and_after_sales_work_in_progress(db, ctx):
    demo.build_demo(ctx, serials=300, team_password="demo password 1")
    codes = [c.code for c in customers.list_customers(ctx)]
    assert codes == sorted(c.code for c in demo.CUSTOMERS)
    held = {code: aftersales.customer_units(ctx, code) for code in codes}
    assert all(held.values())  # every customer has units, each with its customer warranty
    assert all(unit.warranty_end is not None for units in held.values() for unit in units)

    [waiting] = aftersales.list_returns(ctx)  # open: the laptop waits for inspection
    assert (waiting.number, waiting.sku, waiting.status) == ("RMA-2026-0031", "LAP-T14", "open")
    [card] = [c for c in lookup.find_serial(ctx, waiting.serial) if c.sku == "LAP-T14"]
    assert card.status == "customer_return" and card.open_rma == "RMA-2026-0031"
    [swapped] = aftersales.list_returns(ctx, "resolved")
    assert swapped.resolution == "replace" and swapped.replacement and swapped.customer != waiting.customer

    [late] = aftersales.list_supplier_rmas(ctx, overdue=True)
    assert (late.number, late.supplier, late.sku) == ("NWN-RMA-5521", "NWN", "SW-48P")
    assert late.expected_on == dt.date.today() - dt.timedelta(days=6)
    assert [r.number for r in aftersales.list_supplier_rmas(ctx)] == ["NWN-RMA-5521", "BY-RMA-0192"]
    assert [r.number for r in aftersales.alerts(ctx).overdue] == ["NWN-RMA-5521"]


def test_the_demo_is_the_same_company_each_time(tmp_path):
    from snapp.db.engine import sqlite_url
    from snapp.db.schema import open_database
    from snapp.services.auth import create_first_admin

    def story(name: str) -> tuple:
        db = open_database(sqlite_url(tmp_path / name))
        try:
            ctx = create_first_admin(db, "admin", "demo password 1")
            demo.build_demo(ctx, serials=300, team_password="demo password 1")
            returns = [(r.number, r.serial, r.customer, r.replacement) for r in aftersales.list_returns(ctx, None)]
            at_suppliers = [(r.number, r.serial) for r in aftersales.list_supplier_rmas(ctx, None)]
            held = [[u.serial for u in aftersales.customer_units(ctx, c.code)] for c in demo.CUSTOMERS]
            return returns, at_suppliers, held
        finally:
            db.dispose()

    assert story("one.db") == story("two.db")
