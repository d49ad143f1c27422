"""Stocktake on a real ledger: the five outcomes, apply and its reversal, files of scans, two PCs at once."""

from __future__ import annotations

import threading

import openpyxl
import pytest
from snapp_testkit import audit_entries, last_audit_id, rows, scalar, snapshot

from snapp.domain.capture import paste, scans
from snapp.domain.scan import ScannerProfile
from snapp.errors import IllegalTransition, NotFound, PermissionDenied, ValidationError
from snapp.io.serial_files import read_serial_file
from snapp.services import exceptions, lifecycle, stocktake
from snapp.services.base import Context

GTIN = "09506000134352"


def unit(db, serial: str) -> tuple[str, str | None]:
    [(status, location)] = rows(
        db, "SELECT s.status, l.code FROM serials s LEFT JOIN locations l ON l.id = s.location_id WHERE s.serial = :s",
        s=serial,
    )  # fmt: skip
    return status, location


@pytest.fixture
def shelves(ctx, company, receive_units):
    """WH-A should hold AA0001..AA0005; BB0001 and BB0002 sit in WH-B; SHIP01 was shipped."""
    receive_units(["AA0001", "AA0002", "AA0003", "AA0004", "AA0005", "SHIP01"], location="WH-A")
    receive_units(["BB0001", "BB0002"], location="WH-B")
    lifecycle.move(ctx, "ship", ["SHIP01"], ref="DN-1")
    return company


def serials(lines: list[stocktake.StocktakeLine]) -> list[str]:
    return [line.serial for line in lines]


def test_all_five_outcomes(db, ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    assert (count.number, count.location, count.status) == (f"CT-{count.started_at:%Y}-000001", "WH-A", "open")
    first = stocktake.scan(ctx, count.number, [scans(["AA0001", f"]d201{GTIN}21AA0002", "AA0003", "AA0001"])])
    assert (first.accepted, first.repeated, first.problems) == (4, 1, [])
    # Paused and resumed later, from a pasted list: a wrong-location unit, a shipped one, an unknown one, a bad scan.
    second = stocktake.scan(ctx, count.number, [paste("BB0001\nSHIP01\nGHOST-9\nAA#0004\nAA0003\n")])
    assert (second.accepted, second.repeated) == (4, 1)
    [problem] = second.problems
    assert (problem.position, problem.reason) == ("line 4", "bad_characters")

    report = stocktake.close_stocktake(ctx, count.number)
    assert report.status == "closed"
    assert serials(report.matched) == ["AA0001", "AA0002", "AA0003"]
    assert serials(report.missing) == ["AA0004", "AA0005"]
    assert [(x.serial, x.recorded_status, x.recorded_location) for x in report.unexpected] == [
        ("BB0001", "in_stock", "WH-B"), ("SHIP01", "shipped", None),
    ]  # fmt: skip
    assert serials(report.unknown) == ["GHOST-9"]
    assert [(x.serial, x.scans) for x in report.scanned_twice] == [("AA0001", 2), ("AA0003", 2)]
    assert report.accuracy == pytest.approx(3 / 7)
    assert report.figures == {"matched": 3, "missing": 2, "unexpected": 2, "unknown": 1, "scanned_twice": 2,
                              "accuracy": pytest.approx(3 / 7)}  # fmt: skip

    opened = {(e.subject, e.kind) for e in exceptions.list_exceptions(ctx)}
    assert opened == {("2 units missing", "stocktake"), ("BB0001", "stocktake"), ("SHIP01", "reappeared"),
                      ("GHOST-9", "stocktake")}  # fmt: skip
    # Closed means frozen: the report reads the same after the ledger moves on.
    lifecycle.move(ctx, "issue", ["AA0001"])
    assert stocktake.stocktake_report(ctx, count.number) == report
    assert [a.action for a in audit_entries(db) if a.entity == "count"] == [
        "count.start", "count.scan", "count.scan", "count.close",
    ]  # fmt: skip


def test_an_open_stocktake_reports_provisional_figures(ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["AA0001"])])
    report = stocktake.stocktake_report(ctx, count.number)
    assert report.status == "open"
    assert (len(report.matched), len(report.missing)) == (1, 4)
    [summary] = stocktake.list_stocktakes(ctx)
    assert (summary.number, summary.units_scanned, summary.scans) == (count.number, 1, 1)


