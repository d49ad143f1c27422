"""Sentences of the HTTP API's finance workbooks."""

MESSAGES = {
    "sheet.stock_value": ("Stock value", "库存价值"),
    "sheet.receipt": ("Goods receipt", "收货单明细"),
    "column.units": ("Units", "数量"),
    "column.unpriced": ("Without price", "无单价"),
    "column.value": ("Value", "金额"),
}
