"""Supplier manifests on SQLite and PostgreSQL: loading (all or nothing), every verdict at receipt, amendment, verify."""

from __future__ import annotations

import openpyxl
import pytest
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, rows, scalar, serial_names, snapshot

from snapp.app.sources import serial_sources
from snapp.domain.capture import Reason, paste, scans
from snapp.errors import Conflict, IllegalTransition, NotFound, ValidationError, restored
from snapp.services import exceptions, manifests, receiving, verification


def manifest_rows(db) -> int:
    return scalar(db, "SELECT COUNT(*) FROM manifest_serials")


def refused(call, *args, **kwargs) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return [(str(p.position), p.value, str(p.reason)) for p in caught.value.problems]


def manifest_cases(db) -> list[tuple[str, str]]:
    """Each manifest exception's subject and what happened (stored as a code and values, read back as English)."""
    return [(subject, restored(detail)) for subject, detail in
            rows(db, "SELECT subject, detail FROM exceptions WHERE kind = 'manifest' ORDER BY id")]  # fmt: skip


def workbook(path, rows_: list[list], hidden: list[list] | None = None):
    book = openpyxl.Workbook()
    if hidden is not None:
        old = book.active
        old.title = "Old"
        for row in hidden:
            old.append(row)
        old.sheet_state = "hidden"
        sheet = book.create_sheet("ASN")
        book.active = 1
    else:
        sheet = book.active
    for row in rows_:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def loaded(ctx, company):
    """The company's PO line 1 with a manifest of SN000001..SN000010."""
    manifests.load_manifest(ctx, company.number, 1, [scans(serial_names(10))])
    return company


# --- loading ----------------------------------------------------------------------------


def test_a_manifest_is_loaded_through_the_receiving_capture_path_and_audited(db, ctx, company, tmp_path):
    path = workbook(tmp_path / "asn.xlsx", [["Serial No."], *[[s.lower()] for s in serial_names(3)]])
    before = last_audit_id(db)

    change = manifests.load_manifest(ctx, company.number, 1, serial_sources(files=[str(path)]))

    assert (change.action, change.count) == ("load", 3)
    # The item's rule (upper case) applied, as at receipt.
    record = manifests.get_manifest(ctx, company.number, 1)
    assert record.serials == serial_names(3) and record.received == [] and record.missing == serial_names(3)
    assert manifests.manifest_counts(ctx, company.number) == {1: 3}
    [entry] = [e for e in audit_entries(db, before) if e.action.startswith("manifest.")]
    assert (entry.action, entry.entity_key, entry.after["count"]) == ("manifest.load", f"{company.number}/1", 3)


def test_a_manifest_with_duplicates_is_refused_whole_naming_each_line(db, ctx, company):
    text = "SN000001\nSN000002\nsn000001\n"
    assert refused(manifests.load_manifest, ctx, company.number, 1, [paste(text)]) == [
        ("line 3", "sn000001", Reason.DUPLICATE)
    ]
    assert manifest_rows(db) == 0


def test_a_manifest_with_a_serial_received_elsewhere_is_refused_saying_where(db, ctx, company, receive_units):
    add_plain_item(ctx, "DOCK")
    other = approved_po(ctx, "ACME", ("LAP", 5))
    received = receive_units(["SN000002"], po=other.number)
    before = snapshot(db)

    [(position, value, reason)] = refused(manifests.load_manifest, ctx, company.number, 1, [scans(serial_names(3))])

    assert (position, value, reason) == ("scan 2", "SN000002", Reason.ALREADY_RECEIVED)
    assert manifest_rows(db) == 0 and snapshot(db) == before
    with pytest.raises(ValidationError) as caught:
        manifests.load_manifest(ctx, company.number, 1, [scans(serial_names(3))])
    assert received.number in caught.value.problems[0].message


def test_a_serial_on_another_open_manifest_is_refused_naming_that_po(db, ctx, loaded):
    other = approved_po(ctx, "ACME", ("LAP", 5))
    problems = refused(manifests.load_manifest, ctx, other.number, 1, [scans(["SN000009", "SN000099"])])
    assert problems == [("scan 1", "SN000009", Reason.OTHER_MANIFEST)]
    with pytest.raises(ValidationError) as caught:
        manifests.load_manifest(ctx, other.number, 1, [scans(["SN000009"])])
    assert loaded.number in caught.value.problems[0].message


