"""What receiving says."""

MESSAGES = {
    "receiving.nothing": ("no serials to receive", "没有要收货的序列号"),
    "receiving.over_receipt": (
        "{count} to receive, but line {line} has only {remaining} open (ordered {ordered}, received {received})",
        "要收 {count} 个，但第 {line} 行只剩 {remaining} 个未收（订购 {ordered}，已收 {received}）",
    ),
    "receiving.already_received": (
        "already received (receipt {receipt}, PO {po}); the unit is now {status}",
        "已收货（收货单 {receipt}，采购订单 {po}）；该单位现为{status}",
    ),
    "receiving.already_received_at": (
        "already received (receipt {receipt}, PO {po}); the unit is now {status} at {location}",
        "已收货（收货单 {receipt}，采购订单 {po}）；该单位现为{status}，位于 {location}",
    ),
    "receiving.refused": (
        "receipt refused: {n} problem(s); nothing was received",
        "收货被拒绝：{n} 个问题；未收任何货",
    ),
    "receiving.po_not_open": (
        "PO {po} is {status}; only an approved PO can be received against",
        "采购订单 {po} 为{status}；只有已审核的采购订单才能收货",
    ),
    "receiving.no_line": ("PO {po} has no line for {sku}", "采购订单 {po} 没有 {sku} 的行"),
    "receiving.by_serial": ("{sku} is received by serial", "{sku} 按序列号收货"),
    "receiving.not_by_serial": (
        "{sku} is not tracked by serial; give a quantity",
        "{sku} 不按序列号管理；请填写数量",
    ),
    "receiving.quantity_positive": ("give a quantity of at least 1", "请填写至少为 1 的数量"),
    "receiving.line_taken": (
        "receipt refused: someone else received on this line first",
        "收货被拒绝：已有其他人先在此行收货",
    ),
    "receiving.serials_taken": (
        "another receipt took some of these serials at the same moment; try again",
        "另一张收货单同时收了其中部分序列号；请重试",
    ),
    "receiving.position_batch": ("batch", "整批"),
    "receiving.position_quantity": ("quantity", "数量"),
    "receiving.position_serials": ("serials", "序列号"),
}
