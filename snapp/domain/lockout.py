"""Account lockout after failed logins: the rule, kept apart from where the counts live.

A few typos cost nothing; then each failure locks the account for twice as
long as the one before; past ``LOCKED_FOR_GOOD_AFTER`` failures only an admin
unlocks it. The last admin who could unlock anybody is never locked for good:
for them the delay stops growing at ``LAST_ADMIN_MAX_DELAY``, so whoever
guesses at their password can only slow them down, and they always get back
in. "Last" is decided at each login, over the admins who are active and not
locked for good themselves, so no order of events leaves a database with no
admin able to log in.

An attempt counts as a failure from before its password is checked until the
password proves right, so guesses made at once cannot all slip in before the
lock: after ``FREE_FAILURES + 1`` failures in a row the account waits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FREE_FAILURES = 4  # failures before the first delay
FIRST_DELAY = dt.timedelta(seconds=30)
LOCKED_FOR_GOOD_AFTER = 10
LAST_ADMIN_MAX_DELAY = dt.timedelta(minutes=15)


def delay_after(failures: int, *, last_admin: bool) -> dt.timedelta:
    """How long the account waits after its ``failures``-th failure in a row."""
    if failures <= FREE_FAILURES:
        return dt.timedelta(0)
    delay = FIRST_DELAY * 2 ** (failures - FREE_FAILURES - 1)
    return min(delay, LAST_ADMIN_MAX_DELAY) if last_admin else delay


@dataclass(frozen=True)
class LockState:
    locked: bool
    until: dt.datetime | None = None  # None while locked: until an admin unlocks


def lock_state(failures: int, locked_until: dt.datetime | None, now: dt.datetime, *, last_admin: bool) -> LockState:
    if failures >= LOCKED_FOR_GOOD_AFTER and not last_admin:
        return LockState(True)
    if locked_until is not None and locked_until > now:
        return LockState(True, locked_until)
    return LockState(False)
