"""Labels in ZPL and TSPL, sent to a real socket: every template at 203 and 300 dpi, parsed back as a printer would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import socket
import stat
import time

import pytest
import zxingcpp

from snapp.errors import SnappError, ValidationError
from snapp.io import printers
from snapp.io.printers import Printer, send, target
from snapp.reports import barcodes
from snapp.reports.labels import box_dots, list_templates, sample_label, template_names
from snapp.reports.thermal import DPIS, Language, render_job
from tests.printer_jobs import GS, Listener, draw, parse_tspl, parse_zpl, refused_address

LABEL = dataclasses.replace(sample_label(), batch="L_7\"x", expiry=dt.date(2027, 1, 31))
NO_GTIN = dataclasses.replace(sample_label("SN-NO-GTIN-1"), gtin=None)


@pytest.fixture
def listener():
    made = Listener()
    yield made
    made.close()


def parse(job: bytes, language: Language, dpi: int):
    return parse_zpl(job) if language is Language.ZPL else parse_tspl(job, dpi)


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("name", template_names())
def test_every_template_reaches_a_printer_port_and_reads_back_as_its_pdf_places_it(listener, name, language, dpi):
    template = next(t for t in list_templates() if t.name == name)
    sent = send(listener.address, render_job(template, [LABEL, NO_GTIN], language, dpi))
    assert sent == 2
    first, second = parse(listener.job(), language, dpi)
    assert (first.width, first.height) == (round(template.width / 25.4 * dpi), round(template.height / 25.4 * dpi))
    kinds = [field.kind for field in template.fields]
    assert [mark.kind for mark in first.marks] == kinds
    assert [mark.kind for mark in second.marks] == [kind for kind in kinds if kind != "datamatrix"]  # no GTIN, no GS1
    for field, mark in zip(template.fields, first.marks, strict=True):
        x, y, width, height = box_dots(dpi, field.box, field.box.x, field.box.y)
        left, top, right, bottom = mark.extent()
        assert x <= left and right <= x + width and y <= top and bottom <= y + height, (field, mark.extent())
        if mark.kind == "text":
            assert any(1 in row for row in mark.bits)
            continue
        assert mark.module >= field.min_module_dots
        if mark.kind == "datamatrix":
            assert mark.data == GS + "01069012345600151727013110L_7\"x" + GS + "21" + LABEL.serial
            assert mark.size[0] == mark.size[1]  # square: ZPL draws no rectangles
        else:
            assert mark.data == LABEL.serial
    element_string = barcodes.gs1_element_string(LABEL.gtin, LABEL.serial, LABEL.batch, LABEL.expiry)
    wanted = {LABEL.serial, element_string}
    assert {found.text for found in zxingcpp.read_barcodes(draw(first))} == wanted
    datamatrix = next(found for found in zxingcpp.read_barcodes(draw(first)) if found.format == zxingcpp.BarcodeFormat.DataMatrix)
    assert datamatrix.symbology_identifier == "]d2"  # FNC1 first: a GS1 DataMatrix, not plain data


def test_the_datamatrix_commands_carry_fnc1_in_each_language():
    template = next(t for t in list_templates() if t.name == "thermal-50x30")
    zpl = b"".join(render_job(template, [LABEL], Language.ZPL, 203)).decode()
    assert '^BXN,3,200,24,24,,_^FD_101069012345600151727013110L_d0957"x_121SN2026000000000001^FS' in zpl
    tspl = b"".join(render_job(template, [LABEL], Language.TSPL, 203)).decode("latin-1")
    assert 'c126,x3,24,24,"~101069012345600151727013110L_7~d034x~121SN2026000000000001"' in tspl


def test_a_serial_with_zpl_command_characters_is_sent_as_hex_and_reads_back_whole():
    template = next(t for t in list_templates() if t.name == "thermal-60x40")
    label = dataclasses.replace(LABEL, serial="A^XZ~JA\\1", gtin=None)
    job = b"".join(render_job(template, [label], Language.ZPL, 203))
    assert b"^FH\\^FDA\\5EXZ\\7EJA\\5C1" in job
    (parsed,) = parse_zpl(job)
    assert [mark.data for mark in parsed.marks if mark.kind != "text"] == [label.serial, label.serial]


def test_a_label_that_cannot_be_made_stops_the_job_before_a_byte_is_sent(listener):
    template = next(t for t in list_templates() if t.name == "thermal-40x20")
    too_long = dataclasses.replace(LABEL, serial="X" * 60, gtin=None)
    with pytest.raises(ValidationError, match="code128 on template thermal-40x20: needs"):
        send(listener.address, render_job(template, [LABEL, too_long], Language.ZPL, 203))
    assert listener.received == b""


def test_an_empty_job_and_an_unknown_resolution_are_refused():
    template = list_templates()[0]
    with pytest.raises(ValidationError, match="nothing to print"):
        list(render_job(template, [], Language.TSPL, 203))
    with pytest.raises(ValidationError, match="203, 300 dpi"):
        list(render_job(template, [LABEL], Language.ZPL, 600))


@pytest.mark.parametrize(
    ("address", "where"),
    [
        ("192.168.1.50", ("192.168.1.50", 9100)),
        ("zebra-1.local:6101", ("zebra-1.local", 6101)),
        ("[fe80::1]:9100", ("fe80::1", 9100)),
        ("queue:Zebra_GK420d", "Zebra_GK420d"),
    ],
)
def test_addresses(address, where):
    assert target(address) == where


@pytest.mark.parametrize("address", ["", "host:port", "host:70000", "a b:9100", "queue:", "host:91:00"])
def test_a_bad_address_is_refused_in_one_sentence(address):
    with pytest.raises(SnappError) as caught:
        target(address)
    assert caught.value.code == "printer.address"
    assert "HOST:PORT" in str(caught.value) and "\n" not in str(caught.value)


def test_a_printer_is_checked_when_it_is_chosen():
    assert Printer.of(" 10.0.0.7 ", "tspl", "300", "thermal-50x30") == Printer("10.0.0.7", Language.TSPL, 300, "thermal-50x30")
    with pytest.raises(ValidationError, match="zpl, tspl"):
        Printer.of("10.0.0.7", "escpos", 203, "thermal-50x30")


def _one_sentence(err: SnappError) -> str:
    text = str(err)
    assert "\n" not in text and "Traceback" not in text and text.count(": ") <= 2
    return text


def test_a_refused_port_ends_in_one_sentence():
    address = refused_address()
    port = address.rpartition(":")[2]
    with pytest.raises(SnappError) as caught:
        send(address, [b"^XA^XZ"], timeout=2)
    assert caught.value.code == "printer.refused"
    assert _one_sentence(caught.value) == (
        f"the label printer at 127.0.0.1:{port} refused the connection: "
        f"check that it is on and that {port} is its raw printing port"
    )
    assert "拒绝了连接" in caught.value.say("zh")


def test_a_host_that_does_not_answer_ends_in_one_sentence():
    """A port whose queue of waiting connections is full drops the next one unanswered, as an address with no printer does."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(0)
        address = "127.0.0.1:%d" % silent.getsockname()[1]
        with socket.create_connection(silent.getsockname(), timeout=1):  # fills the queue
            started = time.monotonic()
            with pytest.raises(SnappError) as caught:
                send(address, [b"^XA^XZ"], timeout=0.5)
    assert caught.value.code == "printer.no_answer"
    assert _one_sentence(caught.value) == (
        f"the label printer at {address} did not answer within 0.5 s: check its address and that it is on the network"
    )
    assert time.monotonic() - started < 5


