"""Items tracked by batch only, on SQLite and PostgreSQL: receipt per batch with expiry (typed or from a GS1 label),
stock per batch and location, first-expiring-first issue, the dashboard's expiry figures, and recall by batch."""

from __future__ import annotations

import datetime as dt

import pytest
from snapp_testkit import approved_po, audit_entries, rows, snapshot

from snapp.domain.batches import Lot, read_label
from snapp.domain.capture import scans
from snapp.errors import NotFound, ValidationError
from snapp.services import batches, dashboard, masterdata, receiving, recall

TODAY = dt.date.today()
GTIN = "09506000134376"


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def label(batch: str, expiry: dt.date, count: int | None = None, ai: str = "30") -> str:
    return f"(01){GTIN}(10){batch}(17){expiry:%y%m%d}" + (f"({ai}){count}" if count is not None else "")


@pytest.fixture
def gauze(ctx, company):
    """GAUZE, tracked by batch, ordered 1000 on an approved PO (its number returned)."""
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "无菌纱布 sterile gauze", gtin=GTIN[1:], tracking="batch",
                                                   supplier="ACME"))  # fmt: skip
    return approved_po(ctx, "ACME", ("GAUZE", 1000)).number


def stock_of(ctx) -> list[tuple[str, dt.date | None, str, int]]:
    return [(r.batch, r.expiry, r.location, r.quantity) for r in batches.stock(ctx, "GAUZE")]


def batch_state(db) -> dict:
    return {**snapshot(db), "batch_stock": rows(db, "SELECT id, quantity FROM batch_stock ORDER BY id"),
            "batch_moves": rows(db, "SELECT COUNT(*) FROM batch_moves")}  # fmt: skip


def refused(call, *args, **kwargs) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return [(p.reason, str(p.message)) for p in caught.value.problems]


# --- receiving ----------------------------------------------------------------------------------


def test_a_typed_lot_is_received_into_stock_per_batch_and_location(db, ctx, gauze):
    first = receiving.receive(ctx, gauze, "GAUZE", lot=Lot("L1", days(90), 100), location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("L1", days(90), 50), location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("L1", days(90), 30), location="WH-B")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("ｌ2", days(30), 20), location="WH-A")  # full width folds

    assert (first.quantity, first.batch, first.expiry) == (100, "L1", days(90))
    assert stock_of(ctx) == [("l2", days(30), "WH-A", 20), ("L1", days(90), "WH-A", 150), ("L1", days(90), "WH-B", 30)]
    assert rows(db, "SELECT received FROM po_lines WHERE item_id = (SELECT id FROM items WHERE sku = 'GAUZE')") == [(200,)]
    assert rows(db, "SELECT COUNT(*), SUM(quantity) FROM batch_moves WHERE action = 'receive'") == [(4, 200)]
    entry = [e for e in audit_entries(db) if e.action == "receipt.post"][0]
    assert entry.after["batch"] == "L1" and entry.after["expiry"] == days(90).isoformat()


def test_a_gs1_label_gives_batch_expiry_and_count(db, ctx, gauze):
    lot = read_label(label("LOT42", days(200), 25))
    assert lot == Lot("LOT42", days(200), 25, GTIN)
    receiving.receive(ctx, gauze, "GAUZE", lot=lot, location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=read_label(label("LOT42", days(200), 5, ai="37")), location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=read_label(label("LOT43", days(300)), quantity=7), location="WH-A")
    assert stock_of(ctx) == [("LOT42", days(200), "WH-A", 30), ("LOT43", days(300), "WH-A", 7)]


def test_hostile_labels_are_refused_saying_why():
    assert refused(read_label, f"(01){GTIN}(21)SN0001") == [
        ("serial", "the label names a unit (serial SN0001), not a batch: this item is tracked by batch")
    ]
    assert refused(read_label, f"(01){GTIN}(17){days(9):%y%m%d}(30)5")[0][0] == "batch"
    assert refused(read_label, f"(01){GTIN}(10)L1(17)271399(30)5")[0][0] == "label"  # month 13
    assert refused(read_label, label("L1", days(9), 5), quantity=6) == [
        ("quantity", "the quantity typed (6) is not the label's count (5)")
    ]


