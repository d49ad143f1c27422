"""Serial labels in a thermal printer's own language: ZPL (Zebra) and TSPL (TSC, Gprinter, Xprinter).

The same templates as the PDF (``snapp.reports.labels``), placed on the same
whole dots at the printer's resolution (203 or 300 dpi): each barcode is the
printer's own command (Code 128, GS1 DataMatrix with FNC1, QR), its module a
whole number of dots, centred in its box as on the PDF.

Text is drawn by us, as a 1-bit bitmap (ZPL ``^GF``, TSPL ``BITMAP``), with the
PDF's font and the PDF's fitting: label printers carry no Chinese font (a
Zebra needs a downloaded one, TSC and its clones a model-dependent 24-dot
``TSS24.BF2`` at one size), and their Latin fonts have other widths, so text
the PDF fits into a box could run out of it on the printer. A bitmap prints
the item's Chinese name on every printer, exactly where the PDF puts it.

A sheet template (A4) prints one label of its size per label on a roll.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, ImageDraw, ImageFont

from snapp.errors import Problem, Text, ValidationError
from snapp.paths import CJK_FONT, resource
from snapp.reports import barcodes, text
from snapp.reports.barcodes import Placed, Symbology
from snapp.reports.labels import (
    Field,
    LabelData,
    Template,
    barcode_data,
    box_dots,
    fit_text,
    place_barcode,
    text_lines,
)


class Language(StrEnum):
    ZPL = "zpl"
    TSPL = "tspl"


DPIS = (203, 300)
ZPL_FNC1 = "_1"  # ^BX quality 200 takes escape sequences after its escape character, the underscore
TSPL_FNC1 = "~1"  # DMATRIX with c126 takes escape sequences after ~
_INVERT = bytes(255 - b for b in range(256))  # TSPL's bitmaps print the 0 bits


@functools.lru_cache(maxsize=64)
def _font(pixels: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource(CJK_FONT)), pixels, index=0)


@dataclass(frozen=True)
class Bitmap:
    """Ink as 1 bits, rows of whole bytes, at (x, y) dots from the label's top-left corner."""

    x: int
    y: int
    row_bytes: int
    rows: int
    data: bytes


@dataclass(frozen=True)
class Coded:
    """A barcode placed on the label's dots, with its data as the printer's command takes it."""

    placed: Placed
    symbology: Symbology
    data: str


