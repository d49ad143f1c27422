"""What capture says about a serial it refuses: typed, scanned, pasted, ranged or read from a cell."""

MESSAGES = {
    "capture.excel_number": (
        "Excel has turned this {what} into a number; format the column as Text and enter the {what} again",
        "Excel 已将此{what}变成数字；请把该列设为文本格式并重新输入{what}",
    ),
    "capture.gs1_gtin_not_ours": (
        "GS1 code for GTIN {scanned}, but this item has no GTIN",
        "GS1 码的 GTIN 为 {scanned}，但此物料没有 GTIN",
    ),
    "capture.gs1_gtin_mismatch": (
        "GS1 code for GTIN {scanned}, but this item's GTIN is {mine}",
        "GS1 码的 GTIN 为 {scanned}，但此物料的 GTIN 是 {mine}",
    ),
    "capture.gs1_no_gtin": ("GS1 code without a GTIN (01)", "GS1 码缺少 GTIN (01)"),
    "capture.duplicate": ("appears twice in this batch (first at {first})", "在本批中出现两次（首次在 {first}）"),
    "capture.range_affixes": (
        "both ends must share the text around the number ({first} vs {last})",
        "两端数字前后的文字必须相同（{first} 与 {last}）",
    ),
    "capture.bad_characters": ("characters not allowed in a serial: {chars}", "序列号中不允许的字符：{chars}"),
    "capture.pattern": ("does not match this item's serial pattern {pattern}", "不符合此物料的序列号规则 {pattern}"),
    "capture.too_short": (
        "has {n} characters; this item's serials have at least {low}",
        "有 {n} 个字符；此物料的序列号至少需要 {low} 个字符",
    ),
    "capture.too_long": (
        "has {n} characters; this item's serials have at most {high}",
        "有 {n} 个字符；此物料的序列号最多 {high} 个字符",
    ),
    "capture.boolean_cell": ("is a TRUE/FALSE cell, not a {what}", "是 TRUE/FALSE 单元格，不是{what}"),
    "capture.date_cell": (
        "is a date cell: Excel has turned the {what} into a date; format the column as Text and enter the {what} again",
        "是日期单元格：Excel 已将{what}变成日期；请把该列设为文本格式并重新输入{what}",
    ),
    "capture.decimal_cell": (
        "is a decimal number cell, not a {what}; format the column as Text and enter the {what} again",
        "是小数单元格，不是{what}；请把该列设为文本格式并重新输入{what}",
    ),
    "capture.rounded_cell": (
        "is a number cell with more than {digits} digits, which Excel has already rounded; "
        "format the column as Text and enter the {what} again",
        "是超过 {digits} 位的数字单元格，Excel 已将其舍入；请把该列设为文本格式并重新输入{what}",
    ),
    "capture.other_cell": ("is a {kind} value, not a {what}", "是 {kind} 类型的值，不是{what}"),
    "capture.empty": ("is empty", "为空"),
    "capture.range_backwards": ("the last serial comes before the first", "最后一个序列号排在第一个之前"),
    "capture.range_widths": (
        "the two ends have numbers of different widths; write both with the same number of digits",
        "两端数字的位数不同；请用相同位数书写",
    ),
    "capture.range_syntax": (
        "write a range as FIRST..LAST, both ending in a number, e.g. SN0001..SN0500",
        "号段请写成“首..尾”，两端都以数字结尾，例如 SN0001..SN0500",
    ),
    "capture.range_too_long": ("{count:,} serials; a range holds at most {most:,}", "{count:,} 个序列号；一个号段最多 {most:,} 个"),
    "capture.count_mismatch": ("{valid} valid serials, but {expected} were expected", "有效序列号 {valid} 个，但应为 {expected} 个"),
    "capture.bad_pattern": ("is not a valid pattern: {detail}", "不是有效的规则表达式：{detail}"),
    "capture.min_below_one": ("must be at least 1", "至少为 1"),
    "capture.max_below_min": ("must not be below the minimum", "不能小于最小值"),
    "capture.bad_gtin": ("not a valid GTIN: {detail}", "不是有效的 GTIN：{detail}"),
}
