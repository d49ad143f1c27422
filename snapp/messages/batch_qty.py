"""What receiving says of a scan against a manifest before posting, and what quantity-only batches say."""

MESSAGES = {
    "manifest_scan.on_it": ("on the manifest of {po} line {line}", "在 {po} 第 {line} 行的到货清单上"),
    "manifest_scan.accepted": (
        "not on the manifest of {po} line {line}: accepted as an exception when posted",
        "不在 {po} 第 {line} 行的到货清单上：过账时作为异常接收",
    ),
    "manifest_scan.missing_case": (
        "{n} of the {listed} serial(s) on the supplier's manifest for {po} line {line} not delivered yet "
        "(as of receipt {receipt}): {serials}",
        "供应商为 {po} 第 {line} 行提供的到货清单上的 {listed} 个序列号中，有 {n} 个尚未到货（截至收货单 {receipt}）：{serials}",
    ),
    "manifest_scan.all_delivered": (
        "every serial on the manifest delivered (receipt {receipt})",
        "到货清单上的序列号已全部到货（收货单 {receipt}）",
    ),
}
