"""What verify says: each verdict's explanation, stored as code and values so it can be said again in Chinese."""

MESSAGES = {
    "verify.unknown_means": (
        "Unknown only means SNApp has no record of it: it may not have been received yet, belong to another "
        "company's stock, or have been received under a different code.",
        "未知只表示 SNApp 没有它的记录：它可能尚未收货、属于其他公司的库存，或以其他编码收货。",
    ),
    "verify.unit": ("{sku} {name}, {status}, supplier {supplier}, PO {po}", "{sku} {name}，{status}，供应商 {supplier}，采购订单 {po}"),
    "verify.unit_at": (
        "{sku} {name}, {status} at {location}, supplier {supplier}, PO {po}",
        "{sku} {name}，{status}，位于 {location}，供应商 {supplier}，采购订单 {po}",
    ),
    "verify.and": ("{first}; {rest}", "{first}；{rest}"),
    "verify.no_single_unit": ("the code identifies no single unit: {detail}", "此编码不能标识单个单件：{detail}"),
    "verify.unreadable": ("the code cannot be read: {detail}", "无法读取此编码：{detail}"),
    "verify.unknown_gtin": (
        "GTIN {gtin} is not the GTIN of any item in SNApp. {means}",
        "GTIN {gtin} 不是 SNApp 中任何物料的 GTIN。{means}",
    ),
    "verify.unknown_gtin_recorded": (
        "GTIN {gtin} is not the GTIN of any item in SNApp; serial {serial} is recorded for {items}. {means}",
        "GTIN {gtin} 不是 SNApp 中任何物料的 GTIN；序列号 {serial} 记录在 {items} 名下。{means}",
    ),
    "verify.mismatch": (
        "GTIN {gtin} is {sku} {name}, but serial {serial} belongs to a unit of {items}: "
        "the label's product and serial do not belong together",
        "GTIN {gtin} 是 {sku} {name}，但序列号 {serial} 属于 {items} 的单件：标签上的产品与序列号不匹配",
    ),
    "verify.unknown_serial_of": (
        "{sku} {name} (GTIN {gtin}) is known, but no unit of it with serial {serial} was received. {means}",
        "{sku} {name}（GTIN {gtin}）是已知物料，但没有收到序列号为 {serial} 的单件。{means}",
    ),
    "verify.unknown_serial": ("no unit with serial {serial} is recorded. {means}", "没有序列号为 {serial} 的单件记录。{means}"),
    "verify.received_twice": (
        "serial {serial} was received {n} times, for different items ({units}). Scan the unit's GS1 code or give the "
        "SKU to tell them apart; a check is needed, since one serial on two products is either a coincidence between "
        "manufacturers or a copied label",
        "序列号 {serial} 已收货 {n} 次，属于不同物料（{units}）。请扫描单件的 GS1 码或指定 SKU 以区分；"
        "需要核查，因为两个产品使用同一序列号，可能是不同制造商的巧合，也可能是复制的标签",
    ),
    "verify.received": (
        "received {day} on PO {po} (receipt {receipt}) from supplier {supplier}",
        "于 {day} 按采购订单 {po}（收货单 {receipt}）从供应商 {supplier} 收货",
    ),
    "verify.in_stock": (
        "genuine and in stock at {location}: {sku} {name}, {received}",
        "真品，在库于 {location}：{sku} {name}，{received}",
    ),
    "verify.on_day": (" on {day}", "（{day}）"),
    "verify.ref": (" (ref {ref})", "（单号 {ref}）"),
    "verify.reappeared": (
        "a known unit that should not be here: {sku} {name} was {gone}{when}{ref}; {received}. "
        "A unit that reappears after leaving needs a check",
        "已知单件不应出现在此：{sku} {name} 已{gone}{when}{ref}；{received}。离开后再次出现的单件需要核查",
    ),
    "verify.gone.shipped": ("shipped to a customer", "发货给客户"),
    "verify.gone.scrapped": ("scrapped", "报废"),
    "verify.gone.returned_to_supplier": ("returned to the supplier", "退回供应商"),
    "verify.gone.lost": ("marked lost", "标记为丢失"),
    "verify.not_in_stock": (
        "ours, currently {state}{when}{ref}: {sku} {name}, {received}",
        "我方单件，目前{state}{when}{ref}：{sku} {name}，{received}",
    ),
    "verify.state.issued": ("issued", "已领用"),
    "verify.state.in_repair": ("in repair", "维修中"),
}
