"""The one font of every PDF, and text that stays inside its box.

WenQuanYi Micro Hei has TrueType outlines, so reportlab embeds it as a subset
and Chinese text extracts from the PDF as text; it carries Latin letters too,
so one font serves every string.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from snapp.paths import CJK_FONT, resource

FONT = "SNApp-WQY-MicroHei"
ELLIPSIS = "…"
LEADING = 1.2  # line height as a multiple of the font size


def font() -> str:
    """The registered font's name; registers the bundled font on first use."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource(CJK_FONT)), subfontIndex=0))
    return FONT


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font(), size)


def _breakable(ch: str) -> bool:
    # CJK text has no spaces: a line may break after any ideograph or kana.
    return ch == " " or "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """``text`` broken into lines no wider than ``max_width``: at spaces, after CJK characters, else mid-word."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            candidate = line + token
            if width(candidate, size) <= max_width:
                line = candidate
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = token.lstrip()
            while width(line, size) > max_width and len(line) > 1:  # a word wider than the box
                cut = _longest_prefix(line, size, max_width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    current = ""
    for ch in text:
        if ch == " ":
            if current:
                tokens.append(current)
            current = " "
        elif _breakable(ch):
            tokens.append(current + ch)
            current = ""
        else:
            current += ch
    if current:
        tokens.append(current)
    return tokens


def _longest_prefix(text: str, size: float, max_width: float) -> int:
    n = 1
    while n < len(text) and width(text[: n + 1], size) <= max_width:
        n += 1
    return n


def clip(line: str, size: float, max_width: float) -> str:
    """``line`` as it is if it fits, else cut with an ellipsis so that it does."""
    if width(line, size) <= max_width:
        return line
    while line and width(line + ELLIPSIS, size) > max_width:
        line = line[:-1]
    return line + ELLIPSIS


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: list[str]


def fit(text: str, max_width: float, max_height: float, size: float, min_size: float) -> Fitted:
    """The largest size from ``size`` down to ``min_size`` at which ``text`` wraps into the box.

    At ``min_size`` whatever still does not fit is cut, the last line ending
    in an ellipsis: the text never leaves its box.
    """
    while True:
        lines = wrap(text, size, max_width)
        if len(lines) * size * LEADING <= max_height + 1e-6 or size - 0.5 < min_size:
            break
        size -= 0.5
    room = max(1, int((max_height + 1e-6) // (size * LEADING)))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = clip(lines[-1] + ELLIPSIS, size, max_width)
    return Fitted(size, lines)