def test_apply_moves_and_marks_lost_and_is_reversible(db, ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["AA0001", "AA0002", "AA0003", "BB0001", "SHIP01"])])
    stocktake.close_stocktake(ctx, count.number)
    audit = last_audit_id(db)

    result = stocktake.apply_stocktake(ctx, count.number)
    assert (result.transferred, result.found, result.lost) == (1, 0, 2)
    assert [(x.serial, x.recorded_status) for x in result.left] == [("SHIP01", "shipped")]
    assert unit(db, "BB0001") == ("in_stock", "WH-A")
    assert unit(db, "AA0004") == ("lost", None) and unit(db, "AA0005") == ("lost", None)
    assert rows(db, "SELECT e.action, e.from_status, e.to_status, e.ref, e.note FROM serial_events e "
                    "JOIN serials s ON s.id = e.serial_id WHERE s.serial = 'AA0004' ORDER BY e.id") == [
        ("receive", None, "in_stock", rows(db, "SELECT number FROM receipts ORDER BY id")[0][0], None),
        ("lose", "in_stock", "lost", count.number, "stocktake"),
    ]  # fmt: skip
    [entry] = audit_entries(db, audit)
    assert (entry.action, entry.entity_key, entry.after["lost"], entry.after["transferred"]) == (
        "count.apply", count.number, 2, 1,
    )  # fmt: skip
    # The exceptions it settled are resolved; the shipped unit still needs a person.
    assert {e.subject for e in exceptions.list_exceptions(ctx)} == {"SHIP01"}
    resolved = exceptions.list_exceptions(ctx, "resolved")
    assert {e.subject for e in resolved} == {"2 units missing", "BB0001"}
    assert all(e.resolution == f"stocktake {count.number} applied" for e in resolved)
    with pytest.raises(IllegalTransition, match="is Applied; cannot apply it"):
        stocktake.apply_stocktake(ctx, count.number)

    # The reversal: a lost unit turns up and is marked found; the moved one goes back.
    lifecycle.move(ctx, "found", ["AA0004"], to="WH-A")
    lifecycle.move(ctx, "transfer", ["BB0001"], to="WH-B")
    assert unit(db, "AA0004") == ("in_stock", "WH-A") and unit(db, "BB0001") == ("in_stock", "WH-B")


def test_a_lost_unit_scanned_in_a_later_stocktake_is_found_by_apply(db, ctx, shelves):
    lifecycle.move(ctx, "lose", ["AA0005"])
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["AA0001", "AA0002", "AA0003", "AA0004", "AA0005"])])
    report = stocktake.close_stocktake(ctx, count.number)
    assert [(x.serial, x.recorded_status) for x in report.unexpected] == [("AA0005", "lost")]
    result = stocktake.apply_stocktake(ctx, count.number)
    assert (result.transferred, result.found, result.lost) == (0, 1, 0)
    assert unit(db, "AA0005") == ("in_stock", "WH-A")


