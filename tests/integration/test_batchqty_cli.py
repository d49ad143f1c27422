"""`snapp receive --batch/--expiry/--qty` and `--label`, `snapp batch stock/plan/issue`, and `snapp recall trace`
of a batch item, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from snapp_testkit import approved_po, rows

from snapp.services import masterdata

SOON = dt.date.today() + dt.timedelta(days=20)
LATE = dt.date.today() + dt.timedelta(days=200)


@pytest.fixture
def gauze(ctx, company):
    masterdata.add_item(ctx, masterdata.ItemRecord("GAUZE", "无菌纱布", gtin="9506000134376", tracking="batch",
                                                   supplier="ACME"))  # fmt: skip
    return approved_po(ctx, "ACME", ("GAUZE", 500)).number


def test_a_batch_item_is_received_listed_issued_and_traced_from_the_command_line(db, admin_cli, gauze):
    ran = admin_cli("receive", gauze, "--sku", "GAUZE", "--batch", "LATE1", "--expiry", LATE.isoformat(), "--qty", "40",
                    "--location", "WH-A")  # fmt: skip
    assert ran.status == 0, ran.err
    assert f"40 × GAUZE batch LATE1 (expires {LATE}) received on {gauze} line 1 into WH-A" in ran.out
    label = f"(01)09506000134376(10)SOON1(17){SOON:%y%m%d}(30)15"
    ran = admin_cli("receive", gauze, "--sku", "GAUZE", "--label", label, "--location", "WH-B")
    assert ran.status == 0, ran.err
    assert "15 × GAUZE batch SOON1" in ran.out

    ran = admin_cli("--json", "batch", "stock", "--sku", "GAUZE")
    assert [(r["batch"], r["location"], r["quantity"]) for r in json.loads(ran.out)] == [
        ("SOON1", "WH-B", 15), ("LATE1", "WH-A", 40)
    ]
    ran = admin_cli("batch", "plan", "--sku", "GAUZE", "--qty", "20")
    assert ran.status == 0 and ran.out.index("SOON1") < ran.out.index("LATE1")
    ran = admin_cli("batch", "issue", "--sku", "GAUZE", "--qty", "2", "--batch", "LATE1", "--to", "ward 3")
    assert ran.status == 0, ran.err
    assert "2 × GAUZE issued to ward 3" in ran.out and "batch SOON1 expire earlier" in ran.out

    ran = admin_cli("recall", "trace", "--batch", "LATE1")
    assert ran.status == 0, ran.err
    assert "in stock" in ran.out and "ward 3" in ran.out and "0 unit(s) affected" in ran.out


def test_hostile_command_lines_are_refused_and_write_nothing(db, admin_cli, gauze, capsys):
    with pytest.raises(SystemExit) as usage:
        admin_cli("receive", gauze, "--sku", "GAUZE", "--batch", "B1", "--expiry", "2027-13-01", "--qty", "5")
    assert usage.value.code == 2 and "is not a date" in capsys.readouterr().err
    zero = admin_cli("receive", gauze, "--sku", "GAUZE", "--batch", "B1", "--expiry", LATE.isoformat(), "--qty", "0",
                     "--location", "WH-A")  # fmt: skip
    assert zero.status != 0 and "give a quantity of at least 1" in zero.err
    as_serial = admin_cli("receive", gauze, "--sku", "GAUZE", "--label", "(01)09506000134376(21)SN0001",
                          "--location", "WH-A")  # fmt: skip
    assert as_serial.status != 0 and "names a unit (serial SN0001), not a batch" in as_serial.err
    with pytest.raises(SystemExit) as usage:
        admin_cli("receive", gauze, "--sku", "GAUZE", "--batch", "B1", "--label", "(10)B1(30)5")
    assert usage.value.code == 2 and "not allowed with argument" in capsys.readouterr().err
    short = admin_cli("batch", "issue", "--sku", "GAUZE", "--qty", "1")
    assert short.status != 0 and "only 0 in unexpired stock" in short.err
    assert rows(db, "SELECT COUNT(*) FROM batch_moves") == [(0,)]