@pytest.mark.parametrize(
    "lot, reason",
    [
        (Lot("L1", days(90), 0), "quantity"),
        (Lot("L1", days(90), -5), "quantity"),
        (Lot("L1", days(90), None), "quantity"),
        (Lot("L1", days(-1), 10), "expiry"),  # expired yesterday
        (Lot("", days(90), 10), "batch"),
        (Lot("L" * 21, days(90), 10), "batch"),
        (Lot("L 1", days(90), 10), "batch"),
        (Lot("L1", days(90), 100_000_000), "quantity"),
    ],
)
def test_a_bad_lot_is_refused_and_nothing_is_written(db, ctx, gauze, lot, reason):
    before = batch_state(db)
    assert [r for r, _ in refused(receiving.receive, ctx, gauze, "GAUZE", lot=lot, location="WH-A")] == [reason]
    assert batch_state(db) == before


def test_a_batch_item_is_not_received_as_serials_nor_without_its_batch(db, ctx, gauze):
    before = batch_state(db)
    assert refused(receiving.receive, ctx, gauze, "GAUZE", [scans(["SN000001"])], location="WH-A") == [
        ("serials", "GAUZE is not tracked by serial; give a quantity")
    ]
    assert refused(receiving.receive, ctx, gauze, "GAUZE", quantity=10, location="WH-A")[0][0] == "batch"
    other_item = read_label("(01)09506000134352(10)L1(17)301231(30)5")  # the laptop's GTIN
    assert refused(receiving.receive, ctx, gauze, "GAUZE", lot=other_item, location="WH-A") == [
        ("gtin", "the label is for GTIN 09506000134352, not for GAUZE")
    ]
    # The floor client's one-scan judge says the same of a batch item scanned as a serial.
    verdict = receiving.judge_scan(ctx, gauze, "SN000001", "GAUZE")
    assert not verdict.ok and "not tracked by serial" in verdict.message
    assert batch_state(db) == before


def test_serial_items_are_received_as_before_and_refuse_a_lot(db, ctx, gauze, company):
    assert refused(receiving.receive, ctx, company.number, "LAP", lot=Lot("L1", days(9), 1), location="WH-A") == [
        ("batch", "LAP is tracked by serial, not by batch")
    ]
    record = receiving.receive(ctx, company.number, "LAP", [scans(["SN000001"])], location="WH-A")
    assert (record.quantity, record.batch) == (1, None)
    assert rows(db, "SELECT COUNT(*) FROM batch_stock") == [(0,)]


def test_one_batch_has_one_expiry(db, ctx, gauze):
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("L1", days(90), 10), location="WH-A")
    before = batch_state(db)
    assert refused(receiving.receive, ctx, gauze, "GAUZE", lot=Lot("L1", days(91), 10), location="WH-B") == [
        ("expiry", f"batch L1 was received before with expiry {days(90).isoformat()}: one batch has one expiry")
    ]
    assert batch_state(db) == before


# --- issue ------------------------------------------------------------------------------------------


@pytest.fixture
def shelves(db, ctx, gauze):
    """LATE (200 days) 40 at WH-A; SOON (20 days) 10 at WH-A and 5 at WH-B; OLD 8 at WH-A, expired since."""
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("LATE", days(200), 40), location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("SOON", days(20), 10), location="WH-A")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("SOON", days(20), 5), location="WH-B")
    receiving.receive(ctx, gauze, "GAUZE", lot=Lot("OLD", days(5), 8), location="WH-A")
    return gauze


def take(result) -> list[tuple[str, str, int]]:
    return [(t.batch, t.location, t.quantity) for t in result.takes]


