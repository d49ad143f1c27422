"""Moving units through their lifecycle: events, refusals, batches, matching of typed serials."""

from __future__ import annotations

import pytest
from snapp_testkit import add_plain_item, approved_po, audit_entries, last_audit_id, rows, snapshot

from snapp.domain.capture import scans
from snapp.errors import PermissionDenied, Text, ValidationError
from snapp.services import lifecycle, lookup, receiving

# The transitions SNApp promises, written out independently of snapp.domain.lifecycle:
# action -> (statuses it starts from, status it ends in, whether it needs a location).
EXPECTED = {
    "issue": ({"in_stock"}, "issued", False),
    "restock": ({"issued"}, "in_stock", True),
    "transfer": ({"in_stock"}, "in_stock", True),
    "repair": ({"in_stock", "issued", "customer_return"}, "in_repair", False),
    "unrepair": ({"in_repair"}, "in_stock", True),
    "return": ({"in_stock", "in_repair", "customer_return", "quarantined"}, "returned_to_supplier", False),
    "ship": ({"in_stock"}, "shipped", False),
    "scrap": ({"in_stock", "issued", "in_repair", "customer_return", "quarantined"}, "scrapped", False),
    "lose": ({"in_stock"}, "lost", False),
    "found": ({"lost"}, "in_stock", True),
    "accept": ({"customer_return"}, "in_stock", True),
    "block": ({"in_stock"}, "quarantined", False),
    "release": ({"quarantined"}, "in_stock", False),
}
# After-sales moves keep a record of their own (tests/integration/test_aftersales.py); a plain move refuses them.
STATUSES = ["in_stock", "issued", "in_repair", "returned_to_supplier", "shipped", "scrapped", "lost", "quarantined"]
# How to bring a freshly received unit (in_stock at WH-A) into each status.
PATH_TO = {
    "in_stock": [],
    "issued": [("issue", None)],
    "in_repair": [("repair", None)],
    "returned_to_supplier": [("return", None)],
    "shipped": [("ship", None)],
    "scrapped": [("scrap", None)],
    "lost": [("lose", None)],
    "quarantined": [("block", None)],
}


def unit(db, serial: str) -> tuple[str, str | None]:
    [(status, location)] = rows(
        db,
        "SELECT s.status, l.code FROM serials s LEFT JOIN locations l ON l.id = s.location_id WHERE s.serial = :s",
        s=serial,
    )
    return status, location


def events(db, serial: str) -> list[tuple]:
    return rows(
        db,
        "SELECT e.action, e.from_status, e.to_status, fl.code, tl.code, e.ref, e.note, u.name "
        "FROM serial_events e JOIN serials s ON s.id = e.serial_id JOIN users u ON u.id = e.user_id "
        "LEFT JOIN locations fl ON fl.id = e.from_location_id LEFT JOIN locations tl ON tl.id = e.to_location_id "
        "WHERE s.serial = :s ORDER BY e.id",
        s=serial,
    )


def test_a_whole_life_through_every_legal_move(db, ctx, company, receive_units):
    receipt = receive_units(["LIFE0001"], location="WH-A")
    steps = [
        # action, to, expected status, expected location
        ("issue", None, "issued", None),
        ("restock", "WH-B", "in_stock", "WH-B"),
        ("transfer", "WH-A", "in_stock", "WH-A"),
        ("repair", None, "in_repair", None),  # from in_stock
        ("unrepair", "WH-B", "in_stock", "WH-B"),
        ("issue", None, "issued", None),
        ("repair", None, "in_repair", None),  # from issued
        ("unrepair", "WH-A", "in_stock", "WH-A"),
        ("issue", None, "issued", None),
        ("scrap", None, "scrapped", None),  # from issued
    ]
    expected_events = [("receive", None, "in_stock", None, "WH-A", receipt.number, None, "admin")]
    status, location = "in_stock", "WH-A"
    for n, (action, to, new_status, new_location) in enumerate(steps, 1):
        result = lifecycle.move(ctx, action, ["LIFE0001"], to=to, ref=f"REF-{n}", note=f"步骤 {n}")
        assert (result.action, result.count, result.to_status, result.to_location) == (action, 1, new_status, to)
        assert unit(db, "LIFE0001") == (new_status, new_location)
        expected_events.append((action, status, new_status, location, new_location, f"REF-{n}", f"步骤 {n}", "admin"))
        status, location = new_status, new_location

    assert events(db, "LIFE0001") == expected_events
    [card] = lookup.find_serial(ctx, "LIFE0001")
    assert [e.action for e in card.history] == [e[0] for e in expected_events]
    assert card.allowed == []


