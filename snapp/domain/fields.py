"""Custom fields: what an admin may define on an item, and how one unit's value of a field is read and checked.

A field is data, not code: a name (the heading of its column in a file), a
kind (text, number, date, choice), whether every unit needs it, and whether a
value may appear once per item or once across every item (an IMEI). The
database enforces uniqueness (snapp.services.fields); here a value is read,
cleaned and judged, and a receipt's cells are turned into each unit's values
with the same reasons whatever they came from: a file's column, a paste of
columns, a scan pair.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from snapp.domain.capture import (
    EXPONENT_FORM,
    FOLD,
    LINES,
    PASTE_SEPARATORS,
    STRIP,
    Capture,
    FieldColumn,
    Source,
    cell_day,
    cell_text,
    normalise,
)
from snapp.domain.items import PatternError, pattern_matcher
from snapp.errors import Problem, Text, ValidationError


class FieldKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"


class LetterCase(StrEnum):
    """How a text field's letters are stored: a MAC address typed aa:bb:… or AA:BB:… is one address under
    ``upper``, and the unique index then sees a second unit's AA:BB:… whichever way it was typed."""

    EXACT = "exact"  # as typed: a value whose case means something
    UPPER = "upper"
    LOWER = "lower"


class Uniqueness(StrEnum):
    NONE = "none"
    ITEM = "item"  # once among the units of the field's item
    ALL = "all"  # once among every item's fields of this name that are unique across all (an IMEI)


NAME_MAX = 40
VALUE_MAX = 200  # what the value column holds
CHOICES_MAX = 100
NUMBER_DIGITS = 30

_BATCH = Text("receiving.position_batch")


def key(name: str) -> str:
    """A field's name as it is matched: a file's heading "imei " names the field "IMEI"."""
    return normalise(name).casefold()


@dataclass(frozen=True)
class FieldDef:
    """One field of an item, as the admin defined it."""

    name: str
    kind: str = FieldKind.TEXT
    required: bool = False
    unique: str = Uniqueness.NONE
    choices: tuple[str, ...] = ()
    pattern: str | None = None  # text fields: the full-match rule of a value (RE2, as an item's serial pattern)
    scanned: bool = False  # captured at receipt by a scan right after the unit's serial (serial, then this)
    case: str = LetterCase.EXACT  # text fields: the letters' case a value is stored in
    _match: object = field(default=None, init=False, repr=False, compare=False)

    def problems(self) -> list[Problem]:
        """What is wrong with the definition itself."""
        found = []

        def wrong(what: str, value: object, message: Text) -> None:
            found.append(Problem(what, "" if value is None else str(value), what, message))

        if not self.name:
            wrong("name", "", Text("validation.required"))
        elif len(self.name) > NAME_MAX:
            wrong("name", self.name, Text("masterdata.too_long", n=len(self.name), most=NAME_MAX))
        if self.kind not in tuple(FieldKind):
            wrong("kind", self.kind, Text("masterdata.one_of", choices=", ".join(FieldKind)))
        if self.unique not in tuple(Uniqueness):
            wrong("unique", self.unique, Text("masterdata.one_of", choices=", ".join(Uniqueness)))
        if self.kind == FieldKind.CHOICE:
            if not self.choices:
                wrong("choices", "", Text("field.no_choices"))
            elif len(self.choices) > CHOICES_MAX:
                wrong("choices", len(self.choices), Text("validation.between", low=1, high=CHOICES_MAX))
            folded = [c.casefold() for c in self.choices]
            if len(set(folded)) != len(folded) or not all(self.choices):
                wrong("choices", ", ".join(self.choices), Text("field.choices_twice"))
            if any(len(c) > VALUE_MAX for c in self.choices):
                wrong("choices", ", ".join(self.choices), Text("masterdata.too_long", n=max(map(len, self.choices)),
                                                               most=VALUE_MAX))  # fmt: skip
        elif self.choices:
            wrong("choices", ", ".join(self.choices), Text("field.choices_for_choice"))
        if self.pattern:
            if self.kind != FieldKind.TEXT:
                wrong("pattern", self.pattern, Text("field.pattern_for_text"))
            else:
                try:
                    pattern_matcher(self.pattern)
                except PatternError as err:
                    wrong("pattern", self.pattern, Text("capture.bad_pattern", detail=str(err)))
        if self.case not in tuple(LetterCase):
            wrong("case", self.case, Text("masterdata.one_of", choices=", ".join(LetterCase)))
        elif self.case != LetterCase.EXACT and self.kind != FieldKind.TEXT:
            wrong("case", self.case, Text("field_case.text_only"))
        if self.scanned and not self.pattern:
            # The pattern is how a scan out of order is told apart (an IMEI where the serial belongs).
            wrong("scanned", "yes", Text("field.scanned_needs_pattern"))
        return found

    def matches(self, text: str) -> bool:
        """Whether ``text``, in the field's case, fits its pattern (an upper-case MAC pattern fits a lower-case scan)."""
        return self._fits(self.cased(text))

    def _fits(self, value: str) -> bool:
        if not self.pattern:
            return True
        if self._match is None:
            object.__setattr__(self, "_match", pattern_matcher(self.pattern))
        return bool(self._match(value))  # type: ignore[operator]

    def cased(self, text: str) -> str:
        """``text`` with its letters in the field's case."""
        if self.case == LetterCase.UPPER:
            return text.upper()
        return text.lower() if self.case == LetterCase.LOWER else text

    def read(self, cell: object) -> tuple[str | None, Text | None]:
        """(the value as stored, None) or (None, why it is refused); an empty cell is (None, None)."""
        return self.reader()(cell)

    def reader(self) -> Callable[[object], tuple[str | None, Text | None]]:
        """`read`, with what does not change from cell to cell looked up once (a receipt reads thousands)."""
        kind = _READERS[FieldKind(self.kind)]
        fold, strip = FOLD, STRIP

        def read(cell: object) -> tuple[str | None, Text | None]:
            if cell is None:
                return None, None
            if cell.__class__ is str:
                cell = cell.translate(fold).strip(strip)  # type: ignore[attr-defined]  # normalise(), inlined
                if not cell:
                    return None, None
            return kind(self, cell)

        return read

    def scope(self, field_id: int) -> str | None:
        """The key of the unique index a value of this field is stored under (None: not unique)."""
        if self.unique == Uniqueness.ALL:
            return "all:" + key(self.name)
        if self.unique == Uniqueness.ITEM:
            return f"field:{field_id}"
        return None


