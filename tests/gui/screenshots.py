"""Screenshots of every screen, in English and in Chinese, for the README (docs/screenshots/).

    .venv/bin/python tests/gui/screenshots.py

Renders offscreen at 1366x768 (the smallest common office screen) on a demo database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from snapp.db.engine import sqlite_url  # noqa: E402
from snapp.db.schema import open_database  # noqa: E402
from snapp.gui.app import install_translation, use_bundled_font  # noqa: E402
from snapp.gui.login import LoginDialog  # noqa: E402
from snapp.gui.main_window import MainWindow  # noqa: E402
from snapp.gui.views.lookup import LookupView  # noqa: E402
from snapp.gui.views.purchase_orders import PurchaseOrdersView  # noqa: E402
from snapp.gui.views.receiving import ReceivingView  # noqa: E402
from snapp.gui.views.verify import VerifyView  # noqa: E402
from snapp.services import purchasing  # noqa: E402
from snapp.services.auth import create_first_admin  # noqa: E402
from snapp.services.base import Context  # noqa: E402
from snapp.services.demo import build_demo  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DEMO_PASSWORD = "demo password 1"


def settle(app: QApplication, window: MainWindow) -> None:
    """Let timers fire (the receiving screen's database check waits a moment) and operations finish."""
    for _ in range(40):
        app.processEvents()
        window.runner.wait(5_000)
        time.sleep(0.01)
    app.processEvents()


def shoot(app: QApplication, ctx: Context, language: str, folder: Path) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    install_translation(app, language)
    folder.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ctx, QSettings(str(folder / "snapp.ini"), QSettings.Format.IniFormat))
    window.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is smaller: it would start maximised to it
    window.resize(1366, 768)
    window.show()
    settle(app, window)
    prepare = {
        PurchaseOrdersView: lambda view: view.form.poView.selectRow(0),
        ReceivingView: lambda view: receiving_example(ctx, view),
        LookupView: lambda view: view.look_up("PF00000007"),
        VerifyView: lambda view: view.verify("]d20106901234560015" + "21PF00000009"),
    }
    for row in range(window.form.nav.count()):
        window.form.nav.setCurrentRow(row)
        settle(app, window)
        view = window.form.stack.currentWidget()
        if action := prepare.get(type(view)):
            action(view)
            settle(app, window)
        name = type(view).__name__.removesuffix("View").lower()
        window.grab().save(str(folder / f"{row + 1:02d}-{name}.png"))
    window.close()
    (folder / "snapp.ini").unlink(missing_ok=True)
    login = LoginDialog(ctx.db, QSettings(str(folder / "snapp.ini"), QSettings.Format.IniFormat), first_run=False)
    login.form.nameEdit.setText("li.na")
    login.show()
    settle(app, window)
    login.grab().save(str(folder / "00-login.png"))
    login.close()
    (folder / "snapp.ini").unlink(missing_ok=True)


def receiving_example(ctx: Context, view: ReceivingView) -> None:
    po = purchasing.create_po(ctx, "SZHD", [purchasing.LineSpec("LAP-T14", 50)])
    purchasing.approve_po(ctx, po.number)
    view.refresh()  # may choose the only open PO by itself: let it, before choosing this one
    view.runner.wait()
    QApplication.processEvents()
    view.load_po(po.number)
    view.runner.wait()
    QApplication.processEvents()
    for serial in ("PF10000001", "PF10000002", "pf10000003", "PF00000001", "PF10000002", "PF1000004", "ＰＦ１００００００５"):
        view.add_scan(serial)


def main() -> None:
    app = QApplication(sys.argv)
    use_bundled_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(sqlite_url(Path(tmp) / "demo.db"))
        ctx = create_first_admin(db, "admin", DEMO_PASSWORD)
        build_demo(ctx, serials=5_000, team_password=DEMO_PASSWORD)
        for language, folder in (("en", "en"), ("zh_CN", "zh")):
            shoot(app, ctx, language, OUT / folder)
        db.dispose()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
