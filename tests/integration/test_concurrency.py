"""Two clerks receiving the same serial at the same moment: exactly one wins.

The interleaving is forced, not hoped for: clerk A stops inside its
transaction right after inserting the serials; clerk B starts, passes the
look-up (A has not committed), and blocks on the database. Only when B is seen
waiting does A commit; B must then be told "already received" and write
nothing.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from snapp.db.models import AuditEntry, POLine, Receipt, Serial, SerialEvent
from snapp.domain.capture import Reason, serial_range
from snapp.errors import ValidationError
from snapp.services import purchasing, users
from snapp.services.auth import create_first_admin
from snapp.services.base import Context
from snapp.services.receiving import receive

SERIALS = "SN000001..SN000050"


def _counts(db) -> dict[str, int]:
    with db.session(write=False) as s:
        return {
            "serials": s.scalar(select(func.count()).select_from(Serial)),
            "events": s.scalar(select(func.count()).select_from(SerialEvent)),
            "receipts": s.scalar(select(func.count()).select_from(Receipt)),
            "received": s.scalar(select(func.sum(POLine.received))),
            "receipt_audits": s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "receipt.post")
            ),
        }


def _blocked_backends(db) -> int:
    """Sessions of this database waiting on a lock held by another transaction."""
    with db.engine.connect() as conn:
        return conn.scalar(
            text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
        )


def _race(db, clerk_a: Context, clerk_b: Context, po_a: str, po_b: str, wait_until_blocked) -> dict:
    a_inserted = threading.Event()
    outcome: dict[str, object] = {}

    def hold_until_b_waits(done: int, total: int) -> None:
        a_inserted.set()
        wait_until_blocked()

    def run(name: str, ctx: Context, po: str, progress=None) -> None:
        try:
            outcome[name] = receive(ctx, po, "LAP", [serial_range(SERIALS)], location="WH-A", progress=progress)
        except Exception as err:  # the assertion below says which kind is expected
            outcome[name] = err

    a = threading.Thread(target=run, args=("a", clerk_a, po_a, hold_until_b_waits))
    b = threading.Thread(target=run, args=("b", clerk_b, po_b))
    a.start()
    assert a_inserted.wait(30), "clerk A never reached its insert"
    b.start()
    a.join(60)
    b.join(60)
    assert not a.is_alive() and not b.is_alive(), "a clerk hung"
    return outcome


def _clerks(ctx) -> tuple[Context, Context]:
    users.add_user(ctx, "clerk.a", "warehouse")
    users.add_user(ctx, "clerk.b", "warehouse")
    return Context(ctx.db, "clerk.a"), Context(ctx.db, "clerk.b")


def _assert_one_winner(db, outcome: dict) -> None:
    assert not isinstance(outcome["a"], Exception), outcome["a"]
    loser = outcome["b"]
    assert isinstance(loser, ValidationError), f"clerk B should be refused, got {loser!r}"
    assert {p.reason for p in loser.problems} == {Reason.ALREADY_RECEIVED}
    assert len(loser.problems) == 50
    assert "already received" in loser.problems[0].message
    assert _counts(db) == {"serials": 50, "events": 50, "receipts": 1, "received": 50, "receipt_audits": 1}


@pytest.mark.postgres
@pytest.mark.parametrize("same_line", [True, False], ids=["same PO line", "two POs"])
def test_two_clerks_same_serials_on_postgresql(pg_url, same_line, request):
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    ctx = create_first_admin(db, "admin", "admin password")
    _make_company(ctx)
    po_a = _approved_po(ctx)
    po_b = po_a if same_line else _approved_po(ctx)
    clerk_a, clerk_b = _clerks(ctx)

    def wait_until_blocked() -> None:
        deadline = time.monotonic() + 20
        while _blocked_backends(db) == 0:
            assert time.monotonic() < deadline, "clerk B never blocked on clerk A's transaction"
            time.sleep(0.02)

    outcome = _race(db, clerk_a, clerk_b, po_a, po_b, wait_until_blocked)
    _assert_one_winner(db, outcome)


def test_two_clerks_same_serials_on_sqlite(sqlite_path):
    from snapp.db.engine import Database, sqlite_url
    from snapp.db.schema import upgrade

    db = Database(sqlite_url(sqlite_path))
    upgrade(db)
    ctx = create_first_admin(db, "admin", "admin password")
    _make_company(ctx)
    po_a, po_b = _approved_po(ctx), _approved_po(ctx)
    clerk_a, clerk_b = _clerks(ctx)

    # SQLite queues writers (BEGIN IMMEDIATE + busy timeout): B waits for A's
    # commit, then its look-up sees A's serials.
    outcome = _race(db, clerk_a, clerk_b, po_a, po_b, lambda: time.sleep(0.5))
    _assert_one_winner(db, outcome)


@pytest.mark.postgres
def test_simultaneous_receipts_many_rounds(pg_url):
    """No forced interleaving: eight clerks released together, over and over; one wins each round."""
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    db = Database(pg_url)
    upgrade(db)
    ctx = create_first_admin(db, "admin", "admin password")
    _make_company(ctx)
    clerks = []
    for n in range(8):
        users.add_user(ctx, f"clerk.{n}", "warehouse")
        clerks.append(Context(db, f"clerk.{n}"))
    for round_no in range(5):
        pos = [_approved_po(ctx) for _ in clerks]
        barrier = threading.Barrier(len(clerks))
        results: list[object] = [None] * len(clerks)

        def run(i: int) -> None:
            barrier.wait()
            try:
                results[i] = receive(clerks[i], pos[i], "LAP", [serial_range(f"R{round_no}-0001..R{round_no}-0020")],
                                     location="WH-A")  # fmt: skip
            except ValidationError as err:
                results[i] = err

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clerks))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        winners = [r for r in results if not isinstance(r, ValidationError)]
        assert len(winners) == 1, results
        for r in results:
            if isinstance(r, ValidationError):
                assert {p.reason for p in r.problems} == {Reason.ALREADY_RECEIVED}
    counts = _counts(db)
    assert counts["serials"] == counts["events"] == counts["received"] == 5 * 20
    assert counts["receipts"] == counts["receipt_audits"] == 5
    db.dispose()


def _make_company(ctx: Context) -> None:
    from snapp.services import masterdata

    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    masterdata.add_item(ctx, masterdata.ItemRecord("LAP", "Laptop", serial_min_length=4))
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-A", "Main"))


def _approved_po(ctx: Context) -> str:
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 100, Decimal("1"))])
    return purchasing.approve_po(ctx, po.number).number
