"""Logging in, and creating the first admin of a new database.

The front ends reach these through ``snapp.app.session``, the only way they get
a ``Context``; the services then trust the name in it (and still check its role
and that it is active on every call).

Passwords are hashed with argon2id at OWASP's parameters (19 MiB, 2 passes,
1 lane). A stored hash made with other parameters is replaced at the next
successful login. ``SNAPP_INSECURE_FAST_PASSWORD_HASHING=1`` selects tiny
parameters so a test suite that creates hundreds of users stays fast; never
set it anywhere else (hashes made with it are upgraded at the next login
without it).
"""

from __future__ import annotations

import datetime as dt
import os

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from snapp.db.engine import Database
from snapp.db.models import User, utcnow
from snapp.domain.capture import normalise
from snapp.domain.lockout import LOCKED_FOR_GOOD_AFTER, LockState, delay_after, lock_state
from snapp.domain.permissions import Permission, Role, allows
from snapp.errors import (
    AccountLocked,
    AuditTrailChanged,
    AuthenticationFailed,
    Conflict,
    Problem,
    Text,
    ValidationError,
)
from snapp.services.base import Context, audit_apart, lock_audit_chain, write_audit

FAST_HASHING_SETTING = "SNAPP_INSECURE_FAST_PASSWORD_HASHING"
MIN_PASSWORD_LENGTH = 8
WRONG = "access.wrong_login"  # the same words whether the name exists or not


def password_hasher() -> PasswordHasher:
    if os.environ.get(FAST_HASHING_SETTING) == "1":
        return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=Type.ID)
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            Problem(Text("access.field.password"), "", "password", Text("access.password_short", n=MIN_PASSWORD_LENGTH))
        )
    return password_hasher().hash(password)


def needs_first_run(db: Database) -> bool:
    """True while the database has no user: the GUI shows its first-run dialog."""
    with db.session(write=False) as session:
        return session.scalar(select(User.id).limit(1)) is None


def create_first_admin(db: Database, name: str, password: str) -> Context:
    """Create the first user of an empty database, as its admin, and act as it."""
    name = normalise(name)
    if not name:
        raise ValidationError(Problem(Text("access.field.name"), "", "name", Text("validation.required")))
    hashed = hash_password(password)
    with db.session(write=True) as session:
        lock_audit_chain(session)  # two first runs at once: the second sees the first's user
        if session.scalar(select(User.id).limit(1)) is not None:
            raise Conflict("access.has_users")
        session.add(User(name=name, role=Role.ADMIN, active=True, password_hash=hashed))
        session.flush()
        write_audit(session, name, "user.create", "user", name, after={"role": Role.ADMIN, "first_run": True})
        session.commit()
    return Context(db, name)


def login(db: Database, name: str, password: str) -> Context:
    """Check the password; count a failure (and lock the account as the rule says), or reset the count.

    Every attempt is audited, the failed ones too.
    """
    name = normalise(name)
    hasher = password_hasher()
    with db.session(write=False) as session:
        user = session.scalar(select(User).where(User.name == name))
        refusal = _refusal(user)
    if refusal:
        audit_apart(db, name, "login.failed", "user", name, after={"reason": refusal})
        # Only who knows the password learns that the account exists and is disabled.
        known = refusal == "disabled" and _matches(hasher, user.password_hash, password)
        raise AuthenticationFailed("access.disabled", name=name) if known else AuthenticationFailed(WRONG)
    assert user is not None and user.password_hash is not None
    if db.read_only:  # a file that can only be read still lets its users read it; there is nothing to record into
        if not _matches(hasher, user.password_hash, password):
            raise AuthenticationFailed(WRONG)
        return Context(db, name)
    failures, if_wrong = _count_attempt(db, name)
    # Hashing takes tens of milliseconds: done outside any transaction, so nobody waits on it.
    if not _matches(hasher, user.password_hash, password):
        audit_apart(db, name, "login.failed", "user", name,
                    after={"reason": "wrong password", "failures": failures, "locked": if_wrong.locked,
                           "until": if_wrong.until})  # fmt: skip
        raise AuthenticationFailed(WRONG)
    rehash = hasher.hash(password) if hasher.check_needs_rehash(user.password_hash) else None
    with db.session(write=True) as session:
        row = session.scalar(select(User).where(User.name == name).with_for_update())
        assert row is not None
        row.failed_logins, row.locked_until, row.last_login_at = 0, None, utcnow()
        if rehash:
            row.password_hash = rehash
        session.flush()
        unrecorded = _record_login(session, row, rehashed=rehash is not None)
        session.commit()  # the password was right: the attempt counted before the check is undone either way
    if unrecorded:
        raise unrecorded
    return Context(db, name)


