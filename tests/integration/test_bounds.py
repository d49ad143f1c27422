"""Numbers a user types are bounded when saved, and a row saved before the bounds breaks no list or export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import update

from snapp.db.models import Item
from snapp.domain.items import SERIAL_LENGTH_MAX, WARRANTY_MONTHS_MAX
from snapp.errors import NotFound, ValidationError
from snapp.services import audit, demo, exceptions, exports, lookup, masterdata, printing, purchasing
from snapp.services.lookup import SerialFilter
from snapp.services.masterdata import ItemRecord
from snapp.services.purchasing import LineSpec


@pytest.mark.parametrize(
    ("field", "value"),
    [("warranty_months", 100_000_000), ("warranty_months", -1), ("serial_max_length", 10_000),
     ("serial_min_length", 0)],
)  # fmt: skip
def test_an_item_number_out_of_bounds_is_refused_with_a_code(db, ctx, field, value):
    with pytest.raises(ValidationError) as caught:
        masterdata.add_item(ctx, ItemRecord("BIG", "big", **{field: value}))
    [problem] = caught.value.problems
    assert (problem.reason, problem.message.code) == (field, "validation.between")
    assert masterdata.list_items(ctx) == []


def test_the_bounds_themselves_are_accepted(db, ctx):
    record = ItemRecord("MAX", "max", warranty_months=WARRANTY_MONTHS_MAX, serial_max_length=SERIAL_LENGTH_MAX)
    assert masterdata.add_item(ctx, record).warranty_months == WARRANTY_MONTHS_MAX


def test_a_warranty_beyond_the_calendar_breaks_no_lookup_export_or_pdf(db, ctx, company, receive_units, tmp_path):
    """An item saved before warranties were bounded: its units end their warranty on the calendar's last day."""
    receive_units(["FAR0001"])
    with db.engine.begin() as conn:
        conn.execute(update(Item.__table__).where(Item.sku == "LAP").values(warranty_months=100_000_000))

    [card] = lookup.find_serial(ctx, "FAR0001")
    assert str(card.warranty_end) == "9999-12-31"
    path = tmp_path / "register.xlsx"
    assert exports.export_serials(ctx, path, SerialFilter()).rows == 1
    assert "FAR0001" in str(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())
    assert printing.print_serial_history(ctx, "FAR0001", tmp_path / "far.pdf").count >= 1


def test_a_document_into_a_missing_folder_is_refused_before_it_is_drawn(db, ctx, company, receive_units, tmp_path):
    receive_units(["OUT0001"])
    with pytest.raises(ValidationError, match="the folder .* does not exist"):
        printing.print_serial_history(ctx, "OUT0001", tmp_path / "nowhere" / "h.pdf")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    ("quantity", "price", "reason"),
    [(3_000_000_000, None, "quantity"), (5, Decimal("1e12"), "unit_price"), (5, Decimal("NaN"), "unit_price")],
)
def test_a_po_line_beyond_its_columns_is_refused_not_a_database_error(db, ctx, company, quantity, price, reason):
    with pytest.raises(ValidationError) as caught:
        purchasing.create_po(ctx, "ACME", [LineSpec("LAP", quantity, price)])
    assert [p.reason for p in caught.value.problems] == [reason]


@pytest.mark.parametrize("serials", [0, 10**9])
def test_demo_serials_are_bounded(db, ctx, serials):
    with pytest.raises(ValidationError, match="must be a whole number from 1 to 1,000,000"):
        demo.build_demo(ctx, serials=serials)
    assert masterdata.list_suppliers(ctx) == []


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (10**20, 0), (10, -5), (10, 10**20)])
def test_a_page_no_list_can_have_is_refused_not_a_database_error(db, ctx, limit, offset):
    with pytest.raises(ValidationError) as caught:
        lookup.list_serials(ctx, limit=limit, offset=offset)
    assert [p.message.code for p in caught.value.problems] == ["validation.between"]
    with pytest.raises(ValidationError):
        audit.list_entries(ctx, limit=limit, offset=offset)


def test_an_exception_number_no_column_holds_is_not_found(db, ctx):
    with pytest.raises(NotFound, match="no exception #99999999999999999999"):
        exceptions.resolve_exception(ctx, 99999999999999999999, "checked")


def test_an_unknown_supplier_or_location_is_not_found_by_its_code(db, ctx):
    with pytest.raises(NotFound, match="no supplier with code 'NOPE'") as caught:
        masterdata.update_supplier(ctx, "NOPE", name="x")
    assert caught.value.values == {"supplier": "NOPE"}
    with pytest.raises(NotFound, match="no location with code 'NOPE'"):
        masterdata.update_location(ctx, "NOPE", name="x")
