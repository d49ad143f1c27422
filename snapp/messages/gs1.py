"""What a GS1 code's dates say when they are not dates."""

MESSAGES = {
    "gs1.bad_date": ("{name} {date} is not a date", "{name} {date} 不是有效日期"),
    "gs1.date_11": ("production date (11)", "生产日期 (11)"),
    "gs1.date_12": ("due date (12)", "付款截止日期 (12)"),
    "gs1.date_13": ("packaging date (13)", "包装日期 (13)"),
    "gs1.date_15": ("best before date (15)", "保质期 (15)"),
    "gs1.date_16": ("sell by date (16)", "销售截止日期 (16)"),
    "gs1.date_17": ("expiry date (17)", "有效期 (17)"),
}
