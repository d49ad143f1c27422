"""Serial capture: the one path from raw input to clean serials.

Every source (a scan, pasted text, a range, a spreadsheet) becomes a `Source`:
a list of raw values plus a way to name the position of each (line, row, cell).
`capture()` normalises and validates them against an item's `SerialRule` and
returns the accepted serials and one `Problem` per rejection. A value that is
more than a plain serial (GS1, Digital Link, MA UDI...) is read by the one
decoder, `snapp.domain.scan.decode`; capture applies the item's rule to the
serial the decoder read.

The loop is the hot path of receiving (100,000-row files), so positions are
worked out only for the rows that are rejected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from snapp.domain.items import PatternError, pattern_matcher
from snapp.domain.scan import CSET82, FOLD, STRIP, Kind, bad_characters, decode, is_plain, normalise
from snapp.errors import Problem, Text, ValidationError
from snapp.messages import CATALOG

__all__ = ["CSET82", "bad_characters", "normalise"]  # shared with the decoder, imported from here by many


class Reason(StrEnum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"
    PATTERN = "pattern"
    DUPLICATE = "duplicate"
    ALREADY_RECEIVED = "already_received"
    EXCEL_ROUNDED = "excel_rounded"
    EXCEL_DATE = "excel_date"
    NOT_TEXT = "not_text"
    COUNT_MISMATCH = "count_mismatch"
    OVER_RECEIPT = "over_receipt"
    GS1_INVALID = "gs1_invalid"
    GTIN_MISMATCH = "gtin_mismatch"
    BAD_RANGE = "bad_range"
    NOT_ON_MANIFEST = "not_on_manifest"
    OTHER_MANIFEST = "other_manifest"
    BAD_BATCH = "bad_batch"
    BAD_EXPIRY = "bad_expiry"


class CasePolicy(StrEnum):
    KEEP = "keep"
    UPPER = "upper"
    LOWER = "lower"


# --- normalisation -----------------------------------------------------------

# Searching for one character outside the set is a quarter of the time of matching the whole value against it.
_OUTSIDE_CSET82 = re.compile(r"[^!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]").search
EXPONENT_FORM = re.compile(r"\d(\.\d+)?E\+\d+", re.IGNORECASE).fullmatch
_EXCEL_DIGITS = 15


def apply_case(serial: str, policy: CasePolicy | str) -> str:
    if policy == CasePolicy.UPPER:
        return serial.upper()
    if policy == CasePolicy.LOWER:
        return serial.lower()
    return serial


def typed_forms(serial: str) -> set[str]:
    """What ``serial`` may be stored as, whichever case policy its item has."""
    return {serial, serial.upper(), serial.lower()}


# biip refuses a date element that is no date ("991332") by quoting its pattern.
# --- the item's rule ---------------------------------------------------------


@dataclass(frozen=True)
class SerialRule:
    """An item's serial format, held as data so a rule change needs no code."""

    pattern: str | None = None
    min_length: int = 1
    max_length: int = 40
    case: CasePolicy = CasePolicy.KEEP
    gtin: str | None = None  # GTIN-14 of the item, for GS1 scans

    def problems(self) -> list[Problem]:
        """What is wrong with the rule itself (checked when an item is saved)."""
        found = []
        if self.pattern:
            try:
                pattern_matcher(self.pattern)
            except PatternError as err:
                found.append(Problem("serial pattern", self.pattern, "serial_pattern", Text("capture.bad_pattern", detail=str(err))))
        if self.min_length < 1:
            found.append(Problem("serial min length", str(self.min_length), "serial_min_length", Text("capture.min_below_one")))
        if self.max_length < self.min_length:
            found.append(
                Problem("serial max length", str(self.max_length), "serial_max_length", Text("capture.max_below_min"))
            )
        return found


# --- sources -----------------------------------------------------------------


@dataclass(frozen=True)
class FieldColumn:
    """The cells given for one custom field, one per value of the source (None where none was given).

    ``named``: the person named this field (a paste's columns, a scan pair, an API
    body), so an item without it is told so; a file's other headed columns are
    simply other data unless a field of the item bears their heading.
    """

    cells: Sequence[object]
    named: bool


@dataclass(frozen=True)
class Source:
    """Raw values and how to name where each came from.

    ``details`` gives, per value, the batch and expiry typed beside it (a
    file's Batch and Expiry columns) or None; ``locate_detail(i, k)`` names
    the cell of value ``i``'s batch (k=0) or expiry (k=1). ``fields`` gives
    custom-field cells by the name they were given under (snapp.domain.fields);
    ``locate_field(i, name)`` names the cell of value ``i``'s field ``name``.
    """

    values: Sequence[object]
    locate: Callable[[int], str]
    details: Sequence[tuple[object, object] | None] | None = None
    locate_detail: Callable[[int, int], str] | None = None
    fields: Mapping[str, FieldColumn] | None = None
    locate_field: Callable[[int, str], str] | None = None

    def __len__(self) -> int:
        return len(self.values)

    def where_field(self, i: int, name: str) -> str:
        return self.locate_field(i, name) if self.locate_field else self.locate(i)


