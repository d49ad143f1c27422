"""A customer return's promised answer day on SQLite and PostgreSQL: its default from the setting, the overdue list, the
alerts, the command line; and a supplier's replacement already received is refused by its serial."""

from __future__ import annotations

import datetime as dt

import pytest
from snapp_testkit import audit_entries, execute, last_audit_id, scalar, snapshot

from snapp.domain.aftersales import Party
from snapp.errors import Conflict, PermissionDenied, ValidationError
from snapp.services import aftersales, customers, lifecycle, masterdata, rma_due

TODAY = dt.date.today()


@pytest.fixture
def shop(ctx, company, receive_units):
    customers.add_customer(ctx, customers.CustomerRecord("C-BJ", "北京客户有限公司"))
    masterdata.update_item(ctx, "LAP", customer_warranty_months=12)
    receive_units([f"DU000{i}" for i in range(1, 6)])
    for serial in ("DU0001", "DU0002", "DU0003"):
        lifecycle.move(ctx, "ship", [serial], ref="DN-1", party=Party(customer="C-BJ"))
    return ctx


def back(ctx, serial, rma, **kw):
    return aftersales.receive_return(ctx, serial, rma=rma, customer="C-BJ", reason="dead", **kw)


def test_the_promised_day_defaults_from_the_setting_and_the_desk_may_choose_it(db, shop):
    assert rma_due.get_answer_days(shop) == rma_due.ANSWER_DAYS == 7
    start = last_audit_id(db)
    assert back(shop, "DU0001", "R-1").promised_on == TODAY + dt.timedelta(days=7)
    assert rma_due.set_answer_days(shop, 3) == 3
    assert back(shop, "DU0002", "R-2").promised_on == TODAY + dt.timedelta(days=3)
    chosen = TODAY + dt.timedelta(days=20)
    assert back(shop, "DU0003", "R-3", promised_on=chosen).promised_on == chosen
    assert scalar(db, "SELECT promised_on FROM customer_rmas WHERE number = 'R-3'") in (chosen, chosen.isoformat())
    opened = [a for a in audit_entries(db, start) if a.action == "rma.open"]
    assert [a.after["promised_on"] for a in opened] == [str(TODAY + dt.timedelta(days=d)) for d in (7, 3)] + [str(chosen)]
    [setting] = [a for a in audit_entries(db, start) if a.action == "setting.answer_days"]
    assert (setting.before, setting.after) == (7, 3)


def test_overdue_returns_are_listed_and_counted_in_the_alerts(db, shop):
    back(shop, "DU0001", "R-LATE")
    back(shop, "DU0002", "R-DUE-TODAY")
    back(shop, "DU0003", "R-DECIDED")
    execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number = 'R-LATE'", d=TODAY - dt.timedelta(days=2))
    execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number IN ('R-DUE-TODAY', 'R-DECIDED')", d=TODAY)
    execute(db, "UPDATE customer_rmas SET promised_on = :d WHERE number = 'R-DECIDED'", d=TODAY - dt.timedelta(days=9))
    aftersales.inspect_return(shop, "R-DECIDED", "scrap")  # decided: no longer waiting, however late
    assert [r.number for r in aftersales.list_returns(shop, overdue=True)] == ["R-LATE"]
    assert [r.number for r in aftersales.list_returns(shop, "all", overdue=True, today=TODAY + dt.timedelta(days=1))] \
        == ["R-LATE", "R-DUE-TODAY"]  # fmt: skip
    found = aftersales.alerts(shop)
    assert [(r.number, r.promised_on) for r in found.late_returns] == [("R-LATE", TODAY - dt.timedelta(days=2))]
    assert found.count == 1
    execute(db, "UPDATE customer_rmas SET promised_on = NULL")  # returns received before promises were kept
    assert aftersales.alerts(shop).late_returns == [] and aftersales.list_returns(shop, overdue=True) == []


