"""Custom fields on SQLite and PostgreSQL: defining and altering them, setting a unit's value (audited, in its
history), finding units by a value, and the unique index that keeps an IMEI on one unit whoever stores it."""

from __future__ import annotations

import threading

import pytest
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, rows, scalar

from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef
from snapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from snapp.services import fields, lookup, receiving

IMEI = FieldDef("IMEI", unique="all", pattern=r"\d{15}")


@pytest.fixture
def phones(ctx, company):
    """Two items that both carry an IMEI unique across all items, and three units of each."""
    add_plain_item(ctx, "PHONE")
    add_plain_item(ctx, "TABLET")
    po = approved_po(ctx, "ACME", ("PHONE", 10), ("TABLET", 10))
    for sku, prefix in (("PHONE", "P"), ("TABLET", "T")):
        fields.define_field(ctx, sku, IMEI)
        receiving.receive(ctx, po.number, sku, [scans([f"{prefix}-{n}" for n in range(1, 4)])], location="WH-A")
    return po


def test_an_admin_defines_fields_and_the_definition_is_audited(db, ctx, company):
    mark = last_audit_id(db)
    record = fields.define_field(ctx, "LAP", FieldDef(" Grade ", kind="choice", choices=("A", "B"), required=True))
    fields.define_field(ctx, "LAP", FieldDef("Firmware"))
    assert (record.name, record.kind, record.choices, record.required) == ("Grade", "choice", ("A", "B"), True)
    assert [f.name for f in fields.list_fields(ctx, "LAP")] == ["Grade", "Firmware"]
    [entry, _] = audit_entries(db, mark)
    assert (entry.action, entry.entity_key, entry.after["choices"]) == ("field.define", "LAP/Grade", ["A", "B"])


def test_a_bad_definition_or_a_second_field_of_a_name_is_refused(db, ctx, company):
    with pytest.raises(ValidationError) as refused:
        fields.define_field(ctx, "LAP", FieldDef("Serial No"))
    assert [p.reason for p in refused.value.problems] == ["name"]
    with pytest.raises(ValidationError):
        fields.define_field(ctx, "LAP", FieldDef("Grade", kind="choice"))
    fields.define_field(ctx, "LAP", FieldDef("IMEI"))
    with pytest.raises(Conflict, match="has a field of this name already"):
        fields.define_field(ctx, "LAP", FieldDef("imei"))
    add_plain_item(ctx, "BULK", tracking="batch")
    with pytest.raises(ValidationError, match="not tracked by serial"):
        fields.define_field(ctx, "BULK", FieldDef("IMEI"))
    assert scalar(db, "SELECT COUNT(*) FROM field_defs") == 1


def test_only_master_data_roles_define_and_only_receivers_set_values(db, ctx, phones, as_user):
    buyer, clerk, auditor = as_user("buyer", "procurement"), as_user("clerk", "warehouse"), as_user("aud", "auditor")
    fields.define_field(buyer, "PHONE", FieldDef("Colour"))
    with pytest.raises(PermissionDenied):
        fields.define_field(clerk, "PHONE", FieldDef("Size"))
    fields.set_value(clerk, "P-1", "IMEI", "356938035643809")
    with pytest.raises(PermissionDenied):
        fields.set_value(auditor, "P-1", "IMEI", "356938035643817")
    assert [m.serial for m in fields.find_by_field(auditor, "356938035643809")] == ["P-1"]