def scans(values: Iterable[str]) -> Source:
    return Source(list(values), lambda i: Text("position.scan", n=i + 1))


# White space separates serials, except GS (ASCII 29), which Python counts as
# white space but which separates the elements inside one GS1 scan.
PASTE_SEPARATORS = re.compile(r"(?:[^\S\x1d]|[,;，；、])+")
LINES = re.compile(r"\r\n|[\r\n]")  # not str.splitlines(), which also splits at GS


def paste(text: str) -> Source:
    """Text pasted from Excel, Notepad or a mail: one per line, or separated by commas, tabs or spaces."""
    values: list[str] = []
    where: list[tuple[int, int, int]] = []  # (line, item on the line, items on the line)
    for line_no, line in enumerate(LINES.split(text), 1):
        tokens = [t for t in PASTE_SEPARATORS.split(line.translate(FOLD)) if t]
        for k, token in enumerate(tokens, 1):
            values.append(token)
            where.append((line_no, k, len(tokens)))

    def locate(i: int) -> str:
        line_no, k, n = where[i]
        return Text("position.line", line=line_no) if n == 1 else Text("position.line_item", line=line_no, item=k)

    return Source(values, locate)


_RANGE_END = re.compile(r"(.*?)(\d+)(\D*)")
MAX_RANGE = 1_000_000


def serial_range(spec: str) -> Source:
    """``SN0001..SN0500`` keeps the prefix, suffix and zero-padded width; ``1000..1999`` too."""
    text = normalise(spec)
    first, sep, last = text.partition("..")
    a = _RANGE_END.fullmatch(first) if sep else None
    b = _RANGE_END.fullmatch(last) if sep else None

    def refuse(why: Text) -> ValidationError:
        return ValidationError(Problem("range", spec, Reason.BAD_RANGE, why))

    if not a or not b:
        raise refuse(Text("capture.range_syntax"))
    if (a[1], a[3]) != (b[1], b[3]):
        raise refuse(Text("capture.range_affixes",
                          first=f"{a[1]!r}…{a[3]!r}", last=f"{b[1]!r}…{b[3]!r}"))  # fmt: skip
    start, stop = int(a[2]), int(b[2])
    if stop < start:
        raise refuse(Text("capture.range_backwards"))
    if stop - start + 1 > MAX_RANGE:
        raise refuse(Text("capture.range_too_long", count=stop - start + 1, most=MAX_RANGE))
    # A leading zero means zero-padding, except on a lone 0 (the number zero).
    padded = [len(d) > 1 and d[0] == "0" for d in (a[2], b[2])]
    if any(padded) and len(a[2]) != len(b[2]):
        raise refuse(Text("capture.range_widths"))
    width = len(a[2]) if padded[0] else 1
    prefix, suffix = a[1], a[3]
    values = [f"{prefix}{n:0{width}d}{suffix}" for n in range(start, stop + 1)]
    return Source(values, lambda i: Text("position.range", spec=text, n=i + 1))


def combine(sources: Sequence[Source]) -> Source:
    """Several sources validated as one batch (duplicates are caught across them)."""
    if len(sources) == 1:
        return sources[0]
    values: list[object] = []
    offsets: list[tuple[int, Source]] = []
    for source in sources:
        offsets.append((len(values), source))
        values.extend(source.values)

    def part(i: int) -> tuple[int, Source]:
        for start, source in reversed(offsets):
            if i >= start:
                return i - start, source
        raise IndexError(i)

    def locate(i: int) -> str:
        n, source = part(i)
        return source.locate(n)

    def locate_detail(i: int, k: int) -> str:
        n, source = part(i)
        return source.locate_detail(n, k) if source.locate_detail else source.locate(n)

    details = None
    if any(source.details for source in sources):
        details = [d for source in sources for d in (source.details or [None] * len(source))]
    fields = None
    if names := list(dict.fromkeys(name for source in sources for name in (source.fields or ()))):
        fields = {
            name: FieldColumn(
                [cell for source in sources for cell in _field_cells(source, name)],
                any(source.fields[name].named for source in sources if source.fields and name in source.fields),
            )
            for name in names
        }

    def locate_field(i: int, name: str) -> str:
        n, source = part(i)
        return source.where_field(n, name)

    return Source(values, locate, details, locate_detail if details else None, fields, locate_field if fields else None)


