"""What suppliers, items and locations say: missing and unknown records, and the bounds of their fields."""

MESSAGES = {
    "masterdata.no_supplier": ("no supplier with code '{supplier}'", "没有编码为“{supplier}”的供应商"),
    "masterdata.no_item": ("no item with SKU '{sku}'", "没有 SKU 为“{sku}”的物料"),
    "masterdata.no_location": ("no location with code '{location}'", "没有编码为“{location}”的库位"),
    "masterdata.no_locations": ("no location exists yet; add one first", "还没有任何库位；请先添加一个"),
    "masterdata.choose_location": ("choose a location (one of: {codes})", "请选择库位（可选：{codes}）"),
    "masterdata.one_of": ("must be one of {choices}", "必须是以下之一：{choices}"),
    "masterdata.too_long": ("has {n} characters; at most {most} fit", "有 {n} 个字符；最多只能 {most} 个"),
}
