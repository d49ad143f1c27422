"""A custom field's case rule on SQLite and PostgreSQL: a MAC address typed in either case is one value, so
a second unit with it is refused at receipt and by `field set`, a look-up in the other case finds its unit,
and changing the rule recases the stored values unless two units' values would then clash."""

from __future__ import annotations

from dataclasses import replace

import pytest
from snapp_testkit import add_plain_item, approved_po, scalar

from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef, paste_columns, scan_pairs
from snapp.errors import Conflict, NotFound, ValidationError
from snapp.services import fields, lookup, receiving

MAC = FieldDef("MAC", unique="all", pattern=r"[0-9A-F]{2}(:[0-9A-F]{2}){5}", scanned=True, case="upper")
EITHER_CASE = r"[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}"


@pytest.fixture
def po(ctx, company):
    add_plain_item(ctx, "ROUTER", serial_pattern=r"SN\d{6}", serial_min_length=8, serial_max_length=8)
    fields.define_field(ctx, "ROUTER", MAC)
    return approved_po(ctx, "ACME", ("ROUTER", 20)).number


def mac(n: int, upper: bool = False) -> str:
    text = f"aa:bb:cc:dd:ee:{n:02x}"
    return text.upper() if upper else text


def problems(call, *args, **kwargs) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return [(str(p.position), p.value, str(p.reason)) for p in caught.value.problems]


def test_a_value_is_stored_in_its_fields_case_and_a_duplicate_by_case_is_refused(db, ctx, po):
    pasted = paste_columns(f"SN000001\t{mac(1)}\nSN000002\t{mac(2, upper=True)}", ["MAC"])
    paired = scan_pairs(["SN000003", mac(3)], [MAC])  # the pattern is upper case: a lower-case scan still pairs
    receiving.receive(ctx, po, "ROUTER", [pasted, paired], location="WH-A")
    assert [(c.serial, c.fields) for n in (1, 2, 3) for c in lookup.find_serial(ctx, f"SN00000{n}")] == [
        (f"SN00000{n}", [("MAC", mac(n, upper=True))]) for n in (1, 2, 3)]

    # Twice in one delivery, differing only by case.
    twice = paste_columns(f"SN000004\t{mac(4)}\nSN000005\t{mac(4, upper=True)}", ["MAC"])
    assert problems(receiving.receive, ctx, po, "ROUTER", [twice], location="WH-A") == [
        ("line 2, item 2", mac(4, upper=True), "field_duplicate")]
    # Against a unit stored already: the unique index judges, and the refusal names the unit.
    again = paste_columns("SN000006\taA:bB:cc:DD:ee:01", ["MAC"])
    assert problems(receiving.receive, ctx, po, "ROUTER", [again], location="WH-A") == [
        ("line 1, item 2", mac(1, upper=True), "field_taken")]
    with pytest.raises(Conflict, match=f"MAC {mac(2, upper=True)} is already on unit SN000002 of ROUTER"):
        fields.set_value(ctx, "SN000003", "MAC", mac(2))
    assert scalar(db, "SELECT COUNT(*) FROM serials") == 3


def test_a_value_typed_in_the_other_case_finds_its_unit_everywhere(db, ctx, po):
    receiving.receive(ctx, po, "ROUTER", [paste_columns(f"SN000001\t{mac(1, upper=True)}", ["MAC"])], location="WH-A")
    fields.define_field(ctx, "ROUTER", FieldDef("Host", unique="item", case="lower"))
    fields.define_field(ctx, "ROUTER", FieldDef("Label", unique="item"))  # as typed: case is part of the value
    fields.set_value(ctx, "SN000001", "Host", "Gw-1.Example")
    fields.set_value(ctx, "SN000001", "Label", "Rack-A")
    [card] = lookup.find_serial(ctx, mac(1))
    assert (card.serial, card.fields) == ("SN000001", [("MAC", mac(1, upper=True)), ("Host", "gw-1.example"),
                                                      ("Label", "Rack-A")])  # fmt: skip
    assert [c.serial for c in lookup.find_serial(ctx, "GW-1.EXAMPLE")] == ["SN000001"]
    assert [(m.serial, m.field, m.value) for m in fields.find_by_field(ctx, mac(1))] == [
        ("SN000001", "MAC", mac(1, upper=True))]
    page = lookup.list_serials(ctx, lookup.SerialFilter(field=("mac", mac(1))), with_total=True)
    assert [r.serial for r in page.rows] == ["SN000001"] and page.total == 1
    assert fields.find_by_field(ctx, "rack-a") == []
    with pytest.raises(NotFound):
        lookup.find_serial(ctx, "RACK-A")


