"""What the floor client (phones and PDAs) is told: scans judged one at a time, and retried requests."""

MESSAGES = {
    "idempotency.bad_key": (
        "an Idempotency-Key is 1 to {most} printable characters",
        "Idempotency-Key 应为 1 至 {most} 个可打印字符",
    ),
    "idempotency.in_progress": (
        "a request with Idempotency-Key {key} is still being answered; try again in a moment",
        "使用 Idempotency-Key {key} 的请求仍在处理中，请稍后重试",
    ),
    "idempotency.key_reused": (
        "Idempotency-Key {key} was already used for a different request; use a new key for each request",
        "Idempotency-Key {key} 已用于另一个请求；每个请求请使用新的密钥",
    ),
    "receiving.gtin_not_on_po": (
        "GTIN {gtin} is not on any line of PO {po}",
        "GTIN {gtin} 不在采购订单 {po} 的任何行中",
    ),
    "receiving.choose_line": ("choose the PO line first, or scan a GS1 code", "请先选择采购订单行，或扫描 GS1 条码"),
    "receiving.scan_ok": ("OK", "正确"),
    "floor.stocktake_here": ("{serial}: known here ({sku})", "{serial}：在此库位（{sku}）"),
    "floor.stocktake_elsewhere": ("{serial}: belongs in {location}", "{serial}：应在 {location}"),
    "floor.stocktake_unknown": ("{serial}: unknown serial", "{serial}：未知序列号"),
    "floor.stocktake_twice": ("{serial}: scanned {scans} times", "{serial}：已扫描 {scans} 次"),
    "floor.stocktake_not_on_shelf": ("{serial}: not on a shelf ({status})", "{serial}：不在货架上（{status}）"),
}
