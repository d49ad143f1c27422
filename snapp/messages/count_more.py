"""What a count's report says on paper and in Excel: its title, facts, sections and columns."""

MESSAGES = {
    "count_doc.title": ("Stocktake {number}", "盘点单 {number}"),
    "count_doc.subject": ("Stocktake report", "盘点报告"),
    "count_doc.location": ("Location", "库位"),
    "count_doc.every_location": ("every location", "全部库位"),
    "count_doc.started": ("Started", "开始"),
    "count_doc.closed": ("Closed", "关闭"),
    "count_doc.applied": ("Applied to the books", "已记账"),
    "count_doc.when_by": ("{when} by {who}", "{when}，{who}"),
    "count_doc.not_yet": ("not yet", "尚未"),
    "count_doc.provisional": (
        "Provisional: the count is open, and the books may still change",
        "临时结果：盘点尚未关闭，账面仍可能变化",
    ),
    "count_doc.accuracy": ("Accuracy", "准确率"),
    "count_doc.figures": ("Figures", "统计"),
    "count_doc.figures_are": (
        "matched {matched} · missing {missing} · unexpected {unexpected} · unknown {unknown} · scanned twice {twice}",
        "相符 {matched} · 缺失 {missing} · 多出 {unexpected} · 未知 {unknown} · 重复扫描 {twice}",
    ),
    "count_doc.discrepancies": ("Discrepancies ({n})", "差异（{n}）"),
    "count_doc.matched": ("Matched ({n})", "相符（{n}）"),
    "count_doc.no_discrepancy": ("No discrepancy: every unit is where the books say.", "无差异：每件都与账面一致。"),
    "count_doc.matches_left_out": (
        "{n} matched units are left out of this print (discrepancies only).",
        "本次打印未列出 {n} 件相符单件（仅差异）。",
    ),
    "column.outcome": ("Outcome", "结果"),
    "column.recorded_status": ("Recorded status", "账面状态"),
    "column.recorded_at": ("Recorded at", "账面库位"),
    "column.scans": ("Scans", "扫描次数"),
    "sheet.count": ("Stocktake", "盘点"),
}