def test_a_manifest_longer_than_the_line_is_refused(db, ctx, company):
    problems = refused(manifests.load_manifest, ctx, company.number, 1, [scans(serial_names(101))])
    assert problems == [("manifest", "", Reason.COUNT_MISMATCH)]


def test_a_hostile_manifest_file_meets_the_rules_of_the_receiving_import(db, ctx, company, tmp_path):
    # A hidden sheet is never read: only the visible sheet's serials are loaded.
    hidden = workbook(tmp_path / "hidden.xlsx", [["Serial"], ["SN000001"]], hidden=[["Serial"], ["SN999999"]])
    manifests.load_manifest(ctx, company.number, 1, serial_sources(files=[str(hidden)]))
    assert manifests.get_manifest(ctx, company.number, 1).serials == ["SN000001"]
    # A heading SNApp does not know is refused by its cell, not loaded as a serial.
    unknown = workbook(tmp_path / "unknown.xlsx", [["Gerätenummer"], ["SN000002"]])
    with pytest.raises(ValidationError) as caught:
        serial_sources(files=[str(unknown)])
    assert [(str(p.position), p.reason) for p in caught.value.problems] == [("cell A1", "header")]
    # A formula without a saved value is refused by its cell.
    formula = workbook(tmp_path / "formula.xlsx", [["Serial"], ["SN000002"], ['=A2&"X"']])
    with pytest.raises(ValidationError) as caught:
        serial_sources(files=[str(formula)])
    assert [(str(p.position), p.reason) for p in caught.value.problems] == [("cell A3", "formula")]
    # A number cell Excel rounded is refused by its cell, through capture as at receipt.
    rounded = workbook(tmp_path / "rounded.xlsx", [["Serial"], [35693803564380912345]])
    [(position, _, reason)] = refused(manifests.load_manifest, ctx, company.number, 1,
                                      serial_sources(files=[str(rounded)]), replace=True)  # fmt: skip
    assert (position, reason) == ("cell A2", Reason.EXCEL_ROUNDED)
    assert manifests.get_manifest(ctx, company.number, 1).serials == ["SN000001"]


def test_a_manifest_is_replaced_only_when_asked_and_only_before_the_first_receipt(db, ctx, loaded, receive_units):
    with pytest.raises(Conflict):
        manifests.load_manifest(ctx, loaded.number, 1, [scans(["SN000050"])])
    change = manifests.load_manifest(ctx, loaded.number, 1, [scans(serial_names(5, start=20))], replace=True)
    assert (change.action, change.count) == ("replace", 5)
    assert manifests.get_manifest(ctx, loaded.number, 1).serials == serial_names(5, start=20)

    receive_units(["SN000020"])
    before = snapshot(db)
    with pytest.raises(IllegalTransition) as caught:
        manifests.load_manifest(ctx, loaded.number, 1, [scans(serial_names(3, start=40))], replace=True)
    assert caught.value.code == "manifest.received"
    assert snapshot(db) == before
    assert manifests.get_manifest(ctx, loaded.number, 1).serials == serial_names(5, start=20)


def test_after_a_receipt_a_manifest_is_amended_with_an_audit_entry_saying_what_changed(db, ctx, loaded, receive_units):
    receive_units(["SN000001"])
    before = last_audit_id(db)

    change = manifests.amend_manifest(ctx, loaded.number, 1, add=[scans(["SN000011", "SN000012"])],
                                      remove=[scans(["SN000010"])])  # fmt: skip

    assert (change.count, change.added, change.removed) == (11, ["SN000011", "SN000012"], ["SN000010"])
    [entry] = audit_entries(db, before)
    assert entry.action == "manifest.amend" and entry.before == {"count": 10}
    assert entry.after["added"] == ["SN000011", "SN000012"] and entry.after["removed"] == ["SN000010"]
    # A received serial stays; one not listed cannot be removed; one listed cannot be added twice: all named, none done.
    problems = refused(manifests.amend_manifest, ctx, loaded.number, 1, add=[scans(["SN000011"])],
                       remove=[scans(["SN000001", "SN000077"])])  # fmt: skip
    assert problems == [("scan 1", "SN000011", Reason.DUPLICATE), ("scan 1", "SN000001", Reason.ALREADY_RECEIVED),
                        ("scan 2", "SN000077", Reason.NOT_ON_MANIFEST)]  # fmt: skip
    assert manifest_rows(db) == 11


def test_amending_a_line_without_a_manifest_is_refused(ctx, company):
    with pytest.raises(NotFound):
        manifests.amend_manifest(ctx, company.number, 1, add=[scans(["SN000001"])])


