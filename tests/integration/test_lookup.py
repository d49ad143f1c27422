"""Looking up one unit (card, warranty, history) and the filtered, sorted, paged register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from snapp_testkit import add_plain_item, approved_po, serial_names, set_received_at

from snapp.domain.capture import scans
from snapp.errors import NotFound, ValidationError
from snapp.services import lifecycle, lookup, masterdata, receiving
from snapp.services.base import Context
from snapp.services.lookup import SerialFilter


def add_months_by_hand(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    target_year, target_month = day.year + year, month + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(target_year, target_month, d)
        except ValueError:
            continue
    raise AssertionError


def test_find_serial_gives_the_whole_card(db, ctx, company, receive_units):
    scan = "]d20109506000134352" "21CARD0001\x1d10LOT42\x1d17301231"
    receipt = receiving.receive(ctx, company.number, "LAP", [scans([scan])], location="WH-A")
    lifecycle.move(ctx, "transfer", ["CARD0001"], to="WH-B", ref="TR-7", note="to the second warehouse")
    lifecycle.move(ctx, "issue", ["CARD0001"], ref="WO-1")
    lifecycle.move(ctx, "repair", ["CARD0001"], ref="RMA-3", note="screen flickers")

    [card] = lookup.find_serial(ctx, "card0001")

    assert (card.serial, card.sku, card.item_name, card.gtin) == ("CARD0001", "LAP", "ThinkPad 笔记本", "09506000134352")
    assert (card.supplier, card.supplier_name) == ("ACME", "深圳市艾克米电子有限公司")
    assert (card.po, card.receipt) == (company.number, receipt.number)
    assert (card.status, card.location, card.location_name) == ("in_repair", None, None)
    assert card.received_at.tzinfo is not None
    assert abs(card.received_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert card.warranty_months == 24
    assert card.warranty_end == add_months_by_hand(card.received_at.date(), 24)
    assert (card.batch, card.expiry) == ("LOT42", dt.date(2030, 12, 31))
    assert card.allowed == ["unrepair", "return", "scrap"]
    assert [(e.action, e.from_status, e.to_status, e.from_location, e.to_location, e.ref, e.note, e.user)
            for e in card.history] == [
        ("receive", None, "in_stock", None, "WH-A", receipt.number, None, "admin"),
        ("transfer", "in_stock", "in_stock", "WH-A", "WH-B", "TR-7", "to the second warehouse", "admin"),
        ("issue", "in_stock", "issued", "WH-B", None, "WO-1", None, "admin"),
        ("repair", "issued", "in_repair", None, None, "RMA-3", "screen flickers", "admin"),
    ]  # fmt: skip
    times = [e.at for e in card.history]
    assert times == sorted(times)


def test_warranty_end_is_the_received_date_plus_the_items_months(db, ctx, company, receive_units):
    receive_units(["WAR00001", "WAR00002"])
    masterdata.update_item(ctx, "LAP", warranty_months=1)
    # A unit received on 31 January: one month later is the last day of February.
    set_received_at(db, "WAR00001", dt.datetime(2024, 1, 31, 10, tzinfo=dt.UTC))
    set_received_at(db, "WAR00002", dt.datetime(2023, 1, 31, 10, tzinfo=dt.UTC))
    assert lookup.find_serial(ctx, "WAR00001")[0].warranty_end == dt.date(2024, 2, 29)
    assert lookup.find_serial(ctx, "WAR00002")[0].warranty_end == dt.date(2023, 2, 28)


def test_no_warranty_months_means_no_warranty_end(db, ctx, company):
    add_plain_item(ctx, "NOWAR")
    po = approved_po(ctx, "ACME", ("NOWAR", 1))
    receiving.receive(ctx, po.number, "NOWAR", [scans(["NW1"])], location="WH-A")
    [card] = lookup.find_serial(ctx, "NW1")
    assert card.warranty_end is None and card.warranty_days_left() is None


def test_find_serial_returns_one_card_per_item_with_the_serial(db, ctx, company, receive_units):
    add_plain_item(ctx, "DESK")
    po = approved_po(ctx, "ACME", ("DESK", 1))
    receive_units(["TWIN0001"])
    receiving.receive(ctx, po.number, "DESK", [scans(["TWIN0001"])], location="WH-B")
    cards = lookup.find_serial(ctx, "TWIN0001")
    assert [(c.sku, c.location, c.po) for c in cards] == [("DESK", "WH-B", po.number), ("LAP", "WH-A", company.number)]
    assert all(len(c.history) == 1 for c in cards)


def test_an_unknown_serial_is_not_found(db, ctx, company, receive_units):
    receive_units(["KNOWN001"])
    with pytest.raises(NotFound, match="NOPE0001"):
        lookup.find_serial(ctx, "NOPE0001")


# --- the register ----------------------------------------------------------------


@pytest.fixture
def register(db, ctx, company, receive_units):
    """24 units: two items, two suppliers, two POs, both locations, several statuses and received dates."""
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("BETA", "Beta Ltd"))
    masterdata.add_item(ctx, masterdata.ItemRecord("MON", "Monitor", supplier="BETA"))
    beta_po = approved_po(ctx, "BETA", ("MON", 20))
    receive_units(serial_names(10, "AA"), location="WH-A")  # AA000001..AA000010
    receive_units(serial_names(6, "AB"), location="WH-B")  # AB000001..AB000006
    receiving.receive(ctx, beta_po.number, "MON", [scans(serial_names(8, "MN"))], location="WH-A")
    lifecycle.move(ctx, "ship", ["AA000001", "AA000002", "MN000001"])
    lifecycle.move(ctx, "issue", ["AB000001"])
    # Spread the receipt dates: AA on 10 Jan 2025, AB on 20 Jan 2025 (late evening), MN on 1 Feb 2025.
    set_received_at(db, "AA%", dt.datetime(2025, 1, 10, 8, tzinfo=dt.UTC))
    set_received_at(db, "AB%", dt.datetime(2025, 1, 20, 23, 59, 59, tzinfo=dt.UTC))
    set_received_at(db, "MN%", dt.datetime(2025, 2, 1, 0, 0, 0, tzinfo=dt.UTC))
    return {"beta_po": beta_po.number, "lap_po": company.number}


def serials_of(ctx, where: SerialFilter, **kwargs) -> set[str]:
    page = lookup.list_serials(ctx, where, limit=1000, with_total=True, **kwargs)
    assert page.total == len(page.rows)
    return {r.serial for r in page.rows}


def names(prefix: str, numbers) -> set[str]:
    return {f"{prefix}{n:06d}" for n in numbers}


def test_every_filter_of_the_register(db, ctx, register):
    every = names("AA", range(1, 11)) | names("AB", range(1, 7)) | names("MN", range(1, 9))
    assert serials_of(ctx, SerialFilter()) == every
    assert serials_of(ctx, SerialFilter(status="shipped")) == {"AA000001", "AA000002", "MN000001"}
    assert serials_of(ctx, SerialFilter(status="issued")) == {"AB000001"}
    assert serials_of(ctx, SerialFilter(sku="MON")) == names("MN", range(1, 9))
    assert serials_of(ctx, SerialFilter(sku="LAP")) == names("AA", range(1, 11)) | names("AB", range(1, 7))
    assert serials_of(ctx, SerialFilter(location="WH-B")) == names("AB", range(2, 7))
    assert serials_of(ctx, SerialFilter(location="WH-A")) == names("AA", range(3, 11)) | names("MN", range(2, 9))
    assert serials_of(ctx, SerialFilter(supplier="BETA")) == names("MN", range(1, 9))
    assert serials_of(ctx, SerialFilter(supplier="ACME")) == names("AA", range(1, 11)) | names("AB", range(1, 7))
    assert serials_of(ctx, SerialFilter(po=register["beta_po"].lower())) == names("MN", range(1, 9))
    assert serials_of(ctx, SerialFilter(po=register["lap_po"])) == names("AA", range(1, 11)) | names("AB", range(1, 7))
    assert serials_of(ctx, SerialFilter(serial_prefix="AB")) == names("AB", range(1, 7))
    assert serials_of(ctx, SerialFilter(serial_prefix="AA00001")) == {"AA000010"}
    assert serials_of(ctx, SerialFilter(serial_prefix="A")) == names("AA", range(1, 11)) | names("AB", range(1, 7))
    assert serials_of(ctx, SerialFilter(serial_prefix="ZZ")) == set()
    # Dates are whole days, both ends included.
    assert serials_of(ctx, SerialFilter(received_from=dt.date(2025, 1, 11))) == names("AB", range(1, 7)) | names(
        "MN", range(1, 9)
    )
    assert serials_of(ctx, SerialFilter(received_to=dt.date(2025, 1, 20))) == names("AA", range(1, 11)) | names(
        "AB", range(1, 7)
    )
    assert serials_of(ctx, SerialFilter(received_from=dt.date(2025, 1, 20), received_to=dt.date(2025, 1, 20))) == names(
        "AB", range(1, 7)
    )
    assert serials_of(ctx, SerialFilter(received_from=dt.date(2025, 2, 1))) == names("MN", range(1, 9))
    assert serials_of(ctx, SerialFilter(received_to=dt.date(2025, 1, 9))) == set()
    # Filters combine.
    assert serials_of(ctx, SerialFilter(status="in_stock", sku="LAP", location="WH-A", serial_prefix="AA")) == names(
        "AA", range(3, 11)
    )


def test_the_register_row_has_what_the_screen_shows(db, ctx, register):
    [row] = lookup.list_serials(ctx, SerialFilter(serial_prefix="MN000001")).rows
    assert (row.serial, row.sku, row.item_name, row.status, row.location, row.supplier, row.po) == (
        "MN000001", "MON", "Monitor", "shipped", None, "BETA", register["beta_po"],
    )  # fmt: skip
    assert row.received_at == dt.datetime(2025, 2, 1, tzinfo=dt.UTC)


def test_an_unknown_status_or_sort_is_refused(db, ctx, register):
    with pytest.raises(ValidationError, match="not a status"):
        lookup.list_serials(ctx, SerialFilter(status="missing"))
    with pytest.raises(ValidationError, match="sort by one of"):
        lookup.list_serials(ctx, sort="price")


@pytest.mark.parametrize("descending", [False, True])
def test_sort_keys(db, ctx, register, descending):
    def listed(sort: str) -> list[lookup.SerialRow]:
        return lookup.list_serials(ctx, sort=sort, descending=descending, limit=1000).rows

    by_serial = [r.serial for r in listed("serial")]
    assert by_serial == sorted(by_serial, reverse=descending) and len(by_serial) == 24

    by_received = [r.received_at for r in listed("received")]
    assert by_received == sorted(by_received, reverse=descending)
    assert len(set(by_received)) == 3

    by_status = [r.status for r in listed("status")]
    assert by_status == sorted(by_status, reverse=descending)
    assert set(by_status) == {"in_stock", "issued", "shipped"}

    # Updated: the units moved last are the most recently updated.
    moved = {"AA000001", "AA000002", "MN000001", "AB000001"}
    order = [r.serial for r in listed("updated")]
    recent = order[:4] if descending else order[-4:]
    assert set(recent) == moved


def test_paging_covers_every_row_once(db, ctx, register):
    pages = []
    for offset in range(0, 30, 7):
        page = lookup.list_serials(ctx, sort="received", limit=7, offset=offset, with_total=True)
        assert page.total == 24
        pages.append([r.serial for r in page.rows])
    assert [len(p) for p in pages] == [7, 7, 7, 3, 0]
    flat = [s for p in pages for s in p]
    assert len(flat) == len(set(flat)) == 24
    whole = [r.serial for r in lookup.list_serials(ctx, sort="received", limit=100).rows]
    assert flat == whole


def test_paging_is_stable_when_the_sort_key_ties(db, ctx, register):
    # Every AA unit has the same received_at: the pages still do not overlap.
    where = SerialFilter(serial_prefix="AA")
    first = lookup.list_serials(ctx, where, sort="received", limit=5, offset=0).rows
    second = lookup.list_serials(ctx, where, sort="received", limit=5, offset=5).rows
    assert {r.serial for r in first} | {r.serial for r in second} == names("AA", range(1, 11))


def test_with_total_counts_everything_that_matches(db, ctx, register):
    page = lookup.list_serials(ctx, SerialFilter(sku="LAP"), limit=3, with_total=True)
    assert (len(page.rows), page.total) == (3, 16)
    assert lookup.list_serials(ctx, SerialFilter(sku="LAP"), limit=3).total is None


@pytest.fixture
def pg_icu_url(pg_url):
    """A PostgreSQL database whose default collation is a real locale (ICU zh-Hans-CN), as on most
    installations outside a container; dropped afterwards."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.engine import make_url

    base = make_url(pg_url).set(query={})  # the same server, without the per-test search_path
    name = f"snapp_icu_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(
                text(
                    f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'zh-Hans-CN' LOCALE 'C.UTF-8'"
                )
            )
    except DBAPIError as err:  # a server before PostgreSQL 15, or built without ICU
        admin.dispose()
        pytest.skip(f"cannot create an ICU-collated database here: {str(err.orig).splitlines()[0]}")
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@contextmanager
def keep_shop(url: str) -> Iterator[Context]:
    """A migrated database at ``url`` with supplier ACME, item KEEP (serials kept as typed) and location WH."""
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade
    from snapp.services.auth import create_first_admin

    db = Database(url)
    try:
        upgrade(db)
        ctx = create_first_admin(db, "admin", "admin password")
        masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
        add_plain_item(ctx, "KEEP", serial_case="keep")
        masterdata.add_location(ctx, masterdata.LocationRecord("WH", "warehouse"))
        yield ctx
    finally:
        db.dispose()


