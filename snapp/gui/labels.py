"""What the screens call the core's codes (statuses, moves, verdicts...): their names in the catalog, in the UI language.

The names themselves are in ``snapp.messages.names``, shared with the PDFs,
the exports and the command line; a screen only chooses the language.
"""

from __future__ import annotations

from snapp.gui.problems import language
from snapp.messages import name_of as named


def name_of(kind: str, code: str | None) -> str:
    """The name of ``code`` among ``kind`` (status, po_status, move, verdict...); the code itself when it has none."""
    return named(kind, code, language()) if code else ""
