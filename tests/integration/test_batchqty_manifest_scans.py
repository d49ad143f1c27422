"""Scans judged against a manifest before posting, and the one "not delivered" exception of a split delivery.

On SQLite and PostgreSQL.
"""

from __future__ import annotations

import pytest
from snapp_testkit import approved_po, rows, scalar, serial_names, snapshot

from snapp.domain.capture import scans
from snapp.errors import PermissionDenied, restored
from snapp.services import exceptions, manifests, receiving


@pytest.fixture
def listed(ctx, company):
    """The company's PO line 1 (100 ordered) with a manifest of SN000001..SN000010."""
    manifests.load_manifest(ctx, company.number, 1, [scans(serial_names(10))])
    return company.number


def verdicts(ctx, po: str, serials: list[str]) -> dict[str, tuple[str, str]]:
    return {s: (c.tone, str(c.message)) for s, c in manifests.check_scans(ctx, po, 1, serials).items()}


def open_cases(db) -> list[tuple[int, str, str]]:
    """The open manifest exceptions, what happened read back as English (it is kept as a code and values)."""
    return [(case, subject, restored(detail)) for case, subject, detail in
            rows(db, "SELECT id, subject, detail FROM exceptions WHERE kind = 'manifest' AND status = 'open' ORDER BY id")]


def test_each_scan_gets_the_verdict_posting_would_give_and_nothing_is_written(db, ctx, listed, receive_units):
    receive_units(["SN000001"])
    other = approved_po(ctx, "ACME", ("LAP", 5)).number
    manifests.load_manifest(ctx, other, 1, [scans(["SN000700"])])
    before = snapshot(db)

    said = verdicts(ctx, listed, ["SN000002", "SN000001", "SN000700", "SN000500"])

    assert said["SN000002"] == ("ok", f"on the manifest of {listed} line 1")
    assert said["SN000001"][0] == "refused" and said["SN000001"][1].startswith("already received (receipt GR-")
    assert said["SN000700"] == ("refused", f"on the manifest of PO {other}")
    # The supplier's default refuses a unit off the manifest.
    assert said["SN000500"] == ("refused", f"not on the supplier's manifest for {listed} line 1")
    assert snapshot(db) == before


def test_off_the_manifest_is_accepted_as_an_exception_when_the_setting_says_so(db, ctx, listed):
    manifests.set_off_manifest(ctx, "exception", sku="LAP")
    [check] = manifests.check_scans(ctx, listed, 1, ["SN000500"]).values()
    assert check.tone == "exception"
    assert check.message.say("zh") == f"不在 {listed} 第 1 行的到货清单上：过账时作为异常接收"
    # Posting gives the same verdict: accepted, one exception for it.
    assert receiving.receive(ctx, listed, "LAP", [scans(["SN000500"])], location="WH-A").off_manifest == ["SN000500"]


def test_a_line_without_a_manifest_judges_only_what_receiving_judges(db, ctx, company, receive_units):
    receive_units(["SN000001"])
    said = verdicts(ctx, company.number, ["SN000002", "SN000001"])
    assert said["SN000002"] == ("ok", "OK")
    assert said["SN000001"][0] == "refused"


def test_hostile_values_are_refused_by_the_items_rule(db, ctx, listed):
    said = verdicts(ctx, listed, ["BAD SERIAL", "ab", "SN000002", "SN000002"])
    assert said["BAD SERIAL"] == ("refused", "characters not allowed in a serial: space")
    assert said["ab"][0] == "refused"
    assert said["SN000002"][0] == "refused"  # twice in what was sent


def test_judging_needs_the_receive_permission(db, ctx, listed, as_user):
    with pytest.raises(PermissionDenied):
        manifests.check_scans(as_user("buyer", "procurement"), listed, 1, ["SN000002"])


def test_a_split_delivery_keeps_one_not_delivered_exception_up_to_date_and_the_last_receipt_settles_it(
    db, ctx, listed, receive_units
):
    first = receive_units(serial_names(4))
    [(case, subject, detail)] = open_cases(db)
    assert subject == f"{listed}/1" and "6 of the 10" in detail and first.number in detail
    assert first.missing == serial_names(6, start=5)

    second = receive_units(serial_names(3, start=5))
    [(same, _, detail)] = open_cases(db)
    assert same == case  # updated, not a second exception
    assert "3 of the 10" in detail and second.number in detail and "SN000008, SN000009, SN000010" in detail
    assert "SN000005" not in detail

    last = receive_units(serial_names(3, start=8))
    assert last.missing == [] and open_cases(db) == []
    [(status, resolved_by, resolution)] = rows(
        db, "SELECT status, resolved_by, resolution FROM exceptions WHERE kind = 'manifest'"
    )
    assert (status, resolved_by) == ("resolved", "admin") and last.number in resolution
    assert scalar(db, "SELECT COUNT(*) FROM exceptions WHERE kind = 'manifest'") == 1


def test_a_later_receipt_after_a_person_settled_the_list_opens_a_new_one(db, ctx, listed, receive_units):
    receive_units(serial_names(2))
    [(case, _, _)] = open_cases(db)
    exceptions.resolve_exception(ctx, case, "supplier ships the rest next week")
    receive_units(serial_names(2, start=3))
    [(new, _, detail)] = open_cases(db)
    assert new != case and "6 of the 10" in detail
    assert rows(db, f"SELECT resolution FROM exceptions WHERE id = {case}") == [("supplier ships the rest next week",)]


def test_units_accepted_off_the_manifest_still_open_their_own_exception_per_receipt(db, ctx, listed, receive_units):
    manifests.set_off_manifest(ctx, "exception", supplier="ACME")
    record = receive_units(["SN000001", "SN000900"])
    cases = [(subject, restored(detail)) for subject, detail in
             rows(db, "SELECT subject, detail FROM exceptions WHERE kind = 'manifest' ORDER BY id")]
    assert [subject for subject, _ in cases] == [record.number, f"{listed}/1"]
    assert "SN000900" in cases[0][1] and "9 of the 10" in cases[1][1]
