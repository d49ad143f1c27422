"""The desktop's database choice, read without Qt: what QSettings wrote is what every front end reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from snapp.app.settings import database_url, qsettings_string, saved_value

URLS = [
    "postgresql+psycopg://wang@192.168.1.20:5432/snapp",
    "postgresql+psycopg://wang:p@ss,;=\"x\\y@host/db?options=-csearch_path%3Dsnapp",
    " 主机 with\ttab and spaces ",
    "@home",
    "",
]


@pytest.mark.parametrize("url", URLS)
def test_what_qsettings_wrote_is_read_back(tmp_path, url):
    path = tmp_path / "snapp.ini"
    written = QSettings(str(path), QSettings.Format.IniFormat)
    written.setValue("language", "zh_CN")
    written.setValue("database/url", url)
    written.sync()
    assert saved_value("database", "url", path=path) == url


def test_a_missing_or_damaged_file_is_no_choice(tmp_path):
    assert saved_value("database", "url", path=tmp_path / "none.ini") == ""
    damaged = tmp_path / "damaged.ini"
    damaged.write_bytes(b"[database\nurl=\xff\xfe")
    assert saved_value("database", "url", path=damaged) == ""


def test_the_escapes_of_older_files():
    assert qsettings_string('"a\\x4e2d\\x6587b"') == "a中文b"
    assert qsettings_string("@String(@x)") == "@x"


def test_the_order_given_then_environment_then_desktop_then_default(tmp_path, monkeypatch):
    path = tmp_path / "snapp.ini"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SNAPP_DB", raising=False)
    assert database_url(settings=path).endswith("/data/SNApp/snapp.db")
    chosen = QSettings(str(path), QSettings.Format.IniFormat)
    chosen.setValue("database/url", "postgresql+psycopg://desk@server/snapp")
    chosen.sync()
    assert database_url(settings=path) == "postgresql+psycopg://desk@server/snapp"
    monkeypatch.setenv("SNAPP_DB", "sqlite:///from-env.db")
    assert database_url(settings=path) == "sqlite:///from-env.db"
    assert database_url("sqlite:///given.db", settings=path) == "sqlite:///given.db"
