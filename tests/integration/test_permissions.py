"""Access control is enforced in the core: the full role × service matrix."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from snapp_testkit import audit_entries, execute, last_audit_id, rows, snapshot

from snapp.domain.aftersales import Party
from snapp.domain.batches import Lot
from snapp.domain.capture import Reason, scans
from snapp.domain.fields import FieldDef
from snapp.errors import Conflict, PermissionDenied, Problem
from snapp.io.printers import Printer
from snapp.io.masterdata_files import read_masterdata
from snapp.services import (
    aftersales, audit, auth, backup, batches, customers, dashboard, exceptions, expiry, exports, fields, imports,
    lifecycle, lookup, manifests, masterdata, printing, purchasing, recall, receiving, reconciliation, rma_documents,
    stocktake, users, verification,
)  # fmt: skip
from snapp.services.base import Context
from tests.printer_jobs import Listener

READS = {
    "list_suppliers", "list_items", "list_locations", "list_users", "get_po", "list_pos", "find_serial", "list_serials",
    "summary", "recent_verifications", "list_exceptions", "open_exception_counts", "list_stocktakes",
    "stocktake_report", "reconcile_pos", "reconcile_suppliers", "serial_accuracy", "get_manifest", "manifest_counts",
    "get_off_manifest", "trace", "expiring", "stock", "plan_issue",
    "last_location", "list_fields", "find_by_field",
}  # fmt: skip
# What every role may do that writes: its own password, a verification (and the exceptions it or a refused
# receipt opens), a serial's history sheet.
EVERYONE = {"set_password:own", "verify", "_open_for_refusal", "print_serial_history", "print_stocktake"}
MASTER_DATA = {
    "add_supplier", "update_supplier", "add_item", "update_item", "add_location", "update_location",
    "import_masterdata", "set_off_manifest", "define_field", "alter_field",
}  # fmt: skip
PURCHASING = {"create_po", "edit_po", "amend_po", "approve_po", "cancel_po", "close_po", "print_po", "load_manifest",
              "amend_manifest"}  # fmt: skip
RECEIVING = {"receive", "judge_scan", "check_scans", "print_receipt", "set_value"}  # set_value: a unit's custom field corrected by who captures it
WAREHOUSE_MOVES = {"move:issue", "move:restock", "move:transfer", "move:ship", "move:scrap", "move:lose", "move:found",
                   "move:block", "move:release", "block", "release",  # a recall's block and release too
                   "issue"}  # a quantity of a batch item
LABELS = {"print_labels", "send_labels"}
STOCKTAKES = {"start_stocktake", "scan", "close_stocktake", "apply_stocktake"}
SERVICE_MOVES = {"move:repair", "move:unrepair", "move:return"}
SERVICE_DOCUMENTS = {"print_warranty_claim", "print_rma_note"}
RESOLVE = {"resolve_exception"}  # whoever acts on stock or orders; auditors only look
REPORTS = {"print_audit_report", "print_recall", "export_stock_value"}  # finance's figures among them
# Every role's work needs its lists in Excel (Permission.EXPORT, which every role holds); each export is audited.
EXPORTS = {
    "export_serials", "export_history", "export_pos", "export_receipts", "export_recall", "export_receipt", "export_stocktake",
}  # fmt: skip
AUDIT_READS = {"verify_chain", "list_entries", "alerts", "check"}
AUDIT_LOG = {"export_audit"}  # the trail itself, for those who may read it on screen
ADMINISTRATION = {
    "add_user", "set_password:other", "set_active", "set_role", "unlock", "grant_server_role", "backup", "_may_restore",
}  # fmt: skip
EVERYTHING = (
    READS | EVERYONE | MASTER_DATA | PURCHASING | RECEIVING | WAREHOUSE_MOVES | LABELS | STOCKTAKES | SERVICE_MOVES
    | SERVICE_DOCUMENTS | RESOLVE | REPORTS | EXPORTS | AUDIT_READS | AUDIT_LOG | ADMINISTRATION
)  # fmt: skip
NO_AUDIT_ENTRY = READS | AUDIT_READS | {"_may_restore", "judge_scan", "check_scans"}  # judging scans writes nothing
# Written as rows that say who and when themselves, without an audit entry.
RECORDED = {"verify", "_open_for_refusal"}

# Who may do what, written out from the product's description of each role.
ALLOWED = {
    "admin": EVERYTHING,
    "procurement": READS | EVERYONE | MASTER_DATA | PURCHASING | RESOLVE | REPORTS | EXPORTS,
    "warehouse": READS | EVERYONE | RECEIVING | WAREHOUSE_MOVES | LABELS | STOCKTAKES | RESOLVE | EXPORTS,
    "service": READS | EVERYONE | SERVICE_MOVES | SERVICE_DOCUMENTS | RESOLVE | EXPORTS,
    "auditor": READS | EVERYONE | AUDIT_READS | REPORTS | EXPORTS | AUDIT_LOG,
}
MODULES = (
    audit, backup, batches, dashboard, exceptions, expiry, exports, fields, imports, lifecycle, lookup, manifests,
    masterdata, printing, purchasing, recall, receiving, reconciliation, rma_documents, stocktake, users, verification,
)  # fmt: skip


def test_the_matrix_covers_every_service():
    """A service added without a row in the matrix fails here."""
    services = {
        name
        for module in MODULES
        for name, fn in vars(module).items()
        if callable(fn) and hasattr(fn, "permission") and fn.__module__ == module.__name__
    }
    assert services == {name.split(":")[0] for name in EVERYTHING}


@pytest.fixture
def server_role(db):
    """PostgreSQL: a server role to grant to (made for the test, dropped after); SQLite has none."""
    if db.is_sqlite:
        yield None
        return
    name = f"snapp_matrix_{uuid.uuid4().hex[:10]}"
    execute(db, f'CREATE ROLE "{name}" NOLOGIN')
    yield name
    execute(db, f'DROP OWNED BY "{name}"')
    execute(db, f'DROP ROLE "{name}"')


@pytest.fixture
def stage(db, ctx, company, server_role, tmp_path):
    """What each service call needs, prepared by the admin: POs in each state, a unit in each status."""
    users.add_user(ctx, "target", "warehouse", "target's password")
    drafts = [purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5)]).number for _ in range(2)]
    to_close = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5)]).number)
    units = {
        "issue": "U-ISSUE1", "restock": "U-RESTK1", "transfer": "U-TRANS1", "ship": "U-SHIP01", "scrap": "U-SCRAP1",
        "lose": "U-LOSE01", "found": "U-FOUND1", "repair": "U-REPAIR", "unrepair": "U-UNREP1", "return": "U-RETRN1",
        "block": "U-BLOCK1", "release": "U-RELSE1", "recall:block": "U-RBLK01", "recall:release": "U-RREL01",
        "returned": "U-RETCUS",  # shipped to a customer who returned it: its RMA note and warranty claim
    }  # fmt: skip
    receipt = receiving.receive(ctx, company.number, "LAP", [scans(list(units.values()))], location="WH-A")
    lifecycle.move(ctx, "issue", [units["restock"]])
    lifecycle.move(ctx, "repair", [units["unrepair"]])
    lifecycle.move(ctx, "lose", [units["found"]])
    lifecycle.move(ctx, "block", [units["release"], units["recall:release"]])
    customers.add_customer(ctx, customers.CustomerRecord("C-1", "a customer"))
    lifecycle.move(ctx, "ship", [units["returned"]], party=Party(customer="C-1"))
    aftersales.receive_return(ctx, units["returned"], rma="RMA-STAGE", customer="C-1", reason="dead on arrival")
    [case] = verification.verify(ctx, ["NOSUCH01"])
    open_count = stocktake.start_stocktake(ctx, "WH-A").number
    closed_stocktake = stocktake.start_stocktake(ctx, "WH-B").number
    stocktake.close_stocktake(ctx, closed_stocktake)
    listed = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 5)]).number)
    manifests.load_manifest(ctx, listed.number, 1, [scans(["M-STAGE1"])])
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "gauze", tracking="batch", supplier="ACME"))
    gauze = purchasing.approve_po(ctx, purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("GAUZE", 500)]).number)
    receiving.receive(ctx, gauze.number, "GAUZE", lot=Lot("STAGE", None, 100), location="WH-A")
    fields.define_field(ctx, "LAP", FieldDef("Tag", unique="all"))
    return {"approve": drafts[0], "cancel": drafts[1], "close": to_close.number, "receive": company.number,
            "receipt": receipt.number, "units": units, "exception": case.exception_id, "count": open_count,
            "closed_stocktake": closed_stocktake, "server_role": server_role, "folder": tmp_path,
            "manifest": listed.number}  # fmt: skip


def to_label_printer(ctx: Context, receipt: str) -> printing.Printed:
    """A receipt's labels to a printer of its own (a listener takes one job)."""
    listener = Listener()
    try:
        printer = Printer.of(listener.address, "zpl", 203, "thermal-50x30")
        return printing.send_labels(ctx, printing.LabelSource(receipt=receipt), printer)
    finally:
        listener.close()