def _text(d: FieldDef, cell: object) -> tuple[str | None, Text | None]:
    if cell.__class__ is str:  # normalised by the reader
        value = cell
        if EXPONENT_FORM(value):
            return None, cell_text(value, d.name)[2]  # type: ignore[return-value]
    else:
        text, reason, message = cell_text(cell, d.name)
        if reason:
            return None, message  # type: ignore[return-value]
        value = normalise(text)
    value = d.cased(value)
    if len(value) > VALUE_MAX:
        return None, Text("field.too_long", n=len(value), most=VALUE_MAX)
    if not d._fits(value):
        return None, Text("field.pattern", pattern=d.pattern)
    return value, None


def _number(d: FieldDef, cell: object) -> tuple[str | None, Text | None]:
    if isinstance(cell, bool) or not isinstance(cell, int | float | str | Decimal):
        return None, Text("field.not_number")
    try:
        number = Decimal(normalise(cell) if isinstance(cell, str) else repr(cell) if isinstance(cell, float) else cell)
    except InvalidOperation:
        return None, Text("field.not_number")
    if not number.is_finite() or len(number.as_tuple().digits) > NUMBER_DIGITS or abs(number.adjusted()) > NUMBER_DIGITS:
        return None, Text("field.not_number")
    text = format(number.normalize(), "f")
    return ("0" if text in ("-0", "0") else text), None


def _date(d: FieldDef, cell: object) -> tuple[str | None, Text | None]:
    day = cell_day(cell)
    if day is None:
        return None, Text("field.not_date")
    return day.isoformat(), None


def _choice(d: FieldDef, cell: object) -> tuple[str | None, Text | None]:
    text = normalise(cell) if isinstance(cell, str) else str(cell)
    for choice in d.choices:
        if choice.casefold() == text.casefold():
            return choice, None
    return None, Text("field.not_a_choice", choices=", ".join(d.choices))