@functools.lru_cache(maxsize=256)
def text_bitmap(field: Field, lines: tuple[str, ...], dpi: int, x_mm: float, y_mm: float) -> Bitmap | None:
    """The field's lines drawn as the PDF draws them, cropped to their ink (None: no ink).

    Kept for the next label: on a receipt's labels only the serial changes, the
    item's name, its SKU and the PO are drawn once.
    """
    x, y, width, height = box_dots(dpi, field.box, x_mm, y_mm)
    fitted = fit_text(field, list(lines))
    pixels = fitted.size * dpi / 72
    image = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no grey: a thermal dot is on or off
    font = _font(pixels)
    baseline = y_mm / 25.4 * dpi - y + pixels  # the PDF's first baseline, one font size below the box's top
    for line in fitted.lines:
        if field.align == "center":
            draw.text((width / 2, baseline), line, fill=1, font=font, anchor="ms")
        else:
            draw.text((x_mm / 25.4 * dpi - x, baseline), line, fill=1, font=font, anchor="ls")
        baseline += pixels * text.LEADING
    ink = image.getbbox()
    if ink is None:
        return None
    left, top, _, _ = ink
    cropped = image.crop(ink)
    return Bitmap(x + left, y + top, (cropped.width + 7) // 8, cropped.height, cropped.tobytes())


# --- ZPL --------------------------------------------------------------------------------


def _zpl_data(data: str) -> str:
    """``^FD`` data; ^, ~ and \\ would end the field or start a command, so they go as ^FH hex escapes."""
    if not any(c in data for c in "^~\\"):
        return f"^FD{data}"
    escaped = "".join(f"\\{ord(c):02X}" if c in "^~\\" else c for c in data)
    return f"^FH\\^FD{escaped}"


def _zpl_literal(value: str) -> str:
    return value.replace("_", "_d095")  # GS1 allows the underscore, ^BX's escape character


@functools.lru_cache(maxsize=256)
def _zpl_hex(bitmap: Bitmap) -> str:
    """^GF's ASCII hex with ZPL's row compression: ',' ends a row of blanks, ':' repeats the row above."""
    rows, previous = [], None
    width = bitmap.row_bytes
    for i in range(bitmap.rows):
        row = bitmap.data[i * width : (i + 1) * width]
        if row == previous:
            rows.append(":")
            continue
        previous = row
        hexed = row.hex().upper()
        stripped = hexed.rstrip("0")
        if len(stripped) % 2:
            stripped += "0"
        rows.append(stripped + ("," if len(stripped) < len(hexed) else ""))
    return "".join(rows)


def _zpl_barcode(coded: Coded) -> str:
    placed, symbology, data = coded.placed, coded.symbology, coded.data
    at = f"^FO{placed.left},{placed.top}"
    m = placed.module
    if symbology is Symbology.CODE128:
        return f"{at}^BY{m}^BCN,{placed.height},N,N,N,A{_zpl_data(data)}^FS"
    if symbology is Symbology.QR:
        return f"{at}^BQN,2,{m},Q{_zpl_data('QA,' + data)}^FS"
    symbol = placed.symbol
    return f"{at}^BXN,{m},200,{symbol.columns},{symbol.rows},,_{_zpl_data(data)}^FS"


def _zpl_label(template: Template, dpi: int, label: LabelData) -> str:
    width, height = (round(v / 25.4 * dpi) for v in (template.width, template.height))
    parts = [f"^XA^PW{width}^LL{height}^LH0,0"]
    for part in _layout(template, dpi, label, ZPL_FNC1, _zpl_literal):
        if isinstance(part, Bitmap):
            total = part.row_bytes * part.rows
            parts.append(f"^FO{part.x},{part.y}^GFA,{total},{total},{part.row_bytes},{_zpl_hex(part)}^FS")
        else:
            parts.append(_zpl_barcode(part))
    parts.append("^XZ\n")
    return "\n".join(parts)


# --- TSPL -------------------------------------------------------------------------------


def _tspl_string(data: str) -> str:
    return '"' + data.replace('"', '\\["]') + '"'


def _tspl_literal(value: str) -> str:
    return value.replace('"', "~d034")  # GS1 allows the double quote, which would end TSPL's string


def _tspl_barcode(coded: Coded) -> str:
    placed, symbology, data = coded.placed, coded.symbology, coded.data
    x, y, m = placed.left, placed.top, placed.module
    if symbology is Symbology.CODE128:
        return f'BARCODE {x},{y},"128",{placed.height},0,0,{m},{m},{_tspl_string(data)}'
    if symbology is Symbology.QR:
        return f"QRCODE {x},{y},Q,{m},A,0,{_tspl_string(data)}"
    symbol = placed.symbol
    side_x, side_y = symbol.columns * m, symbol.rows * m
    return f"DMATRIX {x},{y},{side_x},{side_y},c126,x{m},{symbol.rows},{symbol.columns},{_tspl_string(data)}"


def _tspl_label(template: Template, dpi: int, label: LabelData) -> bytes:
    parts = [b"CLS\r\n"]
    for part in _layout(template, dpi, label, TSPL_FNC1, _tspl_literal):
        if isinstance(part, Bitmap):
            head = f"BITMAP {part.x},{part.y},{part.row_bytes},{part.rows},0,".encode()
            parts.append(head + part.data.translate(_INVERT) + b"\r\n")
        else:
            parts.append(_tspl_barcode(part).encode() + b"\r\n")
    parts.append(b"PRINT 1,1\r\n")
    return b"".join(parts)


def _tspl_setup(template: Template) -> bytes:
    return f"SIZE {template.width:g} mm,{template.height:g} mm\r\nGAP 2 mm,0 mm\r\nREFERENCE 0,0\r\n".encode()


# --- both -------------------------------------------------------------------------------


def _layout(
    template: Template, dpi: int, label: LabelData, fnc1: str, literal: Callable[[str], str]
) -> Iterator[Bitmap | Coded]:
    """Each field of one label: its text as a bitmap, or its barcode placed with its data.

    A DataMatrix's data is in the printer's FNC1 form, each value passed through ``literal``
    so that no character of it reads as the printer's escape character.
    """
    for field in template.fields:
        box = field.box
        if field.kind == "text":
            lines = tuple(text_lines(field, field.values(label)))
            if lines and (bitmap := text_bitmap(field, lines, dpi, box.x, box.y)):
                yield bitmap
            continue
        coded = barcode_data(template, field, label)
        if coded is None:
            continue
        symbology, data = coded
        placed = place_barcode(template, dpi, field, symbology, data, label.serial, box.x, box.y, square=True)
        if symbology is Symbology.DATAMATRIX:  # always the unit's own GS1 data: a template names no custom field here
            elements = barcodes.gs1_elements(label.gtin or "", label.serial, label.batch, label.expiry)
            data = barcodes.gs1_with_fnc1([(ai, literal(value)) for ai, value in elements], fnc1)
        yield Coded(placed, symbology, data)


def check_dpi(dpi: int | str) -> int:
    if str(dpi) not in map(str, DPIS):
        raise ValidationError(Problem("dpi", str(dpi), "dpi", Text("printer.dpi", dpis=", ".join(map(str, DPIS)))))
    return int(dpi)


def render_job(template: Template, labels: Iterable[LabelData], language: Language, dpi: int) -> Iterator[bytes]:
    """The print job, one chunk per label (a TSPL job starts with its media setup); refuses an empty job."""
    check_dpi(dpi)
    count = 0
    for label in labels:
        if language is Language.ZPL:
            yield _zpl_label(template, dpi, label).encode("ascii")
        else:
            yield (_tspl_setup(template) if count == 0 else b"") + _tspl_label(template, dpi, label)
        count += 1
    if count == 0:
        raise ValidationError(Problem("labels", "", "empty", Text("labels.empty")))
