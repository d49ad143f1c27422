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


EXCEPTION_KINDS = {
    "rejected_scan": QT_TRANSLATE_NOOP("labels", "Serials refused at receipt"),
    "over_delivery": QT_TRANSLATE_NOOP("labels", "Over-deliveries"),
    "verification": QT_TRANSLATE_NOOP("labels", "Failed verifications"),
    "reappeared": QT_TRANSLATE_NOOP("labels", "Reappearing units"),
    "stocktake": QT_TRANSLATE_NOOP("labels", "Stocktake discrepancies"),
}


def exception_label(kind: str) -> str:
    return QCoreApplication.translate("labels", EXCEPTION_KINDS[kind]) if kind in EXCEPTION_KINDS else kind


def status_label(status: str | None) -> str:
    return QCoreApplication.translate("labels", STATUSES[status]) if status in STATUSES else (status or "")


def po_status_label(status: str) -> str:
    return QCoreApplication.translate("labels", PO_STATUSES[status]) if status in PO_STATUSES else status


def action_label(action: str) -> str:
    return QCoreApplication.translate("labels", ACTIONS[action]) if action in ACTIONS else action
