"""The core's refusals reach the screen in the user's language."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

import snapp
from snapp.domain.capture import SerialRule, capture, scans
from snapp.gui.app import install_translation
from snapp.gui.problems import TEMPLATES, say


def core_templates() -> set[str]:
    found = set()
    for path in Path(snapp.__file__).parent.rglob("*.py"):
        if "gui" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text" and node.args:
                assert isinstance(node.args[0], ast.Constant), f"{path}:{node.lineno}: a Text template must be a literal"
                found.add(node.args[0].value)
    return found


def test_every_template_of_the_core_is_listed_for_translation():
    assert set(TEMPLATES) == core_templates()


def test_a_refusal_in_chinese_with_its_values(qtbot):
    rule = SerialRule(min_length=6, max_length=20)
    [too_short, excel] = capture(scans(["AB1", "1.23457E+17"]), rule).problems
    assert say(too_short.message) == "has 3 characters; this item's serials have at least 6"  # English: as the core wrote it
    app = QCoreApplication.instance()
    install_translation(app, "zh_CN")
    try:
        assert say(too_short.message) == "有 3 个字符；此物料的序列号至少需要 6 个字符"
        assert say(excel.message) == "Excel 已将此序列号变成数字；请把该列设为文本格式并重新输入序列号"
    finally:
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
