"""PostgreSQL: what the server role SNApp's users log in with may do.

The schema belongs to an owner role that runs `snapp init` and nothing else;
people and PCs log in with roles that are members of one application role.
That role reads and writes the tables but may only add to the audit trail:
no UPDATE, DELETE or TRUNCATE there, so even someone holding a PC's database
password cannot rewrite history through SQL.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

APPEND_ONLY = ("audit_entries",)
READ_ONLY = ("alembic_version",)  # only the owner migrates


def grant_application_role(conn: Connection, role: str) -> list[str]:
    """Grant ``role`` what SNApp needs in the current schema, in the caller's transaction; returns the statements."""
    quote = conn.dialect.identifier_preparer.quote
    schema = quote(conn.execute(text("SELECT current_schema()")).scalar_one())
    who = quote(role)
    statements = [
        f"GRANT USAGE ON SCHEMA {schema} TO {who}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
        *(f"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{quote(t)} FROM {who}" for t in APPEND_ONLY),
        *(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {schema}.{quote(t)} FROM {who}" for t in READ_ONLY),
    ]
    for statement in statements:
        conn.execute(text(statement))
    return statements
