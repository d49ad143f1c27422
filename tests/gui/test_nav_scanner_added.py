"""The text a scanner (a PDA's keyboard wedge) adds before and after each code: set on the Scanner screen, kept for this PC,
and dropped by every scan field before it reads the code."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from snapp.domain.scan import ScannerProfile
from snapp.gui.scanner import save_scanner_profile, scanner_profile
from snapp.gui.views.lookup import LookupView
from snapp.gui.views.scanner import ScannerView
from snapp.gui.views.verify import VerifyView
from tests.gui.conftest import Screen, settle
from tests.gui import test_verify_screen
from tests.gui.test_verify_screen import GTIN, key_in, verdict

shelf = test_verify_screen.shelf  # the fixture: LAP units ST0001..ST0005 in WH-A


def test_lead_and_trail_typed_on_the_scanner_screen_are_kept_and_the_test_box_reads_through_them(qtbot, ctx, company, settings):
    s = Screen(qtbot, ctx, settings, ScannerView)
    form = s.view.form
    key_in(qtbot, form.testEdit, f"STX:01{GTIN}21SER9:ETX")
    assert f"GTIN {GTIN}, serial SER9" not in form.readsLabel.text()  # unread with the added text
    qtbot.keyClicks(form.leadEdit, "STX:")
    qtbot.keyClicks(form.trailEdit, ":ETX")
    assert scanner_profile(settings) == ScannerProfile(lead="STX:", trail=":ETX")
    assert form.savedLabel.text().startswith("Saved for this PC")
    assert f"GTIN {GTIN}, serial SER9" in form.readsLabel.text()  # the last test scan, read again with the new settings

    again = Screen(qtbot, ctx, settings, ScannerView).view.form  # the next start shows what was saved
    assert (again.leadEdit.text(), again.trailEdit.text()) == ("STX:", ":ETX")


def test_added_text_is_capped_as_the_floor_client_caps_it(qtbot, ctx, company, settings):
    form = Screen(qtbot, ctx, settings, ScannerView).view.form
    qtbot.keyClicks(form.leadEdit, "x" * 30)
    assert form.leadEdit.text() == "x" * 20 and scanner_profile(settings).lead == "x" * 20
    settings.setValue("scanner/trail", "y" * 30)  # an INI file edited by hand
    assert scanner_profile(settings).trail == "y" * 20


def test_verify_and_lookup_drop_the_added_text(qtbot, ctx, shelf, settings):
    save_scanner_profile(settings, ScannerProfile(lead="<<", trail=">>"))
    s = Screen(qtbot, ctx, settings, VerifyView)
    key_in(qtbot, s.view.form.scanEdit, "<<ST0001>>")
    s.settle()
    assert verdict(s.view) == ("In stock — genuine", "green") and s.view.form.cardBox.title() == "ST0001"
    key_in(qtbot, s.view.form.scanEdit, f"<<01{GTIN}21ST0003>>")
    s.settle()
    assert s.view.form.cardBox.title() == "ST0003"

    s = Screen(qtbot, ctx, settings, LookupView)
    key_in(qtbot, s.view.form.scanEdit, "<<ST0004>>")
    s.settle()
    assert s.view.form.cardBox.title() == "ST0004"


def test_the_profile_with_added_text_survives_a_restart(tmp_path):
    path = str(tmp_path / "snapp.ini")
    profile = ScannerProfile("<GS>", True, "\t", lead=" ~", trail="!")
    saved = QSettings(path, QSettings.Format.IniFormat)
    save_scanner_profile(saved, profile)
    saved.sync()
    assert scanner_profile(QSettings(path, QSettings.Format.IniFormat)) == profile


def test_receiving_drops_the_added_text_from_each_scan(qtbot, window, ctx):
    from tests.gui.test_keyboard import receiving_on

    save_scanner_profile(window.settings, ScannerProfile(lead="<<", trail=">>"))
    view = receiving_on(qtbot, window, ctx, 10)
    key_in(qtbot, view.form.scanEdit, "<<ADDED0001>>")
    key_in(qtbot, view.form.scanEdit, "ADDED0002")  # a code without it (typed by hand) is taken as it is
    settle(qtbot, window)
    assert [(p.serial, p.ok) for p in view.pending] == [("ADDED0001", True), ("ADDED0002", True)]
