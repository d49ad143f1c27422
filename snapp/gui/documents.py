"""The PDFs a screen writes: named safely, saved in the folder the Labels and documents screen remembers, then opened
or printed from there."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton

from snapp.gui.printing import print_pdf
from snapp.services.printing import Printed

FOLDER = "reports/folder"  # the Labels and documents screen's folder: every PDF of the desktop goes there;
# the key keeps the screen's old name, under which desktops have the folder stored
_UNSAFE = re.compile(r"[^\w.-]+")


def pdf_path(folder: Path, name: str) -> Path:
    return folder / (_UNSAFE.sub("_", name) + ".pdf")


def write_pdf(view, act: Callable[[Path], Printed], out: Path, done: Callable[[Printed], None]) -> None:
    """``act`` writes ``out`` off the GUI thread (a PDF has no steps to count: the dialog shows that work goes on)."""

    def work(_progress) -> Printed:
        out.parent.mkdir(parents=True, exist_ok=True)
        return act(out)

    view.runner.run(work, done=done, progress=QCoreApplication.translate("Documents", "Writing {0}…").format(out.name), parent=view)


def open_pdf(path: Path) -> bool:
    """``path`` in the PDF viewer of this computer; False when there is none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class Shelf:
    """A screen's last PDF: written into the remembered folder, then its Open and Print buttons act on it."""

    def __init__(self, view, open_button: QAbstractButton, print_button: QAbstractButton,
                 say: Callable[[str, bool], None]):  # fmt: skip
        self.view, self.say, self.last = view, say, None
        self.buttons = (open_button, print_button)
        open_button.clicked.connect(self.open_last)
        print_button.clicked.connect(lambda: self.last and print_pdf(view, self.last))
        self._enable()

    def write(self, act: Callable[[Path], Printed], name: str, title: str) -> None:
        """``act`` writes the PDF ``name`` in the remembered folder; ``title`` says in the user's language what it is."""
        write_pdf(self.view, act, pdf_path(self.view.folder(FOLDER), name), lambda printed: self._written(printed, title))

    def _written(self, printed: Printed, title: str) -> None:
        self.last = Path(printed.out)
        self._enable()
        self.say(QCoreApplication.translate("Documents", "{0}: {1} ({2} page(s))").format(title, printed.out, printed.count),
                 True)  # fmt: skip

    def open_last(self) -> None:
        if self.last and not open_pdf(self.last):
            self.say(QCoreApplication.translate("Documents", "No program on this computer opens PDFs. The file is {0}")
                     .format(self.last), False)  # fmt: skip

    def _enable(self) -> None:
        for button in self.buttons:
            button.setEnabled(self.last is not None)