def _record_login(session: Session, user: User, *, rehashed: bool) -> AuditTrailChanged | None:
    """Audit the login; the refusal to raise if the trail, changed outside SNApp, cannot take the entry.

    The tools that find such a change only read: who may run them (the audit
    permission) still gets in, unrecorded, to run them. Anyone else is refused,
    and every command that changes something refuses as its own entry fails.
    """
    try:
        with session.begin_nested():
            write_audit(session, user.name, "login", "user", user.name, after={"rehashed": rehashed})
    except AuditTrailChanged as changed:
        if not allows(Role(user.role), Permission.AUDIT):
            return changed
    return None


def locked(name: str, state: LockState) -> AccountLocked:
    """The refusal of a locked account: until when, or until an admin unlocks it."""
    if state.until is None:
        return AccountLocked("access.locked", name=name)
    return AccountLocked("access.locked_until", name=name, until=f"{state.until.astimezone():%H:%M:%S}")


def _matches(hasher: PasswordHasher, hashed: str | None, password: str) -> bool:
    try:
        return hashed is not None and hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _refusal(user: User | None) -> str | None:
    if user is None:
        # Spend the time a real check takes, so the answer's speed does not tell which names exist.
        password_hasher().hash("timing")
        return "unknown user"
    if not user.active:
        return "disabled"
    if user.password_hash is None:
        return "no password set"
    return None


def lock_state_of(session: Session, user: User, now: dt.datetime) -> LockState:
    return lock_state(user.failed_logins, user.locked_until, now, last_admin=is_last_admin(session, user))


def _count_attempt(db: Database, name: str) -> tuple[int, LockState]:
    """Count this attempt as a failure before its password is checked, or refuse it while the account is locked.

    Counted under the user's row lock (SQLite: the write lock), so guesses made
    at once each see the ones before them, and no more passwords are checked
    than the rule allows; a right password then resets the count. Returns the
    failures counted and the account's lock should the password be wrong.
    """
    with db.session(write=True) as session:
        user = session.scalar(select(User).where(User.name == name).with_for_update())
        assert user is not None
        state = lock_state_of(session, user, utcnow())
        if state.locked:
            write_audit(session, name, "login.refused", "user", name, after={"reason": "locked", "until": state.until})
            session.commit()
            raise locked(name, state)
        user.failed_logins += 1
        delay = delay_after(user.failed_logins, last_admin=is_last_admin(session, user))
        user.locked_until = utcnow() + delay if delay else None
        session.flush()
        if_wrong = lock_state_of(session, user, utcnow())
        session.commit()
        return user.failed_logins, if_wrong


def is_last_admin(session: Session, user: User) -> bool:
    """No other admin is active and not locked for good: this one must always be able to log in."""
    if user.role != Role.ADMIN:
        return False
    others = (
        select(func.count())
        .select_from(User)
        .where(
            and_(User.role == Role.ADMIN, User.active, User.id != user.id, User.failed_logins < LOCKED_FOR_GOOD_AFTER)
        )
    )
    return session.scalar(others) == 0
