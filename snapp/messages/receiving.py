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
}
