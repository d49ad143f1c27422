"""Reading PDFs back as a user's tools would: text, metadata, and barcodes decoded from the rendered page.

pypdfium2 renders and zxing-cpp decodes, both from PyPI: the tests need no
system package.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

PRINTER_DPI = 203


def pages(path: Path) -> int:
    return len(pdfium.PdfDocument(path))


def render(path: Path, page: int = 0, dpi: int = PRINTER_DPI) -> Image.Image:
    return pdfium.PdfDocument(path)[page].render(scale=dpi / 72).to_pil().convert("L")


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(image))


def decoded(image: Image.Image) -> set[tuple[str, str]]:
    """(format, text) of every barcode found."""
    return {(str(b.format), b.text) for b in decode(image)}


def text(path: Path) -> list[str]:
    """The text of each page, as a viewer's copy or search would see it."""
    document = pdfium.PdfDocument(path)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def metadata(path: Path) -> dict[str, str]:
    return pdfium.PdfDocument(path).get_metadata_dict()


def flat(page_text: str) -> str:
    """Text with every run of white space as one space: a viewer may break a line between a footer's parts."""
    return " ".join(page_text.split())