def test_clerks_loading_one_serial_on_two_pos_at_once_get_one_manifest_each_serial(db, ctx, company):
    import threading

    pos = [approved_po(ctx, "ACME", ("LAP", 5)).number for _ in range(4)]
    barrier = threading.Barrier(len(pos))
    results: list[object] = [None] * len(pos)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = manifests.load_manifest(ctx, pos[i], 1, [scans(["RACE0001", f"OWN{i:05d}"])])
        except ValidationError as err:
            results[i] = err

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(pos))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    refused_ = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused_) == len(pos) - 1, results
    assert all([(p.value, p.reason) for p in r.problems] == [("RACE0001", Reason.OTHER_MANIFEST)] for r in refused_)
    assert scalar(db, "SELECT COUNT(*) FROM manifest_serials WHERE serial = 'RACE0001'") == 1


# --- at receipt ---------------------------------------------------------------------------


def test_scans_on_the_manifest_are_received(db, ctx, loaded):
    record = receiving.receive(ctx, loaded.number, "LAP", [scans(serial_names(10))], location="WH-A")
    assert record.quantity == 10 and record.off_manifest == [] and record.missing == []
    assert manifest_cases(db) == []
    assert manifests.get_manifest(ctx, loaded.number, 1).missing == []


def test_a_scan_not_on_the_manifest_is_refused_when_the_supplier_says_refuse(db, ctx, loaded):
    before = snapshot(db)
    problems = refused(receiving.receive, ctx, loaded.number, "LAP", [scans(["SN000001", "SN000500"])], location="WH-A")
    assert problems == [("scan 2", "SN000500", Reason.NOT_ON_MANIFEST)]
    assert snapshot(db) == before
    # The refusal reaches the desk as every rejected scan does.
    [case] = exceptions.list_exceptions(ctx, kind="rejected_scan")
    assert case.subject == "SN000500" and "manifest" in case.detail


def test_a_scan_not_on_the_manifest_is_accepted_with_an_exception_when_the_setting_says_so(db, ctx, loaded):
    manifests.set_off_manifest(ctx, "exception", supplier="ACME")
    record = receiving.receive(ctx, loaded.number, "LAP", [scans(["SN000001", "SN000500", "SN000501"])], location="WH-A")
    assert record.quantity == 3 and record.off_manifest == ["SN000500", "SN000501"]
    cases = manifest_cases(db)
    assert cases[0][0] == record.number and "SN000500, SN000501" in cases[0][1] and "2 unit(s)" in cases[0][1]


def test_the_item_setting_overrules_the_supplier_setting(db, ctx, loaded):
    manifests.set_off_manifest(ctx, "exception", supplier="ACME")
    setting = manifests.set_off_manifest(ctx, "refuse", sku="LAP")
    assert (setting.policy, setting.effective) == ("refuse", "refuse")
    assert refused(receiving.receive, ctx, loaded.number, "LAP", [scans(["SN000500"])], location="WH-A") == [
        ("scan 1", "SN000500", Reason.NOT_ON_MANIFEST)
    ]
    assert manifests.set_off_manifest(ctx, None, sku="LAP").effective == "exception"
    assert receiving.receive(ctx, loaded.number, "LAP", [scans(["SN000500"])], location="WH-A").off_manifest == ["SN000500"]
    with pytest.raises(ValidationError):
        manifests.set_off_manifest(ctx, None, supplier="ACME")  # a supplier always says one or the other


def test_a_scan_on_another_pos_manifest_is_refused_naming_that_po_whatever_the_setting(db, ctx, loaded):
    manifests.set_off_manifest(ctx, "exception", supplier="ACME")
    other = approved_po(ctx, "ACME", ("LAP", 5))
    manifests.load_manifest(ctx, other.number, 1, [scans(["SN000700"])])
    with pytest.raises(ValidationError) as caught:
        receiving.receive(ctx, loaded.number, "LAP", [scans(["SN000001", "SN000700"])], location="WH-A")
    [problem] = caught.value.problems
    assert (problem.value, problem.reason) == ("SN000700", Reason.OTHER_MANIFEST)
    assert other.number in problem.message


def test_a_scan_already_received_is_refused_as_without_a_manifest(db, ctx, loaded, receive_units):
    receive_units(["SN000001"])
    problems = refused(receiving.receive, ctx, loaded.number, "LAP", [scans(["SN000001", "SN000002"])], location="WH-A")
    assert problems == [("scan 1", "SN000001", Reason.ALREADY_RECEIVED)]


