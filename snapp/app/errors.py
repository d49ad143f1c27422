"""The error contract every front end shares: a refusal as data, in the user's language.

A refusal is a code with values, the field or positions it concerns, and the
wording in English or Chinese; the command line prints it (or, with --json,
this same object), the HTTP API answers it with ``http_status``.
"""

from __future__ import annotations

import os
from typing import Any

from snapp.errors import (
    SHOWN,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    DatabaseDamaged,
    DatabaseUnavailable,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    Problem,
    SnappError,
    Text,
    TooManyRequests,
    ValidationError,
    said,
)

EXIT_REFUSED = 2
EXIT_DAMAGED = 3  # the same as a failed check: the data itself is not sound

# Most specific first: AccountLocked is an AuthenticationFailed.
_HTTP = (
    (AccountLocked, 429),
    (TooManyRequests, 429),
    (AuthenticationFailed, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    (IllegalTransition, 409),
    (ValidationError, 422),
    (DatabaseUnavailable, 503),
)


def language(tag: str | None = None) -> str:
    """'zh' or 'en' for a language tag (zh-CN, zh_CN.UTF-8, en-US...); by default SNAPP_LANG, then the locale."""
    if tag is None:
        tag = os.environ.get("SNAPP_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh" if tag.lower().startswith("zh") else "en"


def exit_code(err: SnappError) -> int:
    """The command line's exit status for a refusal: 3 for a damaged database, 2 for every other."""
    return EXIT_DAMAGED if isinstance(err, DatabaseDamaged) else EXIT_REFUSED


def http_status(err: SnappError) -> int:
    from snapp.domain.capture import Reason  # here, not at the top: the command line imports this module at start

    already = isinstance(err, ValidationError) and err.problems
    if already and all(p.reason == Reason.ALREADY_RECEIVED for p in err.problems):
        return 409  # every unit is already on record: a conflict with the ledger, not bad input
    return next((status for kind, status in _HTTP if isinstance(err, kind)), 400)


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return value.code if not value.args else {"code": value.code, **{k: _plain(v) for k, v in value.args.items()}}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def problem_json(problem: Problem, lang: str) -> dict[str, Any]:
    return {
        "position": said(problem.position, lang),
        "value": problem.value,
        "reason": str(problem.reason),
        "code": getattr(problem.message, "code", None),
        "values": {k: _plain(v) for k, v in getattr(problem.message, "args", {}).items()},
        "message": said(problem.message, lang),
    }


def error_json(err: SnappError, lang: str) -> dict[str, Any]:
    """The refusal as one JSON object: the same for the command line's --json and the HTTP API."""
    body: dict[str, Any] = {
        "error": err.code,
        "message": said(err.summary, lang) if isinstance(err, ValidationError) else err.say(lang),
        "values": {k: _plain(v) for k, v in err.values.items()},
    }
    if err.field:
        body["field"] = err.field
    if isinstance(err, ValidationError):
        body["problems"] = [problem_json(p, lang) for p in err.problems[:SHOWN]]
        if len(err.problems) > SHOWN:
            body["more_problems"] = len(err.problems) - SHOWN
    return body
