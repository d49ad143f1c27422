"""Barcodes as vector modules on a printer's dot grid.

zxing-cpp encodes: Code 128, QR, and DataMatrix in GS1 mode, which starts the
symbol with FNC1 and ends every variable-length element string that is not
last with a separator (read back as ASCII 29, GS). We draw the module matrix
as filled rectangles whose edges fall on whole printer dots, so a 203 dpi
thermal printer makes every module the same width and nothing is smeared.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from snapp.errors import Text

MM_PER_INCH = 25.4


class Symbology(StrEnum):
    CODE128 = "code128"
    QR = "qr"
    DATAMATRIX = "datamatrix"  # GS1 DataMatrix


_FORMAT = {
    Symbology.CODE128: zxingcpp.BarcodeFormat.Code128,
    Symbology.QR: zxingcpp.BarcodeFormat.QRCode,
    Symbology.DATAMATRIX: zxingcpp.BarcodeFormat.DataMatrix,
}
_DARK = re.compile(rb"\x00+")  # a run of dark modules in one row of zxing-cpp's image (0 = dark)
QUIET_ZONE = {Symbology.CODE128: 10, Symbology.QR: 4, Symbology.DATAMATRIX: 1}  # modules on each side


class EncodeError(ValueError):
    """The data cannot be put in this symbology (the message says why)."""


@dataclass(frozen=True)
class Symbol:
    symbology: Symbology
    columns: int
    rows: int  # 1 for Code 128: its bars span the whole height of the box
    runs: tuple[tuple[int, int, int], ...]  # (row, first column, length) of each run of dark modules


# GS1 General Specifications, figure 7.11-1: the 82 characters (21) and (10) may hold, at most 20 of them.
_CSET82 = re.compile(r"[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}")


def gs1_elements(gtin: str, serial: str, batch: str | None = None, expiry: dt.date | None = None) -> list[tuple[str, str]]:
    """(01) GTIN-14, then (17) expiry and (10) batch when known, (21) serial last, as (AI, value) pairs.

    Fixed-length elements go first and the serial last, so the symbol needs as
    few separators as GS1 allows.
    """
    for ai, value in (("21", serial), ("10", batch)):
        if value is not None and not _CSET82.fullmatch(value):
            raise EncodeError(Text("labels.gs1_characters", ai=ai, value=value))
    elements = [("01", gtin.zfill(14))]
    if expiry is not None:
        elements.append(("17", f"{expiry:%y%m%d}"))
    if batch:
        elements.append(("10", batch))
    return [*elements, ("21", serial)]


def gs1_element_string(gtin: str, serial: str, batch: str | None = None, expiry: dt.date | None = None) -> str:
    """The elements in their human-readable form, ``(01)…(21)…``: what zxing-cpp's GS1 mode encodes."""
    return "".join(f"({ai}){value}" for ai, value in gs1_elements(gtin, serial, batch, expiry))


VARIABLE_LENGTH_AIS = frozenset({"10", "21"})


def gs1_with_fnc1(elements: list[tuple[str, str]], fnc1: str) -> str:
    """The elements as a printer's DataMatrix command takes them: FNC1 first, and after every
    variable-length element that is not last (written ``fnc1``, the printer language's escape)."""
    parts = [fnc1]
    for i, (ai, value) in enumerate(elements):
        parts.append(ai + value)
        if ai in VARIABLE_LENGTH_AIS and i < len(elements) - 1:
            parts.append(fnc1)
    return "".join(parts)


def encode(symbology: Symbology, data: str, *, square: bool = False) -> Symbol:
    """The symbol's modules; ``square`` keeps a DataMatrix square, as label printers draw it (ZPL has no rectangles)."""
    options: dict[str, object] = {}
    if symbology is Symbology.DATAMATRIX:
        options = {"gs1": True, "force_square": square}
    try:
        barcode = zxingcpp.create_barcode(data, _FORMAT[symbology], **options)
    except ValueError as err:
        raise EncodeError(str(err)) from None
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    rows, columns = image.shape[:2]
    pixels = memoryview(image).tobytes()
    if symbology is Symbology.CODE128:
        rows = 1  # every row of a linear symbol is the same
    runs = tuple(
        (row, run.start() - row * columns, run.end() - run.start())
        for row in range(rows)
        for run in _DARK.finditer(pixels, row * columns, (row + 1) * columns)
    )
    return Symbol(symbology, columns, rows, runs)


@dataclass(frozen=True)
class Grid:
    """A printer's dots on a page: positions count dots from the page's top-left corner."""

    dpi: int
    page_height: float  # points

    def dots(self, mm: float) -> float:
        return mm / MM_PER_INCH * self.dpi

    def points(self, dots: float) -> float:
        return dots * 72 / self.dpi


@dataclass(frozen=True)
class Placed:
    """A symbol in its box on the printer's dots: the box (x, y, width, height) and the dots per module."""

    symbol: Symbol
    x: int
    y: int
    width: int
    height: int
    module: int

    @property
    def left(self) -> int:
        """The symbol's left edge: centred in the box."""
        return self.x + (self.width - self.symbol.columns * self.module) // 2

    @property
    def top(self) -> int:
        """The symbol's top edge: a linear symbol fills the box's height, a matrix is centred in it."""
        if self.symbol.rows == 1:
            return self.y
        return self.y + (self.height - self.symbol.rows * self.module) // 2


def module_dots(symbol: Symbol, box_width: int, box_height: int) -> int:
    """The widest whole number of dots per module at which the symbol and its quiet zones fit the box."""
    quiet = 2 * QUIET_ZONE[symbol.symbology]
    if symbol.rows == 1:
        return box_width // (symbol.columns + quiet)
    return min(box_width // (symbol.columns + quiet), box_height // (symbol.rows + quiet))


def draw(canvas: Canvas, placed: Placed, grid: Grid) -> None:
    """Draw the placed symbol, each module ``placed.module`` dots."""
    symbol, module = placed.symbol, placed.module
    left, top, bar = placed.left, placed.top, placed.height if symbol.rows == 1 else placed.module
    canvas.saveState()
    # One unit per module, y pointing down: each run is a rectangle of whole numbers, written
    # as PDF operators directly (formatting 100,000 floats one by one is most of a label's time).
    canvas.transform(
        grid.points(module), 0, 0, -grid.points(bar), grid.points(left), grid.page_height - grid.points(top)
    )
    canvas.addLiteral("\n".join(f"{col} {row} {length} 1 re" for row, col, length in symbol.runs) + "\nf")
    canvas.restoreState()
