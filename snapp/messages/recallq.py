"""A recall's block of quantity batches: what issue says of blocked pieces, and their place in a recall's trace."""

MESSAGES = {
    "recallq.issue_blocked": (
        "batch {batch} of {sku} is blocked by a recall: it cannot be issued until the recall is released",
        "{sku} 批次 {batch} 已被召回冻结：解除冻结前不能发放",
    ),
    "recallq.short_blocked": (
        "{wanted} of {sku} asked, but only {have} in unexpired stock that no recall blocks ({blocked} blocked)",
        "需要 {sku} {wanted} 个，但未被召回冻结的未过期库存只有 {have} 个（{blocked} 个已冻结）",
    ),
    "batch_flow.blocked": ("in stock, blocked", "在库（已冻结）"),
}
