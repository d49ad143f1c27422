"""After-sales on SQLite and PostgreSQL: customers, to whom units go, returns and swaps, supplier RMAs, repairs, alerts."""

from __future__ import annotations

import datetime as dt

import pytest
from snapp_testkit import audit_entries, execute, last_audit_id, rows, scalar, snapshot

from snapp.domain.aftersales import Party, RecipientKind
from snapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from snapp.services import aftersales, customers, exceptions, lifecycle, lookup, masterdata
from snapp.services.aftersales import RepairInput


@pytest.fixture
def shop(ctx, company, receive_units):
    """Two customers; LAP with a 12-month customer warranty; units A1..A6 in stock at WH-A."""
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司", contact="王经理"))
    customers.add_customer(ctx, customers.CustomerRecord("C-SH", "Shanghai Trading"))
    masterdata.update_item(ctx, "LAP", customer_warranty_months=12)
    receive_units([f"AS000{i}" for i in range(1, 7)])
    return ctx


def ship(ctx, serial, customer, ref="DN-1"):
    return lifecycle.move(ctx, "ship", [serial], ref=ref, party=Party(customer=customer))


def test_ship_records_the_customer_and_the_customer_warranty(db, shop):
    ship(shop, "AS0001", "C-BJ", ref="DN-100")
    [card] = lookup.find_serial(shop, "AS0001")
    assert card.holder.customer == "C-BJ" and card.holder.ref == "DN-100"
    assert card.customer_warranty_end == customers.customer_warranty_end(dt.date.today(), 12)
    assert card.warranty_end is not None  # the supplier's, beside it
    assert [u.serial for u in aftersales.customer_units(shop, "C-BJ")] == ["AS0001"]
    assert aftersales.customer_units(shop, "C-SH") == []
    page = lookup.list_serials(shop, lookup.SerialFilter(customer="C-BJ"))
    assert [r.serial for r in page.rows] == ["AS0001"]


def test_issue_records_to_whom(db, shop):
    lifecycle.move(shop, "issue", ["AS0002"], party=Party(recipient="R&D lab", kind=RecipientKind.DEPARTMENT))
    [card] = lookup.find_serial(shop, "AS0002")
    assert (card.holder.recipient, card.holder.recipient_kind) == ("R&D lab", "department")


def test_a_customer_on_an_issue_or_an_unknown_customer_is_refused(db, shop):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        lifecycle.move(shop, "issue", ["AS0002"], party=Party(customer="C-BJ"))
    assert err.value.problems[0].reason == "customer"
    with pytest.raises(NotFound, match="no customer with code 'NOPE'"):
        ship(shop, "AS0002", "NOPE")
    assert snapshot(db) == before


def test_return_then_inspection_back_to_stock(db, shop):
    ship(shop, "AS0001", "C-BJ")
    start = last_audit_id(db)
    rma = aftersales.receive_return(shop, "AS0001", rma="RMA-1", customer="C-BJ", reason="screen flickers")
    assert (rma.status, rma.customer, rma.warnings) == ("open", "C-BJ", [])
    assert scalar(db, "SELECT status FROM serials WHERE serial = 'AS0001'") == "customer_return"
    assert [a.action for a in audit_entries(db, start)] == ["serial.customer_return", "rma.open"]
    with pytest.raises(ValidationError, match="one of accept, repair, return, scrap"):
        aftersales.inspect_return(shop, "RMA-1", "teleport")
    with pytest.raises(ValidationError, match="use swap"):
        aftersales.inspect_return(shop, "RMA-1", "replace")
    done = aftersales.inspect_return(shop, "RMA-1", "accept", to="WH-B")
    assert (done.status, done.resolution) == ("resolved", "accept")
    assert rows(db, "SELECT s.status, l.code FROM serials s JOIN locations l ON l.id = s.location_id "
                    "WHERE serial = 'AS0001'") == [("in_stock", "WH-B")]  # fmt: skip
    [entry] = [a for a in audit_entries(db, start) if a.action == "serial.accept"]
    assert entry.after["settles"] == ["RMA-1"]
    assert aftersales.service_figures(shop)  # one month with a median


