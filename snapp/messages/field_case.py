"""What a custom field's case rule says: where it applies, and a change of it refused."""

MESSAGES = {
    "field_case.text_only": ("only a text field has a case rule", "只有文本字段才有大小写规则"),
    "letter_case.exact": ("As typed", "按输入保存"),
    "letter_case.upper": ("Upper case (AA:BB…)", "大写（AA:BB…）"),
    "letter_case.lower": ("Lower case (aa:bb…)", "小写（aa:bb…）"),
}
