"""What custom fields say: defining them, and each unit's value refused with its serial, field and reason."""

MESSAGES = {
    "field.refused": ("{field} of {serial}: {why}", "{serial} 的{field}：{why}"),
    "field.required": ("is required and was left empty", "为必填项，但未填写"),
    "field.column_missing": (
        "{field} is required: give it for every unit (a column headed {field}, or a scan after each serial)",
        "{field} 为必填项：请为每个物品提供（标题为 {field} 的一列，或在每个序列号后扫描）",
    ),
    "field.not_of_item": ("item {sku} has no field {field}", "物料 {sku} 没有字段 {field}"),
    "field.no_field": ("item {sku} has no field {name}", "物料 {sku} 没有字段 {name}"),
    "field.twice": (
        "appears twice in this delivery (first at {first}, for {other})",
        "在本次到货中出现两次（首次在 {first}，属于 {other}）",
    ),
    "field.taken_by": ("is already on unit {serial} of {sku}", "已属于 {sku} 的物品 {serial}"),
    "field.taken": ("{name} {value} is already on unit {serial} of {sku}", "{name} {value} 已属于 {sku} 的物品 {serial}"),
    "field.shared": ("units {serials} share this value", "物品 {serials} 使用相同的值"),
    "field.too_long": ("has {n} characters; a field holds at most {most}", "有 {n} 个字符；字段最多 {most} 个字符"),
    "field.pattern": ("does not match the field's pattern {pattern}", "不符合该字段的规则 {pattern}"),
    "field.not_number": ("is not a number (write it like 12 or 3.5)", "不是数字（请写成 12 或 3.5 这样的形式）"),
    "field.not_date": ("is not a date (write it as YYYY-MM-DD)", "不是日期（请写成 YYYY-MM-DD）"),
    "field.not_a_choice": ("is not one of: {choices}", "不是以下选项之一：{choices}"),
    "field.not_canonical": ("would be stored differently under the new definition", "按新定义会以不同形式保存"),
    "field.no_choices": ("a choice field needs its choices", "选项字段需要填写选项"),
    "field.choices_twice": ("the choices must be different and not empty", "选项不能重复也不能为空"),
    "field.choices_for_choice": ("only a choice field has choices", "只有选项字段才有选项"),
    "field.pattern_for_text": ("only a text field has a pattern", "只有文本字段才有规则"),
    "field.scanned_needs_pattern": (
        "a field captured by scan needs a pattern, so that a scan out of order is told apart from a serial",
        "扫描采集的字段需要规则，才能把顺序错误的扫描与序列号区分开",
    ),
    "field.reserved_name": (
        "this name is a heading of the serial, batch or expiry column in files; choose another",
        "此名称是文件中序列号、批号或有效期列的标题；请另选一个",
    ),
    "field.not_by_serial": ("{sku} is not tracked by serial: its units carry no fields", "{sku} 不按序列号管理：没有单件字段"),
    "field.alter_refused": (
        "the field was not changed: {n} stored value(s) do not fit the new definition",
        "字段未更改：有 {n} 个已保存的值不符合新定义",
    ),
    "field.alter_refused_unique": (
        "the field was not changed: stored values would no longer be unique",
        "字段未更改：已保存的值将不再唯一",
    ),
    "field.too_many_values": (
        "has {n} values; the columns are: {columns}",
        "有 {n} 个值；列为：{columns}",
    ),
    "field.pair_field_first": (
        "looks like a value of {field}, where a serial is expected: scan each unit's serial first, then its {field}",
        "看起来是{field}，但这里应为序列号：请先扫描每个物品的序列号，再扫描其{field}",
    ),
    "field.pair_not_field": (
        "is no {field} (pattern {pattern}), where the {field} of the serial before is expected: "
        "scan each unit's serial, then its {field}",
        "不是{field}（规则 {pattern}），但这里应为前一个序列号的{field}：请先扫描每个物品的序列号，再扫描其{field}",
    ),
    "field.pair_missing": ("has no {field} scanned after it", "之后没有扫描{field}"),
    "field.pairs_refused": ("scan pairs refused: {n} problem(s); nothing was received", "成对扫描被拒绝：{n} 个问题；未收货"),
    "field.column": ("{name}", "{name}"),
    "field.position_fields": ("fields", "字段"),
    "field.not_a_serial_given": ("has fields but is not among the serials given", "有字段值，但不在所给的序列号中"),
    "unique_constraint.field_name": ("this item has a field of this name already", "此物料已有同名字段"),
    "unique_constraint.field_value": (
        "another unit has stored this value meanwhile; it is unique",
        "另一个物品刚刚保存了此值；此值必须唯一",
    ),
    "move.field": ("Field changed", "字段修改"),
    "field_kind.text": ("Text", "文本"),
    "field_kind.number": ("Number", "数字"),
    "field_kind.date": ("Date", "日期"),
    "field_kind.choice": ("Choice", "选项"),
    "uniqueness.none": ("Not unique", "不要求唯一"),
    "uniqueness.item": ("Unique within the item", "物料内唯一"),
    "uniqueness.all": ("Unique across all items", "所有物料中唯一"),
}