def test_a_day_already_gone_or_not_a_day_is_refused_and_nothing_is_written(db, shop):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        back(shop, "DU0001", "R-1", promised_on=TODAY - dt.timedelta(days=1))
    [problem] = err.value.problems
    assert (problem.position, problem.reason) == ("promised_on", "promised_on")
    assert "before today" in problem.message.say("en") and str(TODAY - dt.timedelta(days=1)) in problem.message.say("en")
    assert "早于今天" in problem.message.say("zh")
    with pytest.raises(ValidationError) as err:
        back(shop, "DU0001", "R-1", promised_on="next week")
    assert err.value.problems[0].message.say("en") == "is not a day (YYYY-MM-DD)"
    for days in (-1, 366, True, "7"):
        with pytest.raises(ValidationError) as err:
            rma_due.set_answer_days(shop, days)
        assert err.value.problems[0].message.say("en") == "must be a whole number from 0 to 365"
    assert snapshot(db) == before


def test_only_an_admin_sets_the_answer_days_and_every_role_reads_them(db, shop, as_user):
    for role in ("procurement", "warehouse", "service", "auditor"):
        who = as_user(f"u-{role}", role)
        with pytest.raises(PermissionDenied):
            rma_due.set_answer_days(who, 5)
        assert rma_due.get_answer_days(who) == 7


def test_the_command_line_promises_lists_the_overdue_and_alerts(db, shop, admin_cli):
    day = TODAY + dt.timedelta(days=10)
    ran = admin_cli("rma", "receive", "DU0001", "--rma", "R-CLI", "--customer", "C-BJ", "--reason", "x",
                    "--promised-by", day.isoformat())  # fmt: skip
    assert ran.status == 0 and f"answer promised by {day}" in ran.out
    assert admin_cli("rma", "answer-days", "2").status == 0
    assert "within 2 days" in admin_cli("rma", "answer-days").out
    assert admin_cli("rma", "list", "--overdue").out.count("R-CLI") == 0
    execute(db, "UPDATE customer_rmas SET promised_on = :d", d=TODAY - dt.timedelta(days=1))
    assert "R-CLI" in admin_cli("rma", "list", "--overdue").out
    alerts = admin_cli("alerts")
    assert alerts.status == 3 and "customer returns past their promised answer: 1" in alerts.out and "R-CLI" in alerts.out
    refused = admin_cli("rma", "receive", "DU0002", "--rma", "R-OLD", "--customer", "C-BJ", "--reason", "x",
                        "--promised-by", "2001-01-01")  # fmt: skip
    assert refused.status == 2 and "2001-01-01" in refused.err


def test_a_replacement_already_received_is_refused_naming_its_serial(db, shop):
    aftersales.send_to_supplier(shop, "DU0004", rma="ACME-1")
    before = snapshot(db)
    with pytest.raises(Conflict) as err:
        aftersales.receive_replacement(shop, "ACME-1", "du0005", to="WH-A")
    assert "DU0005" in str(err.value) and "already been received" in str(err.value)
    assert "替换件 DU0005 已作为 LAP 收过货" in err.value.say("zh")
    assert snapshot(db) == before  # the RMA stays open
    assert aftersales.receive_replacement(shop, "ACME-1", "DU0099", to="WH-A").replacement == "DU0099"


def test_a_database_from_before_promises_is_brought_forward_with_none_promised(db, shop):
    from snapp.db.schema import current_revision, downgrade, head_revision, upgrade

    back(shop, "DU0001", "R-OLD")
    downgrade(db, "0014_custom_fields")
    assert "promised_on" not in [c for c, *_ in _columns(db)]
    upgrade(db)
    assert current_revision(db) == head_revision()  # whatever revision follows this one
    [old] = aftersales.list_returns(shop)
    assert (old.number, old.promised_on) == ("R-OLD", None)
    assert aftersales.list_returns(shop, overdue=True, today=TODAY + dt.timedelta(days=999)) == []
    assert back(shop, "DU0002", "R-NEW").promised_on == TODAY + dt.timedelta(days=7)


def _columns(db):
    from sqlalchemy import inspect

    return [(c["name"],) for c in inspect(db.engine).get_columns("customer_rmas")]
