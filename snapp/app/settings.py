"""The desktop's saved choices, read without Qt, so every front end uses the same database.

The desktop keeps its preferences with QSettings in an INI file, ``snapp.ini``
in the user's config folder; its Settings screen saves the database URL there
under ``[database] url`` (empty: the local SQLite file). This module reads that
file with configparser and undoes QSettings' INI quoting, so the command line
(and a server) opens the database the desktop opens, without loading Qt.

The label printer is kept there too, under ``[printer]`` (address, language,
dpi, template): chosen in the desktop's Settings or with ``snapp printer set``,
the one both print to.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snapp.io.printers import Printer

DATABASE_KEY = ("database", "url")
PRINTER = "printer"
PRINTER_KEYS = ("address", "language", "dpi", "template")
PRINTER_DEFAULTS = {"language": "zpl", "dpi": "203", "template": "thermal-50x30"}
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def settings_file() -> Path:
    import platformdirs

    from snapp.db.engine import APP_NAME

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "snapp.ini"


def database_url(given: str | None = None, *, settings: Path | None = None) -> str:
    """The database to open: ``given`` (--db), else $SNAPP_DB, else the desktop's choice, else the local file."""
    if given:
        return given
    if url := os.environ.get("SNAPP_DB"):
        return url
    if url := saved_value(*DATABASE_KEY, path=settings):
        return url
    from snapp.db.engine import default_url

    return default_url()


def _parser() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",), comment_prefixes=(";", "#"))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # QSettings keys keep their case
    return parser


def saved_value(section: str, key: str, *, path: Path | None = None) -> str:
    """A string the desktop saved (QSettings key ``section/key``), or "" when the file or the key is missing."""
    parser = _parser()
    try:
        parser.read(path or settings_file(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return ""  # a damaged preferences file must not stop the command line; the desktop rewrites it
    raw = parser.get(section, key, fallback="")
    return qsettings_string(raw)


def saved_printer(*, path: Path | None = None) -> Printer | None:
    """The label printer chosen on this computer, None when none is; a damaged choice is refused, naming the value."""
    from snapp.io.printers import Printer

    address = saved_value(PRINTER, "address", path=path)
    if not address:
        return None
    values = {key: saved_value(PRINTER, key, path=path) or PRINTER_DEFAULTS[key] for key in PRINTER_KEYS[1:]}
    return Printer.of(address, **values)


def save_printer(printer: Printer | None, *, path: Path | None = None) -> None:
    """Keep ``printer`` (None: no printer) in the desktop's file, as QSettings would, leaving every other key as it is."""
    path = path or settings_file()
    parser = _parser()
    parser.read(path, encoding="utf-8")
    parser.remove_section(PRINTER)
    if printer is not None:
        parser[PRINTER] = {key: _qsettings_quoted(str(getattr(printer, key))) for key in PRINTER_KEYS}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        parser.write(out, space_around_delimiters=False)


def _qsettings_quoted(value: str) -> str:
    if value == value.strip() and not any(c in value for c in '"\\;,=#@'):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qsettings_string(raw: str) -> str:
    """A value as QSettings wrote it in INI: "quoted" with C escapes, ``@@`` for a leading @, ``@String(...)``."""
    text: list[str] = []
    quoted, i = False, 0
    while i < len(raw):
        c = raw[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and i + 1 < len(raw):
            i += 1
            c = raw[i]
            if c == "x":  # \xHHHH: a character QSettings could not write in the file's encoding (Qt 5)
                digits = ""
                while i + 1 < len(raw) and len(digits) < 4 and raw[i + 1] in "0123456789abcdefABCDEF":
                    i += 1
                    digits += raw[i]
                text.append(chr(int(digits or "0", 16)))
            else:
                text.append(_ESCAPES.get(c, c))
        else:
            text.append(c)
        i += 1
    value = "".join(text)  # configparser already stripped the unquoted spaces around it
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@String(") and value.endswith(")"):
        return value[len("@String(") : -1]
    return value