def test_an_unknown_host_name_ends_in_one_sentence():
    with pytest.raises(SnappError) as caught:
        send("no-such-printer.invalid:9100", [b"^XA^XZ"], timeout=2)
    assert caught.value.code in ("printer.unknown_host", "printer.no_answer")
    assert "no-such-printer.invalid" in _one_sentence(caught.value)


def test_a_printer_that_never_reads_ends_in_one_sentence_naming_the_labels_it_took():
    paused = Listener(read=False)
    try:
        started = time.monotonic()
        with pytest.raises(SnappError) as caught:
            send(paused.address, (b"^XA" + b"0" * 1_000_000 + b"^XZ" for _ in range(64)), timeout=0.5)
        assert caught.value.code == "printer.stalled"
        sent = caught.value.values["sent"]
        assert 0 <= sent < 64
        assert _one_sentence(caught.value).startswith(f"the label printer at {paused.address} stopped taking the job after {sent} label(s)")
        assert time.monotonic() - started < 10
    finally:
        paused.close()


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An ``lp`` on the PATH that keeps its arguments and the job, as CUPS' would hand them to the queue."""
    script = tmp_path / "bin" / "lp"
    script.parent.mkdir()
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{tmp_path}/args"\n'
        f'cat > "{tmp_path}/job"\n'
        'case "$2" in missing) echo "lp: The printer or class does not exist." >&2; exit 1;; esac\n'
        'echo "request id is $2-1 (1 file(s))"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{script.parent}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_a_queue_gets_the_job_raw_through_lp(fake_lp):
    template = next(t for t in list_templates() if t.name == "thermal-50x30")
    assert send("queue:Zebra_GK420d", render_job(template, [LABEL, LABEL], Language.ZPL, 203), title="GR-1") == 2
    assert (fake_lp / "args").read_text().split("\n")[:6] == ["-d", "Zebra_GK420d", "-o", "raw", "-t", "GR-1"]
    assert len(parse_zpl((fake_lp / "job").read_bytes())) == 2


