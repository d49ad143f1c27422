"""Share this PC's database with phones and other systems: `snapp serve` run by the desktop app.

A one-PC shop on SQLite gets the HTTP API without installing a server, and the
SQLite file never has to sit on a network share: the API is served from the PC
that holds the file. The server is a child process of the app, stopped when
the app ends.
"""

from __future__ import annotations

import io
import sys

import segno
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QSettings, Signal
from PySide6.QtGui import QPixmap

from snapp.db.engine import Database
from snapp.server import DEFAULT_PORT, FINGERPRINT_LINE, LISTENING_LINE, lan_address


def serve_command(port: int) -> list[str]:
    """How to run `snapp serve` from here: the bundle's own executable, or this Python."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "snapp.cli"]
    return [*program, "serve", "--host", "0.0.0.0", "--port", str(port), "--with-parent"]


def qr_pixmap(text: str, scale: int = 3) -> QPixmap:
    """``text`` as a QR code a phone's camera reads off a screen: error correction M, the standard quiet zone."""
    drawn = io.BytesIO()
    segno.make_qr(text, error="m").save(drawn, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(drawn.getvalue(), "PNG")
    return pixmap


class Sharing(QObject):
    """The server process and what to tell the user about it."""

    state = Signal(bool, str, str)  # running, address, fingerprint (address empty while stopped)
    failed = Signal(str)  # the server's last words

    def __init__(self, db: Database, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.process: QProcess | None = None
        self.fingerprint = ""
        self.address = ""
        self._output: list[str] = []

    @property
    def enabled(self) -> bool:
        return self.settings.value("share/enabled", "false") in (True, "true")

    @property
    def port(self) -> int:
        return int(self.settings.value("share/port", DEFAULT_PORT))

    def restore(self) -> None:
        """At start-up: share again if the user left sharing on."""
        if self.enabled:
            self.start(self.port)

    def start(self, port: int) -> None:
        self.stop()
        self.settings.setValue("share/enabled", True)
        self.settings.setValue("share/port", port)
        self._output, self.fingerprint, self.address = [], "", ""
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        # The URL goes by the environment, not the command line, where other users of the PC could read a password.
        environment.insert("SNAPP_DB", self.db.url.render_as_string(hide_password=False))
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        command = serve_command(port)
        process.start(command[0], command[1:])
        self.process = process

    def stop(self, *, forget: bool = False) -> None:
        if forget:
            self.settings.setValue("share/enabled", False)
        process, self.process = self.process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.finished.disconnect(self._finished)
            process.terminate()
            if not process.waitForFinished(5000):
                process.kill()
                process.waitForFinished(2000)
        self.state.emit(False, "", "")

    def _read(self) -> None:
        if self.process is None:
            return
        for line in bytes(self.process.readAllStandardOutput()).decode(errors="replace").splitlines():
            self._output = (self._output + [line])[-20:]
            if line.startswith(FINGERPRINT_LINE):
                self.fingerprint = line.removeprefix(FINGERPRINT_LINE).strip()
            elif line.startswith(LISTENING_LINE):
                self.address = f"https://{lan_address()}:{self.port}"
                self.state.emit(True, self.address, self.fingerprint)

    def _finished(self) -> None:
        self.process = None
        said = [line for line in self._output if line.strip()]
        # uvicorn's own error (a port taken) or the command line's refusal, else whatever came last.
        why = next((line for line in reversed(said) if line.startswith(("ERROR:", "snapp:"))), said[-1] if said else "")
        self.state.emit(False, "", "")
        self.failed.emit(why.removeprefix("ERROR:").strip())
