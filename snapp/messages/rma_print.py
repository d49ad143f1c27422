"""After-sales documents and promises: what the core says about the day a return's answer is promised by, and a
supplier's replacement that is not a new unit."""

MESSAGES = {
    "rma_print.not_a_day": ("is not a day (YYYY-MM-DD)", "不是有效日期（YYYY-MM-DD）"),
    "rma_print.promised_past": (
        "the answer cannot be promised by {day}: that day is before today ({today})",
        "不能承诺在 {day} 前答复：该日期早于今天（{today}）",
    ),
    "rma_print.replacement_received": (
        "replacement {serial} has already been received for {sku}: the supplier's replacement must be a unit not yet in SNApp",
        "替换件 {serial} 已作为 {sku} 收过货：供应商的替换件必须是 SNApp 中尚未有的单件",
    ),
}
