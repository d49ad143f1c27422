"""A recall's block and release of quantity batches, on SQLite and PostgreSQL: blocked pieces stay counted where they
lie and no issue takes them until released; the recall's trace, CLI and PDF say so."""

from __future__ import annotations

import pytest
from snapp_testkit import audit_entries, last_audit_id, rows
import test_batchqty_batches as batchqty
from test_batchqty_batches import batch_state, days, refused, take

from snapp.domain.batches import Lot
from snapp.domain.capture import scans
from snapp.errors import ValidationError
from snapp.services import batches, masterdata, printing, receiving, recall
from tests import pdfkit

SOON = recall.Recall(supplier="ACME", batch="SOON")
gauze, shelves = batchqty.gauze, batchqty.shelves  # the batch tests' fixtures: GAUZE on an approved PO, on the shelves


def stock_of(ctx) -> list[tuple[str, str, int, bool]]:
    return [(r.batch, r.location, r.quantity, r.blocked) for r in batches.stock(ctx, "GAUZE")]


def test_block_blocks_the_recalled_batch_where_it_lies_and_issue_passes_it_by(db, ctx, shelves):
    mark = last_audit_id(db)
    done = recall.block(ctx, SOON, note="FSCA 12")
    assert (done.count, done.left, done.pieces) == (0, {}, 15)  # no serial unit; 15 pieces of SOON
    assert [(lot.batch, lot.location, lot.quantity) for lot in done.lots] == [("SOON", "WH-A", 10), ("SOON", "WH-B", 5)]
    assert stock_of(ctx) == [("OLD", "WH-A", 8, False), ("SOON", "WH-A", 10, True), ("SOON", "WH-B", 5, True),
                             ("LATE", "WH-A", 40, False)]  # fmt: skip
    [entry] = audit_entries(db, mark)
    assert (entry.action, entry.after["pieces"], entry.after["note"]) == ("recall.block", 15, "FSCA 12")
    assert entry.after["lots"][1] == {"sku": "GAUZE", "batch": "SOON", "location": "WH-B", "quantity": 5}

    # First-expiring first passes the blocked lot by: SOON expires first but LATE is taken.
    plan = batches.plan_issue(ctx, "GAUZE", 3)
    assert take(plan) == [("OLD", "WH-A", 3)]
    assert take(batches.issue(ctx, "GAUZE", 10, to="ward 1")) == [("OLD", "WH-A", 8), ("LATE", "WH-A", 2)]
    before = batch_state(db)
    assert refused(batches.issue, ctx, "GAUZE", 1, batch="SOON") == [
        ("blocked", "batch SOON of GAUZE is blocked by a recall: it cannot be issued until the recall is released")
    ]
    assert refused(batches.issue, ctx, "GAUZE", 39) == [
        ("quantity", "39 of GAUZE asked, but only 38 in unexpired stock that no recall blocks (15 blocked)")
    ]
    with pytest.raises(ValidationError) as said:
        batches.issue(ctx, "GAUZE", 1, location="WH-B")
    assert said.value.problems[0].message.say("zh") == "需要 GAUZE 1 个，但未被召回冻结的未过期库存只有 0 个（5 个已冻结）"
    assert batch_state(db) == before

    # More of the recalled batch received at a new place is blocked there too.
    masterdata.add_location(ctx, masterdata.LocationRecord("WH-C", "Overflow"))
    receiving.receive(ctx, shelves, "GAUZE", lot=Lot("SOON", days(20), 4), location="WH-C")
    assert ("SOON", "WH-C", 4, True) in stock_of(ctx)

    # The trace says which pieces on the shelves are blocked.
    flows = [(f.where, f.place, f.quantity) for f in recall.trace(ctx, SOON).quantities if f.where != "received"]
    assert flows == [("blocked", "WH-A", 10), ("blocked", "WH-B", 5), ("blocked", "WH-C", 4)]

    # Blocking again blocks nothing more; release makes every piece issuable again.
    assert recall.block(ctx, SOON).pieces == 0
    released = recall.release(ctx, SOON, note="cleared by QA")
    assert (released.pieces, len(released.lots)) == (19, 3)
    assert not any(blocked for *_, blocked in stock_of(ctx))
    assert take(batches.issue(ctx, "GAUZE", 12, batch="SOON", to="ward 2")) == [("SOON", "WH-A", 10), ("SOON", "WH-B", 2)]
    assert [e.action for e in audit_entries(db, mark) if e.action.startswith("recall.")] == [
        "recall.block", "recall.block", "recall.release"]


def test_a_recall_of_serial_units_blocks_no_batch_and_one_naming_nothing_is_refused(db, ctx, shelves, company):
    receiving.receive(ctx, company.number, "LAP", [scans(["SN000001", "SN000002"])], location="WH-A")
    held = recall.block(ctx, recall.Recall(supplier="ACME", sku="LAP"))
    assert (held.count, held.pieces, held.lots) == (2, 0, [])  # GAUZE is from ACME too, but not named
    assert recall.release(ctx, recall.Recall(serials=("SN000001",))).lots == []  # a list of serials names units only
    with pytest.raises(ValidationError, match="names no unit"):
        recall.block(ctx, recall.Recall(batch="NOPE"))
    assert not any(blocked for *_, blocked in stock_of(ctx))


