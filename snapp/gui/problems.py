"""The core's refusals in the user's language.

The core writes each refusal as a `snapp.errors.Text`: an English template
and its values. The templates are listed here so that Qt Linguist collects
them; a test keeps this list equal to the templates in the core.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from snapp.errors import Problem, Text
from snapp.gui.labels import STATUSES, status_label

TEMPLATES = (
    QT_TRANSLATE_NOOP(
        "problems",
        "Excel has turned this {what} into a number; format the column as Text and enter the {what} again",
    ),
    QT_TRANSLATE_NOOP(
        "problems", "GS1 code for GTIN {scanned}, but this item has no GTIN"
    ),
    QT_TRANSLATE_NOOP(
        "problems", "GS1 code for GTIN {scanned}, but this item's GTIN is {mine}"
    ),
    QT_TRANSLATE_NOOP("problems", "GS1 code with a bad GTIN: {detail}"),
    QT_TRANSLATE_NOOP("problems", "GS1 code without a GTIN (01)"),
    QT_TRANSLATE_NOOP("problems", "GS1 code without a serial number (21)"),
    QT_TRANSLATE_NOOP(
        "problems",
        "already received (receipt {receipt}, PO {po}); the unit is now {status}",
    ),
    QT_TRANSLATE_NOOP(
        "problems",
        "already received (receipt {receipt}, PO {po}); the unit is now {status} at {location}",
    ),
    QT_TRANSLATE_NOOP("problems", "appears twice in this batch (first at {first})"),
    QT_TRANSLATE_NOOP(
        "problems",
        "both ends must share the text around the number ({first} vs {last})",
    ),
    QT_TRANSLATE_NOOP("problems", "characters not allowed in a serial: {chars}"),
    QT_TRANSLATE_NOOP(
        "problems", "does not match this item's serial pattern {pattern}"
    ),
    QT_TRANSLATE_NOOP(
        "problems", "has {n} characters; this item's serials have at least {low}"
    ),
    QT_TRANSLATE_NOOP(
        "problems", "has {n} characters; this item's serials have at most {high}"
    ),
    QT_TRANSLATE_NOOP("problems", "is a TRUE/FALSE cell, not a {what}"),
    QT_TRANSLATE_NOOP(
        "problems",
        "is a date cell: Excel has turned the {what} into a date; format the column as Text and enter the {what} again",
    ),
    QT_TRANSLATE_NOOP(
        "problems",
        "is a decimal number cell, not a {what}; format the column as Text and enter the {what} again",
    ),
    QT_TRANSLATE_NOOP(
        "problems",
        "is a number cell with more than {digits} digits, which Excel has already rounded; format the column as Text and enter the {what} again",
    ),
    QT_TRANSLATE_NOOP("problems", "is a {kind} value, not a {what}"),
    QT_TRANSLATE_NOOP("problems", "is empty"),
    QT_TRANSLATE_NOOP("problems", "no serials to receive"),
    QT_TRANSLATE_NOOP("problems", "not a readable GS1 code: {detail}"),
    QT_TRANSLATE_NOOP("problems", "the last serial comes before the first"),
    QT_TRANSLATE_NOOP(
        "problems",
        "the two ends have numbers of different widths; write both with the same number of digits",
    ),
    QT_TRANSLATE_NOOP(
        "problems",
        "write a range as FIRST..LAST, both ending in a number, e.g. SN0001..SN0500",
    ),
    QT_TRANSLATE_NOOP("problems", "{count:,} serials; a range holds at most {most:,}"),
    QT_TRANSLATE_NOOP(
        "problems",
        "{count} to receive, but line {line} has only {remaining} open (ordered {ordered}, received {received})",
    ),
    QT_TRANSLATE_NOOP(
        "problems", "{valid} valid serials, but {expected} were expected"
    ),
)
WORDS = (
    QT_TRANSLATE_NOOP("problems", "serial"),
)  # words the core puts into a template


def say(message: str) -> str:
    """``message`` in the user's language, when the core wrote it as a template with values."""
    if not isinstance(message, Text):
        return message
    args = {name: _word(value) for name, value in message.args.items()}
    return QCoreApplication.translate("problems", message.template).format(**args)


def say_problem(problem: Problem) -> str:
    shown = f" {problem.value!r}" if problem.value else ""
    return f"{problem.position}:{shown} {say(problem.message)}"


def _word(value: object) -> object:
    if not isinstance(value, str):
        return value
    if value in STATUSES:
        return status_label(value)
    return QCoreApplication.translate("problems", value)
