"""What the desktop's operators read about the values they type (the GTIN field of an item)."""

MESSAGES = {
    "gtin.not_digits": (
        "a GTIN is digits only; “{value}” has other characters",
        "GTIN 只能由数字组成；“{value}”含有其他字符",
    ),
    "gtin.length": (
        "a GTIN has 8, 12, 13 or 14 digits; this one has {count}",
        "GTIN 应为 8、12、13 或 14 位数字；此处为 {count} 位",
    ),
    "gtin.check_digit": (
        "the last digit (the check digit) should be {expected}, not {found}: look for a mistyped digit",
        "最后一位（校验位）应为 {expected}，而不是 {found}：请检查是否有数字输错",
    ),
}
