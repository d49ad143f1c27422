"""Opening a database that cannot be reached is a refusal with the reason, not a crash."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from snapp.cli import main
from snapp.db.schema import open_database
from snapp.errors import DatabaseUnavailable
from tests.conftest import PG_URL


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_named(pg_url, capsys):
    missing = make_url(PG_URL).set(database="snapp_no_such_db").render_as_string(hide_password=False)
    with pytest.raises(DatabaseUnavailable, match='database "snapp_no_such_db" does not exist'):
        open_database(missing)
    assert main(["--db", missing, "supplier", "list"]) == 2
    assert "cannot open the database" in capsys.readouterr().err


def test_an_unreachable_server_is_named():
    with pytest.raises(DatabaseUnavailable, match="cannot open the database"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