@pytest.mark.parametrize(
    "path, final",
    [
        ([("scrap", None)], "scrapped"),  # from in_stock
        ([("repair", None), ("scrap", None)], "scrapped"),  # from in_repair
    ],
)
def test_ends_of_life_are_final(db, ctx, company, receive_units, path, final):
    receive_units(["END0001"])
    for action, to in path:
        lifecycle.move(ctx, action, ["END0001"], to=to)
    assert unit(db, "END0001") == (final, None)
    for action, (_, _, needs_location) in EXPECTED.items():
        with pytest.raises(ValidationError, match="nothing \\(final status\\)"):
            lifecycle.move(ctx, action, ["END0001"], to="WH-A" if needs_location else None)


@pytest.mark.parametrize("status", STATUSES)
def test_the_transition_table_from_every_status(db, ctx, company, receive_units, status):
    """Every action from every status: allowed exactly when the table says so."""
    names = {action: f"T{status[:6].upper().replace('_', '')}{n:02d}" for n, action in enumerate(EXPECTED, 1)}
    receive_units(list(names.values()))
    for action, (sources, target, needs_location) in EXPECTED.items():
        serial = names[action]
        for step, to in PATH_TO[status]:
            lifecycle.move(ctx, step, [serial], to=to)
        to = ("WH-B" if status == "in_stock" and action == "transfer" else "WH-A") if needs_location else None
        if status in sources:
            lifecycle.move(ctx, action, [serial], to=to)
            assert unit(db, serial)[0] == target
            assert events(db, serial)[-1][:3] == (action, status, target)
        else:
            before = snapshot(db)
            with pytest.raises(ValidationError) as refused:
                lifecycle.move(ctx, action, [serial], to=to)
            assert snapshot(db) == before
            message = str(refused.value)
            assert Text(f"status.{status}") in message  # named as the user knows it
            allowed = [a for a, (srcs, _, _) in EXPECTED.items() if status in srcs]
            for a in allowed:
                assert Text(f"verb.{a}") in message


def test_an_illegal_move_names_the_status_and_the_allowed_moves(db, ctx, company, receive_units):
    receive_units(["ILL0001"])
    lifecycle.move(ctx, "issue", ["ILL0001"], ref="WO-1")
    before = snapshot(db)
    audit = last_audit_id(db)

    with pytest.raises(ValidationError) as refused:
        lifecycle.move(ctx, "ship", ["ILL0001"])

    [problem] = refused.value.problems
    assert problem.reason == "illegal_transition" and problem.value == "ILL0001"
    assert "Issued" in problem.message
    assert "return from issue, send to repair, scrap" in problem.message
    assert "nothing was changed" in str(refused.value)
    assert snapshot(db) == before
    assert audit_entries(db, audit) == []
    assert unit(db, "ILL0001") == ("issued", None)


def test_a_batch_with_one_illegal_serial_changes_none(db, ctx, company, receive_units):
    batch = [f"BAT{n:04d}" for n in range(1, 6)]
    receive_units(batch)
    lifecycle.move(ctx, "ship", ["BAT0003"])
    before = snapshot(db)

    with pytest.raises(ValidationError) as refused:
        lifecycle.move(ctx, "issue", batch + ["NOSUCH01"], ref="WO-9")

    assert [(p.value, p.reason) for p in refused.value.problems] == [
        ("BAT0003", "illegal_transition"),
        ("NOSUCH01", "not_found"),
    ]
    assert snapshot(db) == before
    assert {unit(db, s)[0] for s in batch if s != "BAT0003"} == {"in_stock"}


def test_a_batch_move_writes_one_event_per_unit_and_one_audit_entry(db, ctx, company, receive_units):
    batch = [f"MB{n:05d}" for n in range(1, 31)]
    receive_units(batch, location="WH-A")
    audit = last_audit_id(db)

    result = lifecycle.move(ctx, "transfer", batch, to="WH-B", ref="TR-1", note="rebalance")

    assert result.count == 30
    assert {unit(db, s) for s in batch} == {("in_stock", "WH-B")}
    for serial in batch:
        assert events(db, serial)[-1] == ("transfer", "in_stock", "in_stock", "WH-A", "WH-B", "TR-1", "rebalance", "admin")
    [entry] = audit_entries(db, audit)
    assert entry.action == "serial.transfer" and entry.entity_key == "30 serials"
    assert entry.after["serials"] == batch and entry.after["location"] == "WH-B"


