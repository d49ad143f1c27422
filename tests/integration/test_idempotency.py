"""Idempotency keys kept in the database: claimed once, answered once, abandoned claims taken over, kept a day."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from snapp.db.models import IdempotentRequest, utcnow
from snapp.errors import Conflict, SnappError
from snapp.services import idempotency

PRINT = idempotency.fingerprint("POST", "/api/v1/moves", b'{"action": "ship"}')


def _age(db, key: str, by: dt.timedelta) -> None:
    with db.session(write=True) as session:
        session.execute(update(IdempotentRequest).where(IdempotentRequest.key == key).values(created_at=utcnow() - by))
        session.commit()


def test_a_key_is_answered_once_then_replayed(db):
    assert idempotency.claim(db, "ana", "k1", PRINT) is None
    with pytest.raises(Conflict) as racing:
        idempotency.claim(db, "ana", "k1", PRINT)
    assert racing.value.code == "idempotency.in_progress"
    idempotency.settle(db, "ana", "k1", idempotency.Answer(200, "application/json", b'{"count": 1}'))
    assert idempotency.claim(db, "ana", "k1", PRINT) == idempotency.Answer(200, "application/json", b'{"count": 1}')
    assert idempotency.claim(db, "bo", "k1", PRINT) is None  # another caller's key


def test_a_claim_left_by_a_dead_request_is_taken_over_and_a_released_key_runs_again(db):
    assert idempotency.claim(db, "ana", "k2", PRINT) is None
    _age(db, "k2", idempotency.ABANDONED + dt.timedelta(seconds=1))
    assert idempotency.claim(db, "ana", "k2", PRINT) is None
    idempotency.settle(db, "ana", "k2", None)  # a fault of the server: not kept
    assert idempotency.claim(db, "ana", "k2", PRINT) is None


def test_keys_are_kept_a_day(db):
    idempotency.claim(db, "ana", "old", PRINT)
    idempotency.settle(db, "ana", "old", idempotency.Answer(201, None, b"first"))
    _age(db, "old", idempotency.KEPT + dt.timedelta(minutes=1))
    assert idempotency.claim(db, "ana", "old", PRINT) is None  # expired: a new request


@pytest.mark.parametrize("key", ["", " ", "k" * 201, "tab\there"])
def test_a_bad_key_is_refused(key):
    with pytest.raises(SnappError) as refused:
        idempotency.check_key(key)
    assert refused.value.code == "idempotency.bad_key"