def _field_cells(source: Source, name: str) -> Sequence[object]:
    column = (source.fields or {}).get(name)
    return column.cells if column is not None else [None] * len(source)


# --- capture -----------------------------------------------------------------


@dataclass(frozen=True)
class GS1Data:
    batch: str | None
    expiry: dt.date | None
    raw: str | None  # the scan as read; None when batch and expiry were typed in columns


@dataclass
class Capture:
    source: Source
    serials: list[str] = field(default_factory=list)
    # serial -> index into the source, for the positions of later reports
    index: dict[str, int] = field(default_factory=dict)
    gs1: dict[str, GS1Data] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def locate(self, serial: str) -> str:
        """Where an accepted serial came from (line, row, cell...)."""
        return self.source.locate(self.index[serial])


def capture(source: Source, rule: SerialRule, expected: int | None = None) -> Capture:
    """Normalise and validate every value of ``source``; nothing is dropped silently."""
    out = Capture(source)
    seen = out.index
    problems = out.problems
    fold, strip = FOLD, STRIP
    low, high = rule.min_length, rule.max_length
    matches = pattern_matcher(rule.pattern) if rule.pattern else None
    case = {CasePolicy.UPPER: str.upper, CasePolicy.LOWER: str.lower}.get(CasePolicy(rule.case))  # hot loop: no apply_case
    gtin = rule.gtin
    details = source.details

    def reject(i: int, value: object, reason: Reason, message: str) -> None:
        problems.append(Problem(source.locate(i), _shown(value), reason, message))

    for i, value in enumerate(source.values):
        if value.__class__ is str:
            # Only non-ASCII characters fold (full-width forms, zero-width marks): most values skip the table.
            s = (value if value.isascii() else value.translate(fold)).strip(strip)
            if EXPONENT_FORM(s):
                reject(i, value, Reason.EXCEL_ROUNDED, _exponent_message("serial"))
                continue
        else:
            s, reason, message = _from_cell(value, "serial")
            if reason:
                reject(i, value, reason, message)
                continue
        if not s:
            reject(i, value, Reason.EMPTY, Text("capture.empty"))
            continue
        if is_plain(s):
            gs1 = None
        else:
            s, gs1, reason, message = _from_code(s, gtin)
            if reason:
                reject(i, value, reason, message)
                continue
        if case:
            s = case(s)
        n = len(s)
        if n < low:
            reject(i, value, Reason.TOO_SHORT, Text("capture.too_short", n=n, low=low))
        elif n > high:
            reject(i, value, Reason.TOO_LONG, Text("capture.too_long", n=n, high=high))
        elif _OUTSIDE_CSET82(s):
            reject(i, value, Reason.BAD_CHARACTERS, Text("capture.bad_characters", chars=bad_characters(s)))
        elif matches and not matches(s):
            reject(i, value, Reason.PATTERN, Text("capture.pattern", pattern=rule.pattern))
        elif s in seen:
            reject(i, value, Reason.DUPLICATE, Text("capture.duplicate", first=source.locate(seen[s])))
        else:
            if gs1 is None and details is not None and details[i] is not None:
                gs1, problem = _typed_details(source, i, details[i])
                if problem:
                    problems.append(problem)
                    continue
            seen[s] = i
            if gs1:
                out.gs1[s] = gs1
    out.serials = list(seen)
    if expected is not None and len(out.serials) != expected:
        problems.append(
            Problem(
                "batch",
                "",
                Reason.COUNT_MISMATCH,
                Text("capture.count_mismatch", valid=len(out.serials), expected=expected),
            )
        )
    return out


BATCH_MAX = 20  # GS1 AI (10): up to 20 characters of its set


def _typed_details(source: Source, i: int, cells: tuple[object, object]) -> tuple[GS1Data | None, Problem | None]:
    """The batch and expiry typed beside a serial (a file's columns), or the problem with the first bad one."""
    batch_cell, expiry_cell = cells
    where = source.locate_detail or (lambda n, _k: source.locate(n))
    batch = None
    if batch_cell is not None and batch_cell != "":
        text, reason, message = cell_text(batch_cell, "batch")
        batch = normalise(text) if not reason else None
        if reason or (batch and (len(batch) > BATCH_MAX or _OUTSIDE_CSET82(batch))):
            return None, Problem(where(i, 0), _shown(batch_cell), Reason.BAD_BATCH,
                                 message or Text("batch.bad", most=BATCH_MAX))  # fmt: skip
    expiry = None
    if expiry_cell is not None and expiry_cell != "":
        expiry = cell_day(expiry_cell)
        if expiry is None:
            return None, Problem(where(i, 1), _shown(expiry_cell), Reason.BAD_EXPIRY, Text("batch.bad_expiry"))
    if batch is None and expiry is None:
        return None, None
    return GS1Data(batch or None, expiry, None), None


