"""The HTTP API through a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx
import pytest

from snapp.server.tls import own_certificate
from tests.conftest import ADMIN_PASSWORD
from tests.server.conftest import Server, free_port


def test_a_person_logs_in_receives_looks_up_and_moves(server, company):
    api = server.login()
    assert api.get("/me").json() == {"user": "admin", "role": "admin", "key": False}

    receipt = api.post(f"/pos/{company.number}/receipts",
                       json={"sku": "LAP", "serials": ["SN000001", "sn000002"], "location": "WH-A"})  # fmt: skip
    assert receipt.status_code == 201, receipt.text
    assert receipt.json()["quantity"] == 2

    [card] = api.get("/serials/SN000002").json()
    assert (card["sku"], card["status"], card["location"], card["po"]) == ("LAP", "in_stock", "WH-A", company.number)
    assert [e["action"] for e in card["history"]] == ["receive"]

    moved = api.post("/moves", json={"action": "issue", "serials": ["SN000001"], "ref": "WO-42"})
    assert moved.status_code == 200, moved.text
    page = api.get("/serials", params={"status": "issued"}).json()
    assert [row["serial"] for row in page["rows"]] == ["SN000001"]
    assert api.get("/audit/verify").json()["ok"] is True


def test_a_refused_receipt_names_every_serial_in_the_callers_language_and_writes_nothing(server, company):
    api = server.login()
    first = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["SN000001"], "location": "WH-A"})
    assert first.status_code == 201

    again = api.post(f"/pos/{company.number}/receipts", headers={"Accept-Language": "zh-CN,zh;q=0.9"},
                     json={"sku": "LAP", "serials": ["GOOD0001", "SN000001", "x1"], "location": "WH-A"})  # fmt: skip
    assert again.status_code == 422
    body = again.json()
    assert ("第 3 次扫描", "x1", "too_short") in [(p["position"], p["value"], p["reason"]) for p in body["problems"]]

    twice = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["GOOD0001", "SN000001"], "location": "WH-A"})
    assert twice.status_code == 409  # already received: a conflict with the record, not a malformed request
    [problem] = twice.json()["problems"]
    assert (problem["position"], problem["value"], problem["reason"]) == ("scan 2", "SN000001", "already_received")
    assert api.get("/serials/GOOD0001").status_code == 404


def test_without_a_valid_token_nothing_is_answered(server):
    with server.client() as anonymous:
        refused = anonymous.get("/serials")
        assert refused.status_code == 401
        assert refused.json()["error"] == "access.no_credentials"
        wrong = anonymous.post("/session", json={"name": "admin", "password": "not the password"})
        assert wrong.status_code == 401
        assert wrong.json()["error"] == "auth.wrong" or "password" in wrong.json()["message"]
    with server.client("snt_forged") as forged:
        assert forged.get("/serials").status_code == 401
    api = server.login()
    assert api.delete("/session").status_code == 204
    assert api.get("/me").status_code == 401  # logged out: the token is dead at once


def test_api_keys_act_with_their_own_role_until_revoked(server, company):
    admin = server.login()
    created = admin.post("/keys", json={"name": "erp-sync", "role": "auditor", "days": 30})
    assert created.status_code == 201, created.text
    secret = created.json()["secret"]
    assert secret.startswith("snk_")
    assert "secret" not in str(admin.get("/keys").json())  # shown once, never listed

    with server.client(secret) as erp:
        assert erp.get("/me").json() == {"user": "key:erp-sync", "key": True}
        assert erp.get("/audit/verify").status_code == 200
        denied = erp.post("/moves", json={"action": "scrap", "serials": ["SN000001"]})
        assert denied.status_code == 403
        [listed] = admin.get("/keys").json()
        assert listed["last_used_at"] is not None and listed["role"] == "auditor"
        assert admin.delete("/keys/erp-sync").status_code == 200
        assert erp.get("/me").status_code == 401


def test_hostile_bodies_get_a_clear_refusal_and_write_nothing(server, company):
    api = server.login()
    url = f"/pos/{company.number}/receipts"
    malformed = api.post(url, content=b"{not json", headers={"Content-Type": "application/json"})
    assert malformed.status_code == 422 and malformed.json()["error"] == "request.invalid"
    wrong_type = api.post(url, json={"sku": "LAP", "serials": "SN000001"})
    assert wrong_type.status_code == 422
    assert wrong_type.json()["problems"][0]["position"] == "body.serials"
    unknown_field = api.post(url, json={"sku": "LAP", "serials": ["SN000009"], "locaton": "WH-A"})
    assert unknown_field.status_code == 422
    assert unknown_field.json()["problems"][0]["position"] == "body.locaton"
    huge = api.post(url, content=b"x" * (9 * 1024 * 1024), headers={"Content-Type": "application/json"})
    assert huge.status_code == 413 and huge.json()["error"] == "request.too_large"
    sql = api.get("/serials/' OR 1=1 --")
    assert sql.status_code == 422 and sql.json()["problems"][0]["value"] == "' OR 1=1 --"  # not a serial, said why
    script = api.post("/locations", json={"code": "<script>alert(1)</script>", "name": "x"})
    assert script.status_code in (201, 422)  # stored as text or refused by the code rule; never executed
    assert api.get("/serials", params={"status": "in_stock"}).json()["rows"] == []
    assert api.get("/nowhere").status_code == 404


def test_the_openapi_document_describes_every_route(server):
    with server.client() as anonymous:
        document = anonymous.get(server.url + "/api/openapi.json").json()
    paths = document["paths"]
    for path in ("/api/v1/session", "/api/v1/keys", "/api/v1/pos/{number}/receipts", "/api/v1/serials/{serial}",
                 "/api/v1/moves", "/api/v1/verify", "/api/v1/audit/verify"):  # fmt: skip
        assert path in paths


def test_by_default_it_serves_https_with_its_own_certificate_and_shows_the_fingerprint(db_url, ctx, tmp_path):
    own = own_certificate(tmp_path / "SNApp" / "tls")  # made once, reused on every start
    server = Server(db_url, tls=(own.cert, tmp_path))
    try:
        with server.client() as anonymous:
            assert anonymous.post("/session", json={"name": "admin", "password": ADMIN_PASSWORD}).status_code == 200
        with pytest.raises(httpx.ConnectError):  # a client that does not trust it is refused
            httpx.get(server.url + "/api/openapi.json", timeout=5)
    finally:
        out = server.stop()
    assert f"certificate fingerprint (SHA-256): {own.fingerprint}" in out
    assert "admin password" not in out and "snt_" not in out  # no secret in the log
    assert (own.key.stat().st_mode & 0o777) == 0o600


def test_one_address_guessing_many_names_is_slowed_down(server):
    with server.client() as anonymous:
        answers = [anonymous.post("/session", json={"name": f"guess{n}", "password": "x"}).status_code for n in range(32)]
    assert answers[:30] == [401] * 30
    assert answers[30:] == [429, 429]


def test_the_register_pages_by_cursor_without_gaps_or_repeats(server, company):
    api = server.login()
    serials = [f"SN{n:06d}" for n in range(1, 26)]
    assert api.post(f"/pos/{company.number}/receipts",
                    json={"sku": "LAP", "serials": serials, "location": "WH-A"}).status_code == 201  # fmt: skip
    for sort, descending in (("serial", False), ("received", True), ("status", True)):
        seen, cursor = [], None
        while True:
            params = {"limit": 7, "sort": sort, "descending": descending, **({"after": cursor} if cursor else {})}
            page = api.get("/serials", params=params).json()
            seen += [row["serial"] for row in page["rows"]]
            cursor = page["next"]
            if not cursor:
                break
        assert sorted(seen) == serials and len(seen) == len(set(seen)), sort
        if sort == "serial":
            assert seen == serials
    forged = api.get("/serials", params={"after": "bm90IGEgY3Vyc29y"})
    assert forged.status_code == 422 and forged.json()["problems"][0]["reason"] == "after"


def test_a_server_started_with_its_parent_ends_when_the_parent_goes(db_url, ctx, tmp_path):
    """How the desktop's Share ties the server to itself: the parent's end closes the server's standard input."""
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "snapp.cli", "--db", db_url, "serve", "--plain-http", "--with-parent", "--port", str(port)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=1).status_code == 200
                break
            except httpx.TransportError:
                time.sleep(0.1)
        child.stdin.close()  # as when the parent is killed: its end of the pipe closes
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
