"""Recall and trace, batches and expiry: what the core says, and the names of the quarantine status and its moves."""

MESSAGES = {
    "status.quarantined": ("Quarantined", "已隔离"),
    "verb.block": ("block (quarantine)", "冻结（隔离）"),
    "verb.release": ("release from quarantine", "解除隔离"),
    "move.block": ("Block (quarantine)", "冻结（隔离）"),
    "move.release": ("Release from quarantine", "解除隔离"),
    "recall.no_criteria": (
        "say what the recall names: a supplier and batch, a PO, an item and dates, or serials",
        "请指定召回范围：供应商和批号、采购订单、物料和日期，或序列号",
    ),
    "recall.backwards": ("the end date is before the start date", "结束日期早于开始日期"),
    "recall.too_many": ("{n} serials given; at most {most} in one recall", "提供了 {n} 个序列号；一次召回最多 {most} 个"),
    "recall.serials_refused": (
        "{n} serial(s) name no single unit; nothing was traced",
        "{n} 个序列号未对应唯一单件；未做追溯",
    ),
    "recall.no_units": ("the recall names no unit", "该召回范围内没有单件"),
    "recall.days": ("days must be a whole number from 0 to {most}", "天数须为 0 到 {most} 的整数"),
    "recall.expired": ("expired {days} day(s) ago", "已过期 {days} 天"),
    "recall.expires_in": ("expires in {days} day(s)", "{days} 天后到期"),
    "recall.earlier_expiry": (
        "{sku}: {count} unit(s) in stock expire earlier (first {serial}, {expiry}); first-expiring first is advised",
        "{sku}：库存中有 {count} 件更早到期（最早 {serial}，{expiry}）；建议先到期先出",
    ),
    "word.batch": ("batch", "批号"),
    "batch.bad": ("a batch is at most {most} characters of GS1's set (letters, digits, -./ ...)",
                  "批号最多 {most} 个 GS1 字符（字母、数字、-./ 等）"),
    "batch.bad_expiry": ("an expiry is a date cell, or a date written like 2027-03-31",
                         "有效期须为日期单元格，或写作 2027-03-31 这样的日期"),
}
