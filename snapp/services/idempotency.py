"""Idempotency keys: a request sent again with the same key gets the first answer, not a second change.

A client that cannot know whether its POST arrived (the network dropped, the
page was reloaded) sends it again with the same ``Idempotency-Key``. The first
request claims the key for its caller (a row with no answer yet, inserted
under the unique (caller, key) constraint, so two copies racing cannot both
claim it); its answer is stored on the row; every later copy gets that answer.
Keys are kept a day. A claim left without an answer (the server stopped
mid-request) is taken over after ``ABANDONED``; an answer that is a fault of
the server (5xx) or a rate limit is not kept, so a retry runs again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from snapp.db.engine import Database
from snapp.db.models import IdempotentRequest, utcnow
from snapp.errors import Conflict, SnappError

KEPT = dt.timedelta(days=1)
ABANDONED = dt.timedelta(minutes=2)
MAX_KEY = 200


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str | None
    body: bytes


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(b"\0".join([method.encode(), path.encode(), body])).hexdigest()


def check_key(key: str) -> str:
    key = key.strip()
    if not key or len(key) > MAX_KEY or not key.isprintable():
        raise SnappError("idempotency.bad_key", field="Idempotency-Key", most=MAX_KEY)
    return key


def claim(db: Database, caller: str, key: str, print_: str) -> Answer | None:
    """Claim ``key`` for ``caller``'s request; or the answer a first request with this key got.

    Refused when the key was used for another request, or its first request is still being answered.
    """
    now = utcnow()
    with db.session(write=True) as session:
        session.execute(delete(IdempotentRequest).where(IdempotentRequest.created_at < now - KEPT))
        row = session.execute(
            select(IdempotentRequest).where(IdempotentRequest.caller == caller, IdempotentRequest.key == key)
        ).scalar_one_or_none()
        if row is None:
            try:
                session.execute(insert(IdempotentRequest).values(caller=caller, key=key, fingerprint=print_, created_at=now))
                session.commit()
                return None
            except IntegrityError:  # the same key, claimed a moment ago by a copy of this request
                session.rollback()
                raise Conflict("idempotency.in_progress", key=key) from None
        if row.fingerprint != print_:
            raise Conflict("idempotency.key_reused", key=key)
        if row.status is not None:
            return Answer(row.status, row.content_type, row.body or b"")
        if now - row.created_at < ABANDONED:
            raise Conflict("idempotency.in_progress", key=key)
        session.execute(update(IdempotentRequest).where(IdempotentRequest.id == row.id).values(created_at=now))
        session.commit()
        return None


def settle(db: Database, caller: str, key: str, answer: Answer | None) -> None:
    """Keep ``answer`` for the key's retries; with None, release the key so that a retry runs again."""
    where = (IdempotentRequest.caller == caller, IdempotentRequest.key == key)
    with db.session(write=True) as session:
        if answer is None:
            session.execute(delete(IdempotentRequest).where(*where))
        else:
            session.execute(
                update(IdempotentRequest)
                .where(*where)
                .values(status=answer.status, content_type=answer.content_type, body=answer.body)
            )
        session.commit()
