"""Exports to .xlsx read back with python-calamine and openpyxl: every digit kept, filters honoured, audited."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, set_received_at

from snapp.domain.capture import scans
from snapp.errors import Cancelled, NotFound, PermissionDenied, ValidationError
from snapp.io import serial_files
from snapp.messages import name_of
from snapp.services import exports, lifecycle, lookup, masterdata, purchasing, receiving
from snapp.services.lookup import SerialFilter

TRICKY = ["000123", "12345678901234567890", "=1+2ABC", "00000000000000000001"]


def calamine(path, sheet: int = 0) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(sheet).to_python()


def column(path, header: str) -> list:
    table = calamine(path)
    index = table[0].index(header)
    return [row[index] for row in table[1:]]


@pytest.fixture
def register(ctx, company, receive_units):
    """Tricky serials in WH-A, ordinary ones in WH-B, a few issued, and a second item from another PO."""
    first = receive_units(TRICKY)
    receive_units([f"LAPB{n:04d}" for n in range(1, 11)], location="WH-B")
    lifecycle.move(ctx, "issue", ["LAPB0001", "LAPB0002"], ref="WO-1")
    add_plain_item(ctx, "CBL", serial_min_length=1)
    other = approved_po(ctx, "ACME", ("CBL", 5))
    receiving.receive(ctx, other.number, "CBL", [scans(["000123", "C2", "C3"])], location="WH-B")
    return first


def test_serials_keep_every_digit_and_stay_text(db, ctx, register, tmp_path):
    path = tmp_path / "serials.xlsx"
    record = exports.export_serials(ctx, path, SerialFilter(sku="LAP", location="WH-A"))

    assert (record.kind, record.rows) == ("serials", 4)
    assert sorted(column(path, "Serial")) == sorted(TRICKY)  # calamine hands back text, not numbers
    sheet = openpyxl.load_workbook(path)["Serials"]
    assert sheet.freeze_panes == "A2"
    headers = [c.value for c in sheet[1]]
    assert headers[:10] == ["Serial", "SKU", "Item", "GTIN", "Status", "Location", "Supplier", "PO", "Receipt",
                            "Received"]  # fmt: skip
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(headers, row, strict=True))
        for name in ("Serial", "SKU", "GTIN", "PO", "Receipt"):
            assert (cells[name].data_type, cells[name].number_format) == ("s", "@"), name
        assert cells["GTIN"].value == "09506000134352"
        assert cells["Received"].is_date and cells["Received"].number_format == "yyyy-mm-dd hh:mm:ss"
        assert cells["Warranty end"].is_date
    formula = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "=1+2ABC")[0]
    assert formula.data_type == "s"  # a serial that looks like a formula is still a value


def test_received_times_are_local_times_and_warranty_follows_the_card(db, ctx, register, tmp_path):
    path = tmp_path / "s.xlsx"
    exports.export_serials(ctx, path, SerialFilter(serial_prefix="000123", sku="LAP"))
    [row] = calamine(path)[1:]
    [card] = [c for c in lookup.find_serial(ctx, "000123") if c.sku == "LAP"]
    assert row[9] == card.received_at.astimezone().replace(tzinfo=None, microsecond=row[9].microsecond)
    assert row[10] == card.warranty_end


FILTERS = [
    SerialFilter(),
    SerialFilter(status="issued"),
    SerialFilter(location="WH-B"),
    SerialFilter(sku="CBL"),
    SerialFilter(serial_prefix="LAPB000"),
    SerialFilter(status="in_stock", location="WH-B", sku="LAP"),
    SerialFilter(received_from=dt.date(2030, 1, 1)),
]


@pytest.mark.parametrize("where", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in vars(f).items() if v))
@pytest.mark.parametrize("sort", ["received", "serial"])
def test_the_export_holds_what_the_list_shows_in_the_same_order(db, ctx, register, tmp_path, where, sort):
    path = tmp_path / "serials.xlsx"
    record = exports.export_serials(ctx, path, where, sort=sort, descending=sort == "received")
    page = lookup.list_serials(ctx, where, sort=sort, descending=sort == "received", limit=1000, with_total=True)
    assert record.rows == page.total
    table = calamine(path)[1:]
    assert [(r[0], r[1], r[4], r[5] or None, r[7]) for r in table] == [
        (s.serial, s.sku, name_of("status", s.status), s.location, s.po) for s in page.rows
    ]


def test_date_filters_take_whole_days(db, ctx, register, tmp_path):
    set_received_at(db, "LAPB%", dt.datetime(2024, 5, 31, 23, 59, tzinfo=dt.UTC))
    exports.export_serials(ctx, tmp_path / "may.xlsx", SerialFilter(received_from=dt.date(2024, 5, 31),
                                                                     received_to=dt.date(2024, 5, 31)))  # fmt: skip
    assert sorted(column(tmp_path / "may.xlsx", "Serial")) == [f"LAPB{n:04d}" for n in range(1, 11)]


def test_every_export_is_audited_with_its_filters(db, ctx, register, tmp_path):
    audit = last_audit_id(db)
    path = tmp_path / "serials.xlsx"
    exports.export_serials(ctx, path, SerialFilter(status="issued"), sort="serial", descending=False)
    [entry] = audit_entries(db, audit)
    assert (entry.user_name, entry.action, entry.entity, entry.entity_key) == (
        "admin", "export.serials", "export", "serials.xlsx",
    )  # fmt: skip
    assert entry.after == {
        "file": str(path), "rows": 2, "filters": {"status": "issued", "sort": "serial", "descending": False},
    }  # fmt: skip
    about = dict(calamine(path, 1)[1:])
    assert about["Rows"] == "2" and about["Exported by"] == "admin" and about["Filter: status"] == "issued"


def test_progress_reaches_the_total_and_cancelling_leaves_no_file(db, ctx, register, tmp_path, monkeypatch):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    # openpyxl streams each sheet through a temporary file: none may be left behind either.
    spool = tmp_path.parent / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    seen: list[tuple[int, int]] = []
    exports.export_serials(ctx, tmp_path / "all.xlsx", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 17) and seen[-1] == (17, 17)

    path = tmp_path / "cancelled.xlsx"
    path.write_bytes(b"an older export")
    audit = last_audit_id(db)

    def stop(done: int, total: int) -> None:
        if done:  # after every row has been written, before the file is finished
            raise Cancelled("stopped by the user")

    with pytest.raises(Cancelled):
        exports.export_serials(ctx, path, progress=stop)
    assert path.read_bytes() == b"an older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.xlsx", "cancelled.xlsx"]  # no temporary file left
    assert audit_entries(db, audit) == []
    assert list(spool.iterdir()) == []


def test_a_bad_filter_is_refused_before_anything_is_written(db, ctx, register, tmp_path):
    with pytest.raises(ValidationError, match="not a status"):
        exports.export_serials(ctx, tmp_path / "x.xlsx", SerialFilter(status="gone"))
    with pytest.raises(ValidationError, match="one of draft"):
        exports.export_pos(ctx, tmp_path / "x.xlsx", status="lost")
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []


def test_one_serials_history(db, ctx, register, tmp_path):
    path = tmp_path / "history.xlsx"
    record = exports.export_history(ctx, path, "lapb0001")
    assert record.rows == 2
    table = calamine(path)
    assert table[0][:7] == ["Serial", "SKU", "When", "Who", "Action", "From status", "To status"]
    assert [(r[0], r[1], r[3], r[4], r[6]) for r in table[1:]] == [
        ("LAPB0001", "LAP", "admin", "receive", "In stock"),
        ("LAPB0001", "LAP", "admin", "issue", "Issued"),
    ]
    assert table[1][9].startswith("GR-") and table[2][9] == "WO-1"  # the receipt, then the work order
    # Both items that carry 000123 are in one history file.
    exports.export_history(ctx, path, "000123")
    assert sorted(column(path, "SKU")) == ["CBL", "LAP"]
    with pytest.raises(NotFound):
        exports.export_history(ctx, path, "NO-SUCH-UNIT")


def test_a_chinese_reader_gets_chinese_columns_statuses_and_actions(db, ctx, register, tmp_path):
    """The Excel a clerk reading Chinese opens speaks Chinese: no in_stock or unrepair left for them to decode."""
    zh = replace(ctx, lang="zh")
    exports.export_history(zh, tmp_path / "history.xlsx", "lapb0001")
    table = calamine(tmp_path / "history.xlsx")
    assert table[0][:7] == ["序列号", "物料编码", "时间", "操作人", "操作", "原状态", "新状态"]
    assert [(r[4], r[5], r[6]) for r in table[1:]] == [("收货", "", "在库"), ("领用", "在库", "已领用")]
    exports.export_serials(zh, tmp_path / "serials.xlsx", SerialFilter(status="in_stock"))
    book = openpyxl.load_workbook(tmp_path / "serials.xlsx")
    assert book.sheetnames == ["序列号", "说明"]
    assert {row[4].value for row in book["序列号"].iter_rows(min_row=2)} == {"在库"}
    about = {row[0].value: row[1].value for row in book["说明"].iter_rows(min_row=2)}
    assert about["导出"] == "序列号" and about["筛选：status"] == "in_stock"
    # The file reads back as serials: its Chinese header is one receiving knows.
    assert "序列号" in serial_files.HEADERS


def test_purchase_orders_one_row_per_line(db, ctx, register, tmp_path):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("0042", "Zero-led supplier"))
    po = purchasing.create_po(ctx, "0042", [purchasing.LineSpec("LAP", 3, Decimal("6899.50")),
                                            purchasing.LineSpec("CBL", 7)])  # fmt: skip
    path = tmp_path / "pos.xlsx"
    assert exports.export_pos(ctx, path, status="draft").rows == 2
    table = calamine(path)
    assert table[0] == ["PO", "Status", "Supplier", "Supplier name", "Created", "Created by", "Line", "SKU", "Item",
                        "Ordered", "Received", "Open", "Unit price", "Line value", "Currency", "Note"]  # fmt: skip
    assert [r[:4] + r[6:8] + r[9:15] for r in table[1:]] == [
        [po.number, "Draft", "0042", "Zero-led supplier", 1, "LAP", 3, 0, 3, 6899.5, 20698.5, "CNY"],
        [po.number, "Draft", "0042", "Zero-led supplier", 2, "CBL", 7, 0, 7, "", "", "CNY"],
    ]
    exports.export_pos(ctx, path, supplier="ACME")
    assert set(column(path, "Supplier")) == {"ACME"}
    assert len(column(path, "PO")) == 2  # the company's PO and the CBL PO, one line each
    exports.export_pos(ctx, path, created_to=dt.date(2000, 1, 1))
    assert calamine(path)[1:] == []


def test_receipts_one_row_per_line(db, ctx, register, tmp_path):
    path = tmp_path / "receipts.xlsx"
    assert exports.export_receipts(ctx, path, sku="LAP").rows == 2
    table = calamine(path)
    assert table[0][:8] == ["Receipt", "Received", "PO", "Supplier", "Line", "SKU", "Item", "Quantity"]
    assert sorted((r[2], r[5], r[7], r[8], r[9]) for r in table[1:]) == [
        (register.po, "LAP", 4, "WH-A", "admin"),
        (register.po, "LAP", 10, "WH-B", "admin"),
    ]
    exports.export_receipts(ctx, path, po=register.po.lower())
    assert len(calamine(path)) == 3


def test_the_audit_log_for_those_who_may_read_it(db, ctx, register, tmp_path, as_user):
    path = tmp_path / "audit.xlsx"
    exports.export_audit(ctx, path, action="po")
    actions = column(path, "Action")
    assert actions and all(a.startswith("po.") for a in actions)
    assert all(isinstance(n, int | float) for n in column(path, "No."))
    exports.export_audit(ctx, path, action="export.serials")
    assert column(path, "Action") == []
    exports.export_audit(ctx, path, user="admin", at_from=dt.date.today() - dt.timedelta(days=1))
    assert set(column(path, "Who")) == {"admin"}

    assert exports.export_audit(as_user("auditor.user", "auditor"), path).rows > 0
    warehouse, buyer = as_user("warehouse.user", "warehouse"), as_user("buyer", "procurement")
    for refused in (warehouse, buyer):  # procurement prints the monthly report but may not read the trail itself
        with pytest.raises(PermissionDenied, match="needs the audit permission"):
            exports.export_audit(refused, path)
    assert exports.export_serials(warehouse, tmp_path / "s.xlsx").rows == 17  # the register is for everyone


def test_long_values_and_control_characters_fit_excel(db, ctx, company, tmp_path):
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("S1", "name\x1dwith a GS", address="x" * 40_000))
    path = tmp_path / "audit.xlsx"
    exports.export_audit(ctx, path, action="supplier")
    after = column(path, "After")[-1]
    assert len(after) == 32_767 and after.endswith("(40,107 characters in SNApp; cut to fit one Excel cell)")
    approved_po(ctx, "S1", ("LAP", 1))
    exports.export_pos(ctx, path, supplier="S1")
    assert column(path, "Supplier name") == ["name<1D>with a GS"]  # a sheet may not hold control characters
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("S2", "#N/A"))
    approved_po(ctx, "S2", ("LAP", 1))
    exports.export_pos(ctx, path, supplier="S2")
    name = openpyxl.load_workbook(path)["Purchase orders"]["D2"]
    assert (name.value, name.data_type, name.number_format) == ("#N/A", "s", "@")  # text, not an error cell


def test_the_export_commands(admin_cli, cli, register, tmp_path):
    out = tmp_path / "s.xlsx"
    status, printed, _ = admin_cli("export", "serials", "--status", "issued", "--sort", "serial", "--asc", "--out", str(out))
    assert status == 0 and "2 rows written to" in printed
    assert column(out, "Serial") == ["LAPB0001", "LAPB0002"]
    for args in (["history", "LAPB0001"], ["pos", "--status", "approved"], ["receipts", "--sku", "CBL"],
                 ["audit", "--by", "admin", "--action", "po", "--from", "2000-01-01"]):  # fmt: skip
        assert admin_cli("export", *args, "--out", str(out)).status == 0, args
    status, _, err = admin_cli("export", "serials", "--status", "gone", "--out", str(out))
    assert status == 2 and "not a status" in err
    template = tmp_path / "t.xlsx"
    assert cli("template", "items", "--out", str(template)).status == 0  # no login: a template holds no data
    assert openpyxl.load_workbook(template)["Items"]["A2"].number_format == "@"



def test_a_place_that_cannot_be_written_is_refused_plainly(db, ctx, register, tmp_path):
    missing = tmp_path / "no such folder" / "serials.xlsx"
    audit = last_audit_id(db)
    with pytest.raises(ValidationError, match="the folder .*no such folder does not exist"):
        exports.export_serials(ctx, missing)
    assert audit_entries(db, audit) == []  # nothing was exported, so nothing is recorded
    folder = tmp_path / "a folder.xlsx"
    folder.mkdir()  # the name is taken by something a file cannot replace
    with pytest.raises(ValidationError, match="is a folder; give the name of a file"):
        exports.export_serials(ctx, folder)
    assert audit_entries(db, audit) == []


@pytest.mark.parametrize("out", ["x.csv", "missing/x.xlsx", "a folder.xlsx"])
def test_a_bad_output_of_the_export_command_is_one_sentence_and_exit_2(db, ctx, register, tmp_path, admin_cli, out):
    (tmp_path / "a folder.xlsx").mkdir()
    before = sorted(tmp_path.rglob("*"))
    ran = admin_cli("export", "serials", "--out", str(tmp_path / out))
    assert ran.status == 2
    err = ran.err.splitlines()
    assert len(err) == 2 and err[0] == "snapp: 1 problem found; nothing was saved" and "Traceback" not in err[1]
    assert sorted(tmp_path.rglob("*")) == before  # nothing written, not even a temporary file
