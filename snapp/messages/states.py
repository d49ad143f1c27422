"""What the state machines say: a move refused, naming what is allowed instead."""

MESSAGES = {
    "state.not_allowed": (
        "{subject} is {status}; cannot {verb} it (allowed: {allowed})",
        "{subject}当前为{status}，不能{verb}（可以：{allowed}）",
    ),
    "lifecycle.not_allowed": (
        "{serial}: cannot {verb} a unit that is {status}; allowed from {status}: {allowed}",
        "{serial}：不能对{status}的单位执行{verb}；{status}时可以：{allowed}",
    ),
    "list.more": ("{first}, {rest}", "{first}、{rest}"),
    "list.nothing": ("nothing", "无"),
    "list.final": ("nothing (final status)", "无（最终状态）"),
    "subject.po": ("PO {number}", "采购订单 {number}"),
    "subject.stocktake": ("stocktake {number}", "盘点 {number}"),
}
