"""Logging in: argon2id hashes, rehash, lockout with a growing delay, unlock, the last admin, audit of each attempt."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from argon2 import extract_parameters
from snapp_testkit import audit_entries, execute, last_audit_id, scalar

from snapp.domain.lockout import FIRST_DELAY, FREE_FAILURES, LAST_ADMIN_MAX_DELAY, LOCKED_FOR_GOOD_AFTER
from snapp.errors import AccountLocked, AuthenticationFailed, Conflict, PermissionDenied, ValidationError
from snapp.services import auth, masterdata, users

ADMIN_PASSWORD = "admin password"  # tests/conftest.py's first admin


def stored_hash(db, name: str) -> str:
    return scalar(db, "SELECT password_hash FROM users WHERE name = :n", n=name)


def fail(db, name: str, times: int = 1) -> None:
    """``times`` wrong passwords, each counted: the lock of the one before has run out."""
    for _ in range(times):
        time_passes(db, name)
        with pytest.raises(AuthenticationFailed) as refused:
            auth.login(db, name, "not the password")
        assert not isinstance(refused.value, AccountLocked)


def time_passes(db, name: str) -> None:
    """The lock's delay runs out (back-dated, instead of sleeping through it)."""
    execute(db, "UPDATE users SET locked_until = :past WHERE name = :n", past=dt.datetime(2000, 1, 1), n=name)


def test_real_parameters_are_owasps_and_a_weaker_hash_is_upgraded_at_login(db, ctx, monkeypatch):
    users.add_user(ctx, "li.na", "warehouse", "li.na's password")
    cheap = extract_parameters(stored_hash(db, "li.na"))
    assert cheap.memory_cost < 19 * 1024  # the suite's fast setting made it

    monkeypatch.delenv(auth.FAST_HASHING_SETTING)
    mark = last_audit_id(db)
    assert auth.login(db, "li.na", "li.na's password").user == "li.na"
    real = stored_hash(db, "li.na")
    assert real.startswith("$argon2id$")
    params = extract_parameters(real)
    assert (params.memory_cost, params.time_cost, params.parallelism) == (19 * 1024, 2, 1)
    [entry] = audit_entries(db, mark)
    assert (entry.user_name, entry.action, entry.after) == ("li.na", "login", {"rehashed": True})

    # Already at the parameters: kept as it is, and the password still works.
    auth.login(db, "li.na", "li.na's password")
    assert stored_hash(db, "li.na") == real
    assert audit_entries(db, mark)[-1].after == {"rehashed": False}
    users.set_password(ctx, "li.na", "a new password")
    assert extract_parameters(stored_hash(db, "li.na")).memory_cost == 19 * 1024
    fail(db, "li.na")


def test_the_password_is_never_stored_or_audited(db, ctx):
    users.add_user(ctx, "li.na", "warehouse", "sesame-1234")
    assert "sesame" not in stored_hash(db, "li.na")
    auth.login(db, "li.na", "sesame-1234")
    fail(db, "li.na")
    assert not any("sesame" in repr(e) for e in audit_entries(db))


def test_every_attempt_is_audited(db, ctx):
    users.add_user(ctx, "li.na", "warehouse", "li.na's password")
    users.add_user(ctx, "gone", "warehouse", "gone's password")
    users.set_active(ctx, "gone", False)
    users.add_user(ctx, "nopass", "auditor")
    mark = last_audit_id(db)
    auth.login(db, "li.na", "li.na's password")
    fail(db, "li.na")
    fail(db, "mallory")
    fail(db, "nopass")
    with pytest.raises(AuthenticationFailed, match="gone is disabled"):
        auth.login(db, "gone", "gone's password")
    with pytest.raises(AuthenticationFailed, match="wrong user name or password"):
        auth.login(db, "gone", "a guess")  # a guesser does not learn the account exists
    assert [(e.user_name, e.action, (e.after or {}).get("reason")) for e in audit_entries(db, mark)] == [
        ("li.na", "login", None),
        ("li.na", "login.failed", "wrong password"),
        ("mallory", "login.failed", "unknown user"),
        ("nopass", "login.failed", "no password set"),
        ("gone", "login.failed", "disabled"),
        ("gone", "login.failed", "disabled"),
    ]
    # An unknown name and a wrong password read the same: nothing tells which names exist.
    with pytest.raises(AuthenticationFailed) as unknown:
        auth.login(db, "mallory", "x")
    with pytest.raises(AuthenticationFailed) as wrong:
        auth.login(db, "li.na", "x")
    assert str(unknown.value) == str(wrong.value) == "wrong user name or password"