def test_apply_refuses_if_a_unit_moved_since_closing(db, ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.scan(ctx, count.number, [scans(["AA0001", "AA0002", "AA0003", "AA0004", "BB0001"])])
    stocktake.close_stocktake(ctx, count.number)
    lifecycle.move(ctx, "ship", ["AA0005"])
    before = snapshot(db)
    with pytest.raises(ValidationError) as refused:
        stocktake.apply_stocktake(ctx, count.number)
    assert snapshot(db) == before
    [problem] = refused.value.problems
    assert problem.value == "AA0005" and "now Shipped" in problem.message


def test_scans_go_into_open_stocktakes_only(ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    stocktake.close_stocktake(ctx, count.number)
    with pytest.raises(IllegalTransition, match="is Closed"):
        stocktake.scan(ctx, count.number, [scans(["AA0001"])])
    with pytest.raises(IllegalTransition, match="is Closed; cannot close it"):
        stocktake.close_stocktake(ctx, count.number)
    with pytest.raises(NotFound):
        stocktake.scan(ctx, "CT-1999-000009", [scans(["AA0001"])])


def test_scans_from_an_excel_file_and_a_csv(tmp_path, ctx, shelves):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Serial", "Note"])
    for serial in ("AA0001", "AA0002", "AA0002"):
        sheet.append([serial, "shelf 3"])
    sheet.append([12345678901234567, "damaged by Excel"])
    book.save(tmp_path / "count.xlsx")
    (tmp_path / "count.csv").write_text("序列号\nAA0003\nAA0004\n", encoding="utf-8-sig")
    count = stocktake.start_stocktake(ctx, "WH-A")
    batch = stocktake.scan(
        ctx, count.number, [read_serial_file(tmp_path / "count.xlsx"), read_serial_file(tmp_path / "count.csv")]
    )
    assert (batch.accepted, batch.repeated) == (5, 1)
    [problem] = batch.problems
    assert (problem.position, problem.reason) == ("cell A5", "excel_rounded")
    report = stocktake.close_stocktake(ctx, count.number)
    assert serials(report.matched) == ["AA0001", "AA0002", "AA0003", "AA0004"]


def test_scanner_profile_and_caps_lock_in_a_stocktake(ctx, shelves):
    count = stocktake.start_stocktake(ctx, "WH-A")
    batch = stocktake.scan(ctx, count.number, [scans([f"]d201{GTIN}21AA0001\r", f"]D201{GTIN}21aa0002\r"])],
                           profile=ScannerProfile(prefix=True))  # fmt: skip
    assert (batch.accepted, batch.problems) == (2, [])
    assert any("Caps Lock" in w for w in batch.warnings)
    assert serials(stocktake.stocktake_report(ctx, count.number).matched) == ["AA0001", "AA0002"]


def test_a_stocktake_of_every_location(db, ctx, shelves):
    count = stocktake.start_stocktake(ctx)
    assert count.location is None
    stocktake.scan(ctx, count.number, [scans(["AA0001", "BB0001", "SHIP01"])])
    report = stocktake.close_stocktake(ctx, count.number)
    assert serials(report.matched) == ["AA0001", "BB0001"]
    assert serials(report.missing) == ["AA0002", "AA0003", "AA0004", "AA0005", "BB0002"]
    assert serials(report.unexpected) == ["SHIP01"]
    result = stocktake.apply_stocktake(ctx, count.number)
    assert (result.transferred, result.lost, serials(result.left)) == (0, 5, ["SHIP01"])


def test_counting_needs_the_stocktake_permission(ctx, shelves, as_user):
    auditor = as_user("audrey", "auditor")
    with pytest.raises(PermissionDenied):
        stocktake.start_stocktake(auditor, "WH-A")
    count = stocktake.start_stocktake(as_user("wang", "warehouse"), "WH-A")
    assert stocktake.stocktake_report(auditor, count.number).status == "open"


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_scanners_at_once_lose_no_scan(db, ctx, shelves, as_user):
    """Two PCs scan overlapping units into one stocktake at the same moment, in many small batches."""
    count = stocktake.start_stocktake(ctx, "WH-A")
    pcs = [as_user("pc.one", "warehouse"), as_user("pc.two", "warehouse")]
    plan = {
        0: ["AA0001", "AA0002", "AA0003", "GHOST-1"] * 15,
        1: ["AA0003", "AA0002", "AA0001", "GHOST-1", "BB0001"] * 12,
    }
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def run(i: int, pc: Context) -> None:
        try:
            start.wait(10)
            for k in range(0, len(plan[i]), 2):
                stocktake.scan(pc, count.number, [scans(plan[i][k : k + 2])])
        except BaseException as err:  # reported below
            failures.append(err)

    threads = [threading.Thread(target=run, args=(i, pc)) for i, pc in enumerate(pcs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures and not any(t.is_alive() for t in threads)
    entries = dict(rows(db, "SELECT serial, scans FROM stocktake_entries"))
    assert entries == {"AA0001": 27, "AA0002": 27, "AA0003": 27, "GHOST-1": 27, "BB0001": 12}
    report = stocktake.close_stocktake(ctx, count.number)
    assert report.figures["matched"] == 3 and report.figures["unknown"] == 1 and report.figures["unexpected"] == 1
    assert scalar(db, "SELECT SUM(scans) FROM stocktake_entries") == len(plan[0]) + len(plan[1])


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_closing_while_another_pc_scans_loses_no_scan(db, ctx, shelves, as_user):
    """Every scan either lands in the closed stocktake or is refused as late; none is accepted and then left out."""
    count = stocktake.start_stocktake(ctx, "WH-A")
    pc = as_user("pc.one", "warehouse")
    accepted = 0
    late: list[IllegalTransition] = []
    scanning = threading.Event()

    def scan_until_closed() -> None:
        nonlocal accepted
        for n in range(2000):
            try:
                accepted += stocktake.scan(pc, count.number, [scans(["AA0001", f"EXTRA-{n}"])]).accepted
            except IllegalTransition as err:
                late.append(err)
                return
            scanning.set()

    thread = threading.Thread(target=scan_until_closed)
    thread.start()
    assert scanning.wait(30)
    report = stocktake.close_stocktake(ctx, count.number)
    thread.join(60)
    assert not thread.is_alive() and len(late) == 1 and "is Closed" in str(late[0])
    counted = sum(line.scans for line in report.matched + report.unexpected + report.unknown)
    assert counted == accepted > 0