def test_return_from_the_wrong_customer_is_refused_and_goes_to_the_desk(db, shop):
    ship(shop, "AS0001", "C-BJ")
    before = rows(db, "SELECT status FROM serials WHERE serial = 'AS0001'")
    with pytest.raises(Conflict, match="shipped to C-BJ, not to C-SH"):
        aftersales.receive_return(shop, "AS0001", rma="RMA-2", customer="C-SH", reason="dead")
    assert rows(db, "SELECT status FROM serials WHERE serial = 'AS0001'") == before
    assert scalar(db, "SELECT count(*) FROM customer_rmas") == 0
    [case] = exceptions.list_exceptions(shop, kind="customer_return")
    assert (case.subject, case.ref) == ("AS0001", "RMA-2") and "C-BJ" in case.detail


def test_return_of_a_unit_never_shipped_is_refused_and_goes_to_the_desk(db, shop):
    with pytest.raises(Conflict, match="never shipped"):
        aftersales.receive_return(shop, "AS0003", rma="RMA-3", customer="C-BJ", reason="?")
    assert scalar(db, "SELECT status FROM serials WHERE serial = 'AS0003'") == "in_stock"
    [case] = exceptions.list_exceptions(shop, kind="customer_return")
    assert case.subject == "AS0003"


def test_a_second_return_of_the_same_unit_is_refused_while_the_first_is_open(db, shop):
    ship(shop, "AS0001", "C-BJ")
    aftersales.receive_return(shop, "AS0001", rma="RMA-4", customer="C-BJ", reason="noise")
    with pytest.raises(Conflict, match="already back under RMA RMA-4"):
        aftersales.receive_return(shop, "AS0001", rma="RMA-5", customer="C-BJ", reason="noise again")
    # Settled and shipped again, it may come back a second time under a new number, but not under the old one.
    aftersales.inspect_return(shop, "RMA-4", "accept", to="WH-A")
    ship(shop, "AS0001", "C-BJ", ref="DN-2")
    with pytest.raises(Conflict, match="RMA number is already used"):
        aftersales.receive_return(shop, "AS0001", rma="RMA-4", customer="C-BJ", reason="again")
    assert aftersales.receive_return(shop, "AS0001", rma="RMA-6", customer="C-BJ", reason="again").status == "open"


def test_swap_links_both_units_and_follows_the_warranty_policy(db, shop):
    ship(shop, "AS0001", "C-BJ")
    execute(db, "UPDATE handovers SET warranty_end = :d", d=dt.date(2027, 3, 31))
    aftersales.receive_return(shop, "AS0001", rma="RMA-7", customer="C-BJ", reason="battery")
    done = aftersales.swap(shop, "RMA-7", "AS0002")
    assert (done.resolution, done.replacement) == ("replace", "AS0002")
    old, new = lookup.find_serial(shop, "AS0001")[0], lookup.find_serial(shop, "AS0002")[0]
    assert new.status == "shipped" and new.holder.customer == "C-BJ"
    assert new.customer_warranty_end == dt.date(2027, 3, 31)  # the default policy: continue the original's
    assert any("replaced by AS0002" in line for line in old.aftersales)
    assert any("in place of AS0001" in line for line in new.aftersales)
    assert new.history[-1].action == "replace" and new.history[-1].ref == "RMA-7"
    # Start anew: a second swap's replacement gets the item's full 12 months from today.
    aftersales.set_replacement_warranty(shop, "anew")
    aftersales.receive_return(shop, "AS0002", rma="RMA-8", customer="C-BJ", reason="again")
    aftersales.swap(shop, "RMA-8", "AS0003")
    assert lookup.find_serial(shop, "AS0003")[0].customer_warranty_end == customers.customer_warranty_end(
        dt.date.today(), 12)