def test_setting_a_value_is_an_event_in_the_units_history_and_an_audit_entry(db, ctx, phones):
    mark = last_audit_id(db)
    first = fields.set_value(ctx, "P-1", "imei", " 356938035643809 ")
    second = fields.set_value(ctx, "P-1", "IMEI", "356938035643817")
    assert (first.before, first.after, second.before, second.after) == (
        None, "356938035643809", "356938035643809", "356938035643817")
    [card] = lookup.find_serial(ctx, "P-1")
    assert card.fields == [("IMEI", "356938035643817")]
    changes = [(e.action, e.to_status, e.note) for e in card.history if e.action == "field"]
    assert changes == [("field", "in_stock", "IMEI: — → 356938035643809"),
                       ("field", "in_stock", "IMEI: 356938035643809 → 356938035643817")]
    entries = [(e.action, e.entity_key, e.before, e.after) for e in audit_entries(db, mark)]
    assert entries[-1] == ("field.set", "PHONE/P-1", {"IMEI": "356938035643809"}, {"IMEI": "356938035643817"})
    # Setting what is there already changes nothing; clearing removes the value, as an event too.
    fields.set_value(ctx, "P-1", "IMEI", "356938035643817")
    fields.set_value(ctx, "P-1", "IMEI", "")
    assert scalar(db, "SELECT COUNT(*) FROM field_values") == 0
    assert scalar(db, "SELECT COUNT(*) FROM serial_events WHERE action = 'field'") == 3


def test_a_bad_value_is_refused_naming_serial_field_value_and_reason(db, ctx, phones):
    with pytest.raises(ValidationError) as refused:
        fields.set_value(ctx, "P-1", "IMEI", "12345")
    [problem] = refused.value.problems
    assert (problem.value, problem.reason) == ("12345", "field_value")
    assert "IMEI of P-1: does not match the field's pattern" in str(problem)
    with pytest.raises(NotFound, match="no field Colour"):
        fields.set_value(ctx, "P-1", "Colour", "red")
    assert scalar(db, "SELECT COUNT(*) FROM serial_events WHERE action = 'field'") == 0


def test_an_imei_is_unique_across_items_and_a_clash_names_the_unit_that_has_it(db, ctx, phones):
    fields.set_value(ctx, "P-1", "IMEI", "356938035643809")
    with pytest.raises(Conflict, match="IMEI 356938035643809 is already on unit P-1 of PHONE"):
        fields.set_value(ctx, "T-1", "IMEI", "356938035643809")
    # Unique within the item only: another item may carry the same asset tag.
    for sku in ("PHONE", "TABLET"):
        fields.define_field(ctx, sku, FieldDef("Asset tag", unique="item"))
    fields.set_value(ctx, "P-1", "Asset tag", "AT-1")
    fields.set_value(ctx, "T-1", "Asset tag", "AT-1")
    with pytest.raises(Conflict):
        fields.set_value(ctx, "P-2", "Asset tag", "AT-1")
    assert [(m.serial, m.sku, m.field) for m in fields.find_by_field(ctx, "AT-1")] == [
        ("P-1", "PHONE", "Asset tag"), ("T-1", "TABLET", "Asset tag")]


def test_the_database_refuses_a_second_imei_that_no_service_checked(db, ctx, phones):
    """The unique index itself, not a look first: a row written past the services is refused too."""
    from sqlalchemy.exc import IntegrityError

    fields.set_value(ctx, "P-1", "IMEI", "356938035643809")
    [(unit, field)] = rows(db, "SELECT s.id, d.id FROM serials s, field_defs d WHERE s.serial = 'T-1' AND d.item_id = s.item_id")
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("INSERT INTO field_values (serial_id, field_id, value, scope) VALUES (:u, :f, :v, 'all:imei')"),
                     {"u": unit, "f": field, "v": "356938035643809"})


