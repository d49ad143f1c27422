"""The command line for verify, count, exception and reconciliation: thin wrappers, real database."""

from __future__ import annotations

import json

import pytest

from snapp.cli import EXIT_NOT_PASSED, EXIT_REFUSED
from tests.conftest import ADMIN_PASSWORD

GTIN = "09506000134352"


@pytest.fixture
def run(cli, company, receive_units):
    receive_units(["CLI00001", "CLI00002"], location="WH-A")
    return lambda *args: cli(*args, user="admin", password=ADMIN_PASSWORD)


def test_verify_prints_verdicts_and_exits_3_when_one_did_not_pass(run):
    code, out, _ = run("verify", "CLI00001", f"]d201{GTIN}21NOPE0001")
    assert code == EXIT_NOT_PASSED
    assert "ok   in_stock" in out and "FAIL unknown_serial" in out and "exception #1 opened" in out
    code, out, _ = run("verify", "--json", "--gs", "^]", f"]d201{GTIN}10B1^]21CLI00002")
    assert code == 0
    [result] = json.loads(out)
    assert (result["verdict"], result["serial"], result["unit"]["location"]) == ("in_stock", "CLI00002", "WH-A")


def test_a_stocktake_from_start_to_apply(run, tmp_path):
    code, out, _ = run("stocktake", "start", "--location", "WH-A", "--json")
    number = json.loads(out)["number"]
    (tmp_path / "scans.txt").write_text("CLI00001\nCLI00001\nSTRANGER\n", encoding="utf-8")
    code, out, _ = run("stocktake", "scan", number, "--paste", str(tmp_path / "scans.txt"))
    assert code == 0 and "3 scan(s) counted (1 repeated a unit already counted), 0 refused" in out
    code, out, _ = run("stocktake", "close", number)
    assert f"{number}  WH-A  closed  accuracy 50.0%" in out
    code, out, _ = run("stocktake", "report", number, "--json")
    figures = json.loads(out)["figures"]
    assert figures == {"matched": 1, "missing": 1, "unexpected": 0, "unknown": 1, "scanned_twice": 1, "accuracy": 0.5}
    code, out, _ = run("stocktake", "report", number)
    assert out.index("missing: 1") < out.index("unknown: 1") < out.index("matched: 1")  # what needs a person first
    code, out, _ = run("stocktake", "export", number, str(tmp_path / "stocktake.xlsx"), "--discrepancies")
    assert code == 0 and out.strip() == f"2 unit(s) written to {tmp_path / 'stocktake.xlsx'}"
    code, out, _ = run("stocktake", "print", number, str(tmp_path / "stocktake.pdf"))
    assert code == 0 and out.strip() == f"stocktake report {number}: 1 page(s) written to {tmp_path / 'stocktake.pdf'}"
    code, out, err = run("stocktake", "print", "CT-0000-000000", str(tmp_path / "none.pdf"))
    assert code == EXIT_REFUSED and "no stocktake 'CT-0000-000000'" in err and not (tmp_path / "none.pdf").exists()
    code, out, _ = run("exception", "list")
    [missing] = [line for line in out.splitlines() if "1 unit missing" in line]
    assert f"stocktake {number}: 1 unit expected, not scanned  " in missing and "CLI00002" not in missing  # the list: --json
    code, out, _ = run("exception", "list", "--json")
    assert any(case["detail"].endswith("In stock at WH-A, LAP: CLI00002") for case in json.loads(out))
    code, out, _ = run("stocktake", "apply", number)
    assert "0 moved here, 0 found, 1 marked lost" in out
    code, out, err = run("stocktake", "apply", number)
    assert code == EXIT_REFUSED and "is Applied; cannot apply it (allowed: nothing)" in err


def test_the_stocktakes_old_command_name_still_runs(run):
    code, out, _ = run("count", "start", "--location", "WH-A", "--json")
    number = json.loads(out)["number"]
    code, out, _ = run("stocktake", "list")
    assert code == 0 and number in out and "open" in out
    code, out, _ = run("count", "list", "--json")
    assert code == 0 and [s["number"] for s in json.loads(out)] == [number]


def test_exceptions_listed_and_resolved(run):
    run("verify", "NOPE0001")
    code, out, _ = run("exception", "list", "--json")
    [case] = json.loads(out)
    code, out, _ = run("exception", "resolve", str(case["id"]), "typo on the delivery note")
    assert out.strip() == f"exception #{case['id']} resolved by admin"
    code, out, _ = run("exception", "list", "--status", "all", "--json")
    assert json.loads(out)[0]["resolution"] == "typo on the delivery note"


def test_reconcile_and_accuracy(run):
    code, out, _ = run("reconcile", "--by", "supplier")
    assert out.splitlines()[0].split()[:2] == ["SUPPLIER", "ORDERED"]
    assert out.splitlines()[1].split() == ["ACME", "100", "2", "2", "2", "0", "0"]  # the supplier once
    code, out, _ = run("reconcile", "--by", "po")
    assert out.splitlines()[0].split()[:3] == ["PO", "SUPPLIER", "ORDERED"] and out.splitlines()[1].split()[1] == "ACME"
    code, out, _ = run("accuracy", "--month", "2020-01")
    assert "2020-01: serial reconciliation accuracy no stocktake closed that month" in out
