"""The command line opens the database the desktop uses, unless told otherwise."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from snapp.db.engine import sqlite_url
from snapp.services import masterdata


def test_the_desktop_choice_then_the_environment_then_the_option(db, ctx, cli, tmp_path, monkeypatch):
    masterdata.add_location(ctx, masterdata.LocationRecord("DESK", "the desktop's database"))
    desktop = QSettings(str(tmp_path / "config" / "SNApp" / "snapp.ini"), QSettings.Format.IniFormat)
    desktop.setValue("database/url", db.url.render_as_string(hide_password=False))  # as its Settings screen saves it
    desktop.sync()
    status, out, _ = cli("location", "list", user="admin", password="admin password", db_option=False)
    assert status == 0 and "DESK" in out

    elsewhere = sqlite_url(tmp_path / "elsewhere.db")
    assert cli("--db", elsewhere, "init", db_option=False).status == 0
    monkeypatch.setenv("SNAPP_DB", elsewhere)
    status, _, err = cli("location", "list", user="admin", password="admin password", db_option=False)
    assert status == 2 and "elsewhere.db has no user yet" in err  # $SNAPP_DB before the desktop's choice
    status, out, _ = cli("location", "list", user="admin", password="admin password")  # --db before both
    assert status == 0 and "DESK" in out