def calls(ctx: Context, stage: dict, tag: str) -> dict:
    """Every service, as a call that succeeds when the role may make it."""
    units = stage["units"]
    return {
        "list_suppliers": lambda: masterdata.list_suppliers(ctx),
        "list_items": lambda: masterdata.list_items(ctx),
        "list_locations": lambda: masterdata.list_locations(ctx),
        "list_users": lambda: users.list_users(ctx),
        "get_po": lambda: purchasing.get_po(ctx, stage["receive"]),
        "list_pos": lambda: purchasing.list_pos(ctx),
        "find_serial": lambda: lookup.find_serial(ctx, units["issue"]),
        "list_serials": lambda: lookup.list_serials(ctx),
        "add_supplier": lambda: masterdata.add_supplier(ctx, masterdata.SupplierRecord(f"S-{tag}", "new supplier")),
        "update_supplier": lambda: masterdata.update_supplier(ctx, "ACME", contact=f"contact {tag}"),
        "add_item": lambda: masterdata.add_item(ctx, masterdata.ItemRecord(f"I-{tag}", "new item")),
        "update_item": lambda: masterdata.update_item(ctx, "LAP", name=f"laptop {tag}"),
        "add_location": lambda: masterdata.add_location(ctx, masterdata.LocationRecord(f"L-{tag}", "new shelf")),
        "import_masterdata": lambda: imports.import_masterdata(
            ctx, read_masterdata(_locations_file(stage, tag), "locations")
        ),
        "update_location": lambda: masterdata.update_location(ctx, "WH-B", name=f"shelf {tag}"),
        "create_po": lambda: purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 1, Decimal("2"))]),
        "edit_po": lambda: purchasing.edit_po(ctx, stage["approve"], purchasing.POChange(supplier_ref=f"REF-{tag}")),
        "amend_po": lambda: purchasing.amend_po(ctx, stage["receive"], purchasing.POChange(supplier_ref=f"REF-{tag}"),
                                                f"asked by {tag}"),
        "approve_po": lambda: purchasing.approve_po(ctx, stage["approve"]),
        "cancel_po": lambda: purchasing.cancel_po(ctx, stage["cancel"]),
        "close_po": lambda: purchasing.close_po(ctx, stage["close"]),
        "receive": lambda: receiving.receive(ctx, stage["receive"], "LAP", [scans([f"R-{tag}"])], location="WH-A"),
        "add_user": lambda: users.add_user(ctx, f"u-{tag}", "auditor"),
        "set_password:own": lambda: users.set_password(ctx, ctx.user, "my own new password"),
        "set_password:other": lambda: users.set_password(ctx, "target", "someone else's"),
        "set_active": lambda: users.set_active(ctx, "target", False),
        "set_role": lambda: users.set_role(ctx, "target", "service"),
        "unlock": lambda: users.unlock(ctx, "target"),
        "grant_server_role": lambda: _grant(ctx, stage["server_role"]),
        "backup": lambda: backup.backup(ctx, stage["folder"] / f"{tag}.snappbak"),
        "_may_restore": lambda: backup._may_restore(ctx),
        "verify_chain": lambda: audit.verify_chain(ctx),
        "list_entries": lambda: audit.list_entries(ctx),
        "alerts": lambda: audit.alerts(ctx, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), dt.datetime.now(dt.UTC)),
        "check": lambda: backup.check(ctx),
        "move:issue": lambda: lifecycle.move(ctx, "issue", [units["issue"]]),
        "move:restock": lambda: lifecycle.move(ctx, "restock", [units["restock"]], to="WH-B"),
        "move:transfer": lambda: lifecycle.move(ctx, "transfer", [units["transfer"]], to="WH-B"),
        "move:ship": lambda: lifecycle.move(ctx, "ship", [units["ship"]]),
        "move:scrap": lambda: lifecycle.move(ctx, "scrap", [units["scrap"]]),
        "move:repair": lambda: lifecycle.move(ctx, "repair", [units["repair"]]),
        "move:unrepair": lambda: lifecycle.move(ctx, "unrepair", [units["unrepair"]], to="WH-B"),
        "move:return": lambda: lifecycle.move(ctx, "return", [units["return"]]),
        "move:lose": lambda: lifecycle.move(ctx, "lose", [units["lose"]]),
        "move:found": lambda: lifecycle.move(ctx, "found", [units["found"]], to="WH-B"),
        "move:block": lambda: lifecycle.move(ctx, "block", [units["block"]]),
        "move:release": lambda: lifecycle.move(ctx, "release", [units["release"]]),
        "block": lambda: recall.block(ctx, recall.Recall(serials=(units["recall:block"],))),
        "release": lambda: recall.release(ctx, recall.Recall(serials=(units["recall:release"],))),
        "trace": lambda: recall.trace(ctx, recall.Recall(sku="LAP")),
        "expiring": lambda: expiry.expiring(ctx),
        "stock": lambda: batches.stock(ctx, "GAUZE"),
        "plan_issue": lambda: batches.plan_issue(ctx, "GAUZE", 1),
        "issue": lambda: batches.issue(ctx, "GAUZE", 1, to=f"ward {tag}"),
        "last_location": lambda: receiving.last_location(ctx),
        "summary": lambda: dashboard.summary(ctx),
        "verify": lambda: verification.verify(ctx, [units["issue"], f"FAKE-{tag}"]),
        "recent_verifications": lambda: verification.recent_verifications(ctx),
        "list_exceptions": lambda: exceptions.list_exceptions(ctx),
        "open_exception_counts": lambda: exceptions.open_exception_counts(ctx),
        "_open_for_refusal": lambda: exceptions._open_for_refusal(
            ctx, f"receipt {tag}", [Problem("scan 1", "BAD 1", Reason.BAD_CHARACTERS, "has a space")]
        ),
        "resolve_exception": lambda: exceptions.resolve_exception(ctx, stage["exception"], f"settled by {tag}"),
        "start_stocktake": lambda: stocktake.start_stocktake(ctx, "WH-A"),
        "list_stocktakes": lambda: stocktake.list_stocktakes(ctx),
        "stocktake_report": lambda: stocktake.stocktake_report(ctx, stage["count"]),
        "scan": lambda: stocktake.scan(ctx, stage["count"], [scans([units["issue"]])]),
        "close_stocktake": lambda: stocktake.close_stocktake(ctx, stage["count"]),
        "apply_stocktake": lambda: stocktake.apply_stocktake(ctx, stage["closed_stocktake"]),
        "reconcile_pos": lambda: reconciliation.reconcile_pos(ctx),
        "reconcile_suppliers": lambda: reconciliation.reconcile_suppliers(ctx),
        "serial_accuracy": lambda: reconciliation.serial_accuracy(ctx, dt.date(2026, 1, 1)),
        "print_labels": lambda: printing.print_labels(
            ctx, printing.LabelSource(receipt=stage["receipt"]), "a4-3x8", stage["folder"] / f"{tag}-labels.pdf"
        ),
        "send_labels": lambda: to_label_printer(ctx, stage["receipt"]),
        "judge_scan": lambda: receiving.judge_scan(ctx, stage["receive"], f"J-{tag}-0001", "LAP"),
        "check_scans": lambda: manifests.check_scans(ctx, stage["manifest"], 1, [units["issue"], "M-STAGE1", f"C-{tag}"]),
        "print_po": lambda: printing.print_po(ctx, stage["receive"], stage["folder"] / f"{tag}-po.pdf"),
        "print_receipt": lambda: printing.print_receipt(ctx, stage["receipt"], stage["folder"] / f"{tag}-gr.pdf"),
        "print_serial_history": lambda: printing.print_serial_history(
            ctx, units["issue"], stage["folder"] / f"{tag}-serial.pdf"
        ),
        "print_audit_report": lambda: printing.print_audit_report(ctx, "2026-01", stage["folder"] / f"{tag}-audit.pdf"),
        "export_serials": lambda: exports.export_serials(ctx, stage["folder"] / f"{tag}-serials.xlsx"),
        "export_history": lambda: exports.export_history(ctx, stage["folder"] / f"{tag}-history.xlsx", units["issue"]),
        "export_pos": lambda: exports.export_pos(ctx, stage["folder"] / f"{tag}-pos.xlsx"),
        "export_receipts": lambda: exports.export_receipts(ctx, stage["folder"] / f"{tag}-receipts.xlsx"),
        "export_receipt": lambda: exports.export_receipt(ctx, stage["folder"] / f"{tag}-receipt.xlsx", stage["receipt"]),
        "export_stock_value": lambda: exports.export_stock_value(ctx, stage["folder"] / f"{tag}-stock-value.xlsx"),
        "export_audit": lambda: exports.export_audit(ctx, stage["folder"] / f"{tag}-audit.xlsx"),
        "load_manifest": lambda: manifests.load_manifest(ctx, stage["manifest"], 1, [scans([f"M-{tag}-1"])], replace=True),
        "amend_manifest": lambda: manifests.amend_manifest(ctx, stage["manifest"], 1, add=[scans([f"M-{tag}-2"])]),
        "get_manifest": lambda: manifests.get_manifest(ctx, stage["manifest"], 1),
        "manifest_counts": lambda: manifests.manifest_counts(ctx, stage["manifest"]),
        "get_off_manifest": lambda: manifests.get_off_manifest(ctx, supplier="ACME"),
        "set_off_manifest": lambda: manifests.set_off_manifest(ctx, "exception", sku="LAP"),
        "export_stocktake": lambda: exports.export_stocktake(ctx, stage["folder"] / f"{tag}-count.xlsx", stage["closed_stocktake"]),
        "print_stocktake": lambda: printing.print_stocktake(ctx, stage["closed_stocktake"], stage["folder"] / f"{tag}-count.pdf"),
        "export_recall": lambda: exports.export_recall(ctx, stage["folder"] / f"{tag}-recall.xlsx",
                                                       recall.Recall(sku="LAP")),
        "define_field": lambda: fields.define_field(ctx, "LAP", FieldDef(f"F-{tag}")),
        "alter_field": lambda: fields.alter_field(ctx, "LAP", "Tag", choices=()),
        "list_fields": lambda: fields.list_fields(ctx, "LAP"),
        "set_value": lambda: fields.set_value(ctx, units["issue"], "Tag", f"T-{tag}"),
        "find_by_field": lambda: fields.find_by_field(ctx, "T-admin"),
        "print_recall": lambda: printing.print_recall(ctx, recall.Recall(sku="LAP"), stage["folder"] / f"{tag}-r.pdf"),
        "print_warranty_claim": lambda: rma_documents.print_warranty_claim(ctx, units["returned"],
                                                                           stage["folder"] / f"{tag}-claim.pdf"),
        "print_rma_note": lambda: rma_documents.print_rma_note(ctx, "RMA-STAGE", stage["folder"] / f"{tag}-note.pdf"),
    }


