"""The audit trail's hash chain: how an entry is hashed, and how a chain is checked.

Each entry carries ``prev_hash``, the hash of the entry before it (``GENESIS``
for the first), and ``hash``, the SHA-256 of its canonical form:

    UTF-8 bytes of the JSON array
    ["snapp-audit-1", seq, at, user_name, action, entity, entity_key, before, after, prev_hash]

written with ``json.dumps(..., ensure_ascii=True, separators=(",", ":"))``:
no whitespace, every non-ASCII character escaped, so the bytes do not depend
on a platform's encoding. ``at`` is UTC with microseconds,
``YYYY-MM-DDTHH:MM:SS.ffffffZ``; ``before`` and ``after`` are hashed as the
JSON *text* stored (or null), so re-serialising them cannot change a hash.
The row ``id`` is not hashed (the database assigns it on insert) but must
grow along the chain: a row slipped in later gets a larger id than the
entries chained after it.

Anyone who can write the table can rebuild every hash after an edit; what
catches that is the head hash printed in the monthly report and kept apart
(``verify(..., expected_head=...)``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

FORMAT = "snapp-audit-1"
GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainEntry:
    id: int
    seq: int
    at: dt.datetime
    user_name: str
    action: str
    entity: str
    entity_key: str
    before: str | None  # JSON text as stored
    after: str | None
    prev_hash: str
    hash: str


def timestamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    seq: int,
    at: dt.datetime,
    user_name: str,
    action: str,
    entity: str,
    entity_key: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> str:
    canonical = json.dumps(
        [FORMAT, seq, timestamp(at), user_name, action, entity, entity_key, before, after, prev_hash],
        ensure_ascii=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def recomputed(entry: ChainEntry) -> str:
    return entry_hash(
        entry.seq, entry.at, entry.user_name, entry.action, entry.entity, entry.entity_key, entry.before,
        entry.after, entry.prev_hash,
    )  # fmt: skip


class Tampering(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    INSERTED = "inserted"
    TRUNCATED = "truncated"


@dataclass(frozen=True)
class Break:
    """The first place the chain is wrong: the entry (or missing position) and what happened there."""

    seq: int
    entry_id: int | None  # None when the entry is missing
    kind: Tampering
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str  # hash of the last entry as stored; GENESIS for an empty trail
    first_bad: Break | None


def verify(
    entries: Iterable[ChainEntry], recorded_head: tuple[int, str], expected_head: str | None = None
) -> ChainReport:
    """Walk ``entries`` in ``seq`` order and name the first one that is wrong.

    ``recorded_head`` is (seq, hash) of the last entry as the database's
    chain-head row has it: an entry beyond it was appended behind SNApp's back,
    a chain ending before it lost its tail. ``expected_head`` is a head hash
    kept elsewhere (printed in a report): it must still be in the chain.
    """
    head_seq, head_hash = recorded_head
    previous: ChainEntry | None = None
    beyond: ChainEntry | None = None  # the first entry past the recorded head
    count = 0
    found_expected = expected_head is None
    for entry in entries:
        if bad := _check(entry, previous):
            return ChainReport(False, count, head_seq, head_hash, bad)
        count += 1
        found_expected = found_expected or entry.hash == expected_head
        if entry.seq == head_seq + 1:
            beyond = entry
        previous = entry
    last_seq, last_hash = (previous.seq, previous.hash) if previous else (0, GENESIS)
    bad = None
    if last_seq < head_seq:
        bad = Break(last_seq + 1, None, Tampering.TRUNCATED,
                    f"entries #{last_seq + 1} to #{head_seq} are missing from the end of the trail "
                    f"(it stops at #{last_seq}, the recorded head is #{head_seq})")  # fmt: skip
    elif beyond is not None:
        bad = Break(beyond.seq, beyond.id, Tampering.INSERTED,
                    f"entry #{beyond.seq} (id {beyond.id}) and any after it lie beyond the recorded head "
                    f"#{head_seq}: appended outside SNApp")  # fmt: skip
    elif last_hash != head_hash:
        bad = Break(last_seq, previous.id if previous else None, Tampering.EDITED,
                    f"entry #{last_seq} is not the entry the recorded head names: it was rewritten")  # fmt: skip
    elif not found_expected:
        bad = Break(last_seq + 1, None, Tampering.TRUNCATED,
                    f"the head hash {expected_head} is not in the trail: entries were cut off the end "
                    f"(the trail now stops at #{last_seq}, {last_hash})")  # fmt: skip
    return ChainReport(bad is None, count, last_seq, last_hash, bad)


def _check(entry: ChainEntry, previous: ChainEntry | None) -> Break | None:
    expected_seq = previous.seq + 1 if previous else 1
    if entry.seq != expected_seq:
        missing = f"#{expected_seq}" if entry.seq == expected_seq + 1 else f"#{expected_seq} to #{entry.seq - 1}"
        return Break(expected_seq, None, Tampering.DELETED,
                     f"entry {missing} is missing: deleted (the trail jumps to #{entry.seq}, id {entry.id})")  # fmt: skip
    if previous and entry.id <= previous.id:
        return Break(previous.seq, previous.id, Tampering.INSERTED,
                     f"entry #{previous.seq} (id {previous.id}) is out of place: it was written after "
                     f"#{entry.seq} (id {entry.id}) but chained before it — inserted")  # fmt: skip
    if recomputed(entry) != entry.hash:
        return Break(entry.seq, entry.id, Tampering.EDITED,
                     f"entry #{entry.seq} (id {entry.id}, {entry.action} by {entry.user_name}) no longer "
                     "matches its hash: it was edited")  # fmt: skip
    if entry.prev_hash != _hash(previous):
        if previous is None:
            return Break(entry.seq, entry.id, Tampering.EDITED,
                         f"entry #{entry.seq} (id {entry.id}) does not start the chain: it was edited")  # fmt: skip
        return Break(previous.seq, previous.id, Tampering.EDITED,
                     f"entry #{previous.seq} (id {previous.id}, {previous.action} by {previous.user_name}) is not "
                     f"the one #{entry.seq} was chained to: it was rewritten with a new hash")  # fmt: skip
    return None


def _hash(entry: ChainEntry | None) -> str:
    return entry.hash if entry else GENESIS
