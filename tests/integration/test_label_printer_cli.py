"""Labels of a receipt straight to a label printer (a real socket), from the service and the command line."""

from __future__ import annotations

import pytest
from snapp_testkit import audit_entries, last_audit_id

from snapp.app.settings import saved_printer
from snapp.io.printers import Printer
from snapp.reports.thermal import Language
from snapp.services.printing import LabelSource, send_labels
from tests.printer_jobs import GS, Listener, parse_tspl, parse_zpl, refused_address


@pytest.fixture
def listener():
    made = Listener()
    yield made
    made.close()


@pytest.fixture
def received(receive_units):
    return receive_units([f"LAP{n:05d}" for n in range(1, 6)])


def test_a_receipt_goes_to_the_printer_in_zpl_and_the_print_is_audited(db, ctx, received, listener):
    before = last_audit_id(db)
    printer = Printer(listener.address, Language.ZPL, 203, "thermal-50x30")
    printed = send_labels(ctx, LabelSource(receipt=received.number), printer)
    assert (printed.count, printed.out) == (5, listener.address)
    labels = parse_zpl(listener.job())
    assert [[m.data for m in label.marks if m.kind == "code128"] for label in labels] == [[f"LAP{n:05d}"] for n in range(1, 6)]
    assert [m.data for m in labels[0].marks if m.kind == "datamatrix"] == [GS + "0109506000134352" + "21LAP00001"]
    [entry] = audit_entries(db, before)
    assert (entry.action, entry.entity_key) == ("labels.print", "thermal-50x30")
    assert entry.after == {"receipt": received.number, "labels": 5, "printer": listener.address, "language": "zpl", "dpi": 203}


def test_the_command_line_chooses_the_printer_prints_to_it_and_tests_it(admin_cli, received, listener, tmp_path):
    ran = admin_cli("printer", "set", listener.address, "--language", "tspl", "--dpi", "300", "--template", "thermal-40x20")
    assert ran.status == 0, ran.err
    assert ran.out.strip() == f"label printer set: {listener.address}: tspl, 300 dpi, template thermal-40x20"
    assert saved_printer() == Printer(listener.address, Language.TSPL, 300, "thermal-40x20")  # what the desktop reads too
    ran = admin_cli("labels", "--receipt", received.number, "--printer")
    assert ran.status == 0, ran.err
    assert ran.out.strip() == f"{listener.address}: 5 label(s) sent, template thermal-40x20 (tspl, 300 dpi)"
    labels = parse_tspl(listener.job(), 300)
    assert len(labels) == 5 and (labels[0].width, labels[0].height) == (472, 236)

    again = Listener()
    try:
        ran = admin_cli("printer", "test", "--printer", again.address, "--language", "zpl")
        assert ran.status == 0, ran.err
        [label] = parse_zpl(again.job())
        assert [m.data for m in label.marks if m.kind == "code128"] == ["SN2026000000000001"]
    finally:
        again.close()


def test_the_command_line_says_in_one_line_when_there_is_no_printer_or_it_refuses(admin_cli, received):
    ran = admin_cli("labels", "--receipt", received.number, "--printer")
    assert ran.status == 2
    assert "no label printer is set" in ran.err and "snapp printer set HOST:9100" in ran.err
    assert admin_cli("printer", "show").out.strip() == "no label printer: labels go to a PDF"
    refused = refused_address()
    ran = admin_cli("labels", "--receipt", received.number, "--printer", refused)
    assert ran.status == 2
    assert f"the label printer at {refused} refused the connection" in ran.err
    assert "Traceback" not in ran.err and len(ran.err.strip().splitlines()) == 1
    ran = admin_cli("printer", "set", "printer one:9100")
    assert ran.status == 2 and "is not a printer address" in ran.err
    ran = admin_cli("printer", "set", "10.0.0.9", "--template", "no-such")
    assert ran.status == 2 and "no label template 'no-such'" in ran.err