def test_swap_to_a_unit_already_shipped_elsewhere_is_refused(db, shop):
    ship(shop, "AS0001", "C-BJ")
    ship(shop, "AS0002", "C-SH")
    aftersales.receive_return(shop, "AS0001", rma="RMA-9", customer="C-BJ", reason="x")
    before = snapshot(db)
    with pytest.raises(Conflict, match="AS0002 is already shipped \\(to C-SH\\)"):
        aftersales.swap(shop, "RMA-9", "AS0002")
    assert snapshot(db) == before
    assert aftersales.list_returns(shop)[0].status == "open"


def test_supplier_rma_repair_and_replacement(db, shop):
    sent = aftersales.send_to_supplier(shop, "AS0004", rma="ACME-77", expected_on=dt.date(2026, 1, 5))
    assert (sent.supplier, sent.status) == ("ACME", "open")
    assert [r.number for r in aftersales.list_supplier_rmas(shop, overdue=True, today=dt.date(2026, 1, 6))] == ["ACME-77"]
    assert aftersales.list_supplier_rmas(shop, overdue=True, today=dt.date(2026, 1, 5)) == []
    aftersales.record_repair(shop, "AS0004", RepairInput("no power", work="board swapped", parts="PSU", cost="120.50",
                                                         technician="ACME lab", place="supplier"))  # fmt: skip
    back = aftersales.receive_replacement(shop, "ACME-77", "as0099", to="WH-A")
    assert (back.status, back.replacement) == ("resolved", "AS0099")  # the item's rule folds to upper case
    new = lookup.find_serial(shop, "AS0099")[0]
    assert (new.status, new.location, new.po) == ("in_stock", "WH-A", lookup.find_serial(shop, "AS0004")[0].po)
    old = lookup.find_serial(shop, "AS0004")[0]
    assert any("no power" in line and "120.50" in line for line in old.aftersales)
    assert any("replaced by AS0099" in line for line in old.aftersales)


def test_a_supplier_replacement_for_a_unit_not_on_an_rma_is_refused(db, shop):
    with pytest.raises(NotFound, match="no unit is out to a supplier under RMA 'NONE-1'"):
        aftersales.receive_replacement(shop, "NONE-1", "AS0100", to="WH-A")
    aftersales.send_to_supplier(shop, "AS0005", rma="ACME-78")
    aftersales.supplier_back(shop, "ACME-78", to="WH-A")
    with pytest.raises(Exception, match="supplier RMA ACME-78"):
        aftersales.receive_replacement(shop, "ACME-78", "AS0100", to="WH-A")
    assert scalar(db, "SELECT count(*) FROM serials WHERE serial = 'AS0100'") == 0
    assert scalar(db, "SELECT status FROM serials WHERE serial = 'AS0005'") == "in_stock"


def test_returned_unit_to_the_supplier_settles_the_customer_rma(db, shop):
    ship(shop, "AS0001", "C-BJ")
    aftersales.receive_return(shop, "AS0001", rma="RMA-10", customer="C-BJ", reason="x")
    aftersales.send_to_supplier(shop, "AS0001", rma="ACME-80")
    [rma] = aftersales.list_returns(shop, "all")
    assert (rma.status, rma.resolution) == ("resolved", "return")


def test_plain_moves_cannot_skip_the_rma(db, shop):
    with pytest.raises(ValidationError, match="snapp rma"):
        lifecycle.move(shop, "replace", ["AS0001"])


def test_alerts(db, shop):
    today = dt.date.today()
    ship(shop, "AS0001", "C-BJ")
    execute(db, "UPDATE handovers SET warranty_end = :d", d=today + dt.timedelta(days=10))
    aftersales.send_to_supplier(shop, "AS0002", rma="ACME-90", expected_on=today - dt.timedelta(days=1))
    lifecycle.move(shop, "repair", ["AS0003"])
    execute(db, "UPDATE serial_events SET at = :t WHERE action = 'repair'",
            t=dt.datetime.now(dt.UTC) - dt.timedelta(days=20))  # fmt: skip
    found = aftersales.alerts(shop, days=30, repair_days=14)
    assert [(w.serial, w.kind, w.days_left, w.holder) for w in found.warranties] == [("AS0001", "customer", 10, "C-BJ")]
    assert [r.number for r in found.overdue] == ["ACME-90"]
    assert [(r.serial, r.days) for r in found.long_repairs] == [("AS0003", 20)]
    assert aftersales.alerts(shop, days=5, repair_days=30).count == 1  # only the overdue RMA
    with pytest.raises(ValidationError):
        aftersales.alerts(shop, days=-1)