def test_issue_suggests_and_takes_the_first_expiring_unexpired_stock_first(db, ctx, shelves):
    later = days(10)  # OLD has expired by then
    plan = batches.plan_issue(ctx, "GAUZE", 20, today=later)
    assert take(plan) == [("SOON", "WH-A", 10), ("SOON", "WH-B", 5), ("LATE", "WH-A", 5)] and plan.short == 0
    assert batches.plan_issue(ctx, "GAUZE", 100, today=later).short == 45

    done = batches.issue(ctx, "GAUZE", 20, to="ward 3", today=later)
    assert take(done) == take(plan) and done.advice == []
    assert [(r.batch, r.location, r.quantity) for r in batches.stock(ctx, "GAUZE")] == [
        ("OLD", "WH-A", 8), ("LATE", "WH-A", 35)
    ]
    entry = audit_entries(db)[-1]
    assert (entry.action, entry.after["to"], len(entry.after["takes"])) == ("batch.issue", "ward 3", 3)


def test_a_named_batch_is_issued_with_advice_when_an_earlier_one_waits(db, ctx, shelves):
    done = batches.issue(ctx, "GAUZE", 3, batch="LATE", to="ward 1")
    assert take(done) == [("LATE", "WH-A", 3)]
    [advice] = done.advice
    assert advice.code == "batch_qty.earlier" and advice.args["batch"] == "OLD"
    done = batches.issue(ctx, "GAUZE", 2, batch="SOON", location="WH-B")
    assert take(done) == [("SOON", "WH-B", 2)]
    done = batches.issue(ctx, "GAUZE", 3, location="WH-B")  # first-expiring, from that shelf only
    assert take(done) == [("SOON", "WH-B", 3)]
    assert refused(batches.issue, ctx, "GAUZE", 1, location="WH-B")[0][0] == "quantity"  # that shelf is empty now


def test_issue_refuses_expired_short_and_bad_quantities_and_writes_nothing(db, ctx, shelves):
    later = days(10)
    before = batch_state(db)
    assert refused(batches.issue, ctx, "GAUZE", 1, batch="OLD", today=later) == [
        ("expired", f"batch OLD expired on {days(5).isoformat()}: it cannot be issued")
    ]
    assert refused(batches.issue, ctx, "GAUZE", 56, today=later) == [
        ("quantity", "56 of GAUZE asked, but only 55 in unexpired stock")
    ]
    for bad in (0, -3):
        assert refused(batches.issue, ctx, "GAUZE", bad)[0][0] == "quantity"
    with pytest.raises(NotFound):
        batches.issue(ctx, "GAUZE", 1, batch="NOPE")
    assert refused(batches.issue, ctx, "LAP", 1) == [("tracking", "LAP is tracked by serial, not by batch")]
    assert batch_state(db) == before


# --- expiry and recall ------------------------------------------------------------------------------


def test_expired_and_expiring_batch_stock_shows_on_the_dashboard(db, ctx, shelves):
    now = dashboard.summary(ctx, today=days(10))
    assert (now.expired, now.expiring) == (8, 15)  # OLD expired; SOON within 30 days; LATE not yet
    assert dashboard.summary(ctx).expiring == 8 + 15
    expiring = batches.stock(ctx, expiring_within=30, today=days(10))
    assert [(r.batch, r.days_left) for r in expiring] == [("OLD", -5), ("SOON", 10), ("SOON", 10)]


def test_a_recall_by_batch_says_where_every_piece_went(db, ctx, shelves):
    batches.issue(ctx, "GAUZE", 12, batch="SOON", to="ward 3")
    traced = recall.trace(ctx, recall.Recall(supplier="ACME", batch="SOON"))
    flows = [(f.where, f.place, f.quantity) for f in traced.quantities]
    receipts = [place for where, place, _ in flows if where == "received"]
    assert [(w, q) for w, _, q in flows if w == "received"] == [("received", 10), ("received", 5)]
    assert all(shelves in place for place in receipts)
    assert [(w, p, q) for w, p, q in flows if w != "received"] == [
        ("in_stock", "WH-B", 3), ("issued", "ward 3", 12)
    ]
    assert traced.total == 0  # no serial unit is named
    assert {f.batch for f in recall.trace(ctx, recall.Recall(po=shelves)).quantities} == {"LATE", "SOON", "OLD"}
    assert recall.trace(ctx, recall.Recall(supplier="NOBODY")).quantities == []


