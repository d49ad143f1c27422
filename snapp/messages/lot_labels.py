"""Custom fields on labels, and batch lots on the desktop's receiving screen."""

MESSAGES = {
    "lot_labels.unknown_custom_field": (
        "no item has a custom field {name}; defined: {known}",
        "没有物料定义自定义字段 {name}；已定义：{known}",
    ),
    "lot_labels.field_not_gs1": (
        "a GS1 DataMatrix holds the unit's GTIN, batch and serial, not a custom field; use code128 or qr",
        "GS1 DataMatrix 只含 GTIN、批号和序列号，不能放自定义字段；请用 code128 或 qr",
    ),
    "lot_labels.expiry_format": (
        "not a day: write the expiry as YYYY-MM-DD, or leave it empty",
        "不是日期：有效期请写成 YYYY-MM-DD，或留空",
    ),
}
