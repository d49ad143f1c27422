"""What an item can be: how its units are tracked, and the bounds of what its record may say."""

from __future__ import annotations

from collections.abc import Callable

TRACKING_MODES = ("serial", "batch", "none")

# Bounds of the numbers a user types into an item: each a real need with room
# to spare, so a slip of the keyboard is refused when the item is saved rather
# than breaking every lookup, export and label that meets the item later.
WARRANTY_MONTHS_MAX = 1_200  # a hundred years
SERIAL_LENGTH_MAX = 64  # what the serial column holds


class PatternError(ValueError):
    """A serial pattern SNApp cannot use; ``str()`` is the engine's reason."""


def pattern_matcher(pattern: str) -> Callable[[str], object]:
    """The full-match test of an item's serial pattern.

    Patterns are data typed by users, and Python's backtracking engine takes
    exponential time on some of them (``(a|a)+b`` against a run of a's hangs a
    receipt). RE2 matches in time linear in the serial whatever the pattern,
    at the price of back-references and look-arounds, which a serial format
    does not need; a pattern using them is refused when the item is saved.
    """
    import re2  # only items with a pattern need the engine: every command imports this module, few match patterns

    options = re2.Options()
    options.log_errors = False  # a refused pattern is the user's news, not a line on stderr
    try:
        re2.compile(pattern, options)  # refuses a pattern RE2 cannot use, with the engine's reason
    except re2.error as err:
        reason = err.args[0] if err.args else err
        raise PatternError(reason.decode() if isinstance(reason, bytes) else str(reason)) from None
    # Matched through a one-pattern set: its Match is a single call into RE2, where the compiled
    # pattern's fullmatch builds a match object in Python (a fifth of the time per serial or IMEI).
    matcher = re2.Set.FullMatchSet(options)
    matcher.Add(pattern)
    matcher.Compile()
    return matcher.Match

