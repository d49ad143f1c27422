"""Files handed to the API (a supplier's serial list, a spreadsheet of serials), read by the same readers as the CLI's.

The readers take a path and name the file in every problem they report
(``serials.xlsx Sheet1!A7``), so an upload is written to a private folder
under the name it was sent with, reduced to a plain file name: a name such as
``../../etc/passwd`` or ``C:\\x\\y.csv`` can place nothing outside that folder.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from fastapi import UploadFile

_UNSAFE = re.compile(r"[^\w.\- ]", re.UNICODE)


def safe_name(sent: str | None, default: str = "upload") -> str:
    """The last part of a sent file name, with no separators, control characters or leading dots."""
    base = re.split(r"[\\/]", sent or "")[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120]
    return base or default


@contextlib.contextmanager
def saved(upload: UploadFile) -> Iterator[Path]:
    """The upload as a file of its own name in a private folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="snapp-upload-") as folder:
        path = Path(folder) / safe_name(upload.filename)
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        yield path