@pytest.mark.postgres
def test_prefix_filter_is_exact_on_a_postgresql_database_with_a_locale_collation(pg_icu_url):
    with keep_shop(pg_icu_url) as ctx:
        po = approved_po(ctx, "ACME", ("KEEP", 10))
        receiving.receive(ctx, po.number, "KEEP", [scans(["AB0001", "ab0002", "Ab0003", "AC0004"])])
        found = {r.serial for r in lookup.list_serials(ctx, SerialFilter(serial_prefix="AB")).rows}
        assert found == {"AB0001"}


@pytest.mark.postgres
def test_a_card_on_postgresql_is_planned_once_not_at_every_look_up(pg_url):
    """A read ends in COMMIT (it runs READ ONLY), so psycopg keeps its prepared statements between look-ups,
    and one typed serial goes as a parameter of its own: PostgreSQL then settles on generic plans and stops
    planning the unit's eight-table join at every scan."""
    from sqlalchemy import text

    with keep_shop(pg_url) as ctx:
        po = approved_po(ctx, "ACME", ("KEEP", 12))
        receiving.receive(ctx, po.number, "KEEP", [scans([f"PLAN{n}" for n in range(12)])], location="WH")
        for n in range(12):
            assert lookup.find_serial(ctx, f"PLAN{n}")[0].serial == f"PLAN{n}"
        with ctx.db.engine.connect() as conn:  # the pool's one connection, which ran every look-up
            plans = dict(conn.execute(text("SELECT statement, generic_plans FROM pg_prepared_statements")).all())
        [unit_query] = [sql for sql in plans if sql.startswith("SELECT serials.id, serials.serial")]
        [card_query] = [sql for sql in plans if sql.startswith("SELECT serial_events.serial_id")]
        assert plans[unit_query] > 0 and plans[card_query] > 0, plans
        # An array's unknown length makes the generic plan look costly beside a custom one on a large table,
        # and PostgreSQL would plan the join again every time (at 200,000 units: 0 generic plans in 25).
        assert "ANY" not in unit_query, unit_query
