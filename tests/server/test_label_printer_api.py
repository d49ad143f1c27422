"""A receipt's labels sent from a phone through the HTTP API to the server computer's label printer (a real socket)."""

from __future__ import annotations

from snapp.app.settings import save_printer
from snapp.io.printers import Printer
from snapp.reports.thermal import Language
from tests.printer_jobs import Listener, parse_zpl, refused_address
from tests.server.conftest import Server


def test_labels_go_to_the_servers_printer_and_a_refusal_is_one_sentence(db_url, company, tmp_path):
    config = tmp_path / "config"
    printer = Listener()
    save_printer(Printer(printer.address, Language.ZPL, 203, "thermal-50x30"), path=config / "SNApp" / "snapp.ini")
    server = Server(db_url, XDG_CONFIG_HOME=str(config))
    try:
        api = server.login()
        assert api.get("/printer").json() == {"address": printer.address, "language": "zpl", "dpi": 203, "template": "thermal-50x30"}
        receipt = api.post(f"/pos/{company.number}/receipts", json={"sku": "LAP", "serials": ["SN000001", "SN000002"], "location": "WH-A"})
        assert receipt.status_code == 201, receipt.text
        sent = api.post("/labels/printer", json={"receipt": receipt.json()["number"]})
        assert sent.status_code == 200, sent.text
        assert sent.json() == {"labels": 2, "printer": printer.address}
        labels = parse_zpl(printer.job())
        assert [[m.data for m in label.marks if m.kind == "code128"] for label in labels] == [["SN000001"], ["SN000002"]]

        refused = refused_address()
        save_printer(Printer(refused, Language.ZPL, 203, "thermal-50x30"), path=config / "SNApp" / "snapp.ini")
        answer = api.post("/labels/printer", json={"serials": ["SN000001"]})
        assert answer.status_code == 400
        assert answer.json()["message"].startswith(f"the label printer at {refused} refused the connection")
        assert api.post("/labels/printer", json={"receipt": "GR-1", "colour": "red"}).status_code == 422
    finally:
        printer.close()
        server.stop()
