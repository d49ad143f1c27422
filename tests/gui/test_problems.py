"""The core's refusals reach the screen in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from snapp.domain.capture import SerialRule, capture, scans
from snapp.gui.app import install_translation
from snapp.gui.problems import say


def test_a_refusal_in_chinese_with_its_values(qtbot):
    rule = SerialRule(min_length=6, max_length=20)
    [too_short, excel] = capture(scans(["AB1", "1.23457E+17"]), rule).problems
    app = QCoreApplication.instance()
    install_translation(app, "en_US")
    assert say(too_short.message) == "has 3 characters; this item's serials have at least 6"
    install_translation(app, "zh_CN")
    try:
        assert say(too_short.message) == "有 3 个字符；此物料的序列号至少需要 6 个字符"
        assert say(excel.message) == "Excel 已将此序列号变成数字；请把该列设为文本格式并重新输入序列号"
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())
