"""What the HTTP API and its secrets say."""

MESSAGES = {
    "access.bad_token": (
        "the token or API key is unknown, expired or revoked; log in again or ask an admin for a new key",
        "令牌或 API 密钥无效、已过期或已吊销；请重新登录或向管理员申请新密钥",
    ),
    "access.no_credentials": (
        "log in first: send 'Authorization: Bearer TOKEN' with a token from POST /api/v1/session or an API key",
        "请先登录：在请求中发送 “Authorization: Bearer 令牌”（令牌来自 POST /api/v1/session 或 API 密钥）",
    ),
    "access.key_name": (
        "a key's name has letters, digits, '-', '_' or '.' only",
        "密钥名称只能包含字母、数字、“-”、“_”或“.”",
    ),
    "access.key_days": ("a key lasts 1 to {most} days", "密钥有效期为 1 至 {most} 天"),
    "access.key_exists": ("an API key named {name} already exists", "已存在名为 {name} 的 API 密钥"),
    "access.no_key": ("no API key named {name}", "没有名为 {name} 的 API 密钥"),
    "access.key_unusable": (
        "API key {name} is revoked or expired",
        "API 密钥 {name} 已吊销或已过期",
    ),
    "request.invalid": ("the request is not valid", "请求无效"),
    "request.field": ("{detail}", "{detail}"),
    "request.too_large": (
        "the request body is larger than {most:,} bytes",
        "请求内容超过 {most:,} 字节",
    ),
    "request.not_found": ("there is no such address in the API: {path}", "API 中没有此地址：{path}"),
    "events.unknown_type": ("not an event type; the types are: {types}", "不是事件类型；事件类型有：{types}"),
    "webhooks.url": ("give an http:// or https:// address", "请填写 http:// 或 https:// 地址"),
    "webhooks.exists": ("a webhook named {name} already exists", "已存在名为 {name} 的 Webhook"),
    "webhooks.none": ("no webhook named {name}", "没有名为 {name} 的 Webhook"),
    "request.too_many": (
        "too many attempts from this address: at most {most} a minute; wait a minute and try again",
        "此地址尝试次数过多：每分钟最多 {most} 次；请稍候一分钟再试",
    ),
    "request.bug": (
        "something went wrong that SNApp did not expect; nothing half-done was saved (the server's log has the details)",
        "发生了 SNApp 未预料的错误；没有保存任何未完成的内容（详情见服务器日志）",
    ),
    "register.cursor": (
        "not a cursor of this listing; start again without one, with the same sort",
        "不是此列表的游标；请去掉游标并以相同排序重新开始",
    ),
}