@pytest.mark.postgres
def test_two_postgresql_sessions_cannot_both_store_one_imei(db, ctx, phones, pg_url):
    """One session has stored the IMEI and not committed; the other's store waits on the index, then is refused."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL only: SQLite has one writer at a time")
    from sqlalchemy import text

    [(unit, field)] = rows(db, "SELECT s.id, d.id FROM serials s, field_defs d WHERE s.serial = 'P-1' AND d.item_id = s.item_id")
    outcome: list[object] = []
    with db.engine.connect() as first:
        first.begin()
        first.execute(text("INSERT INTO field_values (serial_id, field_id, value, scope) VALUES (:u, :f, :v, 'all:imei')"),
                      {"u": unit, "f": field, "v": "356938035643809"})

        def other() -> None:
            try:
                outcome.append(fields.set_value(ctx, "T-1", "IMEI", "356938035643809"))
            except Conflict as err:
                outcome.append(err)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(1.0)
        assert thread.is_alive(), "the second session should wait for the first"
        first.commit()
    thread.join(10)
    [result] = outcome
    assert isinstance(result, Conflict) and result.code in ("unique_constraint.field_value", "field.taken")
    assert rows(db, "SELECT value FROM field_values") == [("356938035643809",)]


def test_altering_a_field_keeps_stored_values_valid_and_unique(db, ctx, phones):
    fields.define_field(ctx, "PHONE", FieldDef("Tag"))
    fields.set_value(ctx, "P-1", "Tag", "A-1")
    fields.set_value(ctx, "P-2", "Tag", "A-1")
    fields.set_value(ctx, "P-3", "Tag", "b-2")
    with pytest.raises(ValidationError, match="no longer be unique") as refused:
        fields.alter_field(ctx, "PHONE", "Tag", unique="item")
    assert [(p.value, str(p.position)) for p in refused.value.problems] == [("A-1", "P-1, P-2")]
    with pytest.raises(ValidationError, match="do not fit") as refused:
        fields.alter_field(ctx, "PHONE", "Tag", pattern=r"[A-Z]-\d")
    assert [p.value for p in refused.value.problems] == ["b-2"]
    with pytest.raises(ValidationError):
        fields.alter_field(ctx, "PHONE", "Tag", kind="number")
    assert [f.unique for f in fields.list_fields(ctx, "PHONE") if f.name == "Tag"] == ["none"]

    fields.set_value(ctx, "P-2", "Tag", "")
    mark = last_audit_id(db)
    record = fields.alter_field(ctx, "PHONE", "Tag", unique="item", required=True, name="Asset tag")
    assert (record.name, record.unique, record.required, record.values) == ("Asset tag", "item", True, 2)
    with pytest.raises(Conflict):
        fields.set_value(ctx, "P-2", "Asset tag", "A-1")
    [entry] = audit_entries(db, mark)
    assert (entry.action, entry.before["name"], entry.after["name"]) == ("field.alter", "Tag", "Asset tag")


def test_a_typed_imei_finds_its_unit_in_lookup_and_the_register_filters_by_a_field(db, ctx, phones):
    fields.set_value(ctx, "T-2", "IMEI", "356938035643809")
    [card] = lookup.find_serial(ctx, "356938035643809")
    assert (card.serial, card.sku, card.fields) == ("T-2", "TABLET", [("IMEI", "356938035643809")])
    page = lookup.list_serials(ctx, lookup.SerialFilter(field=("imei", "356938035643809")), with_total=True)
    assert [r.serial for r in page.rows] == ["T-2"] and page.total == 1
    with pytest.raises(NotFound):
        lookup.find_serial(ctx, "356938035643817")


def test_an_older_database_is_brought_forward_and_going_back_keeps_values_from_being_lost(db, ctx, phones):
    from snapp.db.schema import current_revision, downgrade, head_revision, upgrade

    downgrade(db, "0013_recall")  # no value stored yet: the tables go, the units stay
    assert current_revision(db) == "0013_recall" and scalar(db, "SELECT COUNT(*) FROM serials") == 6
    upgrade(db)
    assert current_revision(db) == head_revision() and fields.list_fields(ctx, "PHONE") == []
    fields.define_field(ctx, "PHONE", IMEI)
    fields.set_value(ctx, "P-1", "IMEI", "356938035643809")
    with pytest.raises(RuntimeError, match="1 custom field value"):
        downgrade(db, "0013_recall")
    assert current_revision(db) == head_revision()
    assert [m.serial for m in fields.find_by_field(ctx, "356938035643809")] == ["P-1"]
