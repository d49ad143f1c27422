"""What the exceptions desk says."""

MESSAGES = {
    "exceptions.status": ("status", "状态"),
    "exceptions.kind": ("kind", "类型"),
    "exceptions.resolution": ("resolution", "处理说明"),
    "exceptions.one_of": ("one of {choices}", "应为以下之一：{choices}"),
    "exceptions.verdict_detail": ("{verdict}: {message}", "{verdict}：{message}"),
    "exceptions.rejected_detail": ("{position}:{value} {message}", "{position}：{value} {message}"),
    "exceptions.more_rejected": (
        "{more} more rejected scans (of all rejections: {summary}); the refusal listed each",
        "另有 {more} 个被拒扫描（全部拒绝：{summary}）；拒绝信息已逐条列出",
    ),
    "exceptions.say_how": ("say how the exception was resolved", "请说明异常是如何处理的"),
    "exceptions.not_found": ("no exception #{id}", "没有异常 #{id}"),
    "exceptions.already_resolved": (
        "exception #{id} was already resolved by {user}: {resolution}",
        "异常 #{id} 已由 {user} 处理：{resolution}",
    ),
    "exceptions.may_not_resolve": (
        "{user} ({role}) may look at exceptions but not resolve them",
        "{user}（{role}）可以查看异常，但不能处理",
    ),
}
