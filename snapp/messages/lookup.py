"""What the serial register and a unit's card say."""

MESSAGES = {
    "lookup.not_a_status": ("not a status; one of {statuses}", "不是有效状态；应为以下之一：{statuses}"),
    "lookup.sort_by": ("sort by one of {sorts}", "请按以下之一排序：{sorts}"),
}