def test_lockout_grows_and_an_admin_unlocks(db, ctx):
    users.add_user(ctx, "li.na", "warehouse", "li.na's password")
    fail(db, "li.na", FREE_FAILURES)
    assert auth.login(db, "li.na", "li.na's password").user == "li.na"  # typos cost nothing; success resets
    fail(db, "li.na", FREE_FAILURES)
    delays = []
    for failures in range(FREE_FAILURES + 1, LOCKED_FOR_GOOD_AFTER):
        before = dt.datetime.now(dt.UTC)
        fail(db, "li.na")
        until = scalar(db, "SELECT locked_until FROM users WHERE name = 'li.na'")
        delays.append(round((_utc(until) - before).total_seconds() / 30) * 30)
        # While locked even the right password is refused, and not counted.
        with pytest.raises(AccountLocked, match="try again after"):
            auth.login(db, "li.na", "li.na's password")
        assert scalar(db, "SELECT failed_logins FROM users WHERE name = 'li.na'") == failures
        time_passes(db, "li.na")
    first = FIRST_DELAY.total_seconds()
    assert delays == [first, 2 * first, 4 * first, 8 * first, 16 * first]

    fail(db, "li.na")  # the tenth: locked for good, time does not help
    time_passes(db, "li.na")
    with pytest.raises(AccountLocked, match="an admin must unlock it"):
        auth.login(db, "li.na", "li.na's password")
    assert [u.locked for u in users.list_users(ctx) if u.name == "li.na"] == [True]

    mark = last_audit_id(db)
    record = users.unlock(ctx, "li.na")
    assert (record.locked, record.failed_logins) == (False, 0)
    [entry] = audit_entries(db, mark)
    assert (entry.user_name, entry.action, entry.before["failed_logins"]) == (
        "admin",
        "user.unlock",
        LOCKED_FOR_GOOD_AFTER,
    )
    assert auth.login(db, "li.na", "li.na's password").user == "li.na"


def test_only_an_admin_unlocks(db, ctx, as_user):
    store = as_user("li.na", "warehouse")
    with pytest.raises(PermissionDenied):
        users.unlock(store, "admin")


def test_the_last_admin_is_slowed_down_but_never_locked_for_good(db, ctx):
    fail(db, "admin", LOCKED_FOR_GOOD_AFTER + 3)
    assert scalar(db, "SELECT failed_logins FROM users WHERE name = 'admin'") == LOCKED_FOR_GOOD_AFTER + 3
    until = _utc(scalar(db, "SELECT locked_until FROM users WHERE name = 'admin'"))
    assert until - dt.datetime.now(dt.UTC) <= LAST_ADMIN_MAX_DELAY
    with pytest.raises(AccountLocked, match="try again after"):
        auth.login(db, "admin", ADMIN_PASSWORD)
    time_passes(db, "admin")
    assert auth.login(db, "admin", ADMIN_PASSWORD).user == "admin"


def test_two_admins_cannot_both_end_up_locked_for_good(db, ctx):
    users.add_user(ctx, "second", "admin", "second's password")
    fail(db, "second", LOCKED_FOR_GOOD_AFTER)  # "admin" can still unlock: "second" is locked for good
    time_passes(db, "second")
    with pytest.raises(AccountLocked, match="an admin must unlock it"):
        auth.login(db, "second", "second's password")
    # Now "admin" is the last admin who can get in: never locked for good, whatever the count.
    fail(db, "admin", LOCKED_FOR_GOOD_AFTER + 1)
    time_passes(db, "admin")
    admin = auth.login(db, "admin", ADMIN_PASSWORD)
    users.unlock(admin, "second")
    assert auth.login(db, "second", "second's password").user == "second"


def test_the_last_admin_cannot_be_disabled_or_demoted(db, ctx):
    with pytest.raises(Conflict, match="last admin"):
        users.set_active(ctx, "admin", False)
    with pytest.raises(Conflict, match="last admin"):
        users.set_role(ctx, "admin", "auditor")
    users.add_user(ctx, "second", "admin", "second's password")
    users.set_role(ctx, "second", "auditor")  # another admin remains: allowed
    users.set_role(ctx, "second", "admin")
    users.set_active(ctx, "admin", False)
    with pytest.raises(PermissionDenied, match="disabled"):
        masterdata.list_suppliers(ctx)
    with pytest.raises(AuthenticationFailed, match="disabled"):
        auth.login(db, "admin", ADMIN_PASSWORD)


