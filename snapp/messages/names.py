"""The names of statuses, moves, verdicts and outcomes, one per thing, for every screen, PDF and export."""

MESSAGES = {
    "status.in_stock": ("In stock", "在库"),
    "status.issued": ("Issued", "已领用"),
    "status.in_repair": ("In repair", "维修中"),
    "status.returned_to_supplier": ("Returned to supplier", "已退供应商"),
    "status.shipped": ("Shipped", "已发货"),
    "status.scrapped": ("Scrapped", "已报废"),
    "status.lost": ("Lost", "已丢失"),
    "po_status.draft": ("Draft", "草稿"),
    "po_status.approved": ("Approved", "已审核"),
    "po_status.partially_received": ("Partially received", "部分收货"),
    "po_status.received": ("Received in full", "已全部收货"),
    "po_status.closed": ("Closed", "已关闭"),
    "po_status.cancelled": ("Cancelled", "已取消"),
    "word.serial": ("serial", "序列号"),
}
