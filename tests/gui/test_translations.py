"""The Chinese translation is complete, current, compiled, and used by the screens."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from snapp.paths import resource

TS = resource("translations/snapp_zh_CN.ts")
QM = TS.with_suffix(".qm")
ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in ET.parse(path).getroot()
        for message in context.findall("message")
    ]


def test_every_message_is_translated_with_its_placeholders_and_accelerator():
    found = messages(TS)
    assert len(found) > 200
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None and (translation.text or "").strip(), where
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), where
        assert source.count("&") == translation.text.count("&"), where


def test_the_sources_hold_no_string_missing_from_the_translation(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [str(p) for p in (ROOT / "snapp" / "gui").rglob("*.py")] + [str(p) for p in (ROOT / "ui").glob("*.ui")]
    subprocess.run([TOOLS / "pyside6-lupdate", "-no-obsolete", *sources, "-ts", str(copy)], check=True, capture_output=True)
    missing = [(c, s) for c, s, t in messages(copy) if t.get("type") == "unfinished"]
    assert missing == [], "run the translation command in the README and translate these"


def test_the_compiled_translation_is_current(tmp_path):
    built = tmp_path / QM.name
    subprocess.run([TOOLS / "pyside6-lrelease", str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "rebuild the .qm with the command in the README"


def test_the_screens_speak_chinese(qtbot, ctx, company, settings):
    from snapp.gui.app import install_translation
    from snapp.gui.labels import name_of
    from snapp.gui.main_window import MainWindow
    from snapp.gui.navigation import row_of
    from snapp.gui.views.receiving import ReceivingView

    app, locale = QCoreApplication.instance(), QLocale()
    install_translation(app, "zh_CN")
    try:
        window = MainWindow(ctx, settings)
        qtbot.addWidget(window)
        assert window.form.nav.item(row_of(window.form.nav, ReceivingView)).text() == "收货"
        assert window.view(ReceivingView).form.postButton.text() == "确认收货  Ctrl+Enter"
        assert name_of("status", "in_stock") == "在库"
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(locale)  # the core's sentences and names follow it
