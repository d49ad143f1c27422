"""One scan, one answer: receiving, verify, counts, labels, moves and lookup read a scan the same way.

Each case receives its scan (or tries to) for LAP, then feeds the same scan to
every other front end and asks which unit it named: ("LAP", serial), or that
the scan is malformed, or that several items share the serial.
"""

from __future__ import annotations

import pytest
from pdfkit import text
from snapp_testkit import add_plain_item, approved_po, rows

from snapp.domain.capture import scans
from snapp.domain.scan import Fault
from snapp.errors import ValidationError
from snapp.services import lifecycle, lookup, receiving, stocktake, verification
from snapp.services.printing import LabelSource, print_labels

GTIN = "09506000134352"  # the company fixture's LAP, which upper-cases its serials
GS = "\x1d"
MALFORMED, AMBIGUOUS = "malformed", "ambiguous"

CASES = [
    # scan, what receiving stores for LAP (None: refused), what every other front end answers
    ("PLAIN01", "PLAIN01", ("LAP", "PLAIN01")),
    (f"]d201{GTIN}21GSSN01{GS}10B1", "GSSN01", ("LAP", "GSSN01")),
    (f"01{GTIN}10B2{GS}21GSSN02", "GSSN02", ("LAP", "GSSN02")),
    (f"01{GTIN}21NOGS01", "NOGS01", ("LAP", "NOGS01")),
    (f"(01){GTIN}(21)HRI0001", "HRI0001", ("LAP", "HRI0001")),
    (f"https://id.gs1.org/01/{GTIN}/21/DL0001", "DL0001", ("LAP", "DL0001")),
    ("MA.156.M0.100001.10000011.SMAU001", "MAU001", ("LAP", "MAU001")),
    (f"01{GTIN[:-1]}3" "21BAD001", None, MALFORMED),  # the GTIN's check digit is wrong
    (f"(01){GTIN[:-1]}3(21)BAD002", None, MALFORMED),
    ("lower01", "LOWER01", ("LAP", "LOWER01")),
    ("TWIN01", "TWIN01", AMBIGUOUS),  # DOCK has a unit TWIN01 too
]


@pytest.fixture
def twin(ctx, company):
    add_plain_item(ctx, "DOCK")
    po = approved_po(ctx, "ACME", ("DOCK", 5))
    receiving.receive(ctx, po.number, "DOCK", [scans(["TWIN01"])], location="WH-A")
    return company


def received(ctx, po: str, scan: str) -> str | None:
    try:
        receipt = receiving.receive(ctx, po, "LAP", [scans([scan])], location="WH-A")
    except ValidationError as refused:
        [problem] = refused.problems
        assert problem.reason == "gs1_invalid", problem
        return None
    return receipt.number


def refusal(err: ValidationError) -> str:
    [problem] = err.problems
    if problem.reason == "ambiguous":
        return AMBIGUOUS
    assert problem.reason in set(Fault), problem
    return MALFORMED


def by_verify(ctx, db, scan, tmp_path):
    [result] = verification.verify(ctx, [scan])
    if result.verdict in ("malformed", "received_twice"):
        return {"malformed": MALFORMED, "received_twice": AMBIGUOUS}[result.verdict]
    assert result.verdict == "in_stock", result.message
    return result.unit.sku, result.unit.serial


def by_lookup(ctx, db, scan, tmp_path):
    try:
        cards = lookup.find_serial(ctx, scan)
    except ValidationError as err:
        return refusal(err)
    return AMBIGUOUS if len(cards) > 1 else (cards[0].sku, cards[0].serial)


def by_labels(ctx, db, scan, tmp_path):
    out = tmp_path / "labels.pdf"
    try:
        printed = print_labels(ctx, LabelSource(serials=scans([scan])), "thermal-50x30", out)
    except ValidationError as err:
        return refusal(err)
    assert printed.count == 1
    [page] = text(out)
    [unit] = [unit for unit in units(db) if unit[1] in page]
    return unit


def by_stocktake(ctx, db, scan, tmp_path):
    count = stocktake.start_stocktake(ctx, "WH-A")
    batch = stocktake.scan(ctx, count.number, [scans([scan])])
    if batch.problems:
        return MALFORMED
    if any("several items have serial" in w for w in batch.warnings):
        return AMBIGUOUS
    report = stocktake.close_stocktake(ctx, count.number)
    [line] = report.matched
    assert not report.unknown
    return line.sku, line.serial


def by_move(ctx, db, scan, tmp_path):
    try:
        lifecycle.move(ctx, "issue", [scan])
    except ValidationError as err:
        return refusal(err)
    [unit] = units(db, "issued")
    return unit


# Moves last: they change the ledger the others read.
FRONT_ENDS = [by_verify, by_lookup, by_labels, by_stocktake, by_move]


def units(db, status: str = "in_stock") -> list[tuple[str, str]]:
    return [
        tuple(unit)
        for unit in rows(db, "SELECT i.sku, s.serial FROM serials s JOIN items i ON i.id = s.item_id "
                             "WHERE s.status = :status ORDER BY i.sku", status=status)  # fmt: skip
    ]


@pytest.mark.parametrize(("scan", "stored", "answer"), CASES)
def test_every_front_end_gives_the_same_answer(db, ctx, twin, scan, stored, answer, tmp_path):
    receipt = received(ctx, twin.number, scan)
    assert (receipt is None) == (stored is None)
    assert [serial for sku, serial in units(db) if sku == "LAP"] == ([stored] if stored else [])
    answers = {front_end.__name__: front_end(ctx, db, scan, tmp_path) for front_end in FRONT_ENDS}
    assert answers == dict.fromkeys(answers, answer)