def test_supplier_warranty_alert(db, shop):
    execute(db, "UPDATE serials SET received_at = :t WHERE serial = 'AS0006'",
            t=dt.datetime.now(dt.UTC) - dt.timedelta(days=720))  # fmt: skip
    found = aftersales.alerts(shop, days=30)
    assert [(w.serial, w.kind) for w in found.warranties] == [("AS0006", "supplier")]


def test_permissions(db, shop, as_user):
    warehouse = as_user("wang", "warehouse")
    service = as_user("li", "service")
    ship(warehouse, "AS0001", "C-BJ")
    with pytest.raises(PermissionDenied):
        aftersales.receive_return(warehouse, "AS0001", rma="R-1", customer="C-BJ", reason="x")
    aftersales.receive_return(service, "AS0001", rma="R-1", customer="C-BJ", reason="x")
    with pytest.raises(PermissionDenied):
        aftersales.set_replacement_warranty(service, "anew")
    with pytest.raises(PermissionDenied):
        customers.add_customer(service, customers.CustomerRecord("C-X", "X"))


def test_verify_tells_the_after_sales_story(db, shop):
    from snapp.services import verification

    ship(shop, "AS0001", "C-BJ")
    [result] = verification.verify(shop, ["AS0001"])
    assert "Customer C-BJ had it" in result.message and "no customer return is open" in result.message
    aftersales.receive_return(shop, "AS0001", rma="RMA-11", customer="C-BJ", reason="x")
    [result] = verification.verify(shop, ["AS0001"])
    assert "RMA-11" in result.message


def test_the_command_line_walkthrough_return_and_swap(db, shop, admin_cli, tmp_path):
    """The README's example: ship to a customer, take the unit back under an RMA, swap it, look both units up."""
    assert admin_cli("serial", "ship", "AS0001", "--customer", "C-BJ", "--ref", "DN-2026-001").status == 0
    ran = admin_cli("rma", "receive", "AS0001", "--rma", "RMA-2026-001", "--customer", "C-BJ", "--reason", "no boot")
    assert ran.status == 0 and "RMA RMA-2026-001: AS0001 (LAP) from C-BJ: open" in ran.out
    wrong = admin_cli("rma", "receive", "AS0002", "--rma", "RMA-X", "--customer", "C-BJ", "--reason", "?")
    assert wrong.status == 2 and "never shipped" in wrong.err
    ran = admin_cli("rma", "swap", "RMA-2026-001", "AS0002")
    assert ran.status == 0 and "replaced by AS0002" in ran.out
    old = admin_cli("serial", "show", "AS0001").out
    assert "status      customer_return" in old and "replaced by AS0002 (RMA RMA-2026-001)" in old
    new = admin_cli("serial", "show", "AS0002").out
    assert "has it      customer C-BJ 北京客户有限公司, delivery RMA-2026-001" in new
    assert "in place of AS0001" in new and "customer warranty  until" in new
    assert "AS0002" in admin_cli("customer", "units", "C-BJ").out
    assert "AS0002" in admin_cli("serial", "list", "--customer", "C-BJ").out
    exported = admin_cli("export", "serials", "--customer", "C-BJ", "--out", str(tmp_path / "c-bj.xlsx"))
    assert exported.status == 0 and "1 rows written" in exported.out
    assert admin_cli("serial", "list", "--customer", "NOBODY").status == 2
    ran = admin_cli("rma", "inspect", "RMA-2026-001", "accept", "--to", "WH-A")
    assert ran.status == 2 and "Resolved" in ran.err  # settled by the swap already
    assert admin_cli("serial", "repair", "AS0001").status == 0  # the faulty unit goes on to the bench
    assert admin_cli("rma", "repair", "AS0001", "--fault", "no boot", "--work", "reflowed", "--cost", "80").status == 0
    assert admin_cli("alerts", "--days", "400").status == 3  # the customer warranty of AS0002 ends within 400 days
    assert admin_cli("--json", "rma", "list", "--status", "all").status == 0


