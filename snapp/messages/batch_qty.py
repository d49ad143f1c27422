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
    "batch_qty.label": ("batch label", "批次标签"),
    "batch_qty.batch": ("batch", "批次"),
    "batch_qty.quantity": ("quantity", "数量"),
    "batch_qty.expiry": ("expiry", "有效期"),
    "batch_qty.item": ("item", "物料"),
    "batch_qty.refused": ("lot refused: {n} problem(s); nothing was received", "批次被拒绝：{n} 个问题；未收货"),
    "batch_qty.label_has_serial": (
        "the label names a unit (serial {serial}), not a batch: this item is tracked by batch",
        "该标签标识的是单件（序列号 {serial}），不是批次：此物料按批次管理",
    ),
    "batch_qty.label_no_batch": ("the label has no batch (10)", "标签上没有批号 (10)"),
    "batch_qty.label_other_item": (
        "the label is for GTIN {gtin}, not for {sku}",
        "该标签属于 GTIN {gtin}，不是 {sku}",
    ),
    "batch_qty.count_differs": (
        "the quantity typed ({typed}) is not the label's count ({count})",
        "输入的数量（{typed}）与标签上的数量（{count}）不一致",
    ),
    "batch_qty.batch_needed": ("give the batch", "请填写批号"),
    "batch_qty.batch_needed_for": (
        "{sku} is tracked by batch: give the batch, its expiry and the quantity, or scan its batch label",
        "{sku} 按批次管理：请填写批号、有效期和数量，或扫描其批次标签",
    ),
    "batch_qty.batch_long": ("has {n} characters; a batch has at most {most}", "有 {n} 个字符；批号最多 {most} 个字符"),
    "batch_qty.batch_characters": ("characters not allowed in a batch: {chars}", "批号中不允许的字符：{chars}"),
    "batch_qty.too_many": ("at most {most} in one receipt", "一次收货最多 {most}"),
    "batch_qty.received_expired": (
        "batch {batch} expired on {expiry}: expired stock is not received",
        "批次 {batch} 已于 {expiry} 过期：过期库存不予收货",
    ),
    "batch_qty.expiry_differs": (
        "batch {batch} was received before with expiry {expiry}: one batch has one expiry",
        "批次 {batch} 之前收货时的有效期为 {expiry}：同一批次只有一个有效期",
    ),
    "batch_qty.not_by_batch": (
        "{sku} is tracked by {tracking}, not by batch",
        "{sku} 的管理方式为 {tracking}，不是按批次",
    ),
    "batch_qty.no_stock": ("no stock of {sku} batch {batch} there", "该处没有 {sku} 批次 {batch} 的库存"),
    "batch_qty.issue_expired": (
        "batch {batch} expired on {expiry}: it cannot be issued",
        "批次 {batch} 已于 {expiry} 过期：不能发放",
    ),
    "batch_qty.short": (
        "{wanted} of {sku} asked, but only {have} in unexpired stock",
        "需要 {sku} {wanted} 个，但未过期库存只有 {have} 个",
    ),
    "batch_qty.taken_meanwhile": (
        "someone else issued {sku} meanwhile; try again",
        "其他人刚刚发放了 {sku}；请重试",
    ),
    "batch_qty.earlier": (
        "{count} of {sku} in batch {batch} expire earlier ({expiry}): issue those first",
        "{sku} 批次 {batch} 中有 {count} 个更早过期（{expiry}）：请先发放它们",
    ),
    "sheet.batch_quantities": ("Batch quantities", "批次数量"),
    "column.where": ("Where", "去向"),
    "column.place": ("Receipt / location / to whom", "收货单 / 库位 / 领用人"),
    "batch_flow.received": ("received", "收货"),
    "batch_flow.in_stock": ("in stock", "在库"),
    "batch_flow.issued": ("issued", "已发放"),
    "batch_qty.label_or_typed": (
        "give a batch label or a typed batch and expiry, not both",
        "请提供批次标签，或输入批号和有效期，二者选一",
    ),
}
