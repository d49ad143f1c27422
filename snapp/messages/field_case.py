"""What a custom field's case rule says: where it applies, and a rule refused."""

MESSAGES = {
    "field_case.text_only": ("only a text field has a case rule", "只有文本字段才有大小写规则"),
    "field_case.across_items": (
        "{field} is unique across all items, and on item {sku} its case rule is “{case}”: give it the same rule here",
        "{field} 在所有物料中唯一，物料 {sku} 的该字段大小写规则为“{case}”：此处请使用相同的规则",
    ),
    "letter_case.exact": ("As typed", "按输入保存"),
    "letter_case.upper": ("Upper case (AA:BB…)", "大写（AA:BB…）"),
    "letter_case.lower": ("Lower case (aa:bb…)", "小写（aa:bb…）"),
}
