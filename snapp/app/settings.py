"""The desktop's saved choices, read without Qt, so every front end uses the same database.

The desktop keeps its preferences with QSettings in an INI file, ``snapp.ini``
in the user's config folder; its Settings screen saves the database URL there
under ``[database] url`` (empty: the local SQLite file). This module reads that
file with configparser and undoes QSettings' INI quoting, so the command line
(and a server) opens the database the desktop opens, without loading Qt.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

DATABASE_KEY = ("database", "url")
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


def saved_value(section: str, key: str, *, path: Path | None = None) -> str:
    """A string the desktop saved (QSettings key ``section/key``), or "" when the file or the key is missing."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",), comment_prefixes=(";", "#"))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # QSettings keys keep their case
    try:
        parser.read(path or settings_file(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return ""  # a damaged preferences file must not stop the command line; the desktop rewrites it
    raw = parser.get(section, key, fallback="")
    return qsettings_string(raw)


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
