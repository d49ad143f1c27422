"""The desktop's colours, in one place: one tone per thing a unit's status means, and the good / doubtful / bad of a
verdict or a message. Every screen that colours a status asks ``status_tone`` here, so "in stock" is the same green on
the register, the lookup card, the dashboard and the recall tree.

Each tone's ``text`` is readable as text on a light window (contrast 4.5:1 or more against white), and its ``on_fill``
is readable on its ``fill`` (a verdict banner, a status chip): tests/gui/test_nav_palette.py measures both.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PySide6.QtGui import QColor

from snapp.domain.statuses import Status, meaning


class Tone(NamedTuple):
    fill: str  # a banner's or a bar's background
    on_fill: str  # text on ``fill``
    text: str  # text, and a list row's foreground, on the window's own light background


HEADING = "#546e7a"  # the navigation's area headings: quieter than the screens under them, still readable

GOOD = Tone("#2e7d32", "#ffffff", "#2e7d32")
DOUBTFUL = Tone("#f2a900", "#2b1d00", "#8a5300")
BAD = Tone("#c0392b", "#ffffff", "#b3261e")

# What a unit's status means, as the eye should take it in.
ON_SHELF = "on_shelf"  # ours, on a shelf, free to use
HELD_BACK = "held_back"  # on a shelf but not to be issued or shipped: a recall's quarantine
OUT = "out"  # ours, away from the shelf with someone (issued)
IN_HAND = "in_hand"  # ours and being worked on: at repair, a customer's return awaiting inspection
GONE = "gone"  # left us for good
MISSING = "missing"  # ours on the books, not found

TONES = {
    ON_SHELF: GOOD,
    HELD_BACK: BAD,
    OUT: Tone("#1565c0", "#ffffff", "#1565c0"),
    IN_HAND: DOUBTFUL,
    GONE: Tone("#757575", "#ffffff", "#616161"),
    MISSING: Tone("#ad1457", "#ffffff", "#ad1457"),
}

# The core's meanings (statuses.MEANING) tell shelf, gone and missing apart; these two sets are the finer cuts a screen
# needs and the meanings do not carry: quarantine is "on the shelf and held" like stock, repair is "held" like an issue.
_HELD_BACK = frozenset({Status.QUARANTINED})
_IN_HAND = frozenset({Status.IN_REPAIR, Status.CUSTOMER_RETURN})


def kind(status: Status | str) -> str:
    """What ``status`` means for its colour: one of the keys of TONES."""
    said, status = meaning(status), Status(status)
    if said.missing:
        return MISSING
    if said.gone:
        return GONE
    if status in _HELD_BACK:
        return HELD_BACK
    if said.on_shelf:
        return ON_SHELF
    return IN_HAND if status in _IN_HAND else OUT


def status_tone(status: Status | str) -> Tone:
    return TONES[kind(status)]


@cache
def status_colour(status: Status | str) -> QColor:
    """A status's text colour, made once: a register of a million rows asks for it at every painted cell."""
    return QColor(status_tone(status).text)
