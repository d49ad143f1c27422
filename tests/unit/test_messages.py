"""The error contract: every sentence the core says is a code in the catalog, in English and Chinese."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import snapp
from snapp.app.errors import error_json, http_status
from snapp.domain.capture import SerialRule, capture, paste, scans
import snapp.errors
from snapp.errors import NotFound, SnappError, Text, ValidationError
from snapp.messages import CATALOG, placeholders


def core_codes() -> dict[str, str]:
    """Every literal code the core passes to Text, with where it stands."""
    found = {}
    for path in Path(snapp.__file__).parent.rglob("*.py"):
        if "gui" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    found[first.value] = f"{path.name}:{node.lineno}"
    return found


def test_every_code_the_core_says_is_in_the_catalog():
    codes = core_codes()
    assert len(codes) > 20
    assert {code: where for code, where in codes.items() if code not in CATALOG} == {}


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_both_languages_name_the_same_values(code):
    english, chinese = CATALOG[code]
    assert chinese and english
    assert placeholders(english) == placeholders(chinese)


def test_an_unknown_code_fails_at_once():
    with pytest.raises(KeyError):
        Text("no.such.code")


def test_a_refusal_in_both_languages_with_its_position():
    rule = SerialRule(min_length=6, max_length=20)
    [too_short, excel] = capture(scans(["AB1", "1.23457E+17"]), rule).problems
    assert str(too_short) == "scan 1: 'AB1' has 3 characters; this item's serials have at least 6"
    assert too_short.say("zh") == "第 1 次扫描: 'AB1' 有 3 个字符；此物料的序列号至少需要 6 个字符"
    assert excel.message.say("zh") == "Excel 已将此序列号变成数字；请把该列设为文本格式并重新输入序列号"


def test_the_json_of_a_refusal_names_codes_positions_and_values():
    rule = SerialRule(min_length=6, max_length=20)
    err = ValidationError(capture(paste("SN0001\nAB1"), rule).problems)
    body = error_json(err, "zh")
    assert body["error"] == "validation.problem"
    assert body["message"] == "发现 1 个问题；未保存任何内容"
    [problem] = body["problems"]
    assert problem == {
        "position": "第 2 行",
        "value": "AB1",
        "reason": "too_short",
        "code": "capture.too_short",
        "values": {"n": 3, "low": 6},
        "message": "有 3 个字符；此物料的序列号至少需要 6 个字符",
    }
    assert http_status(err) == 422
    assert http_status(NotFound("validation.required")) == 404


ERRORS = {name for name, kind in vars(snapp.errors).items() if isinstance(kind, type) and issubclass(kind, SnappError)}


def untranslatable() -> list[str]:
    """Refusals the core raises, and problems it reports, whose words are not a code of the catalog."""
    found = []
    for path in Path(snapp.__file__).parent.rglob("*.py"):
        if "gui" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None)
            first = node.args[0]
            if name in ERRORS - {"ValidationError"} and not _is_code(first):
                found.append(f"{path.name}:{node.lineno}")
            if name == "Problem" and len(node.args) == 4 and _is_words(node.args[3]):
                found.append(f"{path.name}:{node.lineno}")
    return found


def _is_code(node: ast.AST) -> bool:
    """A literal code of the catalog, or anything not a literal (a Text, a variable holding one)."""
    if isinstance(node, ast.Constant):
        return node.value in CATALOG
    return not isinstance(node, ast.JoinedStr)


def _is_words(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def test_every_refusal_of_the_core_is_a_code_it_can_say_in_chinese():
    assert untranslatable() == []


def test_every_tracking_mode_and_serial_case_has_a_name_in_both_languages():
    from snapp.domain.capture import CasePolicy
    from snapp.domain.items import TRACKING_MODES
    from snapp.messages import name_of

    for family, codes in (("tracking", TRACKING_MODES), ("serial_case", [c.value for c in CasePolicy])):
        for code in codes:
            assert name_of(family, code, "en") != code and name_of(family, code, "zh") != code, (family, code)
