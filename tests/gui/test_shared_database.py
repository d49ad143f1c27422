"""Several PCs on one PostgreSQL database: a change made on one shows on the others without a restart."""

from __future__ import annotations

import pytest

from snapp.db.engine import Database
from snapp.db.schema import upgrade
from snapp.gui.main_window import MainWindow
from snapp.gui.views.masterdata import SuppliersView
from snapp.services import masterdata
from snapp.services.auth import create_first_admin, login
from tests.gui.conftest import settle

pytestmark = pytest.mark.postgres


def test_a_supplier_added_on_another_pc_appears_in_the_open_list(qtbot, pg_url, settings):
    db = Database(pg_url)
    upgrade(db)
    ctx = create_first_admin(db, "admin", "admin password")
    masterdata.add_supplier(ctx, masterdata.SupplierRecord("ACME", "Acme"))
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.open_screen(SuppliersView)
    view = window.view(SuppliersView)
    settle(qtbot, window)
    assert [r.code for r in view.model.rows] == ["ACME"]

    other_pc = Database(pg_url)  # its own engine and connections, as on another computer
    try:
        masterdata.add_supplier(login(other_pc, "admin", "admin password"), masterdata.SupplierRecord("FAR", "远方电子"))
    finally:
        other_pc.dispose()
    qtbot.waitUntil(lambda: [r.code for r in view.model.rows] == ["ACME", "FAR"], timeout=10_000)
    window.close()
    db.dispose()
