"""Every status is classified everywhere it matters, and the state machines refuse what their tables do not allow."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from snapp.domain.lifecycle import OWN_SERVICE, TRANSITIONS, allowed_actions
from snapp.domain.purchasing import PO
from snapp.domain.scan import decode
from snapp.domain.statuses import (
    ATTRIBUTES,
    STOCKTAKE,
    EXCEPTION,
    MEANING,
    StocktakeStatus,
    ExceptionKind,
    Meaning,
    StateMachine,
    Status,
    check_constraint,
    having,
    listed,
    meaning,
)
from snapp.domain.verify import UnitFacts, Verdict, judge
from snapp.errors import IllegalTransition, Text
from snapp.messages import CATALOG

AT = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
S = Status


def test_every_serial_status_has_every_attribute():
    assert set(MEANING) == set(Status)
    assert ATTRIBUTES == ("on_shelf", "held", "gone", "missing")
    for status, m in MEANING.items():
        assert all(isinstance(getattr(m, a), bool) for a in ATTRIBUTES), status
        # One story per status: on a shelf is held; held, gone and missing exclude one another.
        assert not m.on_shelf or m.held, status
        assert [m.held, m.gone, m.missing].count(True) == 1, status


def test_what_each_status_means():
    assert having("on_shelf") == (S.IN_STOCK, S.QUARANTINED)
    assert having("held") == (S.IN_STOCK, S.ISSUED, S.IN_REPAIR, S.CUSTOMER_RETURN, S.QUARANTINED)
    assert having("gone") == (S.RETURNED_TO_SUPPLIER, S.SHIPPED, S.SCRAPPED)
    assert having("missing") == (S.LOST,)
    assert meaning("lost") == Meaning(on_shelf=False, held=False, gone=False, missing=True)
    with pytest.raises(ValueError):
        meaning("misplaced")


def test_gone_units_come_back_only_through_after_sales_and_the_missing_one_can_come_back():
    """Shipped or returned to the supplier, a unit comes back with a record (an RMA); scrapped, never."""
    for status in Status:
        allowed = set(allowed_actions(status))
        if meaning(status).gone:
            assert allowed <= OWN_SERVICE, status
        else:
            assert allowed and not allowed <= OWN_SERVICE, status
    assert allowed_actions(S.SCRAPPED) == []


@pytest.mark.parametrize(
    "prefix, codes",
    [
        ("status", list(Status)),
        ("po_status", list(PO.states)),
        ("stocktake_status", list(STOCKTAKE.states)),
        ("exception_status", list(EXCEPTION.states)),
        ("exception_kind", list(ExceptionKind)),
        ("verdict", list(Verdict)),
        ("outcome", ["matched", "missing", "unexpected", "unknown", "scanned_twice"]),
        ("move", [move.action for move in TRANSITIONS.values()] + ["receive"]),
        ("verb", [move.action for move in TRANSITIONS.values()] + [*PO.moves, *STOCKTAKE.moves, *EXCEPTION.moves]),
    ],
)
def test_every_code_has_a_name_in_both_languages(prefix, codes):
    for code in codes:
        english, chinese = CATALOG[f"{prefix}.{code}"]
        assert english and chinese and english != chinese, code


def test_every_status_appears_in_the_lifecycle_table():
    used = {status for move in TRANSITIONS.values() for status in (*move.sources, move.target)}
    assert used == set(Status)


def unit(status: str) -> UnitFacts:
    return UnitFacts("SN1", "LAP", "Laptop", None, status, "WH-A" if status == "in_stock" else None, "ACME",
                     "PO-2026-000001", "GR-2026-000001", AT, last_at=AT)  # fmt: skip


@pytest.mark.parametrize("status", list(Status))
def test_verify_has_a_verdict_for_every_status(status):
    judgement = judge(decode("SN1"), None, [unit(status)])
    m = meaning(status)
    expected = Verdict.IN_STOCK if m.on_shelf else Verdict.NOT_IN_STOCK if m.held else Verdict.REAPPEARED
    assert judgement.verdict == expected
    assert judgement.passed == m.held
    # Every status off a shelf has its words for verify: where the unit is, or how it left.
    words = {s for s in Status if f"verify.state.{s.value}" in CATALOG or f"verify.gone.{s.value}" in CATALOG}
    assert words == set(Status) - set(having("on_shelf"))


# --- the state machine ---------------------------------------------------------------------------

DOOR = StateMachine("stocktake", ("open", "closed", "applied"), {"close": (frozenset({"open"}), "closed")})


def test_a_machine_names_its_moves_and_refuses_the_rest():
    assert DOOR.allowed("open") == ["close"] and DOOR.allowed("closed") == []
    assert DOOR.check(Text("subject.stocktake", number="CT-1"), "open", "close") == "closed"
    with pytest.raises(IllegalTransition) as info:
        DOOR.check(Text("subject.stocktake", number="CT-1"), "closed", "close")
    assert str(info.value) == "stocktake CT-1 is Closed; cannot close it (allowed: nothing)"
    assert info.value.say("zh") == "盘点 CT-1当前为已关闭，不能关闭（可以：无）"
    assert info.value.code == "state.not_allowed" and info.value.values["verb"].code == "verb.close"
    with pytest.raises(ValueError, match="not a stocktake status"):
        DOOR.allowed("ajar")


def test_a_machine_cannot_name_a_state_it_does_not_have():
    with pytest.raises(ValueError, match="outside"):
        StateMachine("stocktake", ("open",), {"close": (frozenset({"open"}), "closed")})


@pytest.mark.parametrize(("machine", "verb", "state"), [
    (m, verb, state) for m in (PO, STOCKTAKE, EXCEPTION) for verb, state in itertools.product(m.moves, m.states)
])  # fmt: skip
def test_every_machine_move_from_every_state(machine, verb, state):
    sources, target = machine.moves[verb]
    subject = Text("subject.po", number="X")
    if state in sources:
        assert machine.check(subject, state, verb) == target
    else:
        with pytest.raises(IllegalTransition):
            machine.check(subject, state, verb)


def test_stocktake_and_exception_machines():
    assert {v: (set(s), t) for v, (s, t) in STOCKTAKE.moves.items()} == {
        "close": ({StocktakeStatus.OPEN}, StocktakeStatus.CLOSED), "apply": ({StocktakeStatus.CLOSED}, StocktakeStatus.APPLIED),
    }  # fmt: skip
    assert EXCEPTION.allowed("open") == ["resolve"] and EXCEPTION.allowed("resolved") == []


def test_lists_in_both_languages():
    three = listed([Text("verb.approve"), Text("verb.cancel"), Text("verb.close")])
    assert (three, three.say("zh")) == ("approve, cancel, close", "审核、取消、关闭")
    assert listed([], "list.final") == "nothing (final status)" and listed([]).say("zh") == "无"
    assert listed(["open"]) == "open"


def test_a_check_constraint_lists_every_value():
    assert check_constraint("status", StocktakeStatus) == "status IN ('open', 'closed', 'applied')"
