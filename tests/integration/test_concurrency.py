"""Two clerks receiving the same serial at the same moment: exactly one wins.

The interleaving is forced, not hoped for: clerk A stops inside its
transaction right after inserting the serials; clerk B starts, passes the
look-up (A has not committed), and blocks on the database. Only when B is seen
waiting does A commit; B must then be told "already received" and write
nothing.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from snapp.db.models import AuditEntry, POLine, Receipt, Serial, SerialEvent
from snapp.domain.capture import Reason, scans, serial_range
from snapp.domain.aftersales import Party
from snapp.domain.lifecycle import OWN_SERVICE, TRANSITIONS, Action, allowed_actions
from snapp.errors import Conflict, IllegalTransition, Text, ValidationError
from snapp.services import aftersales, customers, lifecycle, masterdata, purchasing, stocktake, users
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


# --- two moves of one unit at once -----------------------------------------------------------------

# How to bring a received unit (in_stock at WH-A) into each status a move can start from.
_INTO = {"in_stock": None, "issued": "issue", "in_repair": "repair", "lost": "lose", "quarantined": "block"}
_SOURCES = {"in_stock", "issued", "in_repair", "lost", "quarantined", "customer_return"}


def _into_customer_return(ctx: Context, serials: list[str]) -> None:
    """Shipped to a customer, then taken back under an RMA: the after-sales service, not a plain move, does that."""
    customers.add_customer(ctx, customers.CustomerRecord("C-RACE", "Race customer"))
    lifecycle.move(ctx, "ship", serials, party=Party(customer="C-RACE"))
    for n, serial in enumerate(serials):
        aftersales.receive_return(ctx, serial, rma=f"RMA-RACE-{n}", customer="C-RACE", reason="race")


def _pairs(status: str) -> list[tuple[Action, Action]]:
    """Every pair of plain moves from ``status`` (the after-sales service's own moves are raced in its tests)."""
    actions = [a for a in allowed_actions(status) if a not in OWN_SERVICE]
    return [(a, b) for i, a in enumerate(actions) for b in actions[i:]]


def _hold_rows(db, table: str, where: str, params: dict):
    """A third connection locks the rows: both sides read them, then queue on their write until they are let go."""
    conn = db.engine.connect()
    conn.begin()
    conn.execute(text(f"SELECT id FROM {table} WHERE {where} FOR UPDATE"), params)
    return conn, conn.scalar(text("SELECT pg_backend_pid()"))


# Backends waiting on the holder, directly or behind another waiter (a row's second waiter queues on the first).
_QUEUE = text("""
    WITH RECURSIVE queue(pid) AS (
        SELECT pid FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))
        UNION SELECT a.pid FROM pg_stat_activity a JOIN queue q ON q.pid = ANY(pg_blocking_pids(a.pid))
    ) SELECT count(*) FROM queue
""")


def _wait_for_queue(db, holder_pid: int, waiting: int) -> None:
    deadline = time.monotonic() + 20
    with db.engine.connect() as conn:
        while conn.scalar(_QUEUE, {"pid": holder_pid}) < waiting:
            assert time.monotonic() < deadline, "the movers never queued on the held row"
            time.sleep(0.02)


def _together(db, table: str, where: str, calls: dict[str, Callable[[], object]], *, ordered: bool = False,
              **params) -> dict[str, object]:  # fmt: skip
    """Run ``calls`` at once, each after reading the rows ``where`` selects and before writing; outcomes by name.
    ``ordered``: each queues on the rows only after the one before it, so they reach them in ``calls``' order."""
    holder, pid = _hold_rows(db, table, where, params)
    outcome: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            outcome[name] = calls[name]()
        except Exception as err:  # the caller says which kind is expected
            outcome[name] = err

    threads = [threading.Thread(target=run, args=(name,)) for name in calls]
    try:
        for queued, t in enumerate(threads, 1):
            t.start()
            if ordered:
                _wait_for_queue(db, pid, queued)
        _wait_for_queue(db, pid, len(calls))
    finally:
        holder.rollback()
        holder.close()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a mover hung"
    return outcome


@pytest.mark.postgres
@pytest.mark.parametrize("status", sorted(_SOURCES))
def test_two_moves_of_one_unit_at_once_one_wins(pg_url, status, request):
    """Every pair of moves from ``status``, both reading the unit before either writes: one wins, one is told why."""
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    assert _SOURCES == {s for a in Action if a in TRANSITIONS and a not in OWN_SERVICE for s in TRANSITIONS[a].sources}
    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    ctx = create_first_admin(db, "admin", "admin password")
    _make_company(ctx)
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-B", "Second"))
    pairs = _pairs(status)
    serials = [f"PAIR{n:04d}" for n in range(len(pairs))]
    receive(ctx, _approved_po(ctx), "LAP", [scans(serials)], location="WH-A")
    if status == "customer_return":
        _into_customer_return(ctx, serials)
    elif _INTO[status]:
        lifecycle.move(ctx, _INTO[status], serials)

    for serial, (first, second) in zip(serials, pairs, strict=True):
        unit_id = _scalar(db, "SELECT id FROM serials WHERE serial = :s", s=serial)

        def mover(action: Action) -> Callable[[], object]:
            to = "WH-B" if TRANSITIONS[action].needs_location else None
            return lambda: lifecycle.move(ctx, action, [serial], to=to)

        outcome = _together(db, "serials", "id = :id", {"first": mover(first), "second": mover(second)}, id=unit_id)
        won = [name for name, result in outcome.items() if isinstance(result, lifecycle.MoveResult)]
        assert len(won) == 1, (first, second, outcome)
        [lost] = set(outcome) - set(won)
        winner = {"first": first, "second": second}[won[0]]
        now = TRANSITIONS[winner].target.value
        refusal = outcome[lost]
        assert isinstance(refusal, Conflict), (first, second, refusal)
        assert (refusal.code, refusal.values["serial"], refusal.values["status"].code) == (
            "lifecycle.moved_meanwhile", serial, f"status.{now}"
        )
        assert _scalar(db, "SELECT status FROM serials WHERE id = :id", id=unit_id) == now
        history = _scalar(db, "SELECT count(*) FROM serial_events WHERE serial_id = :id AND action = ANY(:moves)",
                          id=unit_id, moves=[first.value, second.value])  # fmt: skip
        assert history == 1, (first, second)


def _scalar(db, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.scalar(text(sql), params)


def _pg_company(pg_url, request) -> Context:
    from snapp.db.engine import Database
    from snapp.db.schema import upgrade

    db = Database(pg_url)
    upgrade(db)
    request.addfinalizer(db.dispose)
    ctx = create_first_admin(db, "admin", "admin password")
    _make_company(ctx)
    return ctx


def _one_wins(outcome: dict[str, object], refusal: type[Exception]) -> tuple[str, Exception]:
    won = [name for name, result in outcome.items() if not isinstance(result, Exception)]
    assert len(won) == 1, outcome
    [lost] = set(outcome) - set(won)
    assert isinstance(outcome[lost], refusal), outcome[lost]
    return won[0], outcome[lost]


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("approved", "first", "second"),
    [(False, "approve", "approve"), (False, "cancel", "cancel"), (True, "close", "cancel")],
)
def test_two_moves_of_one_po_at_once_one_wins(pg_url, request, approved, first, second):
    """Two moves that cannot follow each other: the one that waited is refused, told the PO's new status."""
    ctx = _pg_company(pg_url, request)
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", 10, Decimal("1"))]).number
    if approved:
        purchasing.approve_po(ctx, po)
    verbs = {"first": first, "second": second}
    calls = {name: (lambda verb=verb: getattr(purchasing, f"{verb}_po")(ctx, po)) for name, verb in verbs.items()}
    outcome = _together(ctx.db, "purchase_orders", "number = :po", calls, po=po)
    won, refusal = _one_wins(outcome, IllegalTransition)
    assert Text(f"po_status.{outcome[won].status}") in str(refusal)  # the loser is told the status it found
    moves = _scalar(ctx.db, "SELECT count(*) FROM audit_entries WHERE action IN (:a, :b)", a=f"po.{first}",
                    b=f"po.{second}")  # fmt: skip
    assert moves == 1


@pytest.mark.postgres
def test_a_receipt_and_closing_its_po_at_once_act_one_after_the_other(pg_url, request):
    """Closed first, the receipt is refused; received first, the close starts from the received status."""
    ctx = _pg_company(pg_url, request)
    po = _approved_po(ctx)
    calls = {
        "receive": lambda: receive(ctx, po, "LAP", [serial_range("CL0001..CL0005")], location="WH-A"),
        "close": lambda: purchasing.close_po(ctx, po),
    }
    outcome = _together(ctx.db, "purchase_orders", "number = :po", calls, po=po)
    assert not isinstance(outcome["close"], Exception), outcome["close"]
    assert _scalar(ctx.db, "SELECT status FROM purchase_orders WHERE number = :po", po=po) == "closed"
    closed_from = _scalar(ctx.db, "SELECT before FROM audit_entries WHERE action = 'po.close'")
    if isinstance(outcome["receive"], Exception):
        assert isinstance(outcome["receive"], IllegalTransition) and Text("po_status.closed") in str(outcome["receive"])
        assert _scalar(ctx.db, "SELECT count(*) FROM serials") == 0
        assert json.loads(closed_from) == {"status": "approved"}
    else:
        assert _scalar(ctx.db, "SELECT count(*) FROM serials") == 5
        assert json.loads(closed_from) == {"status": "partially_received"}


@pytest.mark.postgres
def test_two_admins_demoting_each_other_at_once_leave_one_admin(pg_url, request):
    ctx = _pg_company(pg_url, request)
    users.add_user(ctx, "second", "admin")
    second = Context(ctx.db, "second")
    calls = {"admin": lambda: users.set_role(ctx, "second", "warehouse"),
             "second": lambda: users.set_role(second, "admin", "warehouse")}  # fmt: skip
    outcome = _together(ctx.db, "users", "role = 'admin'", calls)
    _one_wins(outcome, Conflict)
    assert _scalar(ctx.db, "SELECT count(*) FROM users WHERE role = 'admin' AND active") == 1


@pytest.mark.postgres
def test_applying_a_stocktake_and_moving_a_unit_it_settles_at_once_one_wins(pg_url, request):
    """The stocktake marks a missing unit lost while a clerk issues it: one of them, never both."""
    ctx = _pg_company(pg_url, request)
    receive(ctx, _approved_po(ctx), "LAP", [scans(["ST0001", "ST0002", "ST0003"])], location="WH-A")
    count = stocktake.start_stocktake(ctx, "WH-A").number
    stocktake.scan(ctx, count, [scans(["ST0001", "ST0002"])])
    stocktake.close_stocktake(ctx, count)
    unit_id = _scalar(ctx.db, "SELECT id FROM serials WHERE serial = 'ST0003'")
    calls = {
        "apply": lambda: stocktake.apply_stocktake(ctx, count),
        "issue": lambda: lifecycle.move(ctx, "issue", ["ST0003"]),
    }
    outcome = _together(ctx.db, "serials", "id = :id", calls, id=unit_id)
    won, refusal = _one_wins(outcome, Conflict)
    now = {"apply": "lost", "issue": "issued"}[won]
    assert (refusal.code, refusal.values["status"].code) == ("lifecycle.moved_meanwhile", f"status.{now}")
    assert _scalar(ctx.db, "SELECT status FROM serials WHERE id = :id", id=unit_id) == now
    assert _scalar(ctx.db, "SELECT count(*) FROM serial_events WHERE serial_id = :id", id=unit_id) == 2
    assert _scalar(ctx.db, "SELECT status FROM stocktakes WHERE number = :n", n=count) == (
        "applied" if won == "apply" else "closed"
    )