def _locations_file(stage: dict, tag: str):
    """A CSV of two new locations for the master-data import."""
    path = stage["folder"] / f"{tag}-locations.csv"
    path.write_text(f"Code,Name\nIMP-{tag}-1,first shelf\nIMP-{tag}-2,second shelf\n", encoding="utf-8")
    return path


def _grant(ctx: Context, role: str | None) -> None:
    """On SQLite the permission gate is passed and the action refused for what it is (no server roles)."""
    if role is None:
        with pytest.raises(Conflict, match="PostgreSQL only"):
            users.grant_server_role(ctx, "nobody")
    else:
        users.grant_server_role(ctx, role)


def state(db) -> dict:
    """The snapshot and the exceptions too: no call in the matrix is refused for its input, so none opens one."""
    return {**snapshot(db), "exceptions": rows(db, "SELECT id, status FROM exceptions ORDER BY id")}


@pytest.mark.parametrize("role", ["admin", "procurement", "warehouse", "service", "auditor"])
def test_the_role_matrix(db, ctx, stage, as_user, role):
    actor = as_user(f"{role}.user", role)
    table = calls(actor, stage, role)
    assert set(table) == EVERYTHING
    allowed, denied = set(), set()
    for name, call in table.items():
        before, mark = state(db), last_audit_id(db)
        try:
            call()
        except PermissionDenied as err:
            denied.add(name)
            assert f"{role}.user" in str(err) and role in str(err)
            assert state(db) == before, f"{name} was refused but wrote something"
            [refusal] = audit_entries(db, mark)
            assert (refusal.user_name, refusal.action, refusal.after) == (
                f"{role}.user", "access.denied", {"reason": str(err)},
            ), name  # fmt: skip
        else:
            allowed.add(name)
            written = audit_entries(db, mark)
            if name in NO_AUDIT_ENTRY or (name == "grant_server_role" and db.is_sqlite):
                assert written == [] and state(db) == before, name
            elif name in RECORDED:
                assert written == [] and state(db) != before, name
            else:
                assert [e.user_name for e in written] == [f"{role}.user"], name
    assert allowed == ALLOWED[role]
    assert denied == EVERYTHING - ALLOWED[role]


