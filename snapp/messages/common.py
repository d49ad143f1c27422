"""Sentences every part of the core shares: sessions, permissions, the database, validation."""

MESSAGES = {
    "validation.problem": ("1 problem found; nothing was saved", "发现 1 个问题；未保存任何内容"),
    "validation.problems": ("{n} problems found; nothing was saved", "发现 {n} 个问题；未保存任何内容"),
    "validation.required": ("is required", "必填"),
    "validation.between": ("must be a whole number from {low:,} to {high:,}", "必须是 {low:,} 到 {high:,} 之间的整数"),
    "validation.below": ("must be less than {limit:,}", "必须小于 {limit:,}"),
    "validation.more": ("… and {n:,} more", "……另有 {n:,} 个"),
    "position.line": ("line {line}", "第 {line} 行"),
    "position.line_item": ("line {line}, item {item}", "第 {line} 行第 {item} 项"),
    "position.scan": ("scan {n}", "第 {n} 次扫描"),
    "position.range": ("range {spec} #{n}", "区间 {spec} 第 {n} 个"),
}