def test_a_transfer_to_where_the_unit_already_is_is_refused(db, ctx, company, receive_units):
    receive_units(["SAME0001"], location="WH-A")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="already at WH-A"):
        lifecycle.move(ctx, "transfer", ["SAME0001"], to="WH-A")
    assert snapshot(db) == before


def test_a_move_that_takes_no_location_refuses_one(db, ctx, company, receive_units):
    receive_units(["LOC00001"])
    with pytest.raises(ValidationError, match="needs no location"):
        lifecycle.move(ctx, "ship", ["LOC00001"], to="WH-B")
    assert unit(db, "LOC00001") == ("in_stock", "WH-A")


def test_a_move_to_a_shelf_needs_a_location_when_there_are_several(db, ctx, company, receive_units):
    receive_units(["LOC00002"])
    lifecycle.move(ctx, "issue", ["LOC00002"])
    with pytest.raises(ValidationError, match="choose a location"):
        lifecycle.move(ctx, "restock", ["LOC00002"])
    assert unit(db, "LOC00002") == ("issued", None)


def test_an_ambiguous_serial_needs_the_sku(db, ctx, company, receive_units):
    add_plain_item(ctx, "DESK")
    desk_po = approved_po(ctx, "ACME", ("DESK", 5))
    receive_units(["TWIN0001"])
    receiving.receive(ctx, desk_po.number, "DESK", [scans(["TWIN0001"])], location="WH-B")
    before = snapshot(db)

    with pytest.raises(ValidationError) as refused:
        lifecycle.move(ctx, "issue", ["TWIN0001"])
    [problem] = refused.value.problems
    assert problem.reason == "ambiguous" and "DESK" in problem.message and "LAP" in problem.message
    assert snapshot(db) == before

    lifecycle.move(ctx, "issue", ["TWIN0001"], sku="DESK")
    statuses = dict(
        rows(db, "SELECT i.sku, s.status FROM serials s JOIN items i ON i.id = s.item_id WHERE s.serial = 'TWIN0001'")
    )
    assert statuses == {"DESK": "issued", "LAP": "in_stock"}


def test_typed_serials_match_an_upper_case_item_in_any_case_and_width(db, ctx, company, receive_units):
    receive_units(["abc12345", "XYZ98765"])  # stored upper case
    assert lifecycle.move(ctx, "issue", ["Abc12345", "ｘｙｚ98765 "]).count == 2
    assert unit(db, "ABC12345") == ("issued", None)
    assert unit(db, "XYZ98765") == ("issued", None)
    assert [c.sku for c in lookup.find_serial(ctx, "abc12345")] == ["LAP"]


def test_an_item_that_keeps_case_matches_only_the_exact_case(db, ctx, company):
    add_plain_item(ctx, "KEEP", serial_case="keep")
    po = approved_po(ctx, "ACME", ("KEEP", 5))
    receiving.receive(ctx, po.number, "KEEP", [scans(["AbC123"])], location="WH-A")
    with pytest.raises(ValidationError, match="no unit with this serial"):
        lifecycle.move(ctx, "issue", ["ABC123"])
    assert lifecycle.move(ctx, "issue", ["AbC123"]).count == 1


def test_the_same_serial_twice_in_one_move_is_one_unit(db, ctx, company, receive_units):
    receive_units(["ONCE0001"])
    result = lifecycle.move(ctx, "issue", ["ONCE0001", "once0001", " ONCE0001"])
    assert result.count == 1
    assert len(events(db, "ONCE0001")) == 2


def test_an_empty_move_is_refused(db, ctx, company):
    with pytest.raises(ValidationError, match="no serials"):
        lifecycle.move(ctx, "issue", ["", "  "])


def test_a_warehouse_user_cannot_repair_and_service_cannot_ship(db, ctx, company, receive_units, as_user):
    receive_units(["PERM0001"])
    store, service = as_user("li.na", "warehouse"), as_user("wang.qiang", "service")
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        lifecycle.move(store, "repair", ["PERM0001"])
    with pytest.raises(PermissionDenied):
        lifecycle.move(service, "ship", ["PERM0001"])
    assert snapshot(db) == before
    lifecycle.move(service, "repair", ["PERM0001"])
    assert events(db, "PERM0001")[-1][-1] == "wang.qiang"
