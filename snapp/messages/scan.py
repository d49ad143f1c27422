"""What the scan decoder says about a code: what it read, or why it cannot read it."""

MESSAGES = {
    "scan.profile_with": (
        "GS sent as {gs}, with symbology identifier, ends with {suffix}",
        "GS 以 {gs} 发送，带符号标识符，以 {suffix} 结尾",
    ),
    "scan.profile_without": (
        "GS sent as {gs}, without symbology identifier, ends with {suffix}",
        "GS 以 {gs} 发送，不带符号标识符，以 {suffix} 结尾",
    ),
    "scan.empty": ("the scan is empty", "扫描内容为空"),
    "scan.no_symbology": (
        "this scan has no symbology identifier although the scanner is set to send one (typed by hand?)",
        "扫描器设置为发送符号标识符，但此次扫描没有（是手工输入的吗？）",
    ),
    "scan.caps_lock": (
        "Caps Lock seems to be on: the letters arrived in inverted case and were read the other way round",
        "大写锁定似乎已打开：字母的大小写被颠倒，已按相反的大小写读取",
    ),
    "scan.drug_code": ("drug traceability code {number} (product code {product})", "药品追溯码 {number}（产品码 {product}）"),
    "scan.bad_ean": ("EAN/UPC barcode {barcode}: {detail}", "EAN/UPC 条码 {barcode}：{detail}"),
    "scan.product_barcode": (
        "the product barcode (EAN/UPC, GTIN {gtin}): it names a product, not a unit; scan the serial label",
        "这是商品条码（EAN/UPC，GTIN {gtin}）：它标识的是产品而不是单件；请扫描序列号标签",
    ),
    "scan.too_long": ("{n} characters; a serial has at most {most}", "{n} 个字符；序列号最多 {most} 个字符"),
    "scan.serial": ("serial {serial}", "序列号 {serial}"),
    "scan.gtin_serial": ("GTIN {gtin}, serial {serial}", "GTIN {gtin}，序列号 {serial}"),
    "scan.and_batch": ("{read}, batch {batch}", "{read}，批号 {batch}"),
    "scan.and_expiry": ("{read}, expiry {expiry}", "{read}，有效期 {expiry}"),
    "scan.gs1_characters": ("characters outside GS1's CSET 82: {chars}", "超出 GS1 CSET 82 字符集的字符：{chars}"),
    "scan.gs1_unreadable": ("not a readable GS1 code: {detail}", "不是可读的 GS1 码：{detail}"),
    "scan.gtin_digits": (
        "GTIN {gtin} has {n} digits; a GTIN has 8, 12, 13 or 14",
        "GTIN {gtin} 有 {n} 位；GTIN 应为 8、12、13 或 14 位",
    ),
    "scan.not_digital_link": ("not a GS1 Digital Link: {detail}", "不是 GS1 数字链接：{detail}"),
    "scan.no_gtin_in_path": ("no GTIN in its path", "路径中没有 GTIN"),
    "scan.web_address": (
        "a web address, not a readable GS1 Digital Link: {detail}",
        "这是一个网址，不是可读的 GS1 数字链接：{detail}",
    ),
    "scan.bad_gtin": ("GTIN {gtin}: {detail}", "GTIN {gtin}：{detail}"),
    "scan.ambiguous_split": (
        "a GS separator is missing, so the batch and the serial run together (the serial could be {serials}); "
        "set the scanner to send GS (ASCII 29)",
        "缺少 GS 分隔符，批号和序列号连在了一起（序列号可能是 {serials}）；请将扫描器设置为发送 GS（ASCII 29）",
    ),
    "scan.no_serial_gtin": (
        "GTIN {gtin} without a serial number (21): it names a product, not a unit",
        "GTIN {gtin} 缺少序列号 (21)：它标识的是产品而不是单件",
    ),
    "scan.no_serial_code": (
        "a GS1 code without a serial number (21): it names a product, not a unit",
        "GS1 码缺少序列号 (21)：它标识的是产品而不是单件",
    ),
    "scan.may_be": (
        "no GS separator in this scan: if the scanner dropped one, the serial may be {serial}",
        "此次扫描没有 GS 分隔符：如果扫描器漏掉了一个，序列号可能是 {serial}",
    ),
    "scan.element_too_long": (
        "the {title} ({ai}) is longer than {most} characters",
        "{title} ({ai}) 超过 {most} 个字符",
    ),
    "scan.gtin_14": ("the GTIN (01) must have 14 digits: {detail}", "GTIN (01) 必须为 14 位：{detail}"),
    "scan.ma_not_di": (
        "{di}: not an MA device identifier (MA.country.industry.registrant.product)",
        "{di}：不是 MA 器械标识（MA.国家.行业.注册人.产品）",
    ),
    "scan.ma_product_length": (
        "MA product code {product} has {n} characters; it has {length}",
        "MA 产品代码 {product} 有 {n} 个字符；应为 {length} 个",
    ),
    "scan.ma_unknown_unit": ("MA code {di}: unknown data unit .{part}", "MA 码 {di}：未知的数据单元 .{part}"),
    "scan.ma_no_serial": (
        "MA device identifier {di} without a serial (.S): it names a product, not a unit",
        "MA 器械标识 {di} 缺少序列号 (.S)：它标识的是产品而不是单件",
    ),
    "scan.ma_read": ("China UDI (MA) {di}, serial {serial}", "中国 UDI（MA）{di}，序列号 {serial}"),
}
