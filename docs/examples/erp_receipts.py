"""Follow SNApp's receipts into an ERP: each `receipt.posted` becomes a purchase in-stock bill with serial lines.

Run it beside SNApp with an API key of role auditor (it only reads):

    SNAPP_URL=https://snapp-pc:8470 SNAPP_KEY=snk_... SNAPP_CA=snapp-cert.pem python erp_receipts.py

It polls the event feed from the cursor kept in `erp_cursor.txt`, fetches each
receipt with its lines, prices and serials, and prints the bill in the shape of
Kingdee Cloud Galaxy's purchase in-stock bill (STK_InStock: header, FInStockEntry
lines, FSerialSubEntity serial rows). Replace `send()` with your ERP's save call
(Kingdee's WebAPI `Save`, Yonyou U8's receipt import...). The cursor moves only
after `send()` returns, so a crash sends a bill again rather than never: give
the bill SNApp's receipt number as its external key so the ERP drops a second copy.
"""

from __future__ import annotations

import json
import os
import ssl
import time
import urllib.request
from pathlib import Path

URL = os.environ.get("SNAPP_URL", "https://127.0.0.1:8470").rstrip("/") + "/api/v1"
KEY = os.environ["SNAPP_KEY"]
CURSOR = Path(os.environ.get("ERP_CURSOR_FILE", "erp_cursor.txt"))
TLS = ssl.create_default_context(cafile=os.environ.get("SNAPP_CA"))


def get(path: str) -> dict:
    request = urllib.request.Request(URL + path, headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(request, context=TLS, timeout=30) as response:
        return json.load(response)


def in_stock_bill(receipt: dict) -> dict:
    """SNApp's receipt as a Kingdee STK_InStock bill (field names as in its WebAPI)."""
    return {
        "FBillNo": receipt["number"],  # SNApp's number: the ERP's key against a second copy
        "FDate": receipt["received_at"][:10],
        "FSupplierId": {"FNumber": receipt["supplier"]},
        "FStockOrgId": {"FNumber": "100"},  # your organisation's number
        "FInStockEntry": [
            {
                "FMaterialId": {"FNumber": line["sku"]},
                "FRealQty": line["quantity"],
                "FPrice": line["unit_price"],
                "FAmount": line["amount"],
                "FStockId": {"FNumber": receipt["location"]},
                "FSRCBillNo": receipt["po"],  # the purchase order it was received against
                "FSerialSubEntity": [{"FSerialNo": serial, "FSerialQty": 1} for serial in line["serials"]],
            }
            for line in receipt["lines"]
        ],
    }


def send(bill: dict) -> None:
    print(json.dumps(bill, ensure_ascii=False, indent=2))


def main() -> None:
    after = int(CURSOR.read_text()) if CURSOR.exists() else 0
    while True:
        page = get(f"/events?after={after}&types=receipt.posted")
        for event in page["events"]:
            send(in_stock_bill(get(f"/receipts/{event['key']}")))
            after = event["id"]
            CURSOR.write_text(str(after))
        if not page["events"]:
            time.sleep(5)


if __name__ == "__main__":
    main()