def test_manifest_serials_not_delivered_are_listed_and_open_one_exception(db, ctx, loaded):
    record = receiving.receive(ctx, loaded.number, "LAP", [scans(serial_names(7))], location="WH-A")
    assert record.missing == serial_names(3, start=8)
    [(subject, detail)] = manifest_cases(db)
    assert subject == f"{loaded.number}/1" and "3 of the 10 serial(s)" in detail
    assert "SN000008, SN000009, SN000010" in detail and record.number in detail
    entry = [e for e in audit_entries(db) if e.action == "receipt.post"][-1]
    case = scalar(db, "SELECT id FROM exceptions WHERE kind = 'manifest'")
    assert entry.after["manifest"] == {"off": 0, "missing": 3, "missing_exception": case}


def test_a_line_without_a_manifest_receives_as_before(db, ctx, company):
    record = receiving.receive(ctx, company.number, "LAP", [scans(serial_names(3))], location="WH-A")
    assert record.quantity == 3 and record.missing == [] and manifest_cases(db) == []
    assert "manifest" not in [e for e in audit_entries(db) if e.action == "receipt.post"][-1].after


# --- verify ---------------------------------------------------------------------------------


def test_verify_says_whether_a_unit_was_on_its_suppliers_manifest(db, ctx, loaded, company):
    manifests.set_off_manifest(ctx, "exception", supplier="ACME")
    receiving.receive(ctx, loaded.number, "LAP", [scans(["SN000001", "SN000500"])], location="WH-A")
    bare = approved_po(ctx, "ACME", ("LAP", 5))
    receiving.receive(ctx, bare.number, "LAP", [scans(["SN000900"])], location="WH-A")

    on, off, none = verification.verify(ctx, ["SN000001", "SN000500", "SN000900"])

    assert on.manifest.code == "manifest.verify_on" and on.manifest.args["po"] == loaded.number
    assert off.manifest.code == "manifest.verify_off"
    assert none.manifest.code == "manifest.verify_none" and none.manifest.args["po"] == bare.number
    assert none.manifest.say("zh") == f"供应商 ACME 未提供 {bare.number} 第 1 行的到货清单"


# --- who may -------------------------------------------------------------------------------


def test_loading_needs_purchasing_and_the_setting_master_data(db, ctx, company, as_user):
    from snapp.errors import PermissionDenied

    clerk = as_user("wang", "warehouse")
    with pytest.raises(PermissionDenied):
        manifests.load_manifest(clerk, company.number, 1, [scans(["SN000001"])])
    with pytest.raises(PermissionDenied):
        manifests.set_off_manifest(clerk, "exception", supplier="ACME")
    assert manifest_rows(db) == 0


# --- the command line ----------------------------------------------------------------------


def test_the_command_line_loads_shows_amends_and_sets_the_policy(db, admin_cli, company, tmp_path):
    listing = tmp_path / "asn.csv"
    listing.write_text("Serial\nSN000001\nSN000002\nSN000001\n", encoding="utf-8")
    refused_ = admin_cli("manifest", "load", company.number, "--line", "1", "--file", str(listing))
    assert refused_.status == 2 and "row 4" in refused_.err and "appears twice in this batch (first at row 2)" in refused_.err

    listing.write_text("Serial\nSN000001\nSN000002\n", encoding="utf-8")
    ok = admin_cli("manifest", "load", company.number, "--line", "1", "--file", str(listing))
    assert ok.status == 0 and "manifest load, 2 serials" in ok.out
    assert admin_cli("manifest", "policy", "--supplier", "ACME", "--set", "exception").status == 0
    assert "as its supplier" in admin_cli("manifest", "policy", "--sku", "LAP").out

    got = admin_cli("receive", company.number, "--sku", "LAP", "--serial", "SN000001", "--serial", "SN000300",
                    "--location", "WH-A")  # fmt: skip
    assert got.status == 0, got.err
    assert "1 not on the manifest, accepted: SN000300" in got.out and "1 on the manifest, not delivered: SN000002" in got.out
    amended = admin_cli("manifest", "amend", company.number, "--line", "1", "--remove", "SN000002")
    assert amended.status == 0 and "removed 1" in amended.out
    shown = admin_cli("manifest", "show", company.number, "--line", "1")
    assert "1 serials, 1 received, 0 not yet" in shown.out
