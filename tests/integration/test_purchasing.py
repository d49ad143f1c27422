"""Purchase orders refuse bad input and illegal moves with every problem named, in English and Chinese."""

from __future__ import annotations

from decimal import Decimal

import pytest
from snapp_testkit import snapshot

from snapp.app.errors import error_json
from snapp.errors import IllegalTransition, NotFound, ValidationError
from snapp.services import purchasing
from snapp.services.purchasing import LineSpec


def test_a_po_with_bad_lines_names_every_problem_and_writes_nothing(db, ctx, company):
    before = snapshot(db)
    lines = [LineSpec("NOPE", 1), LineSpec("LAP", 0), LineSpec("LAP", 2, Decimal("-1"))]
    with pytest.raises(ValidationError) as refused:
        purchasing.create_po(ctx, "ACME", lines)
    found = [(str(p.position), p.value, p.reason) for p in refused.value.problems]
    assert found == [("line 1", "NOPE", "sku"), ("line 2", "0", "quantity"), ("line 3", "-1", "unit_price")]
    assert [p.message.say("zh") for p in refused.value.problems[1:]] == ["数量至少为 1", "单价不能为负数"]
    assert refused.value.problems[2].say("zh") == "第 3 行: '-1' 单价不能为负数"
    with pytest.raises(ValidationError) as refused:
        purchasing.create_po(ctx, "ACME", [])
    assert refused.value.problems[0].say("en") == "lines: a purchase order needs at least one line"
    assert snapshot(db) == before


def test_a_line_as_typed():
    assert LineSpec.parse("LAP:5:9.90") == LineSpec("LAP", 5, Decimal("9.90"))
    with pytest.raises(ValidationError) as refused:
        LineSpec.parse("LAP")
    [problem] = refused.value.problems
    assert problem.say("zh") == "订单行: 'LAP' 订单行请写成 SKU:数量 或 SKU:数量:单价"


def test_an_illegal_move_names_what_is_allowed(db, ctx, company):
    draft = purchasing.create_po(ctx, "ACME", [LineSpec("LAP", 1)])
    with pytest.raises(IllegalTransition) as refused:
        purchasing.close_po(ctx, draft.number)
    assert str(refused.value) == f"PO {draft.number} is Draft; cannot close it (allowed: approve, cancel)"
    body = error_json(refused.value, "zh")
    assert body["error"] == "state.not_allowed"
    assert body["message"] == f"采购订单 {draft.number}当前为草稿，不能关闭（可以：审核、取消）"
    assert purchasing.cancel_po(ctx, draft.number).status == "cancelled"
    with pytest.raises(IllegalTransition, match="is Cancelled; cannot approve it \\(allowed: nothing\\)"):
        purchasing.approve_po(ctx, draft.number)


def test_an_unknown_po(db, ctx):
    with pytest.raises(NotFound) as refused:
        purchasing.get_po(ctx, "po-1999-1")
    assert (refused.value.code, refused.value.say("zh")) == ("purchasing.no_po", "没有采购订单 'po-1999-1'")
