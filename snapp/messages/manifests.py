"""What supplier manifests say: loading, amending, and the verdicts at receipt and verify."""

MESSAGES = {
    "manifest.position": ("manifest", "到货清单"),
    "manifest.setting": ("units not on the manifest", "不在到货清单上的物品"),
    "manifest.refused": (
        "manifest refused: {n} problem(s); nothing was changed",
        "到货清单被拒绝：{n} 个问题；未作任何更改",
    ),
    "manifest.nothing": ("the manifest lists no serials", "到货清单中没有序列号"),
    "manifest.no_change": ("give serials to add or to remove", "请填写要添加或删除的序列号"),
    "manifest.exists": (
        "line {line} of {po} has a manifest of {count} serials already; replace it or amend it",
        "{po} 第 {line} 行已有 {count} 个序列号的到货清单；请替换或修改它",
    ),
    "manifest.received": (
        "line {line} of {po} has received {received} unit(s) already: its manifest can only be amended now",
        "{po} 第 {line} 行已收货 {received} 个：其到货清单现在只能修改",
    ),
    "manifest.none": ("line {line} of {po} has no manifest", "{po} 第 {line} 行没有到货清单"),
    "manifest.no_line": ("{po} has no line {line}", "{po} 没有第 {line} 行"),
    "manifest.po_not_open": (
        "PO {po} is {status}; a manifest belongs to an open PO",
        "采购订单 {po} 为{status}；到货清单只能用于未结束的采购订单",
    ),
    "manifest.not_by_serial": (
        "{sku} is not tracked by serial: it has no manifest",
        "{sku} 不按序列号管理：没有到货清单",
    ),
    "manifest.too_many": (
        "the manifest would list {count} serials, but line {line} orders {ordered}",
        "到货清单将有 {count} 个序列号，但第 {line} 行只订购了 {ordered} 个",
    ),
    "manifest.on_other": ("on the manifest of PO {po}", "在采购订单 {po} 的到货清单上"),
    "manifest.already_listed": ("already on this manifest", "已在此到货清单上"),
    "manifest.not_listed": ("not on this manifest", "不在此到货清单上"),
    "manifest.remove_received": (
        "received on this line already: it stays on the manifest",
        "已在此行收货：保留在到货清单上",
    ),
    "manifest.not_on_it": (
        "not on the supplier's manifest for {po} line {line}",
        "不在供应商为 {po} 第 {line} 行提供的到货清单上",
    ),
    "manifest.supplier_or_item": ("name a supplier or an item (one of them)", "请指定一个供应商或一个物料（二选一）"),
    "manifest.policy_choices": ("choose one of: {choices}", "请选择其一：{choices}"),
    "manifest.accepted_case": (
        "{n} unit(s) not on the supplier's manifest for {po} line {line} were received: {serials}",
        "{n} 个不在供应商为 {po} 第 {line} 行提供的到货清单上的物品已收货：{serials}",
    ),
    "manifest.missing_case": (
        "{n} serial(s) on the supplier's manifest for {po} line {line} were not in receipt {receipt}: {serials}",
        "供应商为 {po} 第 {line} 行提供的到货清单上有 {n} 个序列号不在收货单 {receipt} 中：{serials}",
    ),
    "manifest.verify_on": (
        "on supplier {supplier}'s manifest for {po} line {line}",
        "在供应商 {supplier} 为 {po} 第 {line} 行提供的到货清单上",
    ),
    "manifest.verify_off": (
        "NOT on supplier {supplier}'s manifest for {po} line {line} (accepted at receipt as an exception)",
        "不在供应商 {supplier} 为 {po} 第 {line} 行提供的到货清单上（收货时作为异常接收）",
    ),
    "manifest.verify_none": (
        "supplier {supplier} sent no manifest for {po} line {line}",
        "供应商 {supplier} 未提供 {po} 第 {line} 行的到货清单",
    ),
    "manifest.received_summary": (
        "{missing} serial(s) of the manifest were not delivered; {accepted} unit(s) off it were accepted: "
        "each group opened an exception",
        "到货清单中有 {missing} 个序列号未到货；{accepted} 个不在清单上的物品已接收：每组各开了一个异常",
    ),
    "off_manifest.refuse": ("refuse them", "拒收"),
    "off_manifest.exception": ("accept them and open an exception", "接收并开异常"),
    "exception_kind.manifest": ("Manifest discrepancy", "与到货清单不符"),
}