def test_a_database_with_shipments_made_before_after_sales_keeps_customer_unknown(db, shop):
    from snapp.db.schema import current_revision, downgrade, head_revision, upgrade

    lifecycle.move(shop, "ship", ["AS0001"], ref="DN-OLD")
    downgrade(db, "0006_api")  # the schema before after-sales, with its shipment
    assert current_revision(db) == "0006_api"
    assert rows(db, "SELECT status FROM serials WHERE serial = 'AS0001'") == [("shipped",)]
    upgrade(db)
    assert current_revision(db) == head_revision()
    assert scalar(db, "SELECT count(*) FROM handovers") == 0
    assert scalar(db, "SELECT customer_warranty_months FROM items WHERE sku = 'LAP'") == 0
    [card] = lookup.find_serial(shop, "AS0001")
    assert (card.status, card.holder, card.customer_warranty_end) == ("shipped", None, None)
    customers.add_customer(shop, customers.CustomerRecord("C-SH", "Shanghai Trading"))
    rma = aftersales.receive_return(shop, "AS0001", rma="RMA-OLD", customer="C-SH", reason="old unit")
    assert rma.status == "open" and "could not be checked" in rma.warnings[0]


def test_customers_from_a_real_xlsx_all_or_nothing(db, ctx, tmp_path):
    import openpyxl

    from snapp.io.masterdata_files import read_masterdata
    from snapp.services.imports import import_masterdata

    def xlsx(name: str, *table: list):
        book = openpyxl.Workbook()
        for row in table:
            book.active.append(row)
        book.save(tmp_path / name)
        return read_masterdata(tmp_path / name, "customers")

    customers.add_customer(ctx, customers.CustomerRecord("C-01", "Taken Ltd"))
    bad = xlsx("bad.xlsx", ["客户编码", "客户名称", "联系人", "电话"], ["C-02", "甲公司", "王", "010-1"], ["C-01", "乙公司", None, None],
               ["C-03", None, None, None])  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        import_masterdata(ctx, bad)
    assert [(p.position, p.reason) for p in caught.value.problems] == [("row 3, cell A3 (Code)", "code"),
                                                                        ("row 4, cell B4 (Name)", "name")]  # fmt: skip
    assert [c.code for c in customers.list_customers(ctx)] == ["C-01"]
    good = xlsx("good.xlsx", ["Code", "Name", "Phone"], ["007", "北京客户", "010-8888 0001"])
    assert import_masterdata(ctx, good).count == 1
    assert [(c.code, c.phone) for c in customers.list_customers(ctx)] == [("007", "010-8888 0001"), ("C-01", None)]


def test_the_warranty_claim_and_the_rma_note_read_back_in_both_languages(db, shop, admin_cli, tmp_path):
    from tests.pdfkit import pages, text

    ship(shop, "AS0001", "C-BJ")
    aftersales.receive_return(shop, "AS0001", rma="RMA-20", customer="C-BJ", reason="屏幕闪烁 screen flickers")
    aftersales.swap(shop, "RMA-20", "AS0002")
    aftersales.record_repair(shop, "AS0001", RepairInput("backlight dead", work="inverter replaced", parts="INV-3",
                                                         cost="95", technician="张工"))  # fmt: skip
    aftersales.send_to_supplier(shop, "AS0001", rma="ACME-500", expected_on=dt.date(2027, 1, 10))
    claim = admin_cli("rma", "claim", "as0001", "--out", str(tmp_path / "claim.pdf"))
    assert claim.status == 0 and "warranty claim AS0001" in claim.out
    [page] = text(tmp_path / "claim.pdf")
    for expected in ("Warranty claim AS0001", "保修索赔", "ACME-500", "深圳市艾克米电子有限公司", "屏幕闪烁 screen flickers",
                     "backlight dead", "inverter replaced", "95.00", "张工", "replaced by AS0002", "已由 AS0002 替换"):
        assert expected in page, expected
    note = admin_cli("rma", "note", "RMA-20", "--out", str(tmp_path / "note.pdf"))
    assert note.status == 0 and pages(tmp_path / "note.pdf") == 1
    [page] = text(tmp_path / "note.pdf")
    for expected in ("Return note RMA RMA-20", "退货单", "北京客户有限公司", "AS0002", "replaced / 已换货"):
        assert expected in page, expected
    assert "PO-" not in page  # the customer is not shown our purchase record
    missing = admin_cli("rma", "note", "RMA-404", "--out", str(tmp_path / "x.pdf"))
    assert missing.status == 2 and not (tmp_path / "x.pdf").exists()


