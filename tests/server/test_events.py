"""The event feed and webhooks: nothing announced that did not happen, nothing that happened missed."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from snapp.services.webhooks import SIGNATURE_HEADER, sign, signature_ok
from tests.server.conftest import Server, free_port

WAIT_SECONDS = 30


class Receiver:
    """A real HTTP receiver on 127.0.0.1 that keeps what it was sent; it can be stopped and started again."""

    def __init__(self, secret: str = "", port: int | None = None, answer: int = 200, delay: float = 0.0):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.secret, self.answer, self.delay = secret, answer, delay
        self.received: list[dict] = []
        self.headers: list[dict] = []
        self.started = threading.Event()
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.started.set()
                time.sleep(receiver.delay)
                if receiver.secret:
                    assert signature_ok(receiver.secret, self.headers[SIGNATURE_HEADER], body, time.time())
                receiver.received.append(json.loads(body))
                receiver.headers.append(dict(self.headers))
                self.send_response(receiver.answer)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int) -> list[dict]:
        deadline = time.monotonic() + WAIT_SECONDS
        while len({e["id"] for e in self.received}) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.received


def receive(api, po: str, serials: list[str]):
    response = api.post(f"/pos/{po}/receipts", json={"sku": "LAP", "serials": serials, "location": "WH-A"})
    assert response.status_code == 201, response.text
    return response.json()


def test_the_feed_gives_every_change_in_commit_order_with_a_cursor(server, company):
    api = server.login()
    start = api.get("/events").json()["next"]
    receipt = receive(api, company.number, ["SN000001", "SN000002"])
    api.post("/moves", json={"action": "issue", "serials": ["SN000001"], "ref": "WO-7"})

    page = api.get("/events", params={"after": start}).json()
    assert [(e["type"], e["key"]) for e in page["events"]] == [
        ("receipt.posted", receipt["number"]),
        ("serial.moved", "SN000001"),
    ]
    moved = page["events"][1]
    assert moved["data"]["serials"] == ["SN000001"] and moved["data"]["status"] == "issued"
    assert api.get("/events", params={"after": page["next"]}).json()["events"] == []
    only = api.get("/events", params={"after": 0, "types": "receipt.posted"}).json()["events"]
    assert [e["type"] for e in only] == ["receipt.posted"]
    assert api.get("/events", params={"types": "receipt.eaten"}).status_code == 422

    detail = api.get(f"/receipts/{receipt['number']}").json()
    assert detail["po"] == company.number and detail["supplier"] == "ACME"
    [line] = detail["lines"]
    assert (line["sku"], line["quantity"], line["unit_price"], line["amount"]) == ("LAP", 2, "6899.0000", "13798.0000")
    assert line["serials"] == ["SN000001", "SN000002"] and detail["total"] == "13798.0000"


def test_a_webhook_is_signed_and_a_receiver_down_for_a_while_loses_nothing(server, company):
    api = server.login()
    receiver = Receiver().start()
    created = api.post("/webhooks", json={"name": "erp", "url": receiver.url, "types": ["receipt.posted", "serial.moved"]})
    assert created.status_code == 201, created.text
    receiver.secret = created.json()["secret"]

    receive(api, company.number, ["SN000001"])
    [first] = receiver.wait_for(1)
    assert first["type"] == "receipt.posted"
    assert receiver.headers[0]["Idempotency-Key"] == f"snapp-event-{first['id']}"

    receiver.stop()  # the ERP is down for a while
    receive(api, company.number, ["SN000002"])
    api.post("/moves", json={"action": "scrap", "serials": ["SN000002"]})
    deadline = time.monotonic() + WAIT_SECONDS
    while not any(not d["ok"] for d in api.get("/webhooks/erp/deliveries").json()) and time.monotonic() < deadline:
        time.sleep(0.1)
    failed = [d for d in api.get("/webhooks/erp/deliveries").json() if not d["ok"]]
    assert failed and failed[0]["error"]  # the log says why

    receiver.start()  # back on the same address
    got = receiver.wait_for(3)
    assert [e["type"] for e in got] == ["receipt.posted", "receipt.posted", "serial.moved"]
    assert [e["id"] for e in got] == sorted(e["id"] for e in got)
    deadline = time.monotonic() + WAIT_SECONDS
    while api.get("/webhooks").json()[0]["cursor"] != got[-1]["id"] and time.monotonic() < deadline:
        time.sleep(0.05)  # the receiver has answered; SNApp records it right after
    assert api.get("/webhooks").json()[0]["cursor"] == got[-1]["id"]
    receiver.stop()


def test_a_server_killed_mid_delivery_delivers_again_after_restart_and_invents_nothing(db_url, company):
    receiver = Receiver(delay=1.0).start()
    server = Server(db_url)
    api = server.login()
    receiver.secret = api.post("/webhooks", json={"name": "erp", "url": receiver.url}).json()["secret"]
    receipt = receive(api, company.number, ["SN000001"])
    assert receiver.started.wait(WAIT_SECONDS)
    server.kill()  # the POST is in flight: SNApp never hears the answer
    receiver.delay = 0.0
    again = Server(db_url)
    try:
        got = receiver.wait_for(1)
        deadline = time.monotonic() + WAIT_SECONDS
        while len(got) < 2 and time.monotonic() < deadline:  # at least once: the lease ran out, sent again
            time.sleep(0.1)
        assert {e["key"] for e in got} == {receipt["number"]}
        assert len(got) >= 2 and len({e["id"] for e in got}) == 1
    finally:
        again.stop()
        receiver.stop()


def test_a_receiver_refuses_a_replayed_or_altered_post():
    body = b'{"id": 7, "type": "receipt.posted"}'
    now = time.time()
    header = sign("whsec_x", int(now), body)
    assert signature_ok("whsec_x", header, body, now)
    assert not signature_ok("whsec_x", header, body, now + 3600)  # the same POST an hour later
    assert not signature_ok("whsec_x", header, body.replace(b"7", b"8"), now)
    assert not signature_ok("whsec_other", header, body, now)
    assert not signature_ok("whsec_x", "t=abc,v1=00", body, now)


@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True)
def test_two_servers_on_one_postgresql_share_tokens_and_deliver_each_event_once(db_url, company):
    receiver = Receiver().start()
    one, two = Server(db_url), Server(db_url)
    try:
        api_one = one.login()
        api_two = two.client(api_one.headers["Authorization"].removeprefix("Bearer "))
        assert api_two.get("/me").json()["user"] == "admin"  # a token from one server works on the other
        receiver.secret = api_one.post("/webhooks", json={"name": "erp", "url": receiver.url}).json()["secret"]
        for n in range(1, 11):
            api = api_one if n % 2 else api_two
            receive(api, company.number, [f"SN0000{n:02d}"])
        got = receiver.wait_for(10)
        time.sleep(1)  # anything sent twice would have arrived by now
        assert len(got) == 10 and len({e["id"] for e in got}) == 10
        assert api_one.delete("/session").status_code == 204
        assert api_two.get("/me").status_code == 401  # logged out on one, out on both
    finally:
        one.stop()
        two.stop()
        receiver.stop()


def test_finance_reads_the_value_of_stock_as_it_was(server, company):
    api = server.login()
    receive(api, company.number, ["SN000001", "SN000002", "SN000003"])
    before_issue = api.get("/events").json()["events"][-1]["at"]
    time.sleep(0.01)
    api.post("/moves", json={"action": "issue", "serials": ["SN000001"]})
    now = api.get("/finance/stock-value").json()
    by_status = {(line["location"], line["status"]): (line["units"], line["value"]) for line in now["lines"]}
    assert by_status == {("WH-A", "in_stock"): (2, "13798.0000"), (None, "issued"): (1, "6899.0000")}
    assert now["total"] == "20697.0000"
    then = api.get("/finance/stock-value", params={"at": before_issue}).json()
    assert [(line["status"], line["units"]) for line in then["lines"]] == [("in_stock", 3)]
    shelf = api.get("/finance/stock-value", params={"status": "in_stock"}).json()
    assert shelf["total"] == "13798.0000"
