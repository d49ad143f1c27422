"""Fixtures: a fresh, migrated database per test, on SQLite and on PostgreSQL.

PostgreSQL tests use SNAPP_TEST_PG (default: the local server at
127.0.0.1:5432, database test). Without a reachable server they skip and say
how to enable them; with SNAPP_TEST_PG_REQUIRED=1 (as in CI) they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from snapp.db.engine import Database, sqlite_url
from snapp.db.schema import upgrade
from snapp.services import masterdata, purchasing
from snapp.services.auth import FAST_HASHING_SETTING, create_first_admin
from snapp.services.base import Context

# Hundreds of users are created per run: tiny argon2 parameters keep that fast.
# tests/integration/test_auth.py runs the real ones.
os.environ[FAST_HASHING_SETTING] = "1"
ADMIN_PASSWORD = "admin password"

PG_URL = os.environ.get("SNAPP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PG_REQUIRED = os.environ.get("SNAPP_TEST_PG_REQUIRED") == "1"
_pg_state: dict[str, str | None] = {}


def _pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None; asked once per test session."""
    if "reason" not in _pg_state:
        try:
            engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            engine.dispose()
            _pg_state["reason"] = None
        except Exception as err:  # any failure to connect means: no server for these tests
            _pg_state["reason"] = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    return _pg_state["reason"]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A database URL whose search_path is a fresh schema, dropped afterwards."""
    if reason := _pg_unavailable():
        message = (
            f"PostgreSQL not reachable at {make_url(PG_URL).render_as_string(hide_password=True)} ({reason}); "
            "start a server or set SNAPP_TEST_PG=postgresql+psycopg://USER@HOST:PORT/DB to run these tests"
        )
        if PG_REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def sqlite_path(tmp_path):
    return tmp_path / "snapp.db"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "snapp.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url) -> Iterator[Database]:
    database = Database(db_url)
    upgrade(database)
    yield database
    database.dispose()


@pytest.fixture
def ctx(db) -> Context:
    """Acting as "admin", the database's first user, created as the first run does (password ADMIN_PASSWORD)."""
    return create_first_admin(db, "admin", ADMIN_PASSWORD)


@pytest.fixture
def company(ctx):
    """A supplier, a serialised item with a rule and a GTIN, two locations, and an approved PO of 100."""
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "深圳市艾克米电子有限公司"))
    masterdata.add_item(
        ctx,
        masterdata.ItemRecord(
            "LAP", "ThinkPad 笔记本", gtin="9506000134352", serial_min_length=6, serial_max_length=20,
            serial_case="upper", warranty_months=24, supplier="ACME",
        ),
    )  # fmt: skip
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "主仓库"))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-B", "Second warehouse"))
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 100, Decimal("6899.00"))])
    return purchasing.approve_po(ctx, po.number)
