"""Every serial status is handled by stocktake and verification on a real ledger, as its meaning says."""

from __future__ import annotations

from snapp_testkit import rows

from snapp.domain.capture import scans
from snapp.domain.statuses import Status, meaning
from snapp.domain.aftersales import Party
from snapp.services import aftersales, customers, exceptions, lifecycle, stocktake, verification

# How a unit received into stock reaches each status (a customer's return: shipped to C-1, then back under an RMA).
PATH = {
    Status.IN_STOCK: None, Status.ISSUED: "issue", Status.IN_REPAIR: "repair", Status.RETURNED_TO_SUPPLIER: "return",
    Status.SHIPPED: "ship", Status.SCRAPPED: "scrap", Status.LOST: "lose", Status.CUSTOMER_RETURN: "customer_return",
    Status.QUARANTINED: "block",
}  # fmt: skip


def bring(ctx, serial: str, action: str | None) -> None:
    if action == "customer_return":
        if not customers.list_customers(ctx):
            customers.add_customer(ctx, customers.CustomerRecord("C-1", "Customer one"))
        lifecycle.move(ctx, "ship", [serial], party=Party(customer="C-1"))
        aftersales.receive_return(ctx, serial, rma=f"RMA-{serial}", customer="C-1", reason="faulty")
    elif action:
        lifecycle.move(ctx, action, [serial])


def test_a_unit_of_every_status_found_on_a_shelf(db, ctx, company, receive_units):
    """Counted at WH-A, where none of them is expected: each unexpected, and apply does what its status allows."""
    assert set(PATH) == set(Status)
    serial = {status: f"ST{n:04d}" for n, status in enumerate(Status, 1)}
    receive_units(list(serial.values()), location="WH-B")
    for status, action in PATH.items():
        bring(ctx, serial[status], action)
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(list(serial.values()))])
    report = stocktake.close_stocktake(ctx, count.number)
    assert sorted(line.serial for line in report.unexpected) == sorted(serial.values())

    kinds = {e.subject: e.kind for e in exceptions.list_exceptions(ctx)}
    assert kinds == {serial[s]: "reappeared" if meaning(s).gone else "stocktake" for s in Status}
    assert {s for s in Status if kinds[serial[s]] == "reappeared"} == {
        Status.SHIPPED, Status.SCRAPPED, Status.RETURNED_TO_SUPPLIER,
    }  # fmt: skip

    applied = stocktake.apply_stocktake(ctx, count.number)
    assert (applied.transferred, applied.found, applied.lost) == (1, 1, 0)  # the unit in stock elsewhere, the lost one
    now = dict(rows(db, "SELECT s.serial, s.status || '@' || COALESCE(l.code, '-') FROM serials s "
                        "LEFT JOIN locations l ON l.id = s.location_id"))  # fmt: skip
    for status in Status:
        back_here = (meaning(status).on_shelf or meaning(status).missing) and status is not Status.QUARANTINED
        stays = f"{status}@WH-B" if meaning(status).on_shelf else f"{status}@-"  # quarantine is a person's to lift
        assert now[serial[status]] == ("in_stock@WH-A" if back_here else stays), status


def test_verification_of_a_unit_of_every_status(db, ctx, company, receive_units):
    serial = {status: f"VS{n:04d}" for n, status in enumerate(Status, 1)}
    receive_units(list(serial.values()))
    for status, action in PATH.items():
        bring(ctx, serial[status], action)
    results = verification.verify(ctx, list(serial.values()))
    verdicts = {r.serial: r.verdict for r in results}
    assert verdicts == {
        serial[Status.IN_STOCK]: "in_stock", serial[Status.ISSUED]: "not_in_stock",
        serial[Status.IN_REPAIR]: "not_in_stock", serial[Status.RETURNED_TO_SUPPLIER]: "reappeared",
        serial[Status.SHIPPED]: "reappeared", serial[Status.SCRAPPED]: "reappeared", serial[Status.LOST]: "reappeared",
        serial[Status.CUSTOMER_RETURN]: "not_in_stock",
        serial[Status.QUARANTINED]: "in_stock",  # ours and on its shelf (a recall holds it there)
    }  # fmt: skip
