"""The text a PDA's keyboard wedge adds around each code is part of the scanner profile the one decoder undoes."""

from __future__ import annotations

from snapp.domain.scan import GS, ScannerProfile, as_typed, decode

PDA = ScannerProfile(gs="<GS>", suffix="\t", lead="STX:", trail=":ETX")


def test_the_added_text_and_the_tab_are_dropped_before_reading():
    reading = decode("STX:0109506000134352" + "21SN9<GS>10B1:ETX\t", PDA)
    assert (reading.ok, reading.serial, reading.batch) == (True, "SN9", "B1")
    assert as_typed("STX:0109506000134352" + "21SN9<GS>10B1:ETX", PDA) == "0109506000134352" + "21SN9" + GS + "10B1"
    assert decode("STX:ABC123:ETX", PDA).serial == "ABC123"


def test_only_the_ends_are_dropped_and_a_code_without_them_is_read_as_it_is():
    assert decode("ABC123", PDA).serial == "ABC123"  # the scanner's text was switched off: nothing to drop
    assert decode("STX:AB:ETXC:ETX", PDA).serial == "AB:ETXC"  # the same text inside the code stays
    assert decode("STX::ETX", PDA).fault == "empty"
