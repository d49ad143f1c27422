"""The audit trail: one entry per change, written with the change, none for a refusal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from snapp_testkit import audit_entries, last_audit_id, snapshot

from snapp.domain.capture import scans
from snapp.errors import Conflict, IllegalTransition, NotFound, PermissionDenied, SnappError, ValidationError
from snapp.services import lifecycle, masterdata, purchasing, receiving, users
from snapp.services.auth import create_first_admin


def test_the_first_run_and_the_first_change_are_audited(db):
    ctx = create_first_admin(db, "wang.fang", "first admin pw")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme", phone="+86 21 1234"))
    first_run, created = audit_entries(db)
    assert (first_run.user_name, first_run.action, first_run.entity, first_run.entity_key) == (
        "wang.fang", "user.create", "user", "wang.fang",
    )  # fmt: skip
    assert first_run.before is None and first_run.after == {"role": "admin", "first_run": True}
    assert (created.user_name, created.action, created.entity, created.entity_key) == (
        "wang.fang", "supplier.create", "supplier", "ACME",
    )  # fmt: skip
    assert created.before is None
    assert created.after == {
        "code": "ACME", "name": "Acme", "contact": None, "phone": "+86 21 1234", "email": None, "address": None,
    }  # fmt: skip


def test_a_refused_first_run_leaves_nothing(db):
    with pytest.raises(ValidationError, match="at least 8 characters"):
        create_first_admin(db, "wang.fang", "short")
    assert audit_entries(db) == []
    assert snapshot(db)["users"] == 0


@pytest.fixture
def staged(db, ctx, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["AUD00001", "AUD00002"])], location="WH-A")
    draft = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 2, Decimal("10"))])
    return {"po": company.number, "draft": draft.number}


# name -> (call, expected action, entity, entity_key, before, after); keys that depend on the run use callables.
def write_calls(ctx, staged):
    return [
        ("add_supplier", lambda: masterdata.add_supplier(ctx, masterdata.SupplierRecord("NEW", "New Co")),
         "supplier.create", "supplier", "NEW", None, lambda a: a["name"] == "New Co"),
        ("update_supplier", lambda: masterdata.update_supplier(ctx, "ACME", email="sales@acme.example"),
         "supplier.update", "supplier", "ACME",
         lambda b: b["email"] is None and b["name"] == "深圳市艾克米电子有限公司",
         lambda a: a["email"] == "sales@acme.example"),
        ("add_item", lambda: masterdata.add_item(ctx, masterdata.ItemRecord("MOUSE", "Mouse", gtin="4006381333931")),
         "item.create", "item", "MOUSE", None, lambda a: a["gtin"] == "04006381333931"),
        ("update_item", lambda: masterdata.update_item(ctx, "LAP", warranty_months=36),
         "item.update", "item", "LAP", lambda b: b["warranty_months"] == 24, lambda a: a["warranty_months"] == 36),
        ("add_location", lambda: masterdata.add_location(ctx, masterdata.LocationRecord("QA", "Inspection")),
         "location.create", "location", "QA", None, lambda a: a == {"code": "QA", "name": "Inspection"}),
        ("update_location", lambda: masterdata.update_location(ctx, "WH-B", name="Overflow"),
         "location.update", "location", "WH-B", lambda b: b == {"code": "WH-B", "name": "Second warehouse"},
         lambda a: a == {"code": "WH-B", "name": "Overflow"}),
        ("create_po", lambda: purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 3, Decimal("1.5"))]),
         "po.create", "purchase_order", None, None,
         lambda a: (a["supplier"], a["status"]) == ("ACME", "draft")
         and [[no, sku, qty, Decimal(price)] for no, sku, qty, price in a["lines"]] == [[1, "LAP", 3, Decimal("1.5")]]),
        ("edit_po", lambda: purchasing.edit_po(ctx, staged["draft"], purchasing.POChange(supplier_ref="SO-7")),
         "po.edit", "purchase_order", staged["draft"], lambda b: b == {"supplier_ref": None},
         lambda a: a == {"supplier_ref": "SO-7"}),
        ("approve_po", lambda: purchasing.approve_po(ctx, staged["draft"]),
         "po.approve", "purchase_order", staged["draft"], lambda b: b == {"status": "draft"},
         lambda a: a == {"status": "approved"}),
        ("amend_po", lambda: purchasing.amend_po(ctx, staged["draft"], purchasing.POChange(tax_rate=Decimal(13)), "VAT"),
         "po.amend", "purchase_order", staged["draft"], lambda b: b["tax_rate"] == "0.00",
         lambda a: (a["tax_rate"], a["reason"], a["amendment"]) == ("13.00", "VAT", 1)),
        ("close_po", lambda: purchasing.close_po(ctx, staged["po"]),
         "po.close", "purchase_order", staged["po"], lambda b: b == {"status": "partially_received"},
         lambda a: a == {"status": "closed"}),
        ("cancel_po", lambda: purchasing.cancel_po(ctx, staged["draft"]),
         "po.cancel", "purchase_order", staged["draft"], lambda b: b == {"status": "approved"},
         lambda a: a == {"status": "cancelled"}),
        ("add_user", lambda: users.add_user(ctx, "chen.jing", "auditor"),
         "user.create", "user", "chen.jing", None, lambda a: a == {"role": "auditor", "password": False}),
        ("move", lambda: lifecycle.move(ctx, "ship", ["AUD00001"], ref="SO-1", note="客户"),
         "serial.ship", "serial", "AUD00001", lambda b: b == {"status": ["in_stock"], "location": ["WH-A"]},
         lambda a: a == {"serials": ["AUD00001"], "status": "shipped", "location": None, "ref": "SO-1", "note": "客户"}),
    ]  # fmt: skip


def test_each_write_service_adds_exactly_one_entry(db, ctx, staged):
    for name, call, action, entity, key, before, after in write_calls(ctx, staged):
        mark = last_audit_id(db)
        result = call()
        entries = audit_entries(db, mark)
        assert len(entries) == 1, name
        [entry] = entries
        assert (entry.user_name, entry.action, entry.entity) == ("admin", action, entity), name
        assert entry.entity_key == (key if key is not None else result.number), name
        assert (entry.before is None) if before is None else before(entry.before), (name, entry.before)
        assert after(entry.after), (name, entry.after)


def test_a_receipt_is_audited_once_whatever_its_size(db, ctx, company):
    mark = last_audit_id(db)
    record = receiving.receive(ctx, company.number, "LAP", [scans([f"BIG{n:05d}" for n in range(60)])], location="WH-B")
    [entry] = audit_entries(db, mark)
    assert (entry.action, entry.entity, entry.entity_key) == ("receipt.post", "receipt", record.number)
    assert entry.after["quantity"] == 60


@pytest.mark.parametrize(
    "refusal",
    ["duplicate code", "validation", "illegal po move", "over-receipt", "illegal serial move", "permission",
     "not found"],
)  # fmt: skip
def test_a_refused_action_adds_no_entry_but_a_denial_its_own(db, ctx, staged, as_user, refusal):
    auditor = as_user("auditor", "auditor")
    mark = last_audit_id(db)
    calls = {
        "duplicate code": (Conflict, lambda: masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "again"))),
        "validation": (ValidationError, lambda: masterdata.add_item(ctx, masterdata.ItemRecord("X", "", gtin="123"))),
        "illegal po move": (IllegalTransition, lambda: purchasing.approve_po(ctx, staged["po"])),
        "over-receipt": (
            ValidationError,
            lambda: receiving.receive(ctx, staged["po"], "LAP", [scans([f"OV{n:04d}" for n in range(99)])], location="WH-A"),
        ),
        "illegal serial move": (ValidationError, lambda: lifecycle.move(ctx, "unrepair", ["AUD00001"], to="WH-A")),
        "permission": (PermissionDenied, lambda: masterdata.update_item(auditor, "LAP", name="hacked")),
        "not found": (NotFound, lambda: masterdata.update_supplier(ctx, "NOPE", name="x")),
    }
    error, call = calls[refusal]
    before = snapshot(db)
    with pytest.raises(SnappError) as refused:
        call()
    assert isinstance(refused.value, error)
    written = [(e.user_name, e.action, e.entity_key) for e in audit_entries(db, mark)]
    assert written == ([("auditor", "access.denied", "masterdata.update_item")] if refusal == "permission" else [])
    assert snapshot(db) == before
