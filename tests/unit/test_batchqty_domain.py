"""The batch rules without a database: a label's lot, a lot's checks, first-expiring-first picking."""

from __future__ import annotations

import datetime as dt

import pytest

from snapp.domain.batches import Available, Lot, checked, first_expiring, read_label
from snapp.domain.scan import decode
from snapp.errors import ValidationError

TODAY = dt.date(2026, 11, 30)


def test_the_decoder_reads_a_labels_count_from_ai_30_or_37_and_a_serial_scan_has_none():
    assert decode("(01)09506000134376(10)L1(17)271231(30)25").count == 25
    assert decode("0109506000134376" "10L1\x1d" "3700000007").count == 7
    assert decode("(01)09506000134352(21)SN1").count is None


def test_a_label_without_a_count_takes_the_typed_quantity():
    assert read_label("(01)09506000134376(10)L1(17)271231", quantity=4) == Lot("L1", dt.date(2027, 12, 31), 4,
                                                                                "09506000134376")  # fmt: skip


def test_checked_normalises_the_batch_and_reports_every_problem_at_once():
    assert checked(Lot(" L1 ", None, 3), TODAY).batch == "L1"
    with pytest.raises(ValidationError) as caught:
        checked(Lot("", TODAY - dt.timedelta(days=1), -1), TODAY)
    assert [p.reason for p in caught.value.problems] == ["batch", "quantity", "expiry"]
    assert checked(Lot("L1", TODAY, 1), TODAY).expiry == TODAY  # good through its expiry day


def test_first_expiring_skips_expired_lots_puts_lots_without_expiry_last_and_says_what_is_short():
    stock = [
        Available("none", None, 5),
        Available("late", TODAY + dt.timedelta(days=90), 5),
        Available("gone", TODAY - dt.timedelta(days=1), 50),
        Available("soon", TODAY + dt.timedelta(days=3), 2),
        Available("empty", TODAY + dt.timedelta(days=1), 0),
    ]
    assert first_expiring(stock, 8, TODAY) == ([("soon", 2), ("late", 5), ("none", 1)], 0)
    assert first_expiring(stock, 20, TODAY) == ([("soon", 2), ("late", 5), ("none", 5)], 8)
