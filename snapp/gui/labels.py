"""What the screens call the core's codes (statuses, moves, verdicts...): their names in the catalog, in the UI language.

The names themselves are in ``snapp.messages.names``, shared with the PDFs,
the exports and the command line; a screen only chooses the language.
"""

from __future__ import annotations

from snapp.errors import Text
from snapp.gui.problems import say
from snapp.messages import CATALOG


def name_of(kind: str, code: str | None) -> str:
    """The name of ``code`` among ``kind`` (status, po_status, move, verdict...); the code itself when it has none."""
    key = f"{kind}.{code}"
    return say(Text(key)) if key in CATALOG else (code or "")
