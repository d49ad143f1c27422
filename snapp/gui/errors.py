"""One place where failures become plain-language dialogs."""

from __future__ import annotations

import logging
import platform
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from snapp import __version__
from snapp.errors import SnappError, ValidationError
from snapp.gui.problems import language, say, say_problem

log = logging.getLogger(__name__)
SHOWN_PROBLEMS = 30


def describe(err: BaseException) -> str:
    """What to tell the user about ``err``, if it is one they can act on."""
    if isinstance(err, ValidationError):
        lines = [say_problem(p) for p in err.problems[:SHOWN_PROBLEMS]]
        if len(err.problems) > SHOWN_PROBLEMS:
            lines.append(f"… {len(err.problems) - SHOWN_PROBLEMS} more")
        return say(err.summary) + "\n\n" + "\n".join(lines)
    return err.say(language()) if isinstance(err, SnappError) else str(err)


def refusal(err: BaseException) -> str | None:
    """What to show beside a form for an error the user can act on; None for a bug."""
    if isinstance(err, ValidationError):
        return "\n".join(say_problem(p) for p in err.problems)
    if isinstance(err, SnappError):
        return err.say(language())
    return None


def show_error(parent: QWidget | None, err: BaseException) -> None:
    if isinstance(err, SnappError):
        QMessageBox.warning(parent, QApplication.translate("errors", "SNApp"), describe(err))
        return
    show_crash(parent, type(err), err, err.__traceback__)


def show_crash(parent: QWidget | None, kind, err, tb) -> None:
    """An unexpected error: logged, and shown with a report the user can copy to support."""
    log.error("unexpected error", exc_info=(kind, err, tb))
    report = (
        f"SNApp {__version__} on {platform.platform()}, Python {platform.python_version()}\n\n"
        + "".join(traceback.format_exception(kind, err, tb))
    )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("errors", "SNApp: unexpected error"))
    box.setText(
        QApplication.translate(
            "errors", "Something went wrong that SNApp did not expect. Nothing half-done was saved.\n\n{0}"
        ).format(f"{kind.__name__}: {err}")
    )
    box.setDetailedText(report)
    copy = box.addButton(QApplication.translate("errors", "Copy report"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
    box.exec()
