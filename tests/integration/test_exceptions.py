"""The exceptions desk: fed by refused receipts (which still write nothing else), resolved by a person."""

from __future__ import annotations

import pytest
from snapp_testkit import audit_entries, last_audit_id, rows, snapshot

from snapp.domain.capture import scans
from snapp.errors import Conflict, NotFound, PermissionDenied, ValidationError
from snapp.services import exceptions, lifecycle, receiving, verification


def test_a_refused_receipt_opens_one_exception_per_rejected_scan_and_writes_nothing_else(db, ctx, company, receive_units):
    receive_units(["OLD00001"])
    before = snapshot(db)
    with pytest.raises(ValidationError):
        receiving.receive(ctx, company.number, "LAP", [scans(["NEW00001", "OLD00001", "bad one", "NEW00001"])],
                          location="WH-A")  # fmt: skip
    assert snapshot(db) == before  # ledger, PO lines and audit trail untouched
    opened = exceptions.list_exceptions(ctx)
    assert [(e.kind, e.subject, e.ref) for e in reversed(opened)] == [
        ("rejected_scan", "bad one", f"receipt on {company.number} for LAP"),
        ("rejected_scan", "NEW00001", f"receipt on {company.number} for LAP"),
        ("rejected_scan", "OLD00001", f"receipt on {company.number} for LAP"),
    ]
    details = {e.subject: e.detail for e in opened}
    assert "already received" in details["OLD00001"]
    assert "appears twice in this batch" in details["NEW00001"]
    assert all(e.status == "open" and e.opened_by == "admin" for e in opened)


def test_an_over_delivery_is_its_own_kind(db, ctx, company, receive_units):
    receive_units([f"OVR{n:05d}" for n in range(95)])
    with pytest.raises(ValidationError):
        receive_units([f"MORE{n:04d}" for n in range(6)])
    [case] = exceptions.list_exceptions(ctx)
    assert (case.kind, case.subject) == ("over_delivery", f"receipt on {company.number} for LAP")
    assert "6 to receive, but line 1 has only 5 open" in case.detail


def test_input_mistakes_that_are_not_scans_open_nothing(db, ctx, company):
    with pytest.raises(ValidationError):
        receiving.receive(ctx, company.number, "LAP", quantity=3, location="WH-A")
    assert exceptions.list_exceptions(ctx, None) == []


def test_resolve_records_who_how_and_when_and_is_audited(db, ctx, company, as_user):
    verification.verify(ctx, ["NOSUCH01"])
    [case] = exceptions.list_exceptions(ctx)
    lead = as_user("li.lead", "warehouse")
    audit = last_audit_id(db)
    done = exceptions.resolve_exception(lead, case.id, "  label belongs to a sample unit from the trade fair ")
    assert (done.status, done.resolved_by, done.resolution) == (
        "resolved", "li.lead", "label belongs to a sample unit from the trade fair",
    )  # fmt: skip
    assert done.resolved_at is not None and done.resolved_at >= done.opened_at
    [entry] = audit_entries(db, audit)
    assert (entry.user_name, entry.action, entry.entity_key, entry.after["status"]) == (
        "li.lead", "exception.resolve", str(case.id), "resolved",
    )  # fmt: skip
    assert exceptions.list_exceptions(ctx) == []
    assert [e.id for e in exceptions.list_exceptions(ctx, "resolved")] == [case.id]
    assert [e.id for e in exceptions.list_exceptions(ctx, "all")] == [case.id]  # the word every front end passes on
    with pytest.raises(Conflict, match="already resolved by li.lead") as again:
        exceptions.resolve_exception(ctx, case.id, "again")
    assert again.value.say("zh") == f"异常 #{case.id} 已由 li.lead 处理：label belongs to a sample unit from the trade fair"


def test_resolving_needs_a_reason_a_known_exception_and_a_role_that_acts(db, ctx, company, as_user):
    verification.verify(ctx, ["NOSUCH01"])
    [case] = exceptions.list_exceptions(ctx)
    with pytest.raises(ValidationError, match="say how"):
        exceptions.resolve_exception(ctx, case.id, "   ")
    with pytest.raises(NotFound):
        exceptions.resolve_exception(ctx, case.id + 100, "x")
    auditor = as_user("audrey", "auditor")
    assert [e.id for e in exceptions.list_exceptions(auditor)] == [case.id]  # auditors look
    with pytest.raises(PermissionDenied, match="may look at exceptions but not resolve them"):
        exceptions.resolve_exception(auditor, case.id, "fine")
    assert rows(db, "SELECT status FROM exceptions") == [("open",)]


def test_list_filters_and_dashboard_counts(ctx, company, receive_units):
    receive_units(["GONE0001"])
    lifecycle.move(ctx, "scrap", ["GONE0001"])
    verification.verify(ctx, ["GONE0001", "NOSUCH01", "NOSUCH02"])
    assert exceptions.open_exception_counts(ctx) == {"reappeared": 1, "verification": 2}
    assert [e.subject for e in exceptions.list_exceptions(ctx, kind="reappeared")] == ["GONE0001"]
    assert len(exceptions.list_exceptions(ctx, limit=2)) == 2
    with pytest.raises(ValidationError) as refused:
        exceptions.list_exceptions(ctx, "pending", "misfiled")  # both named, not a crash on the unknown kind
    assert [(str(p.position), p.value) for p in refused.value.problems] == [("status", "pending"), ("kind", "misfiled")]
    assert str(refused.value.problems[0].message) == "one of open, resolved"
    assert refused.value.problems[0].message.say("zh") == "应为以下之一：open、resolved"


def test_a_refused_file_of_many_bad_rows_opens_a_bounded_number_of_cases(db, ctx, company):
    bad = [f"BAD {n:03d}" for n in range(250)]  # a space: refused, every one
    with pytest.raises(ValidationError):
        receiving.receive(ctx, company.number, "LAP", [scans(bad)], location="WH-A")
    opened = exceptions.list_exceptions(ctx, limit=500)
    assert len(opened) == exceptions.MAX_PER_REFUSAL + 1
    summary = opened[0]
    assert summary.detail == "150 more rejected scans (of all rejections: 250 bad_characters); the refusal listed each"
