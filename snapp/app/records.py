"""Records as JSON: the same shape for the command line's --json and the HTTP API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from snapp.errors import Text


def plain(value: Any, lang: str | None = None) -> Any:
    """A service's record as JSON-ready values: dates in ISO 8601, amounts as decimal strings (never a float).

    With ``lang``, every sentence of the core in it is said in that language (else in English).
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v, lang) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v, lang) for k, v in value.items()}
    if lang and isinstance(value, Text):
        return value.say(lang)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def shown(value: Any, missing: str = "") -> str:
    """A value in a table cell: a time in the PC's time zone, to the minute; nothing as ``missing``."""
    if value is None:
        return missing
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False, indent=2)
