"""Serialization failures and deadlocks on PostgreSQL are retried, a bounded number of times."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from snapp.domain.permissions import Permission
from snapp.services import users
from snapp.services.auth import create_first_admin
from snapp.services.base import MAX_ATTEMPTS, UnitOfWork, service

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_url):
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    db = Database(pg_url)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)"))
        conn.execute(text("INSERT INTO counters VALUES (1, 0), (2, 0)"))
    ctx = create_first_admin(db, "admin", "admin password")
    users.add_user(ctx, "clerk", "warehouse")
    yield ctx
    db.dispose()


def test_deadlock_victim_is_retried_and_both_succeed(pg):
    barrier = threading.Barrier(2)
    attempts: list[str] = []

    @service(Permission.VIEW)
    def bump_in_order(uow: UnitOfWork, name: str, first: int, second: int) -> None:
        attempts.append(name)
        uow.session.execute(text("UPDATE counters SET n = n + 1 WHERE id = :id"), {"id": first})
        if attempts.count(name) == 1:
            barrier.wait(10)  # both hold their first row: the second update deadlocks
        uow.session.execute(text("UPDATE counters SET n = n + 1 WHERE id = :id"), {"id": second})

    errors: list[BaseException] = []

    def run(name: str, first: int, second: int) -> None:
        try:
            bump_in_order(pg, name, first, second)
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=run, args=("a", 1, 2)), threading.Thread(target=run, args=("b", 2, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(attempts) in (["a", "a", "b"], ["a", "b", "b"]), attempts  # one victim, retried once
    with pg.db.engine.connect() as conn:
        assert conn.execute(text("SELECT n FROM counters ORDER BY id")).scalars().all() == [2, 2]


def test_retries_are_bounded(pg):
    attempts = []

    @service(Permission.VIEW)
    def always_conflicts(uow: UnitOfWork) -> None:
        attempts.append(1)
        # A real serialization failure raised by the server, every time.
        uow.session.execute(text("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$"))

    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError) as caught:
        always_conflicts(pg)
    assert caught.value.orig.sqlstate == "40001"
    assert len(attempts) == MAX_ATTEMPTS
