"""One label printer for the desktop and the command line: what QSettings writes the CLI reads, and back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings

from snapp.app.printers import chosen_printer
from snapp.app.settings import save_printer, saved_printer
from snapp.errors import SnappError, ValidationError
from snapp.io.printers import Printer
from snapp.reports.thermal import Language


def test_the_desktops_choice_is_the_command_lines(tmp_path):
    path = tmp_path / "snapp.ini"
    desk = QSettings(str(path), QSettings.Format.IniFormat)
    assert saved_printer(path=path) is None
    for key, value in {"address": "queue:Zebra_GK420d", "language": "zpl", "dpi": 300, "template": "thermal-60x40"}.items():
        desk.setValue(f"printer/{key}", value)
    desk.sync()
    assert saved_printer(path=path) == Printer("queue:Zebra_GK420d", Language.ZPL, 300, "thermal-60x40")


def test_the_command_lines_choice_is_the_desktops_and_keeps_everything_else(tmp_path):
    path = tmp_path / "snapp.ini"
    desk = QSettings(str(path), QSettings.Format.IniFormat)
    geometry = QByteArray(bytes(range(256)))
    desk.setValue("window/geometry", geometry)
    desk.setValue("database/url", "postgresql+psycopg://wang:p@ss,;=\"x@host/db")
    desk.setValue("language", "zh_CN")
    desk.sync()
    save_printer(Printer("[fe80::1]:9100", Language.TSPL, 203, "thermal-50x30"), path=path)
    again = QSettings(str(path), QSettings.Format.IniFormat)
    assert [again.value(f"printer/{key}") for key in ("address", "language", "dpi", "template")] == [
        "[fe80::1]:9100", "tspl", "203", "thermal-50x30",
    ]  # fmt: skip
    assert again.value("window/geometry") == geometry
    assert again.value("database/url") == "postgresql+psycopg://wang:p@ss,;=\"x@host/db"
    assert again.value("language") == "zh_CN"
    save_printer(None, path=path)
    assert saved_printer(path=path) is None and QSettings(str(path), QSettings.Format.IniFormat).value("language") == "zh_CN"


def test_values_given_replace_the_saved_ones_and_each_is_checked(tmp_path):
    path = tmp_path / "snapp.ini"
    with pytest.raises(SnappError, match="no label printer is set"):
        chosen_printer(settings=path)
    assert chosen_printer("10.0.0.5", settings=path) == Printer("10.0.0.5", Language.ZPL, 203, "thermal-50x30")
    save_printer(Printer("10.0.0.5", Language.TSPL, 300, "thermal-40x20"), path=path)
    assert chosen_printer(dpi=203, settings=path) == Printer("10.0.0.5", Language.TSPL, 203, "thermal-40x20")
    with pytest.raises(ValidationError, match="zpl, tspl"):
        chosen_printer(language="epl", settings=path)
    desk = QSettings(str(path), QSettings.Format.IniFormat)
    desk.setValue("printer/dpi", "600")
    desk.sync()
    with pytest.raises(ValidationError, match="203, 300 dpi"):
        saved_printer(path=path)