def test_a_queue_that_refuses_and_a_computer_without_lp_end_in_one_sentence(fake_lp, monkeypatch):
    with pytest.raises(SnappError) as caught:
        send("queue:missing", [b"^XA^XZ"])
    assert _one_sentence(caught.value) == "the printer queue missing refused the job: lp: The printer or class does not exist."
    monkeypatch.setenv("PATH", str(fake_lp / "empty"))
    with pytest.raises(SnappError) as caught:
        send("queue:Zebra", [b"^XA^XZ"])
    assert caught.value.code == "printer.no_lp"


def test_windows_queues_are_refused_with_what_to_do_instead(monkeypatch):
    monkeypatch.setattr(printers.sys, "platform", "win32")
    with pytest.raises(SnappError, match=r"give the printer's network address \(HOST:9100\)"):
        send("queue:Zebra", [b"^XA^XZ"])


def test_progress_counts_the_labels_sent_and_stops_the_job_when_it_raises(listener):
    template = next(t for t in list_templates() if t.name == "thermal-40x20")
    seen = []

    def stop_after_two(sent: int, total: int) -> None:
        seen.append((sent, total))
        if sent == 2:
            raise KeyboardInterrupt  # what a Cancel button's callback does: the job stops at the next label

    with pytest.raises(KeyboardInterrupt):
        send(listener.address, render_job(template, [LABEL] * 5, Language.ZPL, 203), progress=stop_after_two)
    assert seen == [(1, 5), (2, 5)]
    assert len(parse_zpl(listener.job())) == 2


@pytest.mark.parametrize("name", [name for name in template_names() if name.startswith("thermal-")])
def test_the_text_prints_where_the_pdf_shows_it(name):
    """Each text's ink on the printer lies within 2 dots of the same text's ink in the PDF rendered at the printer's dpi."""
    import io

    import pypdfium2

    from snapp.reports.labels import render_labels

    template = next(t for t in list_templates() if t.name == name)
    pdf_file = io.BytesIO()
    render_labels(template, [LABEL], pdf_file)
    pdf = pypdfium2.PdfDocument(pdf_file.getvalue())
    page = pdf[0].render(scale=template.dpi / 72).to_pil().convert("L")
    pdf.close()
    [label] = parse_zpl(b"".join(render_job(template, [LABEL], Language.ZPL, template.dpi)))
    texts = [(field, mark) for field, mark in zip(template.fields, label.marks, strict=True) if mark.kind == "text"]
    assert texts
    for field, mark in texts:
        x, y, width, height = box_dots(template.dpi, field.box, field.box.x, field.box.y)
        left, top, right, bottom = page.crop((x, y, x + width, y + height)).point(lambda v: 255 if v < 128 else 0).getbbox()
        shown = (x + left, y + top, x + right, y + bottom)
        assert all(abs(a - b) <= 2 for a, b in zip(shown, mark.extent(), strict=True)), (field.lines, shown, mark.extent())
