"""Webhooks: events POSTed to the ERP or finance as they happen, signed, retried, logged.

Delivery is at least once, in order, per webhook: a worker leases the webhook
(a conditional update, so any number of server processes share the work and
each event goes out from one of them at a time), POSTs the events after its
cursor one by one, and moves the cursor after each 2xx. A receiver that is down
is retried with a growing delay; a worker killed mid-delivery loses its lease,
and another sends again from the cursor. Every POST carries the event id as
its idempotency key, so a receiver drops what it has already seen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import delete, or_, select, update

from snapp.app.records import plain
from snapp.db.engine import Database
from snapp.db.models import Webhook, WebhookDelivery, chain_head_table, utcnow
from snapp.domain.capture import normalise
from snapp.domain.permissions import Permission
from snapp.errors import Conflict, NotFound, Problem, Text, ValidationError
from snapp.services.base import UnitOfWork, service
from snapp.services.events import Event, all_types, read_events

SIGNATURE_HEADER = "X-SNApp-Signature"
# A receiver slower than this is retried; a lease outlives a POST, and is renewed after each.
POST_TIMEOUT = float(os.environ.get("SNAPP_WEBHOOK_TIMEOUT_SECONDS", "10"))
LEASE = dt.timedelta(seconds=3 * POST_TIMEOUT)
MAX_DELAY = 3600
BATCH = 100


@dataclass(frozen=True)
class WebhookRecord:
    name: str
    url: str
    types: list[str]
    active: bool
    cursor: int
    failures: int
    next_attempt_at: dt.datetime | None


@dataclass(frozen=True)
class DeliveryRecord:
    event_id: int
    at: dt.datetime
    status_code: int | None
    error: str | None
    ok: bool


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value: the time it was signed, and HMAC-SHA256 of "time.body" (as Stripe does)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def signature_ok(secret: str, header: str, body: bytes, now: float, tolerance: int = 300) -> bool:
    """What a receiver checks: the HMAC, and that it was signed lately (a replayed POST is refused)."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    fresh = abs(now - timestamp) <= tolerance
    return fresh and hmac.compare_digest(sign(secret, timestamp, body), header)


def retry_delay(failures: int) -> int:
    """Seconds before the next try after ``failures`` in a row: base, 2×, 4×... at most an hour."""
    base = float(os.environ.get("SNAPP_WEBHOOK_RETRY_SECONDS", "5"))
    return int(min(base * 2 ** max(failures - 1, 0), MAX_DELAY))


@service(Permission.ADMIN)
def add_webhook(uow: UnitOfWork, name: str, url: str, types: list[str] | None = None) -> tuple[WebhookRecord, str]:
    """Register a receiver; the signing secret is returned once."""
    name = normalise(name)
    problems = []
    if not name:
        problems.append(Problem("name", "", "name", Text("validation.required")))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append(Problem("url", url, "url", Text("webhooks.url")))
    unknown = sorted(set(types or ()) - set(all_types()))
    if unknown:
        problems.append(Problem("types", ", ".join(unknown), "types", Text("events.unknown_type", types=", ".join(all_types()))))
    if problems:
        raise ValidationError(problems)
    if uow.session.scalar(select(Webhook.id).where(Webhook.name == name)) is not None:
        raise Conflict("webhooks.exists", field="name", name=name)
    secret = "whsec_" + secrets.token_urlsafe(32)
    # New receivers start from now: they are sent what happens from here on, not the whole history.
    cursor = uow.session.scalar(select(chain_head_table.c.seq).where(chain_head_table.c.id == 1)) or 0
    row = Webhook(name=name, url=url, types=",".join(sorted(set(types or ()))), secret=secret, cursor=cursor)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("webhook.create", "webhook", name, after={"url": url, "types": types or []})
    return _record(row), secret


@service(Permission.ADMIN, write=False)
def list_webhooks(uow: UnitOfWork) -> list[WebhookRecord]:
    return [_record(row) for row in uow.session.scalars(select(Webhook).order_by(Webhook.name))]


@service(Permission.ADMIN)
def remove_webhook(uow: UnitOfWork, name: str) -> None:
    row = _webhook(uow, name)
    uow.session.execute(delete(Webhook).where(Webhook.id == row.id))
    uow.audit("webhook.remove", "webhook", row.name)


