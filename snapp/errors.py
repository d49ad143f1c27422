"""Typed errors of the core. The edges (CLI, GUI) turn them into messages.

Every error that a user can cause derives from SnappError; anything else that
escapes a service is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class Text(str):
    """A message that keeps its English template and values, so an edge can say it in the user's language.

    It is a plain ``str`` to everything else (the CLI prints it as it is); the
    desktop client looks up ``template`` in its translations and fills in ``args``.
    """

    template: str
    args: dict[str, object]

    def __new__(cls, template: str, **args: object) -> Text:
        text = super().__new__(cls, template.format(**args))
        text.template, text.args = template, args
        return text


class SnappError(Exception):
    """A refusal the user can act on; ``str(err)`` is the plain-language reason."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it was, and why it is refused."""

    position: str
    value: str
    reason: str  # a Reason code (snapp.domain.capture.Reason) or a field name
    message: str

    def __str__(self) -> str:
        shown = f" {self.value!r}" if self.value else ""
        return f"{self.position}:{shown} {self.message}"


class ValidationError(SnappError):
    """Input refused; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem, summary: str | None = None):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        n = len(self.problems)
        self.summary = summary or f"{n} problem{'s' if n != 1 else ''} found; nothing was saved"
        super().__init__(self.summary + "\n" + "\n".join(str(p) for p in self.problems))


class NotFound(SnappError):
    pass


class Conflict(SnappError):
    """The change clashes with the current state (a duplicate code, a PO already closed...)."""


class IllegalTransition(SnappError):
    pass


class PermissionDenied(SnappError):
    pass


class AuthenticationFailed(SnappError):
    """A login refused: wrong name or password, or a disabled account."""


class AccountLocked(AuthenticationFailed):
    """Too many failed logins: the account waits, or waits for an admin."""


class BackupError(SnappError):
    """A backup could not be made, or a file is not one SNApp can restore; nothing was changed."""


class DatabaseUnavailable(SnappError):
    """The database server cannot be reached, or refuses the login."""


class DatabaseLocationError(SnappError):
    """The SQLite file sits where SQLite cannot keep it safe (a network share)."""


class SchemaOutOfDate(SnappError):
    pass


class Cancelled(SnappError):
    """Raised from a progress callback to stop long work; the transaction rolls back."""
