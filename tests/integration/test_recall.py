"""Recall and trace: a supplier's batch spread over stock, issued, shipped and in-repair units; block and release."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from snapp_testkit import audit_entries, last_audit_id, rows

from snapp.domain.capture import scans
from snapp.errors import NotFound, PermissionDenied, ValidationError
from snapp.services import exports, lifecycle, lookup, printing, receiving
from snapp.services.expiry import expiring
from snapp.services.recall import Recall, block, release, trace
from tests import pdfkit

GTIN = "09506000134352"  # the company fixture's LAP


def gs1(serial: str, batch: str, expiry: str) -> str:
    return f"(01){GTIN}(17){expiry}(10){batch}(21){serial}"


@pytest.fixture
def recalled(ctx, company):
    """Eight units of batch LOT42 (expiry 2027-03-31) spread over every place, two of LOT43, two without a batch."""
    lot42 = [gs1(f"RC{n:04d}", "LOT42", "270331") for n in range(1, 9)]
    lot43 = [gs1(f"RC{n:04d}", "LOT43", "261231") for n in range(9, 11)]
    receiving.receive(ctx, company.number, "LAP", [scans([*lot42, *lot43, "RC0011", "RC0012"])], location="WH-A")
    lifecycle.move(ctx, "issue", ["RC0001", "RC0002"], ref="Dr. Wang, ward 3", note="for surgery")
    lifecycle.move(ctx, "ship", ["RC0003", "RC0004"], ref="北京协和医院")
    lifecycle.move(ctx, "repair", ["RC0005"], ref="RMA-77")
    lifecycle.move(ctx, "transfer", ["RC0006"], to="WH-B")
    lifecycle.move(ctx, "issue", ["RC0009"], ref="=HYPERLINK(\"http://evil\")")
    return Recall(supplier="ACME", batch="LOT42")


def statuses(db, *serials: str) -> dict[str, tuple[str, str | None]]:
    found = rows(db, "SELECT s.serial, s.status, l.code FROM serials s LEFT JOIN locations l ON l.id = s.location_id")
    return {serial: (status, location) for serial, status, location in found if serial in serials}


def test_a_batch_recall_finds_every_unit_where_it_is_and_who_has_it(ctx, recalled):
    traced = trace(ctx, recalled)
    assert traced.total == 8
    assert [(g.status, g.location, g.count) for g in traced.groups] == [
        ("in_stock", "WH-A", 2), ("in_stock", "WH-B", 1), ("issued", None, 2), ("in_repair", None, 1),
        ("shipped", None, 2),
    ]  # fmt: skip
    by_serial = {u.serial: u for u in traced.units}
    assert [u.serial for u in traced.units] == ["RC0007", "RC0008", "RC0006", "RC0001", "RC0002", "RC0005", "RC0003",
                                                "RC0004"]  # fmt: skip
    assert (by_serial["RC0001"].holder, by_serial["RC0001"].note, by_serial["RC0001"].last_move) == (
        "Dr. Wang, ward 3", "for surgery", "issue")
    assert by_serial["RC0003"].holder == "北京协和医院"
    assert by_serial["RC0005"].holder == "RMA-77"
    assert by_serial["RC0006"].holder is None  # on a shelf: nobody has it
    assert {(u.batch, u.expiry, u.po) for u in traced.units} == {("LOT42", dt.date(2027, 3, 31), recalled_po(ctx))}


def recalled_po(ctx) -> str:
    return lookup.find_serial(ctx, "RC0001")[0].po


@pytest.mark.parametrize(
    ("recall", "expected"),
    [
        (Recall(batch="LOT43"), {"RC0009", "RC0010"}),
        (Recall(serials=("RC0011", "rc0012", gs1("RC0010", "LOT43", "261231"))), {"RC0010", "RC0011", "RC0012"}),
        (Recall(sku="LAP", received_from=dt.date(2000, 1, 1), received_to=dt.date(2000, 12, 31)), set()),
        (Recall(supplier="ACME", batch="LOT42", serials=("RC0001", "RC0009")), {"RC0001"}),
    ],
    ids=["batch", "serials", "dates outside", "criteria narrow one another"],
)
def test_each_kind_of_recall(ctx, recalled, recall, expected):
    assert {u.serial for u in trace(ctx, recall).units} == expected


def test_a_recall_by_po_and_by_item_and_dates(ctx, recalled):
    today = dt.datetime.now(dt.UTC).date()
    assert trace(ctx, Recall(po=recalled_po(ctx))).total == 12
    assert trace(ctx, Recall(sku="LAP", received_from=today - dt.timedelta(days=1), received_to=today)).total == 12


def test_a_recall_must_name_something_and_every_serial_it_lists(ctx, recalled):
    with pytest.raises(ValidationError) as info:
        trace(ctx, Recall())
    assert "say what the recall names" in str(info.value)
    with pytest.raises(ValidationError) as info:
        trace(ctx, Recall(serials=("RC0001", "NOSUCH99", "'; DROP TABLE serials; --")))
    assert [(str(p.position), p.value, p.reason) for p in info.value.problems] == [
        ("serial 2", "NOSUCH99", "not_found"), ("serial 3", "'; DROP TABLE serials; --", "bad_characters")]
    with pytest.raises(ValidationError) as info:
        trace(ctx, Recall(sku="LAP", received_from=dt.date(2026, 2, 1), received_to=dt.date(2026, 1, 1)))
    assert "before the start" in str(info.value)


def test_block_quarantines_the_stock_only_and_release_puts_it_back_where_it_stood(db, ctx, recalled):
    before = last_audit_id(db)
    blocked = block(ctx, recalled, note="FSCA 2026-11 from ACME")
    assert (blocked.count, blocked.left) == (3, {"in_repair": 1, "issued": 2, "shipped": 2})
    assert statuses(db, "RC0006", "RC0007", "RC0008", "RC0001", "RC0009") == {
        "RC0006": ("quarantined", "WH-B"), "RC0007": ("quarantined", "WH-A"), "RC0008": ("quarantined", "WH-A"),
        "RC0001": ("issued", None), "RC0009": ("issued", None),
    }  # fmt: skip
    # Quarantined: on the shelf, but neither issued nor shipped.
    for action in ("issue", "ship", "transfer"):
        with pytest.raises(ValidationError) as info:
            lifecycle.move(ctx, action, ["RC0007"], to="WH-B" if action == "transfer" else None)
        assert "Quarantined" in info.value.problems[0].message
    [entry] = [e for e in audit_entries(db, before) if e.action == "recall.block"]
    assert entry.after["criteria"] == {"supplier": "ACME", "batch": "LOT42"}
    assert (entry.after["units"], entry.after["note"]) == (3, "FSCA 2026-11 from ACME")
    events = rows(db, "SELECT e.action, e.ref, e.note, l.code FROM serial_events e JOIN serials s ON s.id = e.serial_id "
                      "LEFT JOIN locations l ON l.id = e.to_location_id WHERE s.serial = 'RC0006' ORDER BY e.id")
    assert events[-1] == ("block", "recall LOT42", "FSCA 2026-11 from ACME", "WH-B")
    # Blocking again finds nothing more in stock; it moves nothing and says what it left.
    assert block(ctx, recalled).count == 0

    released = release(ctx, recalled, note="cleared by QA")
    assert (released.count, released.left["issued"]) == (3, 2)
    assert statuses(db, "RC0006", "RC0007") == {"RC0006": ("in_stock", "WH-B"), "RC0007": ("in_stock", "WH-A")}
    assert [e.action for e in audit_entries(db, before) if e.action.startswith("recall.")] == [
        "recall.block", "recall.block", "recall.release"]
    lifecycle.move(ctx, "issue", ["RC0007"], ref="after release")  # issuable again


def test_a_quarantined_unit_can_be_returned_to_its_supplier(db, ctx, recalled):
    block(ctx, recalled)
    lifecycle.move(ctx, "return", ["RC0007", "RC0008"], ref="RMA ACME")
    assert statuses(db, "RC0007")["RC0007"] == ("returned_to_supplier", None)


def test_only_who_may_move_units_blocks(ctx, recalled, as_user):
    auditor = as_user("aud", "auditor")
    assert trace(auditor, recalled).total == 8  # anyone may trace
    with pytest.raises(PermissionDenied):
        block(auditor, recalled)


def test_the_excel_lists_every_unit_and_its_history_and_keeps_formulas_out(ctx, recalled, tmp_path):
    done = exports.export_recall(ctx, tmp_path / "recall.xlsx", Recall(batch="LOT43"))
    assert done.rows == 2
    book = openpyxl.load_workbook(tmp_path / "recall.xlsx")
    assert book.sheetnames == ["Recall", "History", "About"]
    sheet = book["Recall"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Serial", "SKU", "Item"] and "Issued / shipped to" in header
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert (first["Serial"].value, first["Status"].value, first["Batch"].value) == ("RC0010", "In stock", "LOT43")
    assert first["Expiry"].value == dt.datetime(2026, 12, 31)
    issued = {h: c for h, c in zip(header, sheet[3], strict=True)}
    holder = issued["Issued / shipped to"]
    assert (holder.value, holder.data_type) == ('=HYPERLINK("http://evil")', "s")  # a value, never a formula
    history = [[c.value for c in row] for row in book["History"].iter_rows(min_row=2)]
    assert [(r[0], r[4]) for r in history] == [("RC0010", "receive"), ("RC0009", "receive"), ("RC0009", "issue")]
    assert [r[6] for r in history] == ["In stock", "In stock", "Issued"]  # statuses by name, as in every export
    about = dict(book["About"].iter_rows(values_only=True))
    assert about["Filter: batch"] == "LOT43" and about["Rows"] == "2"


def test_the_pdf_for_the_regulator_reads_back_in_both_languages(ctx, recalled, tmp_path):
    out = tmp_path / "recall.pdf"
    printed = printing.print_recall(ctx, recalled, out)
    assert printed.count == pdfkit.pages(out) >= 1
    text = pdfkit.flat("\n".join(pdfkit.text(out)))
    for expected in ("召回追溯报告", "ACME", "LOT42", "RC0001", "Dr. Wang, ward 3", "北京协和医院", "已领用", "已发货",
                     "维修中", "Issued 已领用", "In stock 在库 · WH-B", "Affected units 涉及单件 8", "RMA-77"):
        assert expected in text, expected
    assert "RC0009" not in text  # another batch
    image = pdfkit.render(out, dpi=100)
    assert image.getextrema()[0] < 100  # something is drawn in black
    image.save(tmp_path / "recall.png")
    with pytest.raises(NotFound):
        printing.print_recall(ctx, Recall(batch="NO-SUCH-LOT"), tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_batch_and_expiry_are_on_the_card_and_filter_the_register(ctx, recalled):
    [card] = lookup.find_serial(ctx, "RC0009")
    assert (card.batch, card.expiry) == ("LOT43", dt.date(2026, 12, 31))
    page = lookup.list_serials(ctx, lookup.SerialFilter(batch="LOT43"), sort="serial", descending=False)
    assert [r.serial for r in page.rows] == ["RC0009", "RC0010"]


def test_expiring_stock_first_expiring_first(ctx, recalled):
    soon = expiring(ctx, 30, today=dt.date(2026, 12, 15))
    assert [(u.serial, u.days_left) for u in soon] == [("RC0010", 16)]  # RC0009 is issued: not on our shelves
    later = expiring(ctx, 30, today=dt.date(2027, 3, 20))
    assert [u.serial for u in later] == ["RC0010", "RC0006", "RC0007", "RC0008"]
    assert later[0].days_left < 0
    with pytest.raises(ValidationError):
        expiring(ctx, -1)


def test_the_command_line_traces_exports_reports_blocks_and_lists_expiring(db, admin_cli, recalled, tmp_path):
    ran = admin_cli("recall", "trace", "--supplier", "ACME", "--batch", "LOT42")
    assert ran.status == 0, ran.err
    assert "8 unit(s) affected" in ran.out and "Dr. Wang, ward 3" in ran.out
    ran = admin_cli("recall", "export", str(tmp_path / "r.xlsx"), "--batch", "LOT43")
    assert (ran.status, ran.out.split(" unit")[0]) == (0, "2")
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["Recall"]["A2"].value == "RC0010"
    ran = admin_cli("recall", "report", str(tmp_path / "r.pdf"), "--paste", "-", stdin="RC0001\nRC0003, RC0011\n")
    assert ran.status == 0, ran.err
    assert "RC0011" in pdfkit.flat("".join(pdfkit.text(tmp_path / "r.pdf")))
    ran = admin_cli("recall", "block", "--batch", "LOT42", "--note", "FSCA")
    assert ran.status == 0 and "3 unit(s) quarantined" in ran.out and "2 issued" in ran.out
    ran = admin_cli("serial", "list", "--batch", "LOT42", "--status", "quarantined")
    assert ran.out.count("quarantined") == 3
    ran = admin_cli("recall", "release", "--batch", "LOT42")
    assert ran.status == 0 and "3 unit(s) back in stock" in ran.out
    ran = admin_cli("recall", "expiring", "--days", "100000")
    assert ran.status == 2 and "days must be a whole number" in ran.err
    ran = admin_cli("recall", "expiring", "--days", "3650", "--json")
    assert [row["serial"] for row in json.loads(ran.out)][:1] == ["RC0010"]
    ran = admin_cli("recall", "trace")
    assert ran.status == 2 and "say what the recall names" in ran.err


@pytest.mark.postgres
@pytest.mark.parametrize("first", ["block", "issue"])
def test_a_block_racing_an_issue_on_postgresql_one_wins_the_other_is_told(pg_url, request, first):
    """Both read the unit in stock; the one that queued first on its row wins, the other is refused with its status."""
    import threading

    from test_concurrency import _hold_rows, _wait_for_queue

    from snapp.db.engine import Database
    from snapp.db.schema import upgrade
    from snapp.errors import Conflict
    from snapp.services import masterdata, purchasing
    from snapp.services.auth import create_first_admin

    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    ctx = create_first_admin(db, "admin", "admin password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    masterdata.add_item(ctx, masterdata.ItemRecord("LAP", "Laptop", gtin="9506000134352", serial_min_length=4))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 10)])
    purchasing.approve_po(ctx, po.number)
    receiving.receive(ctx, po.number, "LAP", [scans([gs1(f"RACE{n}", "LOT1", "270101") for n in range(3)])],
                      location="WH-A")  # fmt: skip
    unit_id = rows(db, "SELECT id FROM serials WHERE serial = 'RACE1'")[0][0]
    calls = {"block": lambda: block(ctx, Recall(batch="LOT1")),
             "issue": lambda: lifecycle.move(ctx, "issue", ["RACE1"], ref="Dr. Li")}  # fmt: skip
    holder, pid = _hold_rows(db, "serials", "id = :id", {"id": unit_id})
    outcome: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            outcome[name] = calls[name]()
        except Exception as err:  # asserted below
            outcome[name] = err

    second = "issue" if first == "block" else "block"
    threads = {name: threading.Thread(target=run, args=(name,)) for name in (first, second)}
    try:
        threads[first].start()
        _wait_for_queue(db, pid, 1)
        threads[second].start()
        _wait_for_queue(db, pid, 2)
    finally:
        holder.rollback()
        holder.close()
    for thread in threads.values():
        thread.join(60)
    refusal = outcome[second]
    assert not isinstance(outcome[first], Exception), outcome[first]
    assert isinstance(refusal, Conflict), refusal
    now = "quarantined" if first == "block" else "issued"
    assert (refusal.code, refusal.values["serial"], refusal.values["status"].code) == (
        "lifecycle.moved_meanwhile", "RACE1", f"status.{now}")
    found = dict(rows(db, "SELECT serial, status FROM serials"))
    if first == "block":
        assert found == {"RACE0": "quarantined", "RACE1": "quarantined", "RACE2": "quarantined"}
    else:  # the block was refused whole: nothing quarantined, nothing audited
        assert found == {"RACE0": "in_stock", "RACE1": "issued", "RACE2": "in_stock"}
        assert rows(db, "SELECT count(*) FROM audit_entries WHERE action = 'recall.block'") == [(0,)]
    moves = rows(db, "SELECT action, count(*) FROM serial_events WHERE action IN ('block', 'issue') GROUP BY action")
    assert dict(moves) == ({"block": 3} if first == "block" else {"issue": 1})


def test_batch_and_expiry_columns_of_a_receiving_file_are_kept_per_unit(ctx, company, tmp_path):
    from snapp.io.serial_files import read_serial_file

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Serial", "批号", "Expiry"])
    sheet.append(["XL0001", "LOT-A", dt.datetime(2027, 6, 30)])
    sheet.append(["XL0002", "LOT-B", "2027-07-31"])
    sheet.append(["XL0003", None, None])
    book.save(tmp_path / "good.xlsx")
    receiving.receive(ctx, company.number, "LAP", [read_serial_file(tmp_path / "good.xlsx")], location="WH-A")
    cards = {s: lookup.find_serial(ctx, s)[0] for s in ("XL0001", "XL0002", "XL0003")}
    assert {s: (c.batch, c.expiry) for s, c in cards.items()} == {
        "XL0001": ("LOT-A", dt.date(2027, 6, 30)), "XL0002": ("LOT-B", dt.date(2027, 7, 31)), "XL0003": (None, None)}
    assert trace(ctx, Recall(batch="LOT-A")).total == 1

    sheet.append(["XL0004", "LOT-C", "next year"])
    sheet.append(["XL0005", "L" * 21, None])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(ValidationError) as info:
        receiving.receive(ctx, company.number, "LAP", [read_serial_file(tmp_path / "bad.xlsx")], location="WH-A")
    found = [(str(p.position), p.value, p.reason) for p in info.value.problems]
    assert ("cell C5", "next year", "bad_expiry") in found and ("cell B6", "L" * 21, "bad_batch") in found
    assert len(lookup.list_serials(ctx, lookup.SerialFilter(batch="LOT-C")).rows) == 0  # nothing written


def test_issuing_a_later_expiring_unit_is_allowed_with_advice_in_both_languages(ctx, recalled, admin_cli):
    # RC0010 (LOT43, 2026-12-31) is in stock; RC0007 and RC0008 (LOT42, 2027-03-31) expire later.
    ran = admin_cli("serial", "issue", "RC0007", "--ref", "ward 5")
    assert ran.status == 0
    assert "note: LAP: 1 unit(s) in stock expire earlier (first RC0010, 2026-12-31)" in ran.out
    result = lifecycle.move(ctx, "ship", ["RC0008"], ref="Clinic 9")
    assert result.count == 1
    [advice] = result.advice
    assert advice == "LAP: 1 unit(s) in stock expire earlier (first RC0010, 2026-12-31); first-expiring first is advised"
    assert advice.say("zh") == "LAP：库存中有 1 件更早到期（最早 RC0010，2026-12-31）；建议先到期先出"
    assert lifecycle.move(ctx, "issue", ["RC0010"]).advice == ()  # the first-expiring: nothing to say
    assert lifecycle.move(ctx, "issue", ["RC0011"]).advice == ()  # no expiry recorded
