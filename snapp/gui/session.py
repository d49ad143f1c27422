"""A shared warehouse PC: the idle lock, and the cover that hides a session while it is locked or changes hands.

The lock watches every key press, click, wheel turn and mouse move of the
application (a scanner types keys, so scanning counts as use); after the
minutes set in Settings without any, the main window locks. Nothing of the
session is touched: pending scans wait under the cover.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

LOCK_KEY = "lock/minutes"
DEFAULT_LOCK_MINUTES = 10
USE = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                 QEvent.Type.TouchBegin, QEvent.Type.InputMethod})  # fmt: skip


def lock_minutes(settings: QSettings) -> float:
    """Minutes without use before the window locks; 0: never. A damaged value locks at the default, not never."""
    try:
        return max(0.0, float(settings.value(LOCK_KEY, DEFAULT_LOCK_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES


class IdleWatch(QObject):
    """Says ``idle`` once nobody has used the application for the minutes given; paused while locked."""

    idle = Signal()

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.idle)
        self.armed = False
        QCoreApplication.instance().installEventFilter(self)  # removed by Qt when this object goes

    def watch(self, minutes: float) -> None:
        self.armed = minutes > 0
        if self.armed:
            self.timer.setInterval(int(minutes * 60_000))
            self.timer.start()
        else:
            self.timer.stop()

    def pause(self) -> None:
        self.armed = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() in USE:
            self.timer.start()  # from the top: restarting a timer costs next to nothing
        return False


class Cover(QLabel):
    """An opaque sheet over the whole main window (menu bar and status bar too): nothing of the session shows."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("cover")
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setAutoFillBackground(True)
        # The words stand above the login dialog, which opens in the middle.
        self.setStyleSheet("#cover { background: palette(window); color: palette(mid); font-size: 16pt; padding-top: 140px; }")
        self.hide()
        window.installEventFilter(self)

    def cover(self, text: str) -> None:
        self.setText(text)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