def test_the_command_line_says_what_it_blocked_and_released(db, admin_cli, shelves):
    ran = admin_cli("recall", "block", "--batch", "SOON", "--note", "FSCA")
    assert ran.status == 0, ran.err
    assert "15 piece(s) of recalled batches in stock blocked" in ran.out and "WH-B" in ran.out
    ran = admin_cli("batch", "stock", "--sku", "GAUZE")
    assert ran.status == 0 and "15 blocked by a recall: not issued until released" in ran.out
    assert [line.split()[-1] for line in ran.out.splitlines() if " SOON " in line] == ["blocked", "blocked"]
    ran = admin_cli("batch", "issue", "--sku", "GAUZE", "--qty", "1", "--batch", "SOON")
    assert ran.status == 2 and "blocked by a recall" in ran.err
    ran = admin_cli("recall", "release", "--batch", "SOON")
    assert ran.status == 0 and "15 piece(s) of recalled batches in stock released" in ran.out


def test_the_pdf_lists_the_batch_quantities_blocked_or_not_and_who_has_the_rest(db, ctx, shelves, tmp_path):
    batches.issue(ctx, "GAUZE", 7, batch="SOON", to="Dr. Wang, ward 3")
    recall.block(ctx, SOON)
    out = tmp_path / "recall.pdf"
    printed = printing.print_recall(ctx, SOON, out)  # no serial unit: the batch's quantities alone make the report
    assert printed.count == pdfkit.pages(out) == 1
    text = pdfkit.flat("\n".join(pdfkit.text(out)))
    for expected in ("Batch quantities 批次数量", "Pieces in stock 在库件数 8 (8 blocked 已冻结)",
                     "Pieces issued 已发放件数 7", "in stock, blocked 在库（已冻结） WH-A 3",
                     "in stock, blocked 在库（已冻结） WH-B 5", "issued 已发放 Dr. Wang, ward 3 7", "received 收货"):
        assert expected in text, expected
    assert "Where the units are" not in text  # no serial unit is named


def test_a_recall_naming_units_and_batches_reports_both(db, ctx, shelves, company, tmp_path):
    receiving.receive(ctx, company.number, "LAP", [scans([f"SN{n:06d}" for n in range(1, 41)])], location="WH-A")
    batches.issue(ctx, "GAUZE", 12, to="北京协和医院 ward 3")
    out = tmp_path / "both.pdf"
    printing.print_recall(ctx, recall.Recall(supplier="ACME"), out)
    text = pdfkit.flat("\n".join(pdfkit.text(out)))
    assert "Affected units 涉及单件 40 Pieces in stock 在库件数 51 (0 blocked 已冻结) Pieces issued 已发放件数 12" in text
    assert text.index("Batch quantities 批次数量") < text.index("Where the units are 单件去向") < text.index("SN000040")
    assert f"OLD {days(5)} issued 已发放 北京协和医院 ward 3 8" in text and "in stock 在库 WH-B 5" in text
    image = pdfkit.render(out, dpi=100)
    assert image.getextrema()[0] < 100
    image.save(tmp_path / "both.png")


@pytest.mark.postgres
@pytest.mark.parametrize("first", ["block", "issue"])
def test_a_block_racing_an_issue_of_the_last_pieces_on_postgresql_one_wins_cleanly(pg_url, request, first):
    """Both queue on the lot's stock row: a block first leaves the issue refused whole; an issue first takes the last
    pieces and the block then blocks the empty row, saying none were left."""
    from test_concurrency import _together

    db, ctx = batchqty.raced_lot(pg_url, request, 10)
    calls = {"block": lambda: recall.block(ctx, recall.Recall(batch="RACE")),
             "issue": lambda: batches.issue(ctx, "GAUZE", 10, to="ward 9")}  # fmt: skip
    second = "issue" if first == "block" else "block"
    outcome = _together(db, "batch_stock", "batch = :b", {first: calls[first], second: calls[second]}, ordered=True,
                        b="RACE")  # fmt: skip
    assert not isinstance(outcome[first], Exception), outcome[first]
    issued = rows(db, "SELECT ref, quantity FROM batch_moves WHERE action = 'issue'")
    assert rows(db, "SELECT blocked FROM batch_stock") == [(True,)]
    [entry] = [e for e in audit_entries(db) if e.action == "recall.block"]
    if first == "block":
        refusal = outcome["issue"]
        assert isinstance(refusal, ValidationError), refusal
        assert "only 0 in unexpired stock that no recall blocks (10 blocked)" in str(refusal.problems[0])
        assert (rows(db, "SELECT quantity FROM batch_stock"), issued) == ([(10,)], [])
        assert (outcome["block"].pieces, entry.after["pieces"]) == (10, 10)
        assert [e for e in audit_entries(db) if e.action == "batch.issue"] == []
    else:
        assert isinstance(outcome["block"], recall.BlockResult), outcome["block"]
        assert (rows(db, "SELECT quantity FROM batch_stock"), issued) == ([(0,)], [("ward 9", 10)])
        assert (outcome["block"].pieces, entry.after["pieces"]) == (0, 0)  # nothing was left to block


def test_a_database_from_before_batch_blocks_is_brought_forward_with_nothing_blocked(db, ctx, shelves):
    from sqlalchemy import inspect

    from snapp.db.schema import current_revision, downgrade, head_revision, upgrade

    downgrade(db, "0020_rma_due")
    assert "blocked" not in [c["name"] for c in inspect(db.engine).get_columns("batch_stock")]
    upgrade(db)
    assert current_revision(db) == head_revision()
    assert [blocked for *_, blocked in stock_of(ctx)] == [False] * 4
    assert recall.block(ctx, SOON).pieces == 15
