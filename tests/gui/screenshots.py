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
from snapp.domain.capture import scans  # noqa: E402
from snapp.gui.app import install_translation, use_bundled_font  # noqa: E402
from snapp.gui.login import LoginDialog  # noqa: E402
from snapp.gui.main_window import MainWindow  # noqa: E402
from snapp.gui.views.stocktake import StocktakeView  # noqa: E402
from snapp.gui.navigation import screen_rows  # noqa: E402
from snapp.gui.views.lookup import LookupView  # noqa: E402
from snapp.gui.views.purchase_orders import PurchaseOrdersView  # noqa: E402
from snapp.gui.views.recall import RecallView  # noqa: E402
from snapp.gui.views.receiving import ReceivingView  # noqa: E402
from snapp.gui.views.rma import RmaView  # noqa: E402
from snapp.gui.views.settings import SettingsView  # noqa: E402
from snapp.gui.views.verify import VerifyView  # noqa: E402
from snapp.services import devices, lookup, manifests, purchasing, stocktake  # noqa: E402
from snapp.services.auth import create_first_admin  # noqa: E402
from snapp.services.base import Context  # noqa: E402
from snapp.services.demo import build_demo  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# Each screen's file keeps its number whatever the navigation's order: the README and the dialogs' shots name them.
NUMBERS = {name: number for number, name in enumerate((
    "dashboard", "purchaseorders", "receiving", "lookup", "verify", "register", "stocktake", "exceptions", "recall", "labelsdocuments",
    "suppliers", "items", "locations", "users", "scanner", "settings", "customers", "rma"), start=1)}  # fmt: skip
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
        SettingsView: lambda view: sharing_example(ctx, view),
        RecallView: recall_example,
        RmaView: lambda view: view.form.supplierView.selectRow(0),  # the overdue one: red, and in the scan field
        StocktakeView: lambda view: stocktake_example(ctx, view),
    }
    for row in screen_rows(window.form.nav):
        window.form.nav.setCurrentRow(row)
        settle(app, window)
        view = window.form.stack.currentWidget()
        if action := prepare.get(type(view)):
            action(view)
            settle(app, window)
        name = type(view).__name__.removesuffix("View").lower()
        window.grab().save(str(folder / f"{NUMBERS[name]:02d}-{name}.png"))
    manifest_dialog(app, window, folder)
    window.close()
    (folder / "snapp.ini").unlink(missing_ok=True)
    login = LoginDialog(ctx.db, QSettings(str(folder / "snapp.ini"), QSettings.Format.IniFormat), first_run=False)
    login.form.nameEdit.setText("li.na")
    login.show()
    settle(app, window)
    login.grab().save(str(folder / "00-login.png"))
    login.close()
    (folder / "snapp.ini").unlink(missing_ok=True)


def manifest_dialog(app: QApplication, window: MainWindow, folder: Path) -> None:
    """Purchase orders → Load manifest… on the newest approved PO's first line, with a pasted list the core refused."""
    window.open_screen(PurchaseOrdersView)
    view = window.view(PurchaseOrdersView)
    view.refresh()  # the receiving example has added an approved PO since the screen was shot
    settle(app, window)
    view.form.poView.selectRow([po.status for po in view.pos.rows].index("approved"))
    settle(app, window)
    view.form.linesView.selectRow(0)
    view.load_manifest()
    settle(app, window)
    dialog = view.manifest_dialog
    dialog.form.pasteEdit.setPlainText("PF20000001\nPF20000002\npf20000001")
    dialog.submit()
    settle(app, window)
    dialog.grab().save(str(folder / "02-purchaseorders-manifest.png"))
    dialog.close()


def receiving_example(ctx: Context, view: ReceivingView) -> None:
    """Mid-scan on a line with a supplier's manifest: on it, off it (accepted as an exception), on another PO's
    manifest, already received, scanned twice, not the item's format. Prepared once, shot in each language."""
    if "po" not in _RECEIVING:
        other = purchasing.approve_po(ctx, purchasing.create_po(ctx, "SZHD", [purchasing.LineSpec("LAP-T14", 5)]).number)
        manifests.load_manifest(ctx, other.number, 1, [scans(["PF10000077"])])
        po = purchasing.approve_po(ctx, purchasing.create_po(ctx, "SZHD", [purchasing.LineSpec("LAP-T14", 50)]).number)
        manifests.load_manifest(ctx, po.number, 1, [scans([f"PF1{n:07d}" for n in range(1, 31)])])
        manifests.set_off_manifest(ctx, "exception", sku="LAP-T14")
        # The manifest dialog is shot on the newest approved PO: one without a manifest yet.
        purchasing.approve_po(ctx, purchasing.create_po(ctx, "SZHD", [purchasing.LineSpec("LAP-T14", 20)]).number)
        _RECEIVING["po"] = po.number
    view.refresh()  # may choose the only open PO by itself: let it, before choosing this one
    view.runner.wait()
    QApplication.processEvents()
    view.load_po(_RECEIVING["po"])
    view.runner.wait()
    QApplication.processEvents()
    for serial in ("PF10000001", "PF10000002", "pf10000003", "PF10000099", "PF10000077", "PF00000001", "PF10000002",
                   "PF1000004", "ＰＦ１００００００５"):  # fmt: skip
        view.add_scan(serial)


_RECEIVING: dict[str, str] = {}


EXAMPLE_FINGERPRINT = ":".join(["5E", "A1", "07", "C3"] * 8)


def sharing_example(ctx: Context, view: SettingsView) -> None:
    """Sharing as a phone sees it: a pairing QR code, and a PDA paired a moment ago (no server is started)."""
    if not devices.list_devices(ctx):
        devices.pair(ctx.db, devices.new_pairing_code(ctx).code, "Warehouse PDA 2 / 仓库 PDA 2")
    view.refresh()
    view.form.shareCheck.setChecked(True)
    view.show_sharing(True, "https://192.168.1.20:8470", EXAMPLE_FINGERPRINT)
    view.runner.wait()
    QApplication.processEvents()
    view.form.settingsScroll.ensureWidgetVisible(view.form.devicesBox)


def stocktake_example(ctx: Context, view: StocktakeView) -> None:
    """A shelf counted half-way, each scan judged: known here, twice, from another shelf, unknown, shipped, unreadable."""
    shelf = lookup.list_serials(ctx, lookup.SerialFilter(status="in_stock"), limit=1).rows[0].location
    here = [row.serial for row in lookup.list_serials(ctx, lookup.SerialFilter(status="in_stock", location=shelf), limit=3).rows]
    elsewhere = next(row.serial for row in lookup.list_serials(ctx, lookup.SerialFilter(status="in_stock"), limit=500).rows
                     if row.location != shelf)  # fmt: skip
    shipped = lookup.list_serials(ctx, lookup.SerialFilter(status="shipped"), limit=1).rows[0].serial
    view.starting = stocktake.start_stocktake(ctx, shelf).number
    view.refresh()
    view.runner.wait()
    QApplication.processEvents()
    for code in (*here[:2], here[0], elsewhere, "PF99999999", shipped, "PF#0001", here[2]):
        view.scan(code)
        view.runner.wait()
        QApplication.processEvents()


def recall_example(view: RecallView) -> None:
    """A recall of one batch of the demo's medical devices: some in stock, some issued or in repair."""
    view.form.skuEdit.setText("ECG-12")
    view.form.batchEdit.setText("L00000")
    view.run_trace()


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
