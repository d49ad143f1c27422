"""Serial labels: templates are JSON files in resources/labels/, chosen by file name.

A template gives the label's size in mm, the sheet it sits on (none for a
thermal roll: one label per page), the printer's resolution, and its fields,
each in a box measured in mm from the label's top-left corner:

- ``text``: ``lines`` of text with {serial}, {sku}, {item_name}, {po},
  {receipt}, {received}, {batch}, {expiry} filled in; a line whose fields are
  all empty is left out. ``size`` shrinks down to ``min_size`` to fit, then
  the text is cut with an ellipsis: it never leaves its box.
- ``code128`` / ``qr``: the serial.
- any of these with ``"field": "IMEI"``: a custom field of the unit's item
  (snapp.domain.fields) instead; a barcode encodes its value, a text's
  ``lines`` (by default ``["{value}"]``) fill {value} with it. A unit without
  a value of the field leaves the element empty. The field must be defined on
  some item when the template is loaded (``load_template(name, fields)``).
- ``datamatrix``: GS1 DataMatrix with (01) GTIN, (17) expiry and (10) batch
  when known, and (21) serial; only for items that have a GTIN.

Barcode modules are whole printer dots (``min_module_dots`` at least); a
serial too long for its box is refused, naming the template, not printed
unreadable.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import string
from collections.abc import Collection, Iterable, Iterator, Mapping
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas

from snapp import __version__
from snapp.domain.fields import key
from snapp.errors import NotFound, Problem, Text, ValidationError
from snapp.paths import resource
from snapp.reports import barcodes, text
from snapp.reports.barcodes import EncodeError, Grid, Symbology

TEMPLATE_DIR = "labels"
POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class LabelData:
    """What one label shows about one unit."""

    serial: str
    sku: str
    item_name: str
    gtin: str | None
    po: str
    receipt: str
    received: dt.date
    batch: str | None = None
    expiry: dt.date | None = None
    custom: Mapping[str, str] = dataclasses.field(default_factory=dict, hash=False)  # custom field values by key(name)

    def fields(self) -> dict[str, str]:
        return {
            "serial": self.serial,
            "sku": self.sku,
            "item_name": self.item_name,
            "po": self.po,
            "receipt": self.receipt,
            "received": self.received.isoformat(),
            "batch": self.batch or "",
            "expiry": self.expiry.isoformat() if self.expiry else "",
        }


FIELD_NAMES = frozenset(LabelData.__dataclass_fields__) - {"gtin", "custom"}
VALUE = "value"  # a custom field element's text: its value


@dataclass(frozen=True)
class Box:
    x: float  # mm from the label's left edge
    y: float  # mm from the label's top edge
    width: float
    height: float


@dataclass(frozen=True)
class Field:
    kind: str  # "text" or a Symbology
    box: Box
    lines: tuple[str, ...] = ()
    size: float = 8
    min_size: float = 5
    align: str = "left"
    min_module_dots: int = 1
    custom: str | None = None  # the custom field the element shows, as the template names it

    def values(self, label: LabelData) -> dict[str, str]:
        """What the element's text lines are filled from: the unit's facts, and {value} for a custom field."""
        values = label.fields()
        if self.custom is not None:
            values[VALUE] = label.custom.get(key(self.custom), "")
        return values


@dataclass(frozen=True)
class Sheet:
    width: float
    height: float
    columns: int
    rows: int
    left: float  # mm from the page edge to the first label
    top: float
    pitch_x: float  # mm from one label's left edge to the next one's
    pitch_y: float

    @property
    def positions(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    width: float  # label, mm
    height: float
    dpi: int
    fields: tuple[Field, ...]
    sheet: Sheet | None = None

    @property
    def custom_fields(self) -> list[str]:
        """The custom fields the template shows, once each by key, as it first names them."""
        named: dict[str, str] = {}
        for f in self.fields:
            if f.custom is not None:
                named.setdefault(key(f.custom), f.custom)
        return list(named.values())

    @property
    def page_size_points(self) -> tuple[float, float]:
        """The sheet, or on a roll the label itself, cut to whole printer dots.

        A page of whole dots maps each dot onto one pixel when rendered at the
        printer's resolution (and a hair under, so float rounding in a viewer
        never adds a column of pixels and stretches the page).
        """
        width, height = (self.sheet.width, self.sheet.height) if self.sheet else (self.width, self.height)
        return _whole_dots(width, self.dpi), _whole_dots(height, self.dpi)


def _whole_dots(mm: float, dpi: int) -> float:
    return math.floor(math.floor(mm / 25.4 * dpi) * 72 / dpi * 1000) / 1000


# --- templates -------------------------------------------------------------------


def template_dir() -> Path:
    return resource(TEMPLATE_DIR)


def template_names() -> list[str]:
    return sorted(path.stem for path in template_dir().glob("*.json"))


def list_templates() -> list[Template]:
    return [load_template(name) for name in template_names()]


def load_template(name: str, fields: Collection[str] | None = None) -> Template:
    """The template ``name``; with ``fields`` (the custom fields defined on any item) one naming another is refused."""
    path = template_dir() / f"{name}.json"
    if not path.is_file() or path.parent != template_dir():
        raise NotFound("labels.no_template", field="template", name=name, names=", ".join(template_names()))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValidationError(Problem(str(path), "", "template", Text("labels.template_unreadable", why=str(err)))) from None
    return parse_template(name, data, str(path), fields)


def parse_template(name: str, data: dict[str, Any], where: str, fields: Collection[str] | None = None) -> Template:
    """Check a template's content, naming every mistake with the field it is in."""
    problems: list[Problem] = []

    def bad(n: int, value: object, message: Text) -> None:
        problems.append(Problem(Text("labels.field_position", where=where, n=n), str(value), "template", message))

    try:
        label = data["label"]
        template = Template(
            name=name,
            description=str(data.get("description", "")),
            width=float(label["width"]),
            height=float(label["height"]),
            dpi=int(data.get("dpi", 203)),
            fields=tuple(_field(spec) for spec in data["fields"]),
            sheet=Sheet(**{k: float(v) if k not in ("columns", "rows") else int(v) for k, v in data["sheet"].items()})
            if data.get("sheet")
            else None,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise ValidationError(
            Problem(where, "", "template", Text("labels.template_shape", why=f"{type(err).__name__}: {err}"))
        ) from None
    defined = None if fields is None else {key(f) for f in fields}
    for n, field in enumerate(template.fields, 1):
        box = field.box
        if (
            box.x < 0
            or box.y < 0
            or box.x + box.width > template.width + 1e-6
            or box.y + box.height > template.height + 1e-6
        ):
            bad(n, field.kind, Text("labels.box_outside"))
        if field.kind == "text":
            if field.min_size * text.LEADING > box.height * POINTS_PER_MM:
                bad(n, field.min_size, Text("labels.min_size_too_large"))
            names = FIELD_NAMES | ({VALUE} if field.custom is not None else set())
            for line in field.lines:
                unknown = {f for _, f, _, _ in string.Formatter().parse(line) if f} - names
                if unknown:
                    known = ", ".join(sorted(names))
                    bad(n, line, Text("labels.unknown_field", unknown=", ".join(sorted(unknown)), known=known))
        elif field.kind not in set(Symbology):
            bad(n, field.kind, Text("labels.unknown_kind", kinds=", ".join(Symbology)))
        elif field.kind == Symbology.DATAMATRIX and field.custom is not None:
            bad(n, field.custom, Text("lot_labels.field_not_gs1"))
        if field.custom is not None:
            if not key(field.custom):
                bad(n, field.custom, Text("validation.required"))
            elif defined is not None and key(field.custom) not in defined:
                known = ", ".join(sorted(fields or ())) or "—"
                bad(n, field.custom, Text("lot_labels.unknown_custom_field", name=field.custom, known=known))
    if problems:
        raise ValidationError(problems, Text("labels.template_mistakes", name=name, n=len(problems)))
    return template


def _field(spec: dict[str, Any]) -> Field:
    x, y, w, h = (float(v) for v in spec["box"])
    custom = str(spec["field"]) if "field" in spec else None
    return Field(
        kind=str(spec["kind"]),
        box=Box(x, y, w, h),
        lines=tuple(str(line) for line in spec.get("lines", ["{%s}" % VALUE] if custom is not None else ())),
        size=float(spec.get("size", 8)),
        min_size=float(spec.get("min_size", 5)),
        align=str(spec.get("align", "left")),
        min_module_dots=int(spec.get("min_module_dots", 1)),
        custom=custom,
    )


# --- rendering ---------------------------------------------------------------------


def render_labels(
    template: Template,
    labels: Iterable[LabelData],
    out: str | Path | IO[bytes],
    *,
    start: int = 1,
    title: str = "Serial labels",
    author: str = "",
) -> int:
    """Draw one label per unit into a PDF; returns how many were drawn.

    On a sheet, ``start`` is the first free position (1 = top-left, counting
    along each row), so a half-used sheet can go through the printer again.
    """
    sheet = template.sheet
    positions = sheet.positions if sheet else 1
    if not 1 <= start <= positions:
        raise ValidationError(
            Problem("start", str(start), "start", Text("labels.start_position", template=template.name, positions=positions))
        )
    page_w, page_h = template.page_size_points
    canvas = Canvas(
        str(out) if isinstance(out, Path) else out,
        pagesize=(page_w, page_h),
        pageCompression=1,
        invariant=False,
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(f"{template.name}: {template.description}")
    canvas.setCreator(f"SNApp {__version__}")
    grid = Grid(template.dpi, page_h)
    count = 0
    position = start - 1
    for label in labels:
        if count and position == 0:
            canvas.showPage()
        col, row = (position % sheet.columns, position // sheet.columns) if sheet else (0, 0)
        origin_x = sheet.left + col * sheet.pitch_x if sheet else 0.0
        origin_y = sheet.top + row * sheet.pitch_y if sheet else 0.0
        _draw_label(canvas, grid, template, label, origin_x, origin_y)
        count += 1
        position = (position + 1) % positions
    if count == 0:
        raise ValidationError(
            Problem("labels", "", "empty", Text("labels.empty"))
        )
    canvas.showPage()
    canvas.save()
    return count


def _draw_label(canvas: Canvas, grid: Grid, template: Template, label: LabelData, left: float, top: float) -> None:
    for field in template.fields:
        box = field.box
        if field.kind == "text":
            _draw_text(canvas, grid, field, field.values(label), left + box.x, top + box.y)
        elif coded := barcode_data(template, field, label):
            placed = place_barcode(template, template.dpi, field, *coded, label.serial, left + box.x, top + box.y)
            barcodes.draw(canvas, placed, grid)


def barcode_data(template: Template, field: Field, label: LabelData) -> tuple[Symbology, str] | None:
    """What a barcode field encodes for this unit (None: a GS1 DataMatrix for an item without a GTIN, or a custom
    field the unit has no value of)."""
    symbology = Symbology(field.kind)
    if field.custom is not None:
        value = label.custom.get(key(field.custom), "")
        return (symbology, value) if value else None
    if symbology is not Symbology.DATAMATRIX:
        return symbology, label.serial
    if not label.gtin:
        return None  # GS1 needs a GTIN; Code 128 and the text still identify the unit
    try:
        return symbology, barcodes.gs1_element_string(label.gtin, label.serial, label.batch, label.expiry)
    except EncodeError as err:
        raise _unencodable(template, symbology, label.serial, label.serial, err) from None


def _refusal(serial: str, data: str, why: Text) -> ValidationError:
    return ValidationError(Problem(Text("labels.serial_position", serial=serial), data, "label", why))


def _unencodable(template: Template, symbology: Symbology, serial: str, data: str, err: EncodeError) -> ValidationError:
    # The encoder's own words (zxing's) stay as they are; ours are a Text said in the user's language.
    why = err.args[0] if err.args else str(err)
    return _refusal(serial, data, Text("labels.unencodable", symbology=str(symbology), template=template.name, why=why))


def box_dots(dpi: int, box: Box, x_mm: float, y_mm: float) -> tuple[int, int, int, int]:
    """The box at (x_mm, y_mm) shrunk to whole dots inside its edges: x, y, width, height."""
    x, y = math.ceil(x_mm / 25.4 * dpi), math.ceil(y_mm / 25.4 * dpi)
    width = math.floor((x_mm + box.width) / 25.4 * dpi) - x
    height = math.floor((y_mm + box.height) / 25.4 * dpi) - y
    return x, y, width, height


def place_barcode(
    template: Template,
    dpi: int,
    field: Field,
    symbology: Symbology,
    data: str,
    serial: str,
    x_mm: float,
    y_mm: float,
    *,
    square: bool = False,
) -> barcodes.Placed:
    """Encode ``data`` and fit it to its box at ``dpi``: modules of whole dots, refused when too small to read."""
    try:
        symbol = barcodes.encode(symbology, data, square=square)
    except EncodeError as err:
        raise _unencodable(template, symbology, serial, data, err) from None
    # The box shrinks to whole dots inside its edges, so modules sit on the printer's grid.
    x, y, width, height = box_dots(dpi, field.box, x_mm, y_mm)
    module = barcodes.module_dots(symbol, width, height)
    if module < field.min_module_dots:
        needed = (symbol.columns + 2 * barcodes.QUIET_ZONE[symbology]) * field.min_module_dots / dpi * 25.4
        why = Text("labels.box_too_small", symbology=str(symbology), template=template.name, needed=needed,
                   width=field.box.width)  # fmt: skip
        raise _refusal(serial, data, why)
    return barcodes.Placed(symbol, x, y, width, height, module)


def text_lines(field: Field, values: dict[str, str]) -> list[str]:
    """A text field's lines filled in; a line whose fields are all empty is left out."""
    lines = []
    for line in field.lines:
        names = [f for _, f, _, _ in string.Formatter().parse(line) if f]
        if names and not any(values[name] for name in names):
            continue
        lines.append(line.format_map(values))
    return lines


def fit_text(field: Field, lines: list[str]) -> text.Fitted:
    box = field.box
    return text.fit("\n".join(lines), box.width * POINTS_PER_MM, box.height * POINTS_PER_MM, field.size, field.min_size)


def _draw_text(canvas: Canvas, grid: Grid, field: Field, values: dict[str, str], x_mm: float, y_mm: float) -> None:
    lines = text_lines(field, values)
    if not lines:
        return
    width = field.box.width * POINTS_PER_MM
    fitted = fit_text(field, lines)
    canvas.setFont(text.font(), fitted.size)
    left = x_mm * POINTS_PER_MM
    baseline = grid.page_height - y_mm * POINTS_PER_MM - fitted.size  # first line's baseline below the top edge
    for line in fitted.lines:
        if field.align == "center":
            canvas.drawCentredString(left + width / 2, baseline, line)
        else:
            canvas.drawString(left, baseline, line)
        baseline -= fitted.size * text.LEADING


def sample_label(serial: str = "SN2026000000000001") -> LabelData:
    """A unit to preview a template with."""
    return LabelData(
        serial,
        "LAP-T14",
        "ThinkPad T14 笔记本电脑",
        "06901234560015",
        "PO-2026-000042",
        "GR-2026-000007",
        dt.date(2026, 11, 26),
    )


def iter_labels(rows: Iterable[tuple], custom: Iterable[str] = ()) -> Iterator[LabelData]:
    """LabelData from rows of (serial, sku, item name, gtin, po, receipt, received_at, batch, expiry), each
    followed by the unit's values of the ``custom`` fields (None: no value)."""
    keys = [key(name) for name in custom]
    for serial, sku, name, gtin, po, receipt, received_at, batch, expiry, *values in rows:
        given = {k: v for k, v in zip(keys, values, strict=True) if v}
        yield LabelData(serial, sku, name, gtin, po, receipt, received_at.date(), batch, expiry, given)
