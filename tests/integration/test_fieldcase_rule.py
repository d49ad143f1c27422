"""A custom field's case rule on SQLite and PostgreSQL: a MAC address typed in either case is one value, so
a second unit with it is refused at receipt and by `field set`, a look-up in the other case finds its unit,
and changing the rule recases the stored values unless two units' values would then clash."""

from __future__ import annotations

import pytest
from snapp_testkit import add_plain_item, approved_po, scalar

from snapp.domain.capture import scans
from snapp.domain.fields import FieldDef, paste_columns, scan_pairs
from snapp.errors import Conflict, NotFound, ValidationError
from snapp.services import fields, lookup, receiving

MAC = FieldDef("MAC", unique="all", pattern=r"[0-9A-F]{2}(:[0-9A-F]{2}){5}", scanned=True, case="upper")


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