def test_changing_the_case_rule_recases_values_unless_two_would_clash_or_one_not_fit(db, ctx, po):
    receiving.receive(ctx, po, "ROUTER", [scans(["SN000001", "SN000002", "SN000003"])], location="WH-A")
    fields.define_field(ctx, "ROUTER", FieldDef("Tag", unique="item"))
    fields.set_value(ctx, "SN000001", "Tag", "ab-1")
    fields.set_value(ctx, "SN000002", "Tag", "AB-1")
    fields.set_value(ctx, "SN000003", "Tag", "cd-2")
    assert problems(fields.alter_field, ctx, "ROUTER", "Tag", case="upper") == [("SN000001, SN000002", "AB-1",
                                                                                 "field_duplicate")]  # fmt: skip
    fields.set_value(ctx, "SN000002", "Tag", "")
    assert problems(fields.alter_field, ctx, "ROUTER", "Tag", case="upper", pattern=r"[a-z]{2}-\d") == [
        ("SN000001", "ab-1", "field_value"), ("SN000003", "cd-2", "field_value")]
    record = fields.alter_field(ctx, "ROUTER", "Tag", case="upper")
    assert (record.case, record.values) == ("upper", 2)
    assert [c.fields[-1] for n in (1, 3) for c in lookup.find_serial(ctx, f"SN00000{n}")] == [("Tag", "AB-1"), ("Tag", "CD-2")]
    with pytest.raises(Conflict, match="Tag AB-1 is already on unit SN000001"):
        fields.set_value(ctx, "SN000002", "Tag", "ab-1")
    with pytest.raises(ValidationError, match="only a text field has a case rule"):
        fields.define_field(ctx, "ROUTER", FieldDef("Weight", kind="number", case="upper"))


def test_a_field_unique_across_items_has_one_case_rule_on_every_item(db, ctx, po):
    # AA:BB on one item and aa:bb on another would be two MAC addresses to the one index they share.
    add_plain_item(ctx, "SWITCH", serial_pattern=r"SW\d{6}", serial_min_length=8, serial_max_length=8)
    as_typed = replace(MAC, case="exact", pattern=EITHER_CASE)
    with pytest.raises(ValidationError) as caught:
        fields.define_field(ctx, "SWITCH", as_typed)
    assert caught.value.problems[0].message.say("en") == (
        "MAC is unique across all items, and on item ROUTER its case rule is “Upper case (AA:BB…)”: give it the same "
        "rule here")  # fmt: skip
    assert "大小写规则为“大写（AA:BB…）”" in caught.value.problems[0].message.say("zh")
    fields.define_field(ctx, "SWITCH", replace(as_typed, unique="item"))  # its own index: its own rule
    with pytest.raises(ValidationError, match="on item ROUTER its case rule"):
        fields.alter_field(ctx, "SWITCH", "MAC", unique="all")
    fields.alter_field(ctx, "SWITCH", "MAC", unique="all", case="upper")

    receiving.receive(ctx, po, "ROUTER", [paste_columns(f"SN000001\t{mac(1)}", ["MAC"])], location="WH-A")
    switches = approved_po(ctx, "ACME", ("SWITCH", 5)).number
    receiving.receive(ctx, switches, "SWITCH", [paste_columns(f"SW000001\t{mac(2)}", ["MAC"])], location="WH-A")
    with pytest.raises(Conflict, match=f"MAC {mac(1, upper=True)} is already on unit SN000001 of ROUTER"):
        fields.set_value(ctx, "SW000001", "MAC", mac(1))

    # The rule changed on one item is changed on the other, its values recased with it, and both changes audited.
    fields.alter_field(ctx, "ROUTER", "MAC", pattern=EITHER_CASE)  # upper-case digits only: no lower-case value fits it
    fields.alter_field(ctx, "SWITCH", "MAC", case="lower")
    assert [(f.sku, f.case) for sku in ("ROUTER", "SWITCH") for f in fields.list_fields(ctx, sku)] == [
        ("ROUTER", "lower"), ("SWITCH", "lower")]
    assert [c.fields for serial in ("SN000001", "SW000001") for c in lookup.find_serial(ctx, serial)] == [
        [("MAC", mac(1))], [("MAC", mac(2))]]
    assert [c.serial for c in lookup.find_serial(ctx, mac(1, upper=True))] == ["SN000001"]
    assert scalar(db, "SELECT COUNT(*) FROM audit_entries WHERE action = 'field.alter' AND entity_key = 'ROUTER/MAC'") == 2
    with pytest.raises(Conflict, match=f"MAC {mac(2)} is already on unit SW000001 of SWITCH"):
        fields.set_value(ctx, "SN000001", "MAC", mac(2, upper=True))
