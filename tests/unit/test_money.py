"""Money: decimals of each currency, totals rounded once in one place, and amounts in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from snapp.domain.money import (
    Totals,
    chinese_capitals,
    currency_code,
    english_integer,
    english_words,
    line_amount,
    order_totals,
    shown,
    shown_price,
    tax_rate,
)
from snapp.errors import SnappError

D = Decimal


def test_amounts_are_shown_with_the_currency_decimals_and_separators():
    assert shown(D("6899.0000"), "CNY") == "6,899.00"
    assert shown(D("1234567.005"), "USD") == "1,234,567.01"  # half up, not to even
    assert shown(D("1234567.5"), "JPY") == "1,234,568"
    assert shown(None, "CNY") == ""
    assert shown_price(D("6899.0000"), "CNY") == "6,899.00"
    assert shown_price(D("0.3335"), "CNY") == "0.3335"
    assert shown_price(D("12.5"), "JPY") == "12.5"
    assert shown_price(D("1E+3"), "USD") == "1,000.00"
    assert shown_price(None, "USD") == ""


def test_a_currency_is_an_iso_code_and_anything_else_is_refused_by_name():
    assert currency_code(" usd ") == "USD"
    with pytest.raises(SnappError) as refused:
        currency_code("RMB")
    assert refused.value.field == "currency"
    assert refused.value.say("zh").startswith("'RMB' 不是可用的币种")


@pytest.mark.parametrize("rate", [D("-1"), D("100.01"), D("13.005"), D("NaN"), D("Infinity")])
def test_a_tax_rate_outside_0_to_100_or_finer_than_a_hundredth_is_refused(rate):
    with pytest.raises(SnappError) as refused:
        tax_rate(rate)
    assert refused.value.code == "money.tax_rate"


def test_totals_round_each_line_then_the_tax_once():
    assert tax_rate(D("13")) == D("13.00")
    assert line_amount(3, D("0.3335"), "CNY") == D("1.00")  # 1.0005 half up
    assert line_amount(2, None, "CNY") == D("0.00")
    totals = order_totals([(1, D("6899")), (3, D("0.3335")), (5, None)], D("13"), "CNY")
    assert totals == Totals(D("6900.00"), D("897.00"), D("7797.00"))
    # 10.01 × 6% = 0.6006 → 0.60; the tax is rounded on the net, not line by line
    assert order_totals([(1, D("5.005")), (1, D("5.005"))], D("6"), "CNY") == Totals(D("10.02"), D("0.60"), D("10.62"))
    assert order_totals([(7, D("1999.5"))], D("10"), "JPY") == Totals(D("13997"), D("1400"), D("15397"))
    assert order_totals([], D("13"), "CNY") == Totals(D("0.00"), D("0.00"), D("0.00"))


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        # The examples of the PBOC's rules for writing amounts on bills (正确填写票据和结算凭证的基本规定)
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "壹拾万柒仟元零伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # the issue's own example, whole yuan ending in 整
        ("6899", "陆仟捌佰玖拾玖元整"),
        ("6899.00", "陆仟捌佰玖拾玖元整"),
        ("10", "壹拾元整"),
        ("0", "零元整"),
        ("0.5", "伍角"),
        ("0.05", "伍分"),
        ("0.005", "壹分"),  # to the fen, half up
        ("100", "壹佰元整"),
        ("1001", "壹仟零壹元整"),
        ("1010", "壹仟零壹拾元整"),
        ("10000", "壹万元整"),
        ("100010", "壹拾万零壹拾元整"),
        ("1000000", "壹佰万元整"),
        ("10010000", "壹仟零壹万元整"),
        ("100000001", "壹亿零壹元整"),
        ("100010000", "壹亿零壹万元整"),
        ("120000000", "壹亿贰仟万元整"),
        ("1000000000000", "壹万亿元整"),
        ("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分"),
        ("-5.2", "负伍元贰角"),
    ],
)
def test_chinese_capitals(amount, words):
    assert chinese_capitals(D(amount)) == words


def test_english_words():
    assert english_integer(6899) == "six thousand eight hundred ninety-nine"
    assert english_integer(1_000_001) == "one million one"
    assert english_integer(110) == "one hundred ten"
    assert english_integer(0) == "zero"
    assert english_words(D("7796.87"), "CNY") == "CNY seven thousand seven hundred ninety-six and 87/100 only"
    assert english_words(D("15397"), "JPY") == "JPY fifteen thousand three hundred ninety-seven only"
    assert english_words(D("0.5"), "USD") == "USD zero and 50/100 only"
