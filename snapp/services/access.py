"""Bearer secrets for the HTTP API: a person's session token after a login, an integration's API key.

A token acts as the person who logged in (their role and whether they are
still active are read on every call, as for any Context); an API key acts as
itself, ``key:NAME``, with the role an admin gave it. Secrets are 256 random
bits shown once; only their SHA-256 is stored, so a stolen database or backup
holds no usable secret. Nothing here is kept in a server process: any number
of servers can share one database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text, update

from snapp.db.engine import Database
from snapp.db.models import ApiCredential, Device, RateWindow, utcnow
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission, Role
from snapp.errors import AuthenticationFailed, Conflict, NotFound, Problem, Text, TooManyRequests, ValidationError
from snapp.services.base import KEY_PREFIX, Context, UnitOfWork, audit_name, service, write_audit

TOKEN_HOURS = 12  # one shift and a half: a phone left on the floor overnight must log in again
MAX_KEY_DAYS = 3650
TOUCH_EVERY = dt.timedelta(minutes=1)  # last use is written at most this often, not on every request


@dataclass(frozen=True)
class Issued:
    secret: str  # shown once
    expires_at: dt.datetime | None


@dataclass(frozen=True)
class KeyRecord:
    name: str
    role: str
    created_by: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None


def digest(secret: str) -> str:
    """How a secret is kept: its SHA-256 (256 random bits need no slow hash)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(ctx: Context, hours: int = TOKEN_HOURS) -> Issued:
    """A session token for the person ``ctx`` logged in as (the edge calls this right after ``auth.login``).

    With ``ctx.device``, the token is bound to that paired device: revoking the device revokes it.
    """
    secret = "snt_" + secrets.token_urlsafe(32)
    now = utcnow()
    expires = now + dt.timedelta(hours=hours)
    with ctx.db.session(write=True) as session:
        session.add(ApiCredential(kind="token", user_name=ctx.user, secret_hash=digest(secret), expires_at=expires,
                                  device_id=ctx.device))  # fmt: skip
        if ctx.device is not None:
            session.execute(update(Device).where(Device.id == ctx.device).values(last_user=ctx.user, last_seen_at=now))
        session.flush()
        write_audit(session, audit_name(ctx.user, ctx.device), "token.issue", "api", ctx.user,
                    after={"expires_at": expires})  # fmt: skip
        session.commit()
    return Issued(secret, expires)


def authenticate(db: Database, secret: str) -> Context:
    """The Context a bearer secret acts as; refused when unknown, expired or revoked."""
    now = utcnow()
    with db.session(write=False) as session:
        found = session.execute(
            select(ApiCredential, Device.revoked_at)
            .outerjoin(Device, Device.id == ApiCredential.device_id)
            .where(ApiCredential.secret_hash == digest(secret))
        ).first()
    # A device revoked while its token was being issued: the token went out after the revoke ended the others.
    if found is None or not found[0].usable(now) or found[1] is not None:
        raise AuthenticationFailed("access.bad_token")
    row = found[0]
    if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
        with db.session(write=True) as session:
            session.execute(update(ApiCredential).where(ApiCredential.id == row.id).values(last_used_at=now))
            if row.device_id is not None:
                session.execute(update(Device).where(Device.id == row.device_id).values(last_seen_at=now))
            session.commit()
    if row.kind == "key":
        return Context(db, KEY_PREFIX + row.name)
    return Context(db, row.user_name, row.device_id)


def revoke_token(db: Database, secret: str) -> None:
    """Log out: the token stops working at once, on every server."""
    with db.session(write=True) as session:
        session.execute(
            update(ApiCredential)
            .where(ApiCredential.secret_hash == digest(secret), ApiCredential.kind == "token")
            .values(revoked_at=utcnow())
        )
        session.commit()


@service(Permission.ADMIN)
def create_key(uow: UnitOfWork, name: str, role: Role | str, days: int | None = None) -> tuple[KeyRecord, Issued]:
    """An API key for an integration (the ERP, finance): its own name and role; the secret is shown once."""
    name = normalise(name)
    problems = []
    if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        problems.append(Problem("name", name, "name", Text("access.key_name")))
    if role not in tuple(Role):
        problems.append(Problem("role", str(role), "role", Text("access.role_choices", roles=", ".join(Role))))
    if days is not None and not 1 <= days <= MAX_KEY_DAYS:
        problems.append(Problem("days", str(days), "days", Text("access.key_days", most=MAX_KEY_DAYS)))
    if problems:
        raise ValidationError(problems)
    if uow.session.scalar(select(ApiCredential.id).where(ApiCredential.name == name)) is not None:
        raise Conflict("access.key_exists", field="name", name=name)
    secret = "snk_" + secrets.token_urlsafe(32)
    expires = utcnow() + dt.timedelta(days=days) if days else None
    row = ApiCredential(kind="key", name=name, user_name=uow.actor.name, role=Role(role),
                        secret_hash=digest(secret), expires_at=expires)  # fmt: skip
    uow.session.add(row)
    uow.session.flush()
    uow.audit("key.create", "api", name, after={"role": role, "expires_at": expires})
    return _key_record(row), Issued(secret, expires)


@service(Permission.ADMIN, write=False)
def list_keys(uow: UnitOfWork) -> list[KeyRecord]:
    rows = uow.session.scalars(select(ApiCredential).where(ApiCredential.kind == "key").order_by(ApiCredential.name))
    return [_key_record(row) for row in rows]


@service(Permission.ADMIN)
def revoke_key(uow: UnitOfWork, name: str) -> KeyRecord:
    row = uow.session.scalar(
        select(ApiCredential).where(ApiCredential.kind == "key", ApiCredential.name == normalise(name)).with_for_update()
    )
    if row is None:
        raise NotFound("access.no_key", name=name)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        uow.session.flush()
        uow.audit("key.revoke", "api", row.name)
    return _key_record(row)


def _key_record(row: ApiCredential) -> KeyRecord:
    return KeyRecord(row.name, row.role, row.user_name, row.created_at, row.expires_at, row.revoked_at, row.last_used_at)


LOGINS_PER_MINUTE = 30  # per client address, across every server: enough for a shift change, not for guessing

_COUNT = text(
    "INSERT INTO rate_windows (key, minute, count) VALUES (:key, :minute, 1) "
    "ON CONFLICT (key, minute) DO UPDATE SET count = rate_windows.count + 1"
)


def count_request(db: Database, key: str, per_minute: int) -> None:
    """Count one request of ``key``; refused past ``per_minute`` (the count is shared by all servers).

    This minute's requests count together with the last minute's, so a burst
    that straddles the turn of a minute is limited like any other.
    """
    minute = int(utcnow().timestamp() // 60)
    with db.session(write=True) as session:
        session.execute(_COUNT, {"key": key[:100], "minute": minute})
        count = session.scalar(
            select(func.sum(RateWindow.count)).where(RateWindow.key == key[:100], RateWindow.minute >= minute - 1)
        )
        session.execute(delete(RateWindow).where(RateWindow.minute < minute - 1))
        session.commit()
    if count > per_minute:
        raise TooManyRequests("request.too_many", most=per_minute)
