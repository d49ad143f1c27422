"""A phone's or PDA's scanner profile, undone on the server by the core's decoder: every floor scan route takes it."""

from __future__ import annotations

import pytest

GS1_LITERAL = "0109506000134352" + "21{serial}<GS>10LOT7"
PDA = {"gs": "<GS>", "prefix": False, "suffix": "\t", "lead": "@", "trail": "#"}  # DataWedge: "@" before, "#" after, Tab


def test_a_test_scan_is_read_with_the_profile_and_shown_character_by_character(server, company):
    api = server.login()
    scan = "@" + GS1_LITERAL.format(serial="SER1") + "#"
    read = api.post("/floor/read", json={"scan": scan, "profile": PDA}, headers={"Accept-Language": "zh-CN"}).json()
    assert (read["ok"], read["kind"], read["serial"], read["gtin"]) == (True, "gs1", "SER1", "09506000134352")
    assert read["typed"] == "0109506000134352" + "21SER1\x1d10LOT7"
    assert "序列号 SER1" in read["message"] and "批号 LOT7" in read["message"]
    assert len(read["characters"]) == len(scan) and read["characters"][0] == {"shown": "@", "code": "U+0040"}
    # Without the profile the same characters are no unit's code: the added text is outside GS1's characters.
    bare = api.post("/floor/read", json={"scan": scan}).json()
    assert bare["ok"] is False and "'@'" in bare["message"]
    gs = api.post("/floor/read", json={"scan": "0109506000134352" + "21SER1\x1d10LOT7"}).json()
    assert gs["serial"] == "SER1" and {"shown": "<GS>", "code": "U+001D"} in gs["characters"]
    caps = api.post("/floor/read", json={"scan": "]D2" + "0109506000134352" + "21ser1", "profile": {"prefix": True}}).json()
    assert caps["ok"] and caps["caps_lock"] and caps["serial"] == "SER1" and caps["symbology"] == "]d2"
    assert any("Caps Lock" in w for w in caps["warnings"])


@pytest.mark.parametrize(
    "profile, field",
    [({"gs": "|"}, "gs"), ({"suffix": "\n"}, "suffix"), ({"lead": "x" * 21}, "lead"), ({"caps": True}, "caps")],
)
def test_a_profile_outside_the_desktops_choices_is_refused(server, company, profile, field):
    api = server.login()
    answer = api.post("/floor/read", json={"scan": "SER1", "profile": profile})
    assert answer.status_code == 422 and field in answer.text
    judged = api.post("/floor/receiving/judge", json={"po": company.number, "scan": "SER1", "sku": "LAP", "profile": profile})
    assert judged.status_code == 422


def test_receiving_stocktake_verify_and_lookup_undo_the_profile(server, company):
    api = server.login()
    pda = lambda serial: "@" + GS1_LITERAL.format(serial=serial) + "#"  # noqa: E731
    judge = lambda scan, **more: api.post("/floor/receiving/judge", json={"po": company.number, "scan": scan, **more}).json()  # noqa: E731
    picked = judge(pda("pda00001"), profile=PDA)
    assert (picked["ok"], picked["serial"], picked["line_no"]) == (True, "PDA00001", 1), picked
    assert judge(pda("pda00001"))["ok"] is False  # the same characters without the profile: refused
    plain = judge("@PDA00002#", sku="LAP", profile=PDA)
    assert (plain["ok"], plain["serial"]) == (True, "PDA00002")

    api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["PDA00001"], "location": "WH-A"})
    [card] = api.post("/floor/lookup", json={"scan": pda("PDA00001"), "profile": PDA}).json()
    assert (card["serial"], card["status"], card["location"]) == ("PDA00001", "in_stock", "WH-A")
    missing = api.post("/floor/lookup", json={"scan": "@NOSUCH01#", "profile": PDA})
    assert missing.status_code == 404 and "NOSUCH01" in missing.json()["message"]

    verified = api.post("/floor/verify", json={"scan": pda("PDA00001"), "profile": PDA}).json()
    assert verified["passed"] is True and verified["serial"] == "PDA00001"
    count = api.post("/stocktakes", json={"location": "WH-A"}).json()["number"]
    counted = api.post(f"/floor/stocktakes/{count}/scan", json={"scan": pda("PDA00001"), "profile": PDA}).json()
    assert (counted["feedback"], counted["serial"]) == ("here", "PDA00001")
    # A scan that is only the added text is empty once it is undone: refused, not counted as "@#".
    empty = api.post(f"/floor/stocktakes/{count}/scan", json={"scan": "@#", "profile": PDA}).json()
    assert empty["feedback"] == "unreadable"