def test_passwords_own_or_by_an_admin(db, ctx, as_user):
    users.add_user(ctx, "li.na", "warehouse", "li.na's password")
    users.add_user(ctx, "wang", "service", "wang's password")
    li = auth.login(db, "li.na", "li.na's password")
    users.set_password(li, "li.na", "li.na's new one")
    with pytest.raises(PermissionDenied, match="only their own password"):
        users.set_password(li, "wang", "taken over!")
    users.set_password(ctx, "wang", "reset by admin")
    assert auth.login(db, "wang", "reset by admin").user == "wang"
    assert auth.login(db, "li.na", "li.na's new one").user == "li.na"
    with pytest.raises(ValidationError, match="at least 8"):
        users.set_password(li, "li.na", "short")
    actions = [(e.user_name, e.action, e.entity_key) for e in audit_entries(db) if e.action.startswith("user.password")]
    assert actions == [("li.na", "user.password", "li.na"), ("admin", "user.password", "wang")]


def _utc(value) -> dt.datetime:
    """A timestamp read back with raw SQL: text on SQLite, naive on PostgreSQL; both UTC."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC)


def test_repeated_failed_logins_and_refusals_raise_alerts(db, ctx, as_user):
    from snapp.services import audit

    store = as_user("li.na", "warehouse")
    users.set_password(ctx, "li.na", "li.na's password")
    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    fail(db, "li.na", 6)
    fail(db, "mallory", 5)
    fail(db, "typo.once", 1)
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            masterdata.add_supplier(store, masterdata.SupplierRecord("X", "x"))
    found = audit.alerts(ctx, start, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    assert [(a.kind, a.user, a.count) for a in found] == [
        ("failed_logins", "li.na", 6), ("failed_logins", "mallory", 5), ("refusals", "li.na", 5),
    ]  # fmt: skip
    assert "6 failed logins as li.na" in found[0].message
    assert "以 li.na 登录失败 6 次" in found[0].message.say("zh")
    assert audit.alerts(ctx, start - dt.timedelta(days=2), start) == []


def test_a_run_of_exports_raises_an_alert(db, ctx, tmp_path):
    from snapp.services import audit, exports

    start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    for n in range(5):
        exports.export_pos(ctx, tmp_path / f"pos-{n}.xlsx")
    found = audit.alerts(ctx, start, dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1))
    assert [(a.kind, a.user, a.count) for a in found] == [("exports", "admin", 5)]
    assert found[0].message.startswith("5 exports as admin")


def test_parallel_guesses_check_no_more_passwords_than_the_rule_allows(db, ctx, monkeypatch):
    """Twelve wrong guesses at once: each is counted before its check, so the lock holds after the allowed number."""
    monkeypatch.delenv(auth.FAST_HASHING_SETTING)  # real hashing: each check takes long enough for others to pile up
    users.add_user(ctx, "li.na", "warehouse", "li.na's password")
    checked: list[str] = []
    check = auth._matches

    def counted(hasher, hashed, password):
        checked.append(password)
        return check(hasher, hashed, password)

    monkeypatch.setattr(auth, "_matches", counted)
    guesses = 12
    barrier = threading.Barrier(guesses)
    refusals: list[Exception] = []

    def guess(n: int) -> None:
        barrier.wait(30)
        try:
            auth.login(db, "li.na", f"guess number {n}")
        except Exception as err:  # every guess must be refused; which way is asserted below
            refusals.append(err)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(guesses)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    allowed = FREE_FAILURES + 1  # the free failures, then the one that starts the first wait
    assert len(checked) == allowed
    assert len(refusals) == guesses
    assert all(isinstance(r, AuthenticationFailed) for r in refusals), refusals
    assert sum(isinstance(r, AccountLocked) for r in refusals) == guesses - allowed
    assert scalar(db, "SELECT failed_logins FROM users WHERE name = 'li.na'") == allowed
    actions = [e.action for e in audit_entries(db) if e.user_name == "li.na"]
    assert (actions.count("login.failed"), actions.count("login.refused")) == (allowed, guesses - allowed)
    with pytest.raises(AccountLocked):
        auth.login(db, "li.na", "li.na's password")
