"""PostgreSQL: the application's server role works SNApp but can only append to the audit trail."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from snapp.db.engine import Database
from snapp.db.schema import upgrade
from snapp.services import audit, auth, masterdata, users

pytestmark = pytest.mark.postgres


@pytest.fixture
def app_role(pg_url):
    """A login role made for this test (clusters share roles: a unique name, dropped afterwards)."""
    owner = Database(pg_url)
    upgrade(owner)
    name = f"snapp_app_{uuid.uuid4().hex[:10]}"
    with owner.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'))
    admin = auth.create_first_admin(owner, "admin", "admin password")
    granted = users.grant_server_role(admin, name)
    url = make_url(pg_url).set(username=name).render_as_string(hide_password=False)
    yield owner, Database(url), granted
    with owner.engine.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{name}"'))
        conn.execute(text(f'DROP ROLE "{name}"'))
    owner.dispose()


def test_the_application_role_runs_snapp_but_cannot_rewrite_the_trail(app_role):
    owner, as_app, granted = app_role
    assert any("REVOKE UPDATE, DELETE, TRUNCATE ON" in s and "audit_entries" in s for s in granted)
    try:
        # Everything SNApp does works through this role: log in, change data, audit, verify.
        ctx = auth.login(as_app, "admin", "admin password")
        masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
        masterdata.update_supplier(ctx, "ACME", name="Acme Ltd")
        assert audit.verify_chain(ctx).ok

        for statement in (
            "UPDATE audit_entries SET user_name = 'nobody' WHERE seq = 1",
            "DELETE FROM audit_entries WHERE seq = 1",
            "TRUNCATE audit_entries",
            "UPDATE alembic_version SET version_num = 'x'",
        ):
            with as_app.engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
                conn.execute(text(statement))
        assert audit.verify_chain(ctx).ok
    finally:
        as_app.dispose()


def test_the_owner_is_not_what_people_log_in_with(app_role):
    """What the README asks for: the application role is no superuser and owns nothing."""
    owner, as_app, _ = app_role
    try:
        with as_app.engine.connect() as conn:
            assert conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar() is False
            owned = conn.execute(
                text("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user")
            ).scalar()
            assert owned == 0
    finally:
        as_app.dispose()