@service(Permission.ADMIN)
def resend(uow: UnitOfWork, name: str, after: int) -> WebhookRecord:
    """Deliver again every event after ``after`` (the receiver lost them): the cursor moves back, at once due."""
    row = _webhook(uow, name)
    before = row.cursor
    row.cursor, row.failures, row.next_attempt_at = max(after, 0), 0, None
    uow.session.flush()
    uow.audit("webhook.resend", "webhook", row.name, before={"cursor": before}, after={"cursor": row.cursor})
    return _record(row)


@service(Permission.ADMIN, write=False)
def deliveries(uow: UnitOfWork, name: str, *, limit: int = 100) -> list[DeliveryRecord]:
    row = _webhook(uow, name)
    rows = uow.session.scalars(
        select(WebhookDelivery).where(WebhookDelivery.webhook_id == row.id).order_by(WebhookDelivery.id.desc()).limit(limit)
    )
    return [DeliveryRecord(d.event_id, d.at, d.status_code, d.error, d.ok) for d in rows]


def _webhook(uow: UnitOfWork, name: str) -> Webhook:
    row = uow.session.scalar(select(Webhook).where(Webhook.name == normalise(name)))
    if row is None:
        raise NotFound("webhooks.none", name=name)
    return row


def _types(row: Webhook) -> list[str]:
    """The event types a webhook takes, as saved (comma-separated; none: every type)."""
    return [t for t in row.types.split(",") if t]


def _record(row: Webhook) -> WebhookRecord:
    return WebhookRecord(row.name, row.url, _types(row), row.active, row.cursor, row.failures, row.next_attempt_at)


# --- delivery (the server's worker) ------------------------------------------------


def _claim(db: Database) -> Webhook | None:
    """Lease one webhook that is due, or None. The lease is a conditional update: one worker wins."""
    now = utcnow()
    with db.session(write=True) as session:
        candidates = session.scalars(
            select(Webhook.id).where(
                Webhook.active,
                or_(Webhook.next_attempt_at.is_(None), Webhook.next_attempt_at <= now),
                or_(Webhook.lease_until.is_(None), Webhook.lease_until < now),
            ).order_by(Webhook.id)
        ).all()
        for webhook_id in candidates:
            won = session.execute(
                update(Webhook)
                .where(Webhook.id == webhook_id, or_(Webhook.lease_until.is_(None), Webhook.lease_until < now))
                .values(lease_until=now + LEASE)
            ).rowcount
            if won:
                session.commit()
                return session.get(Webhook, webhook_id)
        return None


def deliver_due(db: Database) -> int:
    """Deliver what is due to one webhook; the number of events delivered."""
    hook = _claim(db)
    if hook is None:
        return 0
    with db.session(write=False) as session:
        events = read_events(session, hook.cursor, BATCH, set(_types(hook)) or None)
    delivered = 0
    for event in events:
        status, error = _post(hook.url, hook.secret, event)
        ok = status is not None and 200 <= status < 300
        _record_attempt(db, hook.id, event.id, status, error, ok)
        if not ok:
            return delivered
        delivered += 1
    _release(db, hook.id)
    return delivered


def _post(url: str, secret: str, event: Event) -> tuple[int | None, str | None]:
    body = json.dumps(plain(event), ensure_ascii=False, sort_keys=True).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json; charset=utf-8",
        "Idempotency-Key": f"snapp-event-{event.id}",
        "X-SNApp-Event": event.type,
        SIGNATURE_HEADER: sign(secret, int(time.time()), body),
        "User-Agent": "SNApp-Webhooks",
    })  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=POST_TIMEOUT) as response:
            return response.status, None
    except urllib.error.HTTPError as err:
        return err.code, f"HTTP {err.code}"
    except (urllib.error.URLError, OSError) as err:
        return None, str(getattr(err, "reason", err))[:500]


def _record_attempt(db: Database, webhook_id: int, event_id: int, status: int | None, error: str | None, ok: bool) -> None:
    now = utcnow()
    with db.session(write=True) as session:
        session.add(WebhookDelivery(webhook_id=webhook_id, event_id=event_id, at=now, status_code=status, error=error, ok=ok))
        hook = session.get(Webhook, webhook_id)
        if hook is not None:
            if ok:
                hook.cursor, hook.failures, hook.next_attempt_at = max(hook.cursor, event_id), 0, None
                hook.lease_until = now + LEASE
            else:
                hook.failures += 1
                hook.next_attempt_at = now + dt.timedelta(seconds=retry_delay(hook.failures))
                hook.lease_until = None
        session.commit()


def _release(db: Database, webhook_id: int) -> None:
    with db.session(write=True) as session:
        session.execute(update(Webhook).where(Webhook.id == webhook_id).values(lease_until=None))
        session.commit()
