"""Typed errors of the core. The edges (CLI, GUI) turn them into messages.

Every error that a user can cause derives from SnappError; anything else that
escapes a service is a bug.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from snapp.messages import CATALOG, say


class Text(str):
    """A sentence of the core: a code of ``snapp.messages`` and its values.

    To everything that treats it as a ``str`` it is the English wording; an
    edge says it in the user's language with ``say(lang)``. An unknown code
    fails at once, so every sentence the core can say is in the catalog.
    """

    code: str
    args: dict[str, object]

    def __new__(cls, code: str, **args: object) -> Text:
        text = super().__new__(cls, say(code, args, "en"))
        text.code, text.args = code, args
        return text

    def __reduce__(self):  # keep code and values across pickling (worker processes)
        return (_text, (self.code, self.args))

    def say(self, lang: str) -> str:
        return say(self.code, self.args, lang)


def _text(code: str, args: dict[str, object]) -> Text:
    return Text(code, **args)


def said(message: str, lang: str) -> str:
    """``message`` in ``lang`` when the core wrote it as a Text; as it is otherwise (a name, a serial)."""
    return message.say(lang) if isinstance(message, Text) else message


def stored(text: str) -> str:
    """A Text as the JSON of its code and values (a value that is itself a Text, likewise), to keep in a column
    and say later in the reader's language; any other string as it is."""
    if not isinstance(text, Text):
        return text
    return json.dumps(_as_data(text), ensure_ascii=False, default=str)


def restored(column: str) -> str:
    """The Text that `stored` wrote; a row written before sentences were codes, or a plain string, comes back as it is."""
    if not column.startswith("{"):
        return column
    try:
        data = json.loads(column)
    except ValueError:
        return column
    return _as_text(data) if isinstance(data, dict) else column


def _as_data(value: object) -> object:
    if isinstance(value, Text):
        return {"code": value.code, "values": {k: _as_data(v) for k, v in value.args.items()}}
    return value


def _as_text(data: dict) -> Text:
    values = {k: _as_text(v) if isinstance(v, dict) else v for k, v in data["values"].items()}
    return Text(data["code"], **values)


class SnappError(Exception):
    """A refusal the user can act on: a Text (code and values), and the field it concerns if any.

    ``SnappError("code", field=..., **values)``, or ``SnappError(Text(...))``;
    ``str(err)`` is the English wording, ``err.say(lang)`` the user's.
    """

    def __init__(self, message: str, /, *, field: str | None = None, **values: object):
        self.text = message if isinstance(message, Text) or message not in CATALOG else Text(message, **values)
        self.field = field
        super().__init__(str(self.text))

    @property
    def code(self) -> str:
        return getattr(self.text, "code", "error")

    @property
    def values(self) -> dict[str, object]:
        return getattr(self.text, "args", {})

    def say(self, lang: str) -> str:
        return said(self.text, lang)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it was, and why it is refused.

    ``position`` and ``message`` are Texts where the core can say them in
    Chinese; ``reason`` is a stable code (a ``snapp.domain.capture.Reason`` or
    a field name) a program can act on.
    """

    position: str
    value: str
    reason: str
    message: str

    def __str__(self) -> str:
        return self.say("en")

    def say(self, lang: str) -> str:
        shown = f" {self.value!r}" if self.value else ""
        return f"{said(self.position, lang)}:{shown} {said(self.message, lang)}"


SHOWN = 100  # problems said one by one: a hostile file's 600,000 are counted, not printed


class ValidationError(SnappError):
    """Input refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem, summary: Text | None = None):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        n = len(self.problems)
        self.summary = summary or Text("validation.problem" if n == 1 else "validation.problems", n=n)
        super().__init__(self.summary)

    def __str__(self) -> str:
        return self.say("en")

    def say(self, lang: str) -> str:
        return "\n".join([said(self.summary, lang), *self.lines(lang)])

    def lines(self, lang: str) -> list[str]:
        """One line per problem, the first `SHOWN` of them, then how many more there are."""
        lines = [p.say(lang) for p in self.problems[:SHOWN]]
        if len(self.problems) > SHOWN:
            lines.append(Text("validation.more", n=len(self.problems) - SHOWN).say(lang))
        return lines


class NotFound(SnappError):
    pass


class Conflict(SnappError):
    """The change clashes with the current state (a duplicate code, a PO already closed...)."""


class AuditTrailChanged(Conflict):
    """Rows were written into the audit trail outside SNApp: nothing more can be chained to it."""


class IllegalTransition(SnappError):
    pass


class PermissionDenied(SnappError):
    pass


class AuthenticationFailed(SnappError):
    """A login refused: wrong name or password, or a disabled account."""


class AccountLocked(AuthenticationFailed):
    """Too many failed logins: the account waits, or waits for an admin."""


class TooManyRequests(SnappError):
    """A caller asked too often in a short time; it may ask again shortly."""


class BackupError(SnappError):
    """A backup could not be made, or a file is not one SNApp can restore; nothing was changed."""


class DatabaseUnavailable(SnappError):
    """The database server cannot be reached, or refuses the login."""


class DatabaseDamaged(DatabaseUnavailable):
    """The database file is damaged (corrupt pages, not a database): the command line exits 3."""


class DatabaseBusy(DatabaseUnavailable):
    """Another program held the database locked for longer than SNApp waits."""


class DatabaseReadOnly(DatabaseUnavailable):
    """A write to a database file SNApp may only read."""


class DiskFull(DatabaseUnavailable):
    """The disk (of the database, or of a file being written) is full; what was being written is not kept."""


class DatabaseLocationError(SnappError):
    """The SQLite file sits where SQLite cannot keep it safe (a network share)."""


class SchemaOutOfDate(SnappError):
    pass


class Cancelled(SnappError):
    """Raised from a progress callback to stop long work; the transaction rolls back."""
