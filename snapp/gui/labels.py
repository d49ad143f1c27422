"""What the screens call statuses and moves; the core's codes (in_stock, issue...) stay in the database."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUSES = {
    "in_stock": QT_TRANSLATE_NOOP("labels", "In stock"),
    "issued": QT_TRANSLATE_NOOP("labels", "Issued"),
    "in_repair": QT_TRANSLATE_NOOP("labels", "In repair"),
    "returned_to_supplier": QT_TRANSLATE_NOOP("labels", "Returned to supplier"),
    "shipped": QT_TRANSLATE_NOOP("labels", "Shipped"),
    "scrapped": QT_TRANSLATE_NOOP("labels", "Scrapped"),
    "lost": QT_TRANSLATE_NOOP("labels", "Lost"),
}
PO_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("labels", "Draft"),
    "approved": QT_TRANSLATE_NOOP("labels", "Approved"),
    "partially_received": QT_TRANSLATE_NOOP("labels", "Partially received"),
    "received": QT_TRANSLATE_NOOP("labels", "Received in full"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
}
ACTIONS = {
    "receive": QT_TRANSLATE_NOOP("labels", "Received"),
    "issue": QT_TRANSLATE_NOOP("labels", "Issue"),
    "restock": QT_TRANSLATE_NOOP("labels", "Return from issue"),
    "transfer": QT_TRANSLATE_NOOP("labels", "Transfer"),
    "repair": QT_TRANSLATE_NOOP("labels", "Send to repair"),
    "unrepair": QT_TRANSLATE_NOOP("labels", "Return from repair"),
    "return": QT_TRANSLATE_NOOP("labels", "Return to supplier"),
    "ship": QT_TRANSLATE_NOOP("labels", "Ship to customer"),
    "scrap": QT_TRANSLATE_NOOP("labels", "Scrap"),
    "lose": QT_TRANSLATE_NOOP("labels", "Mark lost"),
    "found": QT_TRANSLATE_NOOP("labels", "Found again"),
}


VERDICTS = {
    "in_stock": QT_TRANSLATE_NOOP("labels", "In stock — genuine"),
    "not_in_stock": QT_TRANSLATE_NOOP("labels", "Ours, not in stock"),
    "reappeared": QT_TRANSLATE_NOOP("labels", "Reappeared — needs a check"),
    "received_twice": QT_TRANSLATE_NOOP("labels", "Received twice — needs a check"),
    "unknown_serial": QT_TRANSLATE_NOOP("labels", "Unknown serial — not in SNApp"),
    "unknown_gtin": QT_TRANSLATE_NOOP("labels", "Unknown product (GTIN) — not in SNApp"),
    "gtin_serial_mismatch": QT_TRANSLATE_NOOP("labels", "Product and serial do not match"),
    "malformed": QT_TRANSLATE_NOOP("labels", "Cannot read the code"),
}
COUNT_OUTCOMES = {
    "matched": QT_TRANSLATE_NOOP("labels", "Matched"),
    "missing": QT_TRANSLATE_NOOP("labels", "Missing"),
    "unexpected": QT_TRANSLATE_NOOP("labels", "Unexpected"),
    "unknown": QT_TRANSLATE_NOOP("labels", "Unknown"),
    "scanned_twice": QT_TRANSLATE_NOOP("labels", "Scanned twice"),
}
COUNT_STATUSES = {
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "closed": QT_TRANSLATE_NOOP("labels", "Closed"),
    "applied": QT_TRANSLATE_NOOP("labels", "Applied"),
}
EXCEPTION_KINDS = {
    "rejected_scan": QT_TRANSLATE_NOOP("labels", "Rejected scan"),
    "over_delivery": QT_TRANSLATE_NOOP("labels", "Over-delivery"),
    "verification": QT_TRANSLATE_NOOP("labels", "Failed verification"),
    "reappeared": QT_TRANSLATE_NOOP("labels", "Reappearing unit"),
    "stocktake": QT_TRANSLATE_NOOP("labels", "Stocktake discrepancy"),
}
EXCEPTION_STATUSES = {
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "resolved": QT_TRANSLATE_NOOP("labels", "Resolved"),
}


def label(names: dict[str, str], code: str | None) -> str:
    """The translated name of ``code`` in one of the tables above; the code itself when it has none."""
    return QCoreApplication.translate("labels", names[code]) if code in names else (code or "")


def status_label(status: str | None) -> str:
    return label(STATUSES, status)


def po_status_label(status: str) -> str:
    return label(PO_STATUSES, status)


def action_label(action: str) -> str:
    return label(ACTIONS, action)


def exception_label(kind: str) -> str:
    return label(EXCEPTION_KINDS, kind)
