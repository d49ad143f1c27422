"""Serials as people give them (typed or scanned, ranges, files, pasted text) assembled into sources.

Receiving, stocktake and labels take the same kinds of input from every front
end; the order is kept: scans first, then ranges, files and pasted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snapp.domain.capture import Source


def serial_sources(
    *, scanned: Sequence[str] = (), ranges: Sequence[str] = (), files: Sequence[str] = (), pasted: str | None = None,
    columns: Sequence[str] = (),
) -> list[Source]:
    """One source per kind of input given; ``pasted`` is text with serials per line or separated by commas, tabs, spaces.

    With ``columns`` (custom fields' names), each pasted line is a serial and then a value of each, in that order.
    """
    from snapp.domain.capture import paste, scans, serial_range
    from snapp.domain.fields import paste_columns
    from snapp.io.serial_files import read_serial_file

    sources = [scans(list(scanned))] if scanned else []
    sources += [serial_range(spec) for spec in ranges]
    sources += [read_serial_file(path) for path in files]
    if pasted is not None:
        sources.append(paste_columns(pasted, columns) if columns else paste(pasted))
    return sources


def selection(**given: object) -> Source | None:
    """The inputs as one source (``serial_sources``' arguments), or None when nothing was given."""
    from snapp.domain.capture import combine

    sources = serial_sources(**given)  # type: ignore[arg-type]
    return combine(sources) if sources else None