def test_an_unknown_user_is_refused_and_the_refusal_audited(db, ctx, company):
    stranger = Context(db, "mallory")
    before, mark = snapshot(db), last_audit_id(db)
    with pytest.raises(PermissionDenied, match="unknown user 'mallory'"):
        masterdata.add_supplier(stranger, masterdata.SupplierRecord("EVIL", "Evil Corp"))
    with pytest.raises(PermissionDenied, match="unknown user"):
        masterdata.list_suppliers(stranger)  # reading too
    assert snapshot(db) == before
    assert [(e.user_name, e.action, e.entity_key) for e in audit_entries(db, mark)] == [
        ("mallory", "access.denied", "masterdata.add_supplier"),
        ("mallory", "access.denied", "masterdata.list_suppliers"),
    ]


def test_a_new_database_has_no_user_and_nobody_is_let_in(db):
    """No silent bootstrap: until the first admin is created explicitly, every call is refused."""
    first = Context(db, "zhang.san")
    with pytest.raises(PermissionDenied, match="no user yet; create its first admin") as refused:
        masterdata.add_location(first, masterdata.LocationRecord("WH", "warehouse"))
    assert refused.value.code == "access.no_users_here" and "snapp" not in str(refused.value)  # the core names no command
    with pytest.raises(PermissionDenied, match="no user yet"):
        masterdata.list_suppliers(first)
    assert snapshot(db)["users"] == 0
    assert auth.needs_first_run(db)

    admin = auth.create_first_admin(db, "zhang.san", "first admin pw")
    assert not auth.needs_first_run(db)
    masterdata.add_location(admin, masterdata.LocationRecord("WH", "warehouse"))
    assert [(u.name, u.role, u.active) for u in users.list_users(admin)] == [("zhang.san", "admin", True)]
    # The first run happens once.
    with pytest.raises(Conflict, match="already has users"):
        auth.create_first_admin(db, "li.si", "another password")
    with pytest.raises(PermissionDenied):
        masterdata.add_location(Context(db, "li.si"), masterdata.LocationRecord("WH2", "second"))


