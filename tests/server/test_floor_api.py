"""What the floor client asks of the server: a retried POST answered once, one scan judged at a time, its files."""

from __future__ import annotations

import threading

from snapp.services import users

RECEIPT = {"sku": "LAP", "serials": ["KEYED0001", "KEYED0002"], "location": "WH-A"}
GS1 = "0109506000134352" + "21{serial}"


def test_a_retried_post_gets_the_first_answer_and_changes_nothing_more(server, company, ctx):
    api = server.login()
    url = f"/pos/{company.number}/receipts"
    first = api.post(url, json=RECEIPT, headers={"Idempotency-Key": "scan-1"})
    assert first.status_code == 201, first.text
    again = api.post(url, json=RECEIPT, headers={"Idempotency-Key": "scan-1"})
    assert (again.status_code, again.json(), again.headers["Idempotency-Replayed"]) == (201, first.json(), "true")
    assert api.get(f"/pos/{company.number}").json()["lines"][0]["received"] == 2

    # The same key for another request is a mistake the caller must hear about.
    other = api.post(url, json={**RECEIPT, "serials": ["KEYED0003"]}, headers={"Idempotency-Key": "scan-1"})
    assert (other.status_code, other.json()["error"]) == (409, "idempotency.key_reused")

    # A refusal is an answer too: replayed, not run again against a changed ledger.
    refused = api.post(url, json=RECEIPT, headers={"Idempotency-Key": "scan-2", "Accept-Language": "zh-CN"})
    assert refused.status_code == 409 and refused.json()["problems"][0]["reason"] == "already_received"
    assert api.post(url, json=RECEIPT, headers={"Idempotency-Key": "scan-2"}).json() == refused.json()

    # Keys belong to their caller: another person's "scan-1" is theirs.
    users.add_user(ctx, "clerk", "warehouse", "password 123")
    clerk = server.login("clerk", "password 123")
    theirs = clerk.post(url, json={**RECEIPT, "serials": ["KEYED0004"]}, headers={"Idempotency-Key": "scan-1"})
    assert theirs.status_code == 201, theirs.text

    too_long = api.post(url, json=RECEIPT, headers={"Idempotency-Key": "k" * 201})
    assert (too_long.status_code, too_long.json()["error"]) == (400, "idempotency.bad_key")
    # Without credentials the key is ignored and the route refuses as it always does.
    with server.client() as anonymous:
        assert anonymous.post(url, json=RECEIPT, headers={"Idempotency-Key": "scan-1"}).status_code == 401


def test_copies_of_one_request_racing_are_applied_once(server, company):
    api = server.login()
    token = api.headers["Authorization"]
    answers: list[int] = []

    def send() -> None:
        with server.client(Authorization=token) as client:
            answer = client.post(f"/pos/{company.number}/receipts", headers={"Idempotency-Key": "race"},
                                 json={**RECEIPT, "serials": ["RACE0001"]})  # fmt: skip
            answers.append(answer.status_code)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 201 in answers and set(answers) <= {201, 409}, answers
    assert api.get(f"/pos/{company.number}").json()["lines"][0]["received"] == 1
    [card] = api.get("/serials/RACE0001").json()
    assert [e["action"] for e in card["history"]] == ["receive"]


def test_one_receiving_scan_is_judged_without_writing(server, company):
    api = server.login()
    judge = lambda scan, **more: api.post("/floor/receiving/judge", json={"po": company.number, "scan": scan, **more},  # noqa: E731
                                          headers={"Accept-Language": "zh-CN"}).json()  # fmt: skip
    picked = judge(GS1.format(serial="gs1serial01"))
    assert (picked["ok"], picked["serial"], picked["sku"], picked["line_no"], picked["remaining"]) == (True, "GS1SERIAL01", "LAP", 1, 100)
    assert picked["message"] == "正确"
    assert judge("PLAIN00001")["ok"] is False  # no line chosen and nothing in the scan to choose one
    assert judge("PLAIN00001", sku="LAP")["ok"] is True
    short = judge("ab", sku="LAP")
    assert short["ok"] is False and "6" in short["message"]
    foreign = judge("0104006381333931" + "21SER0001")
    assert foreign["ok"] is False and "04006381333931" in foreign["message"]
    api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["TAKEN0001"], "location": "WH-A"})
    taken = judge("taken0001", sku="LAP")
    assert taken["ok"] is False and "GR-" in taken["message"] and taken["remaining"] == 99
    assert api.get(f"/pos/{company.number}").json()["lines"][0]["received"] == 1  # judging wrote nothing
    # Nothing to apply twice, so nothing kept: the same key asks again and gets today's answer.
    for scan in ("ASKED0001", "taken0001"):
        asked = api.post("/floor/receiving/judge", json={"po": company.number, "scan": scan, "sku": "LAP"},
                         headers={"Idempotency-Key": "the-same-key"})  # fmt: skip
        assert asked.status_code == 200 and "Idempotency-Replayed" not in asked.headers
    assert asked.json()["ok"] is False


def test_a_stocktake_scan_says_what_the_unit_is_and_verify_says_it_in_chinese(server, company):
    api = server.login()
    api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["COUNT0001"], "location": "WH-B"})
    count = api.post("/stocktakes", json={"location": "WH-A"}).json()["number"]
    scan = lambda code: api.post(f"/floor/stocktakes/{count}/scan", json={"scan": code}, headers={"Accept-Language": "zh-CN"}).json()  # noqa: E731
    assert scan("COUNT0001") | {"message": None} == {"feedback": "elsewhere", "serial": "COUNT0001", "sku": "LAP", "scans": 1, "message": None}
    assert scan("COUNT0001")["feedback"] == "twice"
    assert scan("NOTHING01")["message"] == "NOTHING01：未知序列号"
    assert scan("\x07bad")["feedback"] == "unreadable"
    verified = api.post("/floor/verify", json={"scan": "COUNT0001"}, headers={"Accept-Language": "zh-CN"}).json()
    assert verified["passed"] is True and "WH-B" in verified["message"] and "在库" in verified["message"]
    shown = api.get("/floor/names", headers={"Accept-Language": "zh-CN"}).json()
    assert shown["status.in_stock"] == "在库"
    # Every move a card offers has its name, those of the after-sales and recall areas too.
    assert (shown["move.customer_return"], shown["move.replace"], shown["move.block"]) == ("客户退货", "换货发给客户", "冻结（隔离）")
    assert not any(code.startswith(("scan.", "floor.")) for code in shown)  # names only, not sentences


def test_the_floor_client_is_served_whole_without_a_login(server):
    with server.client() as anonymous:
        base = server.url
        page = anonymous.get(base + "/floor", follow_redirects=True)
        assert page.status_code == 200 and 'src="app.js"' in page.text
        for name, kind in [("app.js", "javascript"), ("sw.js", "javascript"), ("manifest.json", "json"), ("icon.svg", "svg")]:
            answer = anonymous.get(f"{base}/floor/{name}")
            assert answer.status_code == 200 and kind in answer.headers["content-type"], name
        shell = anonymous.get(base + "/floor/sw.js").text
        for name in ("app.js", "api.js", "i18n.js", "store.js", "app.css", "ui.js", "card.js", "scanner.js"):
            assert f'"{name}"' in shell  # every module the page imports is kept for offline use
