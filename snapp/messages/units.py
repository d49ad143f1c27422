"""What the resolver says about typed or scanned input and the units it names."""

MESSAGES = {
    "units.case_flipped": (
        "Caps Lock seems to be on: read {typed} as {read}",
        "大写锁定似乎已打开：已将 {typed} 读作 {read}",
    ),
    "units.dropped_gs": (
        "read as serial {serial}: the scanner seems to have dropped a GS separator",
        "已读作序列号 {serial}：扫描器似乎漏掉了一个 GS 分隔符",
    ),
    "units.not_found": ("no unit with this serial", "没有此序列号的单件"),
    "units.not_found_of": ("no unit with this serial of {sku}", "{sku} 没有此序列号的单件"),
    "units.ambiguous": (
        "several items have this serial ({skus}); give the SKU or scan the unit's GS1 code",
        "多个物料有此序列号（{skus}）；请指定 SKU 或扫描单件的 GS1 码",
    ),
    "units.position": ("serial {n}", "第 {n} 个序列号"),
    "units.none_given": ("no serials given", "未提供序列号"),
    "units.scan_warning": ("{raw}: {warning}", "{raw}：{warning}"),
    "units.shared_serial": (
        "{raw}: several items have serial {serial}; scan the GS1 code to count it",
        "{raw}：多个物料有序列号 {serial}；请扫描 GS1 码以清点",
    ),
    "units.no_unit": ("no unit with serial {serial!r}", "没有序列号为 {serial!r} 的单件"),
    "units.unlabelled": ("{n} serial(s) cannot be labelled; nothing was printed", "{n} 个序列号无法打印标签；未打印任何内容"),
}
