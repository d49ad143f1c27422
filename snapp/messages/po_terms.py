"""What a PO's terms, totals, edits and amendments say."""

MESSAGES = {
    "money.currency": (
        "{currency!r} is not a currency SNApp knows (an ISO 4217 code such as CNY, USD, EUR)",
        "{currency!r} 不是可用的币种（请用 ISO 4217 代码，如 CNY、USD、EUR）",
    ),
    "money.tax_rate": (
        "tax rate {rate} must be a percentage from 0 to 100 with at most two decimals",
        "税率 {rate} 必须是 0 到 100 之间的百分数，最多两位小数",
    ),
    "po_terms.currency": ("currency", "币种"),
    "po_terms.tax_rate": ("tax rate", "税率"),
    "po_terms.supplier_ref": ("supplier reference", "供应商单号"),
    "verb.edit": ("edit", "编辑"),
    "verb.amend": ("amend", "变更"),
    "po_terms.reason": ("an amendment needs a reason", "变更必须填写原因"),
    "po_terms.no_change": ("nothing to change: the PO already reads so", "没有变更：采购订单已是这样"),
    "po_terms.received_line_removed": (
        "line {line} ({sku}) has {received} received and cannot be removed",
        "第 {line} 行（{sku}）已收货 {received}，不能删除",
    ),
    "po_terms.below_received": (
        "line {line} ({sku}): {quantity} is below the {received} already received",
        "第 {line} 行（{sku}）：数量 {quantity} 少于已收货的 {received}",
    ),
    "po_terms.received_item_changed": (
        "line {line} has {received} of {sku} received; its item cannot change",
        "第 {line} 行已收货 {received} 件 {sku}，不能更换物料",
    ),
    "po_terms.unknown_line": ("the PO has no line {line}", "采购订单没有第 {line} 行"),
    "po_terms.supplier_fixed": (
        "the supplier of an approved PO cannot change; cancel it and raise a new one",
        "已审核采购订单的供应商不能更改；请取消后重新下单",
    ),
    "po_terms.date": ("{value!r} is not a date (write YYYY-MM-DD)", "{value!r} 不是日期（请写成 YYYY-MM-DD）"),
    "po_terms.too_long": ("at most {limit} characters", "最多 {limit} 个字符"),
}