def raced_lot(pg_url: str, request, pieces: int):
    """A PostgreSQL database of its own (races need real connections) holding ``pieces`` of GAUZE's lot RACE at WH-A."""
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade
    from snapp.services.auth import create_first_admin

    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    ctx = create_first_admin(db, "admin", "admin password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "gauze", tracking="batch"))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))
    po = approved_po(ctx, "ACME", ("GAUZE", pieces)).number
    receiving.receive(ctx, po, "GAUZE", lot=Lot("RACE", days(60), pieces), location="WH-A")
    return db, ctx


@pytest.mark.postgres
def test_two_issues_racing_for_the_last_pieces_on_postgresql_one_wins_the_other_is_told(pg_url, request):
    """Both queue on the batch's stock row; the first takes 10 of 15, the second then sees 5 and is refused whole."""
    import threading

    from test_concurrency import _hold_rows, _wait_for_queue

    db, ctx = raced_lot(pg_url, request, 15)
    holder, pid = _hold_rows(db, "batch_stock", "batch = :b", {"b": "RACE"})
    outcome: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            outcome[name] = batches.issue(ctx, "GAUZE", 10, to=name)
        except Exception as err:  # asserted below
            outcome[name] = err

    threads = {name: threading.Thread(target=run, args=(name,)) for name in ("first", "second")}
    try:
        threads["first"].start()
        _wait_for_queue(db, pid, 1)
        threads["second"].start()
        _wait_for_queue(db, pid, 2)
    finally:
        holder.rollback()
        holder.close()
    for thread in threads.values():
        thread.join(60)
    assert isinstance(outcome["first"], batches.BatchIssue), outcome["first"]
    refusal = outcome["second"]
    assert isinstance(refusal, ValidationError) and "only 5 in unexpired stock" in str(refusal.problems[0])
    assert rows(db, "SELECT quantity FROM batch_stock") == [(5,)]
    assert rows(db, "SELECT ref, quantity FROM batch_moves WHERE action = 'issue'") == [("first", 10)]


def test_the_recall_excel_has_a_sheet_of_where_the_batch_quantities_went(db, ctx, shelves, tmp_path):
    import openpyxl

    from snapp.services import exports

    batches.issue(ctx, "GAUZE", 12, batch="SOON", to="=HYPERLINK(\"http://evil\")")
    exports.export_recall(ctx, tmp_path / "recall.xlsx", recall.Recall(batch="SOON"))
    book = openpyxl.load_workbook(tmp_path / "recall.xlsx")
    assert book.sheetnames == ["Recall", "History", "Batch quantities", "About"]
    sheet = book["Batch quantities"]
    assert [c.value for c in sheet[1]][:5] == ["SKU", "Item", "Batch", "Expiry", "Where"]
    found = [(r[4].value, r[5].value, r[6].value) for r in sheet.iter_rows(min_row=2)]
    assert [where for where, _, _ in found] == ["received", "received", "in stock", "issued"]
    assert found[2:] == [("in stock", "WH-B", 3), ("issued", '=HYPERLINK("http://evil")', 12)]
    assert sheet.cell(5, 6).data_type == "s"  # a value, never a formula
    # Without batch items named, the workbook is as before.
    exports.export_recall(ctx, tmp_path / "units.xlsx", recall.Recall(sku="LAP"))
    assert openpyxl.load_workbook(tmp_path / "units.xlsx").sheetnames == ["Recall", "History", "About"]
