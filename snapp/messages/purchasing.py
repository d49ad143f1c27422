"""What purchase orders say."""

MESSAGES = {
    "purchasing.line": ("line", "订单行"),
    "purchasing.lines": ("lines", "订单行"),
    "purchasing.supplier": ("supplier", "供应商"),
    "purchasing.line_syntax": (
        "write a line as SKU:QUANTITY or SKU:QUANTITY:PRICE",
        "订单行请写成 SKU:数量 或 SKU:数量:单价",
    ),
    "purchasing.no_lines": ("a purchase order needs at least one line", "采购订单至少需要一行"),
    "purchasing.quantity": ("quantity must be at least 1", "数量至少为 1"),
    "purchasing.negative_price": ("price must not be negative", "单价不能为负数"),
    "purchasing.no_po": ("no purchase order {number!r}", "没有采购订单 {number!r}"),
}
