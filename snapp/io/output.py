"""Where SNApp writes a file (labels, reports, exports, templates): checked before any work is done.

A missing folder, a folder given as the file, or a file that cannot be
written (read-only, open in Excel on Windows) is refused with one sentence
before a query runs or a page is drawn, not as a traceback after it.
"""

from __future__ import annotations

import os
from pathlib import Path

from snapp.errors import Problem, Text, ValidationError


def output_target(path: Path | str, suffix: str | None = None, what: str = "export") -> Path:
    """``path`` once it is known that a ``suffix`` file can be written there.

    ``what`` ("export", "template") names the kind of file for the refusal of
    a wrong suffix; the check of an existing file opens it without truncating it.
    """
    path = Path(path)
    if suffix and path.suffix.lower() != suffix:
        raise refused(path, "suffix", Text("file.suffix", what=Text(f"file.what_{what}"), suffix=suffix))
    try:
        if path.is_dir():
            raise refused(path, "folder", Text("file.is_folder"))
        if not path.parent.is_dir():
            raise refused(path, "folder", Text("file.no_folder", folder=str(path.parent)))
        if path.exists():
            with open(path, "r+b"):
                pass
        else:
            with open(path, "xb"):
                pass
            os.unlink(path)
    except OSError as err:
        raise unwritable(path, err) from None
    return path


def unwritable(path: Path, err: OSError) -> ValidationError:
    return refused(path, "file", Text("file.unwritable", detail=err.strerror or str(err)))


def refused(path: Path, reason: str, message: Text) -> ValidationError:
    return ValidationError(Problem(str(path), "", reason, message))
