"""After-sales: customers, returns (RMA), swaps, supplier RMAs, repairs, warranties and alerts."""

MESSAGES = {
    # names
    "status.customer_return": ("Returned by customer", "客户退回"),
    "move.customer_return": ("Customer return", "客户退货"),
    "move.accept": ("Back to stock after inspection", "检验后入库"),
    "move.replace": ("Replacement to customer", "换货发给客户"),
    "move.supplier_back": ("Back from supplier", "供应商返回"),
    "verb.customer_return": ("take back from a customer", "接收客户退货"),
    "verb.accept": ("put back to stock after inspection", "检验后入库"),
    "verb.replace": ("send as a replacement", "作为换货发出"),
    "verb.supplier_back": ("take back from the supplier", "接收供应商返回"),
    "verify.state.customer_return": ("returned by a customer and waiting for inspection", "客户退回，待检验"),
    "exception_kind.customer_return": ("Refused customer return", "客户退货被拒"),
    "rma_status.open": ("Open", "处理中"),
    "rma_status.resolved": ("Resolved", "已处理"),
    "supplier_rma_status.open": ("At the supplier", "在供应商处"),
    "supplier_rma_status.resolved": ("Back", "已返回"),
    "resolution.accept": ("back to stock", "退回库存"),
    "resolution.repair": ("repair", "维修"),
    "resolution.return": ("to the supplier", "退回供应商"),
    "resolution.scrap": ("scrap", "报废"),
    "resolution.replace": ("replaced", "已换货"),
    "repair_place.bench": ("our bench", "本公司维修台"),
    "repair_place.supplier": ("the supplier", "供应商"),
    "warranty_kind.supplier": ("supplier", "供应商"),
    "warranty_kind.customer": ("customer", "客户"),
    "unique_constraint.customer_code": ("a customer with this code already exists", "已有使用此编码的客户"),
    "unique_constraint.rma_number": ("this RMA number is already used", "此退货授权号已被使用"),
    "unique_constraint.supplier_rma_number": (
        "this supplier's RMA number is already used",
        "此供应商的退货授权号已被使用",
    ),
    "import.customer_taken": ("a customer with this code already exists", "已有使用此编码的客户"),
    # refusals
    "aftersales.no_customer": ("no customer with code '{customer}'", "没有编码为“{customer}”的客户"),
    "aftersales.party_not_for": ("does not belong to '{move}'", "不适用于“{move}”"),
    "aftersales.own_service": (
        "'{move}' keeps a record of its own: use the after-sales command (snapp rma) for it",
        "“{move}”需要单独的记录：请使用售后命令（snapp rma）",
    ),
    "aftersales.rma_open": (
        "{serial} is already back under RMA {rma}, still open: settle that one first",
        "{serial} 已在退货授权 {rma} 下退回且尚未处理：请先处理该退货",
    ),
    "aftersales.never_shipped": (
        "{serial} was never shipped to a customer (it is {status}): a return needs a shipped unit; "
        "an exception has been opened",
        "{serial} 从未发货给客户（当前为{status}）：只能退回已发货的物品；已创建异常",
    ),
    "aftersales.wrong_customer": (
        "{serial} was shipped to {shipped_to}, not to {customer}: the return is refused and an exception opened",
        "{serial} 发货给了 {shipped_to}，不是 {customer}：退货被拒，已创建异常",
    ),
    "aftersales.customer_unknown": (
        "{serial} was shipped before customers were recorded: that {customer} had it could not be checked",
        "{serial} 在记录客户之前发货：无法核对是否由 {customer} 持有",
    ),
    "aftersales.no_rma": ("no customer return with RMA number '{rma}'", "没有退货授权号为“{rma}”的客户退货"),
    "aftersales.rma": ("customer return {rma}", "客户退货 {rma}"),
    "aftersales.replace_is_swap": (
        "a replacement names the unit that goes out: use swap",
        "换货需要指定发出的物品：请使用换货（swap）",
    ),
    "aftersales.replace_with_itself": ("a unit cannot replace itself", "物品不能替换自己"),
    "aftersales.replacement_shipped": (
        "{serial} is already shipped (to {customer}): a replacement must come from stock",
        "{serial} 已发货（给 {customer}）：换货必须来自库存",
    ),
    "aftersales.unknown": ("a customer not recorded", "未记录的客户"),
    "aftersales.no_supplier_rma": ("no supplier RMA numbered '{rma}'", "没有编号为“{rma}”的供应商退货授权"),
    "aftersales.replacement_without_rma": (
        "{serial} cannot be received as a replacement: no unit is out to a supplier under RMA '{rma}'",
        "{serial} 不能作为换货收货：没有物品以退货授权“{rma}”退给供应商",
    ),
    "aftersales.say_supplier": (
        "several suppliers use RMA number '{rma}': say which supplier",
        "多个供应商使用退货授权号“{rma}”：请指定供应商",
    ),
    "aftersales.supplier_rma": ("supplier RMA {rma}", "供应商退货授权 {rma}"),
    "aftersales.bad_cost": ("is not an amount of money", "不是有效的金额"),
    # a unit's story
    "aftersales.story_return": (
        "returned by {customer} under RMA {rma}: {reason} ({status}; {resolution})",
        "由 {customer} 以退货授权 {rma} 退回：{reason}（{status}；{resolution}）",
    ),
    "aftersales.pending": ("waiting for inspection", "待检验"),
    "aftersales.story_replaced_by": ("replaced by {serial} (RMA {rma})", "已由 {serial} 替换（退货授权 {rma}）"),
    "aftersales.story_replaces": (
        "sent to {customer} in place of {serial} (RMA {rma})",
        "替换 {serial} 发给 {customer}（退货授权 {rma}）",
    ),
    "aftersales.story_supplier_rma": (
        "sent to supplier {supplier} under their RMA {rma}, expected back {expected} ({status})",
        "以供应商退货授权 {rma} 退给 {supplier}，预计 {expected} 返回（{status}）",
    ),
    "aftersales.story_supplier_replaces": (
        "received from {supplier} in place of {serial} (their RMA {rma})",
        "供应商 {supplier} 替换 {serial} 发来（退货授权 {rma}）",
    ),
    "aftersales.story_repair": (
        "repair at {place} by {who}: fault {fault}; work {work}; parts {parts}; cost {cost}",
        "在{place}由 {who} 维修：故障 {fault}；处理 {work}；配件 {parts}；费用 {cost}",
    ),
    "aftersales.holder_customer": ("customer {customer} {name}", "客户 {customer} {name}"),
    "aftersales.holder_unknown": ("a customer not recorded (shipped before customers were kept)", "未记录的客户（记录客户前发货）"),
    "aftersales.holder_recipient": ("{kind} {recipient}", "{kind} {recipient}"),
    "recipient_kind.person": ("person", "人员"),
    "recipient_kind.department": ("department", "部门"),
    "recipient_kind.project": ("project", "项目"),
    # verify
    "aftersales.verify_story": (
        "{verdict}. Customer {customer} had it; {rma}",
        "{verdict}。该物品曾由客户 {customer} 持有；{rma}",
    ),
    "aftersales.verify_rma_open": ("customer return {rma} is open for it", "其客户退货 {rma} 尚未处理"),
    "aftersales.verify_no_rma": ("no customer return is open for it", "没有未处理的客户退货"),
}