def cell_day(cell: object) -> dt.date | None:
    """A date cell, or text written YYYY-MM-DD, as a day; None for anything else (a number is no date)."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, str):
        try:
            return dt.date.fromisoformat(normalise(cell))
        except ValueError:
            return None
    return None


def _shown(value: object) -> str:
    return "" if value is None else str(value)


def cell_text(value: object, what: str) -> tuple[str, Reason | None, str]:
    """A spreadsheet or CSV cell as text, or why it cannot be: (text, reason, message).

    ``what`` names the field in the message ("serial", "SKU"...). Number and
    date cells are taken only where Excel cannot have damaged them.
    """
    if isinstance(value, str):
        if EXPONENT_FORM(normalise(value)):
            return "", Reason.EXCEL_ROUNDED, _exponent_message(what)
        return value, None, ""
    return _from_cell(value, what)


def _exponent_message(what: str) -> Text:
    return Text("capture.excel_number", what=_word(what))


def _from_cell(value: object, what: str) -> tuple[str, Reason | None, str]:
    """A spreadsheet cell that is not text: accept only what Excel cannot have damaged."""
    if value is None:
        return "", None, ""
    if isinstance(value, bool):
        return "", Reason.NOT_TEXT, Text("capture.boolean_cell", what=_word(what))
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        return "", Reason.EXCEL_DATE, Text("capture.date_cell", what=_word(what))
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return "", Reason.EXCEL_ROUNDED, Text("capture.decimal_cell", what=_word(what))
        number = int(value)
        if len(str(abs(number))) > _EXCEL_DIGITS:
            return "", Reason.EXCEL_ROUNDED, Text("capture.rounded_cell", digits=_EXCEL_DIGITS, what=_word(what))
        return str(number), None, ""
    return "", Reason.NOT_TEXT, Text("capture.other_cell", kind=type(value).__name__, what=_word(what))


def _word(what: str) -> str:
    """``what`` as a word Chinese can say, when the catalog has it (a column label is said as it is)."""
    return Text(f"word.{what}") if f"word.{what}" in CATALOG else what


def _from_code(scan: str, gtin: str | None) -> tuple[str, GS1Data | None, Reason | None, str]:
    """The serial (and batch, expiry) the decoder reads in a code; a GS1 code's GTIN must be the item's."""
    reading = decode(scan)
    if not reading.ok:
        return "", None, Reason.GS1_INVALID, reading.message
    if reading.kind in (Kind.GS1, Kind.DIGITAL_LINK):
        if reading.gtin is None:
            return "", None, Reason.GS1_INVALID, Text("capture.gs1_no_gtin")
        if reading.gtin != gtin:
            if gtin:
                return "", None, Reason.GTIN_MISMATCH, Text("capture.gs1_gtin_mismatch", scanned=reading.gtin, mine=gtin)
            return "", None, Reason.GTIN_MISMATCH, Text("capture.gs1_gtin_not_ours", scanned=reading.gtin)
    if reading.batch is None and reading.expiry is None and reading.kind is Kind.SERIAL:
        return reading.serial, None, None, ""
    return reading.serial, GS1Data(reading.batch, reading.expiry, scan), None, ""


def scan_gtin(text: str) -> str | None:
    """The GTIN-14 of a GS1 scan (to pick the PO line it belongs to), or None for a plain serial."""
    s = normalise(text)
    return None if is_plain(s) else decode(s).gtin


def gtin14(value: str) -> str:
    """A GTIN-8/12/13/14 checked (check digit included) and widened to 14 digits."""
    from biip import ParseError  # imported here for the reason given in snapp.domain.scan
    from biip.gtin import Gtin

    text = normalise(value).strip()
    if not text.isdigit() or not text.isascii():
        wrong = Text("gtin.not_digits", value=value)
    elif len(text) not in (8, 12, 13, 14):
        wrong = Text("gtin.length", count=len(text))
    elif (expected := gs1_check_digit(text[:-1])) != text[-1]:
        wrong = Text("gtin.check_digit", expected=expected, found=text[-1])
    else:
        try:
            return Gtin.parse(text).as_gtin_14()
        except ParseError as err:
            wrong = Text("capture.bad_gtin", detail=str(err))
    raise ValidationError(Problem("GTIN", value, "gtin", wrong))


def gs1_check_digit(digits: str) -> str:
    """The GS1 check digit of ``digits`` (weights 3 and 1 from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str(-total % 10)
