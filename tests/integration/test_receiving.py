"""Receiving against a PO: what a success writes, and that every refusal writes nothing."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, rows, scalar, serial_names, snapshot

from snapp.domain.capture import Reason, paste, scans, serial_range
from snapp.errors import Cancelled, IllegalTransition, NotFound, Text, ValidationError
from snapp.io.serial_files import read_serial_file
from snapp.services import lifecycle, masterdata, purchasing, receiving

LAP_GTIN = "09506000134352"
OTHER_GTIN = "04006381333931"  # a valid GTIN of another item


def reasons(err: ValidationError) -> list[str]:
    return [p.reason for p in err.problems]


def po_line(db, number: str) -> tuple[int, int]:
    return rows(
        db,
        "SELECT l.quantity, l.received FROM po_lines l JOIN purchase_orders p ON p.id = l.po_id "
        "WHERE p.number = :n ORDER BY l.line_no",
        n=number,
    )[0]


# --- success -------------------------------------------------------------------


def test_receive_puts_units_in_stock_with_one_event_each(db, ctx, company):
    serials = serial_names(10)
    before = last_audit_id(db)

    record = receiving.receive(ctx, company.number, "LAP", [scans(serials)], location="WH-A", note="first delivery")

    assert record.quantity == 10 and record.sku == "LAP" and record.po == company.number
    assert record.location == "WH-A" and record.line_no == 1
    assert record.number.startswith(f"GR-{dt.datetime.now(dt.UTC):%Y}-")
    stored = rows(
        db,
        "SELECT s.serial, s.status, l.code FROM serials s JOIN locations l ON l.id = s.location_id ORDER BY s.serial",
    )
    assert stored == [(s, "in_stock", "WH-A") for s in serials]
    events = rows(
        db,
        "SELECT s.serial, e.action, e.from_status, e.to_status, e.from_location_id, l.code, e.ref, u.name "
        "FROM serial_events e JOIN serials s ON s.id = e.serial_id JOIN locations l ON l.id = e.to_location_id "
        "JOIN users u ON u.id = e.user_id ORDER BY s.serial",
    )
    assert events == [(s, "receive", None, "in_stock", None, "WH-A", record.number, "admin") for s in serials]
    assert po_line(db, company.number) == (100, 10)
    assert purchasing.get_po(ctx, company.number).status == "partially_received"
    assert scalar(db, "SELECT COUNT(*) FROM receipts WHERE number = :n AND note = 'first delivery'", n=record.number) == 1
    assert scalar(db, "SELECT SUM(quantity) FROM receipt_lines") == 10
    [audit] = audit_entries(db, before)
    assert (audit.action, audit.entity_key, audit.user_name) == ("receipt.post", record.number, "admin")
    assert audit.after == {"po": company.number, "sku": "LAP", "line": 1, "quantity": 10, "location": "WH-A"}


def test_receiving_the_rest_makes_the_po_received(db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [serial_range("SN000001..SN000040")], location="WH-A")
    assert purchasing.get_po(ctx, company.number).status == "partially_received"

    receiving.receive(ctx, company.number, "LAP", [serial_range("SN000041..SN000100")], location="WH-B")

    po = purchasing.get_po(ctx, company.number)
    assert po.status == "received"
    assert (po.lines[0].received, po.lines[0].remaining) == (100, 0)
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 100
    assert scalar(db, "SELECT COUNT(*) FROM serial_events") == 100
    assert scalar(db, "SELECT COUNT(*) FROM receipts") == 2
    by_location = dict(
        rows(db, "SELECT l.code, COUNT(*) FROM serials s JOIN locations l ON l.id = s.location_id GROUP BY l.code")
    )
    assert by_location == {"WH-A": 40, "WH-B": 60}


def test_a_po_with_two_items_is_received_only_when_every_line_is(db, ctx, company):
    add_plain_item(ctx, "MOUSE")
    po = approved_po(ctx, "ACME", ("LAP", 2), ("MOUSE", 1))
    receiving.receive(ctx, po.number, "LAP", [scans(["AA0001", "AA0002"])], location="WH-A")
    assert purchasing.get_po(ctx, po.number).status == "partially_received"
    receiving.receive(ctx, po.number, "MOUSE", [scans(["M1"])], location="WH-A")
    assert purchasing.get_po(ctx, po.number).status == "received"


def test_serials_are_normalised_before_they_are_stored(db, ctx, company):
    # Full-width characters from a Chinese IME, a trailing NBSP, lower case for an upper-case item.
    receiving.receive(ctx, company.number, "LAP", [scans(["ＳＮ１２３４５６", "ab12345\u00a0", " cd\u200b9999 "])], location="WH-A")
    assert sorted(r[0] for r in rows(db, "SELECT serial FROM serials")) == ["AB12345", "CD9999", "SN123456"]


def test_a_gs1_scan_of_the_item_stores_serial_batch_expiry_and_the_raw_scan(db, ctx, company):
    scan = f"]d201{LAP_GTIN}21SNGS0001\x1d10LOT7\x1d17301231"
    receiving.receive(ctx, company.number, "LAP", [scans([scan])], location="WH-A")
    [(serial, batch, expiry, raw)] = rows(db, "SELECT serial, batch, expiry, scan FROM serials")
    assert (serial, batch, raw) == ("SNGS0001", "LOT7", scan)
    assert str(expiry)[:10] == "2030-12-31"


def test_a_non_serial_item_is_received_by_quantity(db, ctx, company):
    add_plain_item(ctx, "CABLE", tracking="none")
    po = approved_po(ctx, "ACME", ("CABLE", 50))
    record = receiving.receive(ctx, po.number, "CABLE", quantity=20, location="WH-B")
    assert record.quantity == 20
    assert po_line(db, po.number) == (50, 20)
    assert purchasing.get_po(ctx, po.number).status == "partially_received"
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 0
    assert scalar(db, "SELECT SUM(quantity) FROM receipt_lines") == 20


def test_the_only_location_is_used_when_none_is_given(db, ctx):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    add_plain_item(ctx, "LAP")
    masterdata.add_location(ctx, masterdata.LocationRecord("ONLY", "the one shelf"))
    po = approved_po(ctx, "ACME", ("LAP", 5))
    assert receiving.receive(ctx, po.number, "LAP", [scans(["X1"])]).location == "ONLY"


def test_receiving_serials_from_an_xlsx_file(db, ctx, company, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Item", "Serial", "Remark"])
    sheet.append(["LAP", "sn-000001", "lower case on an upper-case item"])
    sheet.append(["LAP", "0000123456", "leading zeros kept because the cell is text"])
    sheet.append(["LAP", 12345678, "a short number cell is safe"])
    sheet.append([None, None, None])  # a blank row is skipped
    sheet.append(["LAP", "ＳＮ０００００２", "full width"])
    path = tmp_path / "delivery.xlsx"
    book.save(path)

    receiving.receive(ctx, company.number, "LAP", [read_serial_file(path)], location="WH-A", expected=4)

    assert sorted(r[0] for r in rows(db, "SELECT serial FROM serials")) == [
        "0000123456", "12345678", "SN-000001", "SN000002",
    ]  # fmt: skip
    assert po_line(db, company.number) == (100, 4)


def test_an_xlsx_file_with_damaged_cells_is_refused_with_cell_addresses(db, ctx, company, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序列号"])
    sheet.append(["SN000001"])
    sheet.append([123456789012345678])  # already rounded by Excel
    sheet.append([dt.datetime(2024, 3, 1)])  # Excel turned it into a date
    sheet.append(["1.23457E+17"])  # the text of a rounded number
    path = tmp_path / "damaged.xlsx"
    book.save(path)
    before = snapshot(db)

    with pytest.raises(ValidationError) as refused:
        receiving.receive(ctx, company.number, "LAP", [read_serial_file(path)], location="WH-A")

    problems = {p.position: p for p in refused.value.problems}
    assert set(problems) == {"cell A3", "cell A4", "cell A5"}
    assert problems["cell A3"].reason == Reason.EXCEL_ROUNDED and "Text" in problems["cell A3"].message
    assert problems["cell A4"].reason == Reason.EXCEL_DATE
    assert problems["cell A5"].reason == Reason.EXCEL_ROUNDED
    assert snapshot(db) == before


def test_pasted_text_and_a_range_are_one_batch(db, ctx, company):
    sources = [paste("PA0001\tPA0002\nPA0003，PA0004\n\n"), serial_range("RG0001..RG0003")]
    record = receiving.receive(ctx, company.number, "LAP", sources, location="WH-A")
    assert record.quantity == 7
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 7


# --- refusals: each leaves nothing written ---------------------------------------


def refused(db, *args, error=ValidationError, **kwargs):
    """Run a receive that must be refused; assert nothing was written; return the error."""
    before = snapshot(db)
    with pytest.raises(error) as caught:
        receiving.receive(*args, **kwargs)
    assert snapshot(db) == before
    return caught.value


def test_a_receipt_cancelled_midway_writes_nothing_and_the_next_one_goes_through(db, ctx, company):
    po = approved_po(ctx, "ACME", ("LAP", 12_000))
    told = []

    def cancel(done: int, total: int) -> None:
        told.append((done, total))
        raise Cancelled("stopped by the user")

    refused(db, ctx, po.number, "LAP", [serial_range("SN000001..SN012000")], location="WH-A", progress=cancel,
            error=Cancelled)  # fmt: skip
    assert told == [(5_000, 12_000)]  # the first chunk was written, inside the receipt's transaction
    record = receiving.receive(ctx, po.number, "LAP", [serial_range("SN000001..SN012000")], location="WH-A")
    assert record.quantity == scalar(db, "SELECT COUNT(*) FROM serial_events") == 12_000


def test_over_receipt_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", [serial_range("SN000001..SN000101")], location="WH-A")
    assert reasons(err) == [Reason.OVER_RECEIPT]
    assert "101 to receive" in str(err) and "only 100 open" in str(err)


def test_over_receipt_counts_what_was_already_received(db, ctx, company, receive_units):
    receive_units(serial_names(95))
    err = refused(db, ctx, company.number, "LAP", [scans(serial_names(6, "NEW"))], location="WH-A")
    assert reasons(err) == [Reason.OVER_RECEIPT]
    assert "only 5 open" in str(err) and "received 95" in str(err)


def test_over_receipt_of_a_non_serial_item_is_refused(db, ctx, company):
    add_plain_item(ctx, "CABLE", tracking="none")
    po = approved_po(ctx, "ACME", ("CABLE", 10))
    err = refused(db, ctx, po.number, "CABLE", quantity=11, location="WH-A")
    assert reasons(err) == [Reason.OVER_RECEIPT]


@pytest.mark.parametrize("state", ["draft", "cancelled", "closed", "received"])
def test_a_po_that_is_not_open_for_receiving_is_refused(db, ctx, company, state):
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 3)])
    if state != "draft":
        purchasing.approve_po(ctx, po.number)
    if state == "cancelled":
        purchasing.cancel_po(ctx, po.number)
    elif state == "closed":
        purchasing.close_po(ctx, po.number)
    elif state == "received":
        receiving.receive(ctx, po.number, "LAP", [scans(["R00001", "R00002", "R00003"])], location="WH-A")
    assert purchasing.get_po(ctx, po.number).status == state

    err = refused(db, ctx, po.number, "LAP", [scans(["NEW0001"])], location="WH-A", error=IllegalTransition)
    assert po.number in str(err) and Text(f"po_status.{state}") in str(err)


def test_duplicates_within_a_batch_are_refused(db, ctx, company):
    # The second and third are the same unit once case and width are folded.
    batch = ["DUP0001", "OK00001", "dup0001", "ＤＵＰ0001"]
    err = refused(db, ctx, company.number, "LAP", [scans(batch)], location="WH-A")
    assert reasons(err) == [Reason.DUPLICATE, Reason.DUPLICATE]
    assert [p.position for p in err.problems] == ["scan 3", "scan 4"]
    assert "first at scan 1" in err.problems[0].message


def test_duplicates_across_sources_are_refused(db, ctx, company):
    err = refused(
        db, ctx, company.number, "LAP", [serial_range("SN000001..SN000005"), scans(["SN000003"])], location="WH-A"
    )
    assert reasons(err) == [Reason.DUPLICATE]
    assert err.problems[0].position == "scan 1" and "range" in err.problems[0].message


def test_an_already_received_serial_is_refused_saying_where_the_unit_is(db, ctx, company, receive_units):
    first = receive_units(["SN000001", "SN000002"])
    lifecycle.move(ctx, "transfer", ["SN000001"], to="WH-B")
    lifecycle.move(ctx, "issue", ["SN000002"])
    other = approved_po(ctx, "ACME", ("LAP", 10))

    err = refused(db, ctx, other.number, "LAP", [scans(["NEW0001", "sn000001", "SN000002"])], location="WH-A")

    assert reasons(err) == [Reason.ALREADY_RECEIVED, Reason.ALREADY_RECEIVED]
    moved, issued = err.problems
    assert moved.position == "scan 2" and moved.value == "SN000001"
    for problem in (moved, issued):
        assert first.number in problem.message and company.number in problem.message
    assert moved.message.endswith("the unit is now In stock at WH-B")  # the status by its name, not its code
    assert issued.message.endswith("the unit is now Issued")
    assert moved.message.say("zh").endswith("该单位现为在库，位于 WH-B")


def test_bad_serials_among_good_ones_refuse_the_whole_batch(db, ctx, company):
    batch = ["GOOD0001", "x1", "BAD SERIAL", "GOOD0002", "A" * 21, "序列号123456", ""]
    err = refused(db, ctx, company.number, "LAP", [scans(batch)], location="WH-A")
    by_position = {p.position: p.reason for p in err.problems}
    assert by_position == {
        "scan 2": Reason.TOO_SHORT,
        "scan 3": Reason.BAD_CHARACTERS,
        "scan 5": Reason.TOO_LONG,
        "scan 6": Reason.BAD_CHARACTERS,
        "scan 7": Reason.EMPTY,
    }
    assert "nothing was received" in str(err)


def test_a_serial_that_breaks_the_items_pattern_is_refused(db, ctx, company):
    masterdata.update_item(ctx, "LAP", serial_pattern=r"PF[0-9]{6}")
    err = refused(db, ctx, company.number, "LAP", [scans(["PF000001", "PX000002"])], location="WH-A")
    assert reasons(err) == [Reason.PATTERN]
    assert err.problems[0].position == "scan 2"


def test_a_gs1_scan_with_another_items_gtin_is_refused(db, ctx, company):
    good = f"]d201{LAP_GTIN}21GS000001"
    other = f"]d201{OTHER_GTIN}21GS000002"
    err = refused(db, ctx, company.number, "LAP", [scans([good, other])], location="WH-A")
    assert reasons(err) == [Reason.GTIN_MISMATCH]
    assert err.problems[0].position == "scan 2"
    assert OTHER_GTIN in err.problems[0].message and LAP_GTIN in err.problems[0].message


def test_a_gs1_scan_with_a_bad_check_digit_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", [scans(["]d20109506000134353" "21GS000001"])], location="WH-A")
    assert reasons(err) == [Reason.GS1_INVALID]


def test_an_expected_count_that_does_not_match_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", [scans(["EX0001", "EX0002"])], location="WH-A", expected=3)
    assert reasons(err) == [Reason.COUNT_MISMATCH]
    assert "2 valid serials" in str(err) and "3 were expected" in str(err)


def test_the_expected_count_is_compared_with_valid_serials(db, ctx, company):
    # Two scanned, one of them bad: the count check and the bad serial are both reported.
    err = refused(db, ctx, company.number, "LAP", [scans(["EX0001", "E"])], location="WH-A", expected=2)
    assert sorted(reasons(err)) == sorted([Reason.TOO_SHORT, Reason.COUNT_MISMATCH])


def test_serials_for_a_non_serial_item_are_refused(db, ctx, company):
    add_plain_item(ctx, "CABLE", tracking="none")
    po = approved_po(ctx, "ACME", ("CABLE", 10))
    err = refused(db, ctx, po.number, "CABLE", [scans(["C1", "C2"])], location="WH-A")
    assert "not tracked by serial" in str(err)


def test_a_quantity_for_a_serial_item_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", quantity=5, location="WH-A")
    assert "received by serial" in str(err)


def test_a_non_serial_item_needs_a_positive_quantity(db, ctx, company):
    add_plain_item(ctx, "CABLE", tracking="none")
    po = approved_po(ctx, "ACME", ("CABLE", 10))
    refused(db, ctx, po.number, "CABLE", quantity=0, location="WH-A")
    refused(db, ctx, po.number, "CABLE", location="WH-A")


def test_an_empty_batch_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", [scans([])], location="WH-A")
    assert reasons(err) == [Reason.EMPTY]


def test_an_item_not_on_the_po_is_refused(db, ctx, company):
    add_plain_item(ctx, "MOUSE")
    err = refused(db, ctx, company.number, "MOUSE", [scans(["M1"])], location="WH-A", error=NotFound)
    assert "no line for MOUSE" in str(err)


def test_several_locations_and_none_chosen_is_refused(db, ctx, company):
    err = refused(db, ctx, company.number, "LAP", [scans(["LOC0001"])])
    assert "WH-A" in str(err) and "WH-B" in str(err)


def test_every_problem_is_reported_at_once(db, ctx, company, receive_units):
    receive_units(serial_names(98))
    batch = ["SN000001", "NEW0001", "NEW0001", "x", "NEW0002", "NEW0003"]
    err = refused(db, ctx, company.number, "LAP", [scans(batch)], location="WH-A")
    assert sorted(reasons(err)) == sorted(
        [Reason.DUPLICATE, Reason.TOO_SHORT, Reason.OVER_RECEIPT, Reason.ALREADY_RECEIVED]
    )
