"""What a stocktake's report says on paper and in Excel: its title, facts, sections and columns."""

MESSAGES = {
    "stocktake_doc.title": ("Stocktake {number}", "盘点单 {number}"),
    "stocktake_doc.subject": ("Stocktake report", "盘点报告"),
    "stocktake_doc.location": ("Location", "库位"),
    "stocktake_doc.every_location": ("every location", "全部库位"),
    "stocktake_doc.started": ("Started", "开始"),
    "stocktake_doc.closed": ("Closed", "关闭"),
    "stocktake_doc.applied": ("Applied to the books", "已记账"),
    "stocktake_doc.when_by": ("{when} by {who}", "{when}，{who}"),
    "stocktake_doc.not_yet": ("not yet", "尚未"),
    "stocktake_doc.provisional": (
        "Provisional: the stocktake is open, and the books may still change",
        "临时结果：盘点尚未关闭，账面仍可能变化",
    ),
    "stocktake_doc.accuracy": ("Accuracy", "准确率"),
    "stocktake_doc.figures": ("Figures", "统计"),
    "stocktake_doc.figures_are": (
        "matched {matched} · missing {missing} · unexpected {unexpected} · unknown {unknown} · scanned twice {twice}",
        "相符 {matched} · 缺失 {missing} · 多出 {unexpected} · 未知 {unknown} · 重复扫描 {twice}",
    ),
    "stocktake_doc.discrepancies": ("Discrepancies ({n})", "差异（{n}）"),
    "stocktake_doc.matched": ("Matched ({n})", "相符（{n}）"),
    "stocktake_doc.no_discrepancy": ("No discrepancy: every unit is where the books say.", "无差异：每件都与账面一致。"),
    "stocktake_doc.matches_left_out": (
        "{n} matched units are left out of this print (discrepancies only).",
        "本次打印未列出 {n} 件相符单件（仅差异）。",
    ),
    "column.outcome": ("Outcome", "结果"),
    "column.recorded_status": ("Recorded status", "账面状态"),
    "column.recorded_at": ("Recorded at", "账面库位"),
    "column.scans": ("Scans", "扫描次数"),
    "sheet.stocktake": ("Stocktake", "盘点"),
}