def test_a_disabled_user_is_refused(db, ctx, company, as_user):
    store = as_user("li.na", "warehouse")
    execute(db, "UPDATE users SET active = :no WHERE name = 'li.na'", no=False)
    before, mark = snapshot(db), last_audit_id(db)
    with pytest.raises(PermissionDenied, match="disabled"):
        receiving.receive(store, company.number, "LAP", [scans(["DIS00001"])], location="WH-A")
    with pytest.raises(PermissionDenied, match="disabled"):
        lookup.list_serials(store)
    assert snapshot(db) == before
    assert [e.action for e in audit_entries(db, mark)] == ["access.denied", "access.denied"]


def test_only_an_admin_adds_users_and_roles_are_checked(db, ctx, as_user):
    from snapp.errors import ValidationError

    buyer = as_user("buyer", "procurement")
    with pytest.raises(PermissionDenied):
        users.add_user(buyer, "someone", "admin")
    with pytest.raises(ValidationError) as refused:
        users.add_user(ctx, "  ", "boss")
    assert {p.reason for p in refused.value.problems} == {"name", "role"}
    with pytest.raises(Conflict, match="already exists"):
        users.add_user(ctx, "buyer", "auditor")
    assert [u.name for u in users.list_users(ctx)] == ["admin", "buyer"]
