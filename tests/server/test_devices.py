"""Pairing phones and PDAs through a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from snapp.db.models import PairingCode
from snapp.services import access, audit, devices, users
from tests.conftest import ADMIN_PASSWORD
from tests.server.conftest import Server


def paired(server: Server, code: str, name: str = "仓库 PDA 2") -> dict:
    with server.client() as phone:
        response = phone.post("/devices/pair", json={"code": code, "name": name})
    assert response.status_code == 201, response.text
    return response.json()


def log_in_through(server: Server, secret: str, name: str = "admin", password: str = ADMIN_PASSWORD):
    with server.client(**{"X-SNApp-Device": secret}) as phone:
        return phone.post("/session", json={"name": name, "password": password})


def test_a_phone_pairs_once_logs_in_through_itself_and_the_audit_names_it(server, company, ctx):
    offer = devices.new_pairing_code(ctx)
    device = paired(server, offer.code.lower().replace("-", " "))  # as typed by hand: any case, any spacing
    assert device["secret"].startswith("snd_") and device["paired_by"] == "admin" and device["name"] == "仓库 PDA 2"

    with server.client(**{"Accept-Language": "zh-CN"}) as thief:
        again = thief.post("/devices/pair", json={"code": offer.code, "name": "second phone"})
    assert again.status_code == 401
    assert again.json()["error"] == "devices.bad_code" and "已使用" in again.json()["message"]

    login = log_in_through(server, device["secret"])
    assert login.status_code == 200, login.text
    assert login.json()["device"] == device["id"]
    with server.client(login.json()["token"]) as phone:
        received = phone.post(f"/pos/{company.number}/receipts",
                              json={"sku": "LAP", "serials": ["PHONE0001"], "location": "WH-A"})  # fmt: skip
        assert received.status_code == 201, received.text

    by_phone = f"admin@device:{device['id']}"
    [entry] = audit.list_entries(ctx, audit.AuditFilter(action="receipt.post"))
    assert entry.user == by_phone
    # The person's own entries include what they did through the device.
    assert by_phone in {e.user for e in audit.list_entries(ctx, audit.AuditFilter(user="admin"), limit=1000)}

    with server.login() as admin:
        [listed] = admin.get("/devices").json()
    assert (listed["id"], listed["name"], listed["paired_by"], listed["last_user"]) == (device["id"], "仓库 PDA 2", "admin", "admin")
    assert listed["last_seen_at"] is not None and listed["revoked_at"] is None
    assert "secret" not in listed


def test_revoking_a_device_ends_its_sessions_at_once_on_every_server(db_url, company, ctx):
    first, second = Server(db_url), Server(db_url)
    try:
        device = paired(first, devices.new_pairing_code(ctx).code)
        token = log_in_through(first, device["secret"]).json()["token"]
        with first.client(token) as phone:
            assert phone.get("/me").status_code == 200
            with second.login() as admin:
                revoked = admin.delete(f"/devices/{device['id']}")
                assert revoked.status_code == 200, revoked.text
                assert revoked.json()["revoked_at"] is not None
                assert admin.get("/me").status_code == 200  # the admin's desk session is not the device's
            refused = phone.get("/me")
        assert refused.status_code == 401 and refused.json()["error"] == "access.bad_token"
        with second.client(token) as same_token_elsewhere:
            assert same_token_elsewhere.get("/me").status_code == 401

        again = log_in_through(second, device["secret"])
        assert again.status_code == 401
        assert again.json()["error"] == "devices.revoked" and "仓库 PDA 2" in again.json()["message"]
        [entry] = audit.list_entries(ctx, audit.AuditFilter(action="device.revoke"))
        assert entry.key == str(device["id"]) and entry.after["sessions_ended"] == 1
    finally:
        first.stop()
        second.stop()


def test_an_expired_code_an_unknown_device_and_a_bad_name_are_refused(server, ctx):
    offer = devices.new_pairing_code(ctx)
    with ctx.db.session(write=True) as session:
        session.execute(update(PairingCode).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
        session.commit()
    with server.client() as phone:
        expired = phone.post("/devices/pair", json={"code": offer.code, "name": "PDA"})
        assert expired.status_code == 401 and expired.json()["error"] == "devices.bad_code"

        fresh = devices.new_pairing_code(ctx).code
        for name in ("   ", "PDA\x07bell", "x" * 65):
            bad = phone.post("/devices/pair", json={"code": fresh, "name": name})
            assert bad.status_code == 422, (name, bad.text)
        for body in ({"code": "x" * 41, "name": "PDA"}, {"code": fresh, "name": "PDA", "admin": True}, {"code": fresh}):
            assert phone.post("/devices/pair", json=body).status_code == 422, body
        sql = phone.post("/devices/pair", json={"code": "' OR 1=1 --", "name": "PDA"})
        assert sql.status_code == 401 and sql.json()["error"] == "devices.bad_code"
        assert paired(server, fresh, "PDA")["name"] == "PDA"  # no refused request spent the code
        document = phone.get(server.url + "/api/openapi.json").json()
        assert {"/api/v1/devices/pair", "/api/v1/devices", "/api/v1/devices/{device_id}"} <= document["paths"].keys()

    forged = log_in_through(server, "snd_" + "A" * 43)
    assert forged.status_code == 401 and forged.json()["error"] == "devices.unknown"
    assert "token" not in forged.json()


def test_guessing_pairing_codes_is_limited_like_logins(server, ctx):
    offer = devices.new_pairing_code(ctx)
    with server.client() as guesser:
        answers = [guesser.post("/devices/pair", json={"code": f"GUESS-{n:05}", "name": "PDA"}).status_code
                   for n in range(access.LOGINS_PER_MINUTE)]  # fmt: skip
        assert answers == [401] * access.LOGINS_PER_MINUTE
        limited = guesser.post("/devices/pair", json={"code": offer.code, "name": "PDA"})
    assert limited.status_code == 429 and limited.json()["error"] == "request.too_many"
    assert devices.list_devices(ctx) == []  # even the right code waits out the limit


def test_only_an_admin_sees_devices_and_makes_codes(server, ctx):
    users.add_user(ctx, "wang", "warehouse", "wang's password")
    with server.login("wang", "wang's password") as clerk:
        assert clerk.get("/devices").status_code == 403
        assert clerk.delete("/devices/1").status_code == 403
    with server.login() as admin:
        assert admin.delete("/devices/999").json()["error"] == "devices.none"
