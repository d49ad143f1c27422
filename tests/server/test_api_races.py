"""Receipts racing and a server killed mid-receipt, through real server processes on real PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from snapp.db.engine import Database
from snapp.db.models import POLine, PurchaseOrder, Receipt, ReceiptLine, Serial, SerialEvent
from snapp.services import purchasing
from tests.conftest import ADMIN_PASSWORD
from tests.server.conftest import Server

PG_ONLY = pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
CLIENTS = 8
BATCH = 300  # serials per client
OVERLAP = 100  # shared with the next client, round the ring: no two neighbours can both win
BIG = 20_000


def approved_po(ctx, quantity: int) -> str:
    po = purchasing.create_po(ctx, "ACME", [purchasing.LineSpec("LAP", quantity)])
    return purchasing.approve_po(ctx, po.number).number


def ring(client: int) -> list[str]:
    """Client ``client``'s serials: its own, and the first OVERLAP of the next client's (the last wraps to the first)."""
    start = client * (BATCH - OVERLAP)
    serials = [f"RACE{(start + n) % (CLIENTS * (BATCH - OVERLAP)):06d}" for n in range(BATCH)]
    return serials if client % 2 else serials[::-1]  # opposite orders: inserts that cross, as deadlocks are made


def audit_verify(db_url: str) -> subprocess.CompletedProcess:
    """`snapp audit verify` as an admin runs it: its own process, its own connection."""
    env = {**os.environ, "SNAPP_PASSWORD": ADMIN_PASSWORD, "SNAPP_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "snapp.cli", "--db", db_url, "--user", "admin", "audit", "verify"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip


@PG_ONLY
def test_eight_clients_receiving_overlapping_serials_at_once_store_each_once_and_losers_hear_which(
    db_url, ctx, company
):  # fmt: skip
    # Two clients per PO: receipts of one PO queue on its lock, receipts of others meet at the serials' unique key.
    pos = [approved_po(ctx, 2 * BATCH) for _ in range(CLIENTS // 2)]
    server = Server(db_url)
    try:
        apis = [server.login() for _ in range(CLIENTS)]
        start = threading.Barrier(CLIENTS)
        answers: list[httpx.Response | None] = [None] * CLIENTS

        def send(client: int) -> None:
            start.wait()
            answers[client] = apis[client].post(f"/pos/{pos[client // 2]}/receipts",
                                                json={"sku": "LAP", "serials": ring(client), "location": "WH-A"})  # fmt: skip

        threads = [threading.Thread(target=send, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)

        winners = [n for n, answer in enumerate(answers) if answer.status_code == 201]
        losers = [n for n, answer in enumerate(answers) if answer.status_code != 201]
        assert winners and losers
        won = {serial for n in winners for serial in ring(n)}
        assert len(won) == BATCH * len(winners)  # no two winners share a serial
        for n in losers:
            answer = answers[n]
            assert answer.status_code == 409 and "problems" in answer.json(), answer.text
            named = [(p["value"], p["reason"]) for p in answer.json()["problems"]]
            assert named and all(reason == "already_received" for _, reason in named), named
            # Each serial named is one a winner holds, and in this client's own list.
            assert {value for value, _ in named} <= won & set(ring(n)), named
        for n in winners:
            detail = apis[0].get(f"/receipts/{answers[n].json()['number']}").json()
            assert sorted(s for line in detail["lines"] for s in line["serials"]) == sorted(ring(n))

        db = Database(db_url)
        try:
            with db.session(write=False) as session:
                stored = session.scalars(select(Serial.serial).where(Serial.serial.startswith("RACE"))).all()
                ours = select(PurchaseOrder.id).where(PurchaseOrder.number.in_(pos))
                receipts = session.scalar(select(func.count()).select_from(Receipt).where(Receipt.po_id.in_(ours)))
                received = session.scalar(select(func.sum(POLine.received)).where(POLine.po_id.in_(ours)))
        finally:
            db.dispose()
        assert sorted(stored) == sorted(won)  # every serial once; nothing of a refused receipt
        assert receipts == len(winners) and received == BATCH * len(winners)
    finally:
        server.stop()
    verified = audit_verify(db_url)
    assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout + verified.stderr


def _in_flight(db: Database, tag: str) -> bool:
    """The server's connection is writing serials inside its receipt's transaction."""
    with db.engine.connect() as conn:
        return bool(conn.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :tag AND xact_start IS NOT NULL"
            " AND query ILIKE 'INSERT INTO serial%'"), {"tag": tag}))  # fmt: skip


def _gone(db: Database, tag: str) -> bool:
    with db.engine.connect() as conn:
        return not conn.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :tag"), {"tag": tag})


@pytest.mark.slow
@PG_ONLY
def test_a_server_killed_mid_receipt_leaves_it_whole_or_absent_and_the_audit_chain_sound(db_url, ctx, company):
    po = approved_po(ctx, BIG)
    tag = f"snapp-kill-{uuid.uuid4().hex[:8]}"  # this test's server connections only: others share the PostgreSQL
    tagged = make_url(db_url).update_query_dict({"application_name": tag}).render_as_string(hide_password=False)
    watcher = Database(db_url)
    serials = [f"BIG{n:07d}" for n in range(BIG)]
    server = Server(tagged)
    outcome: list[object] = []
    try:
        api = server.login()

        def send() -> None:
            try:
                outcome.append(api.post(f"/pos/{po}/receipts", json={"sku": "LAP", "serials": serials, "location": "WH-A"}))
            except httpx.TransportError as err:  # the server died under the request
                outcome.append(err)

        sender = threading.Thread(target=send)
        sender.start()
        deadline = time.monotonic() + 60
        while not _in_flight(watcher, tag):
            assert not outcome, f"the receipt ended before the kill: {outcome}"
            assert time.monotonic() < deadline, "the receipt never started writing serials"
            time.sleep(0.005)
        server.kill()
        sender.join(60)
        assert outcome and isinstance(outcome[0], httpx.TransportError), outcome
        deadline = time.monotonic() + 30
        while not _gone(watcher, tag):  # PostgreSQL notices the dead connection and rolls its transaction back
            assert time.monotonic() < deadline, "the killed server's transaction lingers"
            time.sleep(0.1)
    finally:
        server.stop()

    def written() -> tuple[int, int, int, int]:
        """This PO's units, their events, its receipts and its line's received count."""
        with watcher.session(write=False) as session:
            po_id = session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.number == po))
            mine = select(Serial.id).join(ReceiptLine).join(Receipt).where(Receipt.po_id == po_id)
            return (session.scalar(select(func.count()).select_from(mine.subquery())),
                    session.scalar(select(func.count()).select_from(SerialEvent).where(SerialEvent.serial_id.in_(mine))),
                    session.scalar(select(func.count()).select_from(Receipt).where(Receipt.po_id == po_id)),
                    session.scalar(select(POLine.received).where(POLine.po_id == po_id)))  # fmt: skip

    try:
        first = written()
        assert first in ((0, 0, 0, 0), (BIG, BIG, 1, BIG))  # whole or absent, nothing between
        verified = audit_verify(db_url)
        assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout + verified.stderr

        restarted = Server(db_url)
        try:
            again = restarted.login().post(f"/pos/{po}/receipts", json={"sku": "LAP", "serials": serials, "location": "WH-A"})
        finally:
            restarted.stop()
        # Absent: the same receipt now goes through whole. Whole (committed just before the kill): refused, by serial.
        assert again.status_code == (201 if first[0] == 0 else 409), again.text
        assert written() == (BIG, BIG, 1, BIG)
        assert audit_verify(db_url).returncode == 0
    finally:
        watcher.dispose()
