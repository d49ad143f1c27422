"""Where the files that ship with SNApp are, installed or in a source tree.

`resources/` sits at the top of the source tree; an installed wheel carries it
inside the package as `snapp/resources/` (see pyproject.toml), and so does the
frozen app (packaging/snapp.spec), under its bundle folder.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"SNApp's {name}/ folder is missing next to {_PACKAGE}; reinstall SNApp")


def resource(relative: str) -> Path:
    """A file under resources/, e.g. ``resource("fonts/wqy-microhei.ttc")``."""
    return _shipped("resources") / relative


CJK_FONT = "fonts/wqy-microhei.ttc"  # WenQuanYi Micro Hei: TrueType outlines, so reportlab can embed it


def form(name: str) -> Path:
    """A Qt Designer form under ui/, e.g. ``form("receiving")``."""
    return _shipped("ui") / f"{name}.ui"
