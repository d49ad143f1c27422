"""Pairing devices in the core and on the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import update

from snapp.db.models import ApiCredential, utcnow
from snapp.errors import AuthenticationFailed, PermissionDenied
from snapp.services import access, audit, devices, users
from snapp.services.base import Context


def test_two_phones_racing_with_one_code_get_one_device(ctx):
    code = devices.new_pairing_code(ctx).code
    start, results = threading.Barrier(4), []

    def phone(n: int) -> None:
        start.wait()
        try:
            results.append(devices.pair(ctx.db, code, f"phone {n}")[0].name)
        except AuthenticationFailed as refused:
            results.append(refused.code)

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    [winner] = [r for r in results if r != "devices.bad_code"]
    assert len(results) == 4 and [d.name for d in devices.list_devices(ctx)] == [winner]


def test_a_token_bound_to_a_device_acts_through_it_until_revoked(ctx, company):
    record, secret = devices.pair(ctx.db, devices.new_pairing_code(ctx).code, "PDA 7")
    through = Context(ctx.db, "admin", devices.device_of(ctx.db, secret))
    issued = access.issue_token(through)
    assert access.authenticate(ctx.db, issued.secret) == through
    assert issued.expires_at - utcnow() <= dt.timedelta(hours=access.TOKEN_HOURS)  # a phone left overnight logs in again
    stale = access.issue_token(through)
    with ctx.db.session(write=True) as session:
        session.execute(update(ApiCredential).where(ApiCredential.secret_hash == access.digest(stale.secret))
                        .values(expires_at=utcnow() - dt.timedelta(seconds=1)))  # fmt: skip
        session.commit()
    with pytest.raises(AuthenticationFailed):
        access.authenticate(ctx.db, stale.secret)
    devices.revoke_device(ctx, record.id)
    with pytest.raises(AuthenticationFailed, match="unknown, expired or revoked"):
        access.authenticate(ctx.db, issued.secret)
    with pytest.raises(AuthenticationFailed) as revoked:
        devices.device_of(ctx.db, secret)
    assert revoked.value.code == "devices.revoked"
    assert devices.revoke_device(ctx, record.id).revoked_at is not None  # twice is harmless
    assert {e.user for e in audit.list_entries(ctx, audit.AuditFilter(action="token.issue"))} == {f"admin@device:{record.id}"}


def test_only_an_admin_pairs_and_a_refusal_through_a_device_names_it(ctx):
    users.add_user(ctx, "wang", "warehouse", "wang's password")
    _, secret = devices.pair(ctx.db, devices.new_pairing_code(ctx).code, "PDA 3")
    clerk = Context(ctx.db, "wang", devices.device_of(ctx.db, secret))
    for refused in (devices.new_pairing_code, devices.list_devices):
        with pytest.raises(PermissionDenied):
            refused(clerk)
    denied = audit.list_entries(ctx, audit.AuditFilter(action="access.denied"))
    assert {e.user for e in denied} == {f"wang@device:{clerk.device}"}
    assert len(audit.list_entries(ctx, audit.AuditFilter(user="wang", action="access.denied"))) == 2


def test_the_command_line_makes_codes_lists_and_revokes(admin_cli, ctx, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    status, out, err = admin_cli("device", "pair-code", "--address", "https://10.0.0.5:8470", "--json")
    assert status == 0, out + err
    offer = json.loads(out)
    link = urlsplit(offer["url"])
    assert (link.netloc, link.path) == ("10.0.0.5:8470", "/floor/pair.html")
    assert parse_qs(link.fragment) == {"code": [offer["code"]], "fp": [offer["fingerprint"]]}

    record, _ = devices.pair(ctx.db, offer["code"], "收货 PDA")
    status, out, _ = admin_cli("device", "list")
    assert status == 0 and "收货 PDA" in out and "active" in out
    status, out, _ = admin_cli("device", "revoke", str(record.id))
    assert status == 0 and f"device {record.id} (收货 PDA) revoked" in out
    status, out, _ = admin_cli("device", "list", "--json")
    assert json.loads(out)[0]["revoked_at"] is not None
    status, _, err = admin_cli("device", "revoke", "999")
    assert status != 0 and "no paired device with id 999" in err