_READERS = {FieldKind.TEXT: _text, FieldKind.NUMBER: _number, FieldKind.DATE: _date, FieldKind.CHOICE: _choice}


# --- a receipt's cells --------------------------------------------------------------------


@dataclass
class FieldCapture:
    """Each field's value per accepted serial (in the capture's order, None where none), and what was refused."""

    values: dict[str, list[str | None]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def given(self) -> int:
        return sum(value is not None for column in self.values.values() for value in column)


def capture_fields(captured: Capture, defs: Sequence[FieldDef], sku: str) -> FieldCapture:
    """Read every accepted serial's field cells; the unique ones are checked against each other here,
    against the database by the service (its unique index)."""
    out = FieldCapture()
    source = captured.source
    given = {key(name): (name, column) for name, column in (source.fields or {}).items()}
    known = {key(d.name) for d in defs}
    for name, column in given.values():
        if column.named and key(name) not in known:
            out.problems.append(Problem(_BATCH, name, "field", Text("field.not_of_item", field=name, sku=sku)))
    serials, index = captured.serials, captured.index
    for d in defs:
        name_given, column = given.get(key(d.name), (d.name, None))
        if column is None:
            if d.required and serials:
                out.problems.append(Problem(_BATCH, "", "field_missing", Text("field.column_missing", field=d.name)))
            continue
        cells, read = column.cells, d.reader()
        values: list[str | None] = []
        first: dict[str, str] = {}  # value -> the serial that had it first, for a unique field
        for serial in serials:
            i = index[serial]
            cell = cells[i]
            value, why = read(cell)
            if why is not None:
                out.problems.append(_problem(source, i, name_given, cell, "field_value", serial, d.name, why))
            elif value is None and d.required:
                out.problems.append(_problem(source, i, name_given, cell, "field_required", serial, d.name,
                                             Text("field.required")))  # fmt: skip
            elif value is not None and d.unique != Uniqueness.NONE:
                if value in first:
                    at = source.where_field(index[first[value]], name_given)
                    why = Text("field.twice", first=at, other=first[value])
                    out.problems.append(_problem(source, i, name_given, cell, "field_duplicate", serial, d.name, why))
                else:
                    first[value] = serial
            values.append(value)
        out.values[d.name] = values
    return out


def _problem(source: Source, i: int, name: str, cell: object, reason: str, serial: str, field_name: str, why: Text
             ) -> Problem:  # fmt: skip
    shown = "" if cell is None else str(cell)
    return Problem(source.where_field(i, name), shown, reason, Text("field.refused", serial=serial, field=field_name,
                                                                    why=why))  # fmt: skip


# --- two ways to give fields beside serials --------------------------------------------------


def paste_columns(text: str, names: Sequence[str]) -> Source:
    """Pasted rows of a serial and then one value per named field (Excel's copy: separated by tabs).

    A first row that repeats the field names is their heading and is skipped.
    A row with more values than columns is refused by its line.
    """
    values: list[str] = []
    lines: list[int] = []
    cells: list[list[str | None]] = [[] for _ in names]
    problems = []
    for line_no, line in enumerate(LINES.split(text), 1):
        line = line.translate(FOLD)
        parts = [p.strip() for p in line.split("\t")] if "\t" in line else [p for p in PASTE_SEPARATORS.split(line) if p]
        if not any(parts):
            continue
        if not values and not problems and [key(p) for p in parts[1:]] == [key(n) for n in names]:
            continue  # the heading
        if len(parts) > len(names) + 1:
            problems.append(Problem(Text("position.line", line=line_no), line.strip(), "columns",
                                    Text("field.too_many_values", n=len(parts), columns=", ".join(["serial", *names]))))  # fmt: skip
            continue
        values.append(parts[0])
        lines.append(line_no)
        for k in range(len(names)):
            cells[k].append(parts[k + 1] if k + 1 < len(parts) and parts[k + 1] else None)
    if problems:
        raise ValidationError(problems)
    return Source(
        values,
        lambda i: Text("position.line", line=lines[i]),
        fields={name: FieldColumn(cells[k], True) for k, name in enumerate(names)},
        locate_field=lambda i, name: Text("position.line_item", line=lines[i], item=list(names).index(name) + 2),
    )


def scanned_first(value: str, scanned: Sequence[FieldDef]) -> Text | None:
    """At a serial's place, a value matching a scanned field's pattern is that field's value, scanned before its serial."""
    owner = next((d for d in scanned if d.matches(value)), None)
    return Text("field.pair_field_first", field=owner.name) if owner else None


def not_the_field(spec: FieldDef, value: str) -> Text | None:
    """At a field's place, a value not matching it is no value of the field (the next serial, most likely)."""
    return None if spec.matches(value) else Text("field.pair_not_field", field=spec.name, pattern=spec.pattern)


def scan_pairs(values: Sequence[str], defs: Sequence[FieldDef]) -> Source:
    """Scans taken unit by unit: its serial, then each scan-captured field in order (serial, IMEI, serial, IMEI...).

    The rule that keeps pairs in order is each scanned field's pattern, which
    the item's serials must not match: at a serial's place, a value matching a
    field's pattern is that field's value, scanned first; at a field's place, a
    value not matching it is no value of the field (the next serial, most
    likely). Either is refused by its scan, naming what was expected, and so is
    a serial left without its field scans at the end.
    """
    scanned = [d for d in defs if d.scanned]
    width = len(scanned) + 1
    values = [normalise(v) for v in values]
    problems = []
    for start in range(0, len(values), width):
        group = values[start : start + width]
        serial = group[0]
        if first := scanned_first(serial, scanned):
            problems.append(Problem(Text("position.scan", n=start + 1), serial, "pair_order", first))
            continue
        for k, d in enumerate(scanned, 1):
            if k >= len(group):
                problems.append(Problem(Text("position.scan", n=start + 1), serial, "pair_incomplete",
                                        Text("field.pair_missing", field=d.name)))  # fmt: skip
            elif why := not_the_field(d, group[k]):
                problems.append(Problem(Text("position.scan", n=start + k + 1), group[k], "pair_order", why))
    if problems:
        raise ValidationError(problems, Text("field.pairs_refused", n=len(problems)))
    return Source(
        values[::width],
        lambda i: Text("position.scan", n=i * width + 1),
        fields={d.name: FieldColumn(values[k::width], True) for k, d in enumerate(scanned, 1)},
        locate_field=lambda i, name: Text("position.scan", n=i * width + 1 + [d.name for d in scanned].index(name) + 1),
    )


@dataclass(frozen=True)
class PairPlace:
    """Where a delivery scanned in pairs stands: the next scan is a serial (``field`` None), or ``serial``'s ``field``."""

    field: FieldDef | None
    serial: str | None
    earlier: dict[str, tuple[int, str]]  # the field's values scanned already: value -> (its scan's number, its serial)


def next_place(paired: Sequence[str | None], defs: Sequence[FieldDef]) -> PairPlace:
    """The place of the scan after ``paired``, the delivery's scans so far in order (`scan_pairs`' order), None
    for each one refused: a device judging scan by scan keeps its refused rows, so numbers stay its rows'."""
    scanned = [d for d in defs if d.scanned]
    width = len(scanned) + 1
    taken = [(n, normalise(v)) for n, v in enumerate(paired, 1) if v is not None]
    place = len(taken) % width
    if not place:
        return PairPlace(None, None, {})
    field, earlier = scanned[place - 1], {}
    for start in range(0, len(taken) - place, width):
        n, value = taken[start + place]
        earlier.setdefault(field.cased(value), (n, taken[start][1]))  # as stored: aa:bb and AA:BB are one MAC
    return PairPlace(field, taken[-place][1], earlier)


def field_source(serials: Sequence[str], fields: dict[str, dict[str, object]]) -> Source:
    """Serials with their fields given by serial (an API body: ``{"SN1": {"IMEI": "3569…"}}``)."""
    if stray := [s for s in fields if s not in set(serials)]:
        raise ValidationError([Problem(Text("field.position_fields"), s, "fields", Text("field.not_a_serial_given"))
                               for s in stray])  # fmt: skip
    names = list(dict.fromkeys(name for given in fields.values() for name in given))
    return Source(
        list(serials),
        lambda i: Text("position.scan", n=i + 1),
        fields={name: FieldColumn([fields.get(s, {}).get(name) for s in serials], True) for name in names},
    )

