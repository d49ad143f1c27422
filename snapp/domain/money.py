"""Money: currencies and their decimals, order totals, and amounts in words.

Amounts are ``Decimal`` from the database to the page, never ``float``. A
line's amount is its quantity times its unit price, rounded to the currency's
decimals half up; a PO's net is the sum of its line amounts, its tax the net
times the tax rate rounded once, its gross the two added. Every screen,
document and export reads totals from ``order_totals``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from snapp.errors import SnappError

DEFAULT_CURRENCY = "CNY"
# ISO 4217 codes a PO may be raised in, with their minor units (decimals).
DECIMALS = {
    "AED": 2, "AUD": 2, "BRL": 2, "CAD": 2, "CHF": 2, "CNY": 2, "CZK": 2, "DKK": 2, "EUR": 2, "GBP": 2,
    "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "JPY": 0, "KRW": 0, "MOP": 2, "MXN": 2, "MYR": 2,
    "NOK": 2, "NZD": 2, "PHP": 2, "PLN": 2, "RUB": 2, "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TRY": 2,
    "TWD": 2, "USD": 2, "VND": 0, "ZAR": 2,
}  # fmt: skip
TAX_RATE_MAX = Decimal(100)  # percent


def currency_code(code: str) -> str:
    """``code`` as a known ISO 4217 code (any case), or a refusal naming it."""
    upper = code.strip().upper()
    if upper not in DECIMALS:
        raise SnappError("money.currency", field="currency", currency=code)
    return upper


def tax_rate(value: Decimal) -> Decimal:
    """A tax rate in percent, from 0 to 100 with at most two decimals, or a refusal."""
    if not value.is_finite() or not 0 <= value <= TAX_RATE_MAX or value != value.quantize(Decimal("0.01")):
        raise SnappError("money.tax_rate", field="tax_rate", rate=str(value))
    return value.quantize(Decimal("0.01"))


def rounded(amount: Decimal, currency: str) -> Decimal:
    """``amount`` to the currency's decimals, half up (the way a calculator and a tax office round)."""
    return amount.quantize(Decimal(1).scaleb(-DECIMALS[currency]), rounding=ROUND_HALF_UP)


def shown(amount: Decimal | None, currency: str) -> str:
    """``amount`` with the currency's decimals and thousands separators: ``6,899.00``; nothing as ``""``."""
    if amount is None:
        return ""
    return f"{rounded(amount, currency):,.{DECIMALS[currency]}f}"


def shown_price(price: Decimal | None, currency: str) -> str:
    """A unit price: the currency's decimals, more when the price has them (0.3335 stays 0.3335, 6899 is 6,899.00)."""
    if price is None:
        return ""
    places = max(DECIMALS[currency], min(4, -price.normalize().as_tuple().exponent))
    return f"{price:,.{places}f}"


@dataclass(frozen=True)
class Totals:
    net: Decimal
    tax: Decimal
    gross: Decimal


def line_amount(quantity: int, unit_price: Decimal | None, currency: str) -> Decimal:
    """A line's net amount; a line without a price counts as nothing."""
    return rounded(unit_price * quantity, currency) if unit_price is not None else rounded(Decimal(0), currency)


def order_totals(lines: Iterable[tuple[int, Decimal | None]], rate: Decimal, currency: str) -> Totals:
    """Net, tax and gross of ``(quantity, unit price)`` lines at ``rate`` percent; unit prices are before tax."""
    net = sum((line_amount(quantity, price, currency) for quantity, price in lines), rounded(Decimal(0), currency))
    tax = rounded(net * rate / 100, currency)
    return Totals(net, tax, net + tax)


# --- in words ---------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿", "亿亿")


def _capital_integer(number: int) -> str:
    """An integer in financial capitals, zeros said once where the rules require them.

    A run of zeros inside a group of four digits is one 零; at the turn of a
    group (万, 亿) a following non-zero thousands digit takes none, which the
    rules allow (壹拾万柒仟).
    """
    if number >= 10 ** (4 * len(_GROUPS)):
        raise ValueError(f"{number} is beyond what financial capitals can say")
    digits = str(number)
    out: list[str] = []
    zero = False
    for i, ch in enumerate(digits):
        place = len(digits) - 1 - i
        group, within = divmod(place, 4)
        if ch == "0":
            zero = bool(out)
        else:
            if zero:
                out.append("零")
            out.append(_DIGITS[int(ch)] + _PLACES[within])
            zero = False
        if within == 0 and group and any(d != "0" for d in digits[max(0, i - 3) : i + 1]):
            out.append(_GROUPS[group])
            zero = False
    return "".join(out)


def chinese_capitals(amount: Decimal) -> str:
    """An amount as written on Chinese cheques and invoices (大写金额): 6899 → 陆仟捌佰玖拾玖元整.

    Rounded to the fen half up. Whole yuan end in 整; an amount ending in
    角 takes no 整; a zero in the yuan place before a non-zero 角, and a
    zero 角 before a non-zero 分, are said as 零 (壹仟陆佰捌拾元零叁角贰分,
    壹万陆仟肆佰零玖元零贰分).
    """
    fen = int(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    sign, fen = ("负", -fen) if fen < 0 else ("", fen)
    yuan, cents = divmod(fen, 100)
    jiao, fen = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    words = sign + (_capital_integer(yuan) + "元" if yuan else "")
    if cents == 0:
        return words + "整"
    if jiao:
        words += ("零" if yuan and yuan % 10 == 0 else "") + _DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    return words + (_DIGITS[fen] + "分" if fen else "")


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()  # fmt: skip
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ("", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion")


def _english_below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [_ONES[hundreds], "hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest:
        words.append(_ONES[rest])
    return words


def english_integer(number: int) -> str:
    """6899 → "six thousand eight hundred ninety-nine"."""
    if number == 0:
        return "zero"
    words: list[str] = []
    group = 0
    while number:
        number, part = divmod(number, 1000)
        if part:
            words = _english_below_thousand(part) + ([_SCALES[group]] if group else []) + words
        group += 1
        if group >= len(_SCALES) and number:
            raise ValueError("beyond what English words are given for")
    return " ".join(words)


def english_words(amount: Decimal, currency: str) -> str:
    """An amount as written on a cheque: ``CNY six thousand eight hundred ninety-nine and 50/100 only``."""
    places = DECIMALS[currency]
    value = rounded(amount, currency)
    whole = int(abs(value))
    said = f"{currency} " + ("minus " if value < 0 else "") + english_integer(whole)
    if places:
        minor = int((abs(value) - whole) * 10**places)
        said += f" and {minor:0{places}d}/{10**places}"
    return said + " only"