def test_hostile_input_is_refused_by_field_and_nothing_is_written(db, shop):
    ship(shop, "AS0001", "C-BJ")
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        aftersales.receive_return(shop, "AS0001", rma="R" * 41, customer="C-BJ", reason=" ")
    assert sorted((p.reason, p.value[:3]) for p in caught.value.problems) == [("reason", ""), ("rma", "RRR")]
    with pytest.raises(ValidationError) as caught:
        aftersales.send_to_supplier(shop, "AS0003", rma="Ｓ" * 41)  # full-width: folded, then still too long
    assert caught.value.problems[0].value == "S" * 41
    for cost in ("NaN", "-1", "1e20", "twelve"):
        with pytest.raises(ValidationError, match="is not an amount of money"):
            aftersales.record_repair(shop, "AS0002", RepairInput("dead", cost=cost))
    with pytest.raises(ValidationError, match="at most 100 fit"):
        aftersales.record_repair(shop, "AS0002", RepairInput("dead", technician="x" * 101))
    with pytest.raises(ValidationError):
        aftersales.record_repair(shop, "AS0002", RepairInput("dead", place="moon"))
    with pytest.raises(NotFound, match="no customer return with RMA number 'NOPE'"):
        aftersales.inspect_return(shop, "NOPE", "accept")
    assert snapshot(db) == before
    assert scalar(db, "SELECT count(*) FROM repairs") + scalar(db, "SELECT count(*) FROM supplier_rmas") == 0


def test_after_sales_changes_reach_the_event_feed(db, shop):
    from snapp.services import events

    ship(shop, "AS0001", "C-BJ")
    aftersales.receive_return(shop, "AS0001", rma="RMA-30", customer="C-BJ", reason="x")
    aftersales.swap(shop, "RMA-30", "AS0002")
    aftersales.record_repair(shop, "AS0001", RepairInput("dead"))
    types = [e.type for e in events.events_after(shop, 0, limit=1000)]
    assert types[-5:] == ["serial.moved", "rma.opened", "serial.moved", "rma.swapped", "repair.recorded"]
    assert "customer.created" in types


def test_two_desks_taking_back_the_same_unit_at_once_record_one_return(db, shop):
    """Two service PCs scan the same returned unit under two RMA numbers at the same moment: one return is recorded."""
    import threading

    from snapp.errors import SnappError

    ship(shop, "AS0001", "C-BJ")
    barrier, results = threading.Barrier(2), [None, None]

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = aftersales.receive_return(shop, "AS0001", rma=f"RMA-RACE-{i}", customer="C-BJ", reason="race")
        except SnappError as err:
            results[i] = err

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    refused = [r for r in results if isinstance(r, SnappError)]
    assert len(refused) == 1, results
    # Whichever comes second sees the first's open RMA, is moved from under (it waited on the row lock), or reads
    # the unit already back and is refused the move from its new status.
    said = refused[0].code, [p.reason for p in getattr(refused[0], "problems", [])]
    assert said in (("lifecycle.moved_meanwhile", []), ("aftersales.rma_open", []),
                    ("lifecycle.refused", ["illegal_transition"])), said  # fmt: skip
    assert scalar(db, "SELECT count(*) FROM customer_rmas") == 1
    assert scalar(db, "SELECT count(*) FROM serial_events WHERE action = 'customer_return'") == 1
