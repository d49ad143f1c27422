"""What logging in, users, roles and permissions say (and the command line's own refusals)."""

MESSAGES = {
    "access.no_users": ("{database} has no user yet; create its first admin", "{database} 还没有用户；请先创建它的管理员"),
    "access.no_users_here": (
        "this database has no user yet; create its first admin",
        "此数据库还没有用户；请先创建它的管理员",
    ),
    "access.unknown_user": ("unknown user '{name}'; an admin can add it", "未知用户“{name}”；管理员可以添加该用户"),
    "access.disabled": ("user {name} is disabled", "用户 {name} 已停用"),
    "access.wrong_login": ("wrong user name or password", "用户名或密码错误"),
    "access.locked": (
        "account {name} is locked after too many failed logins; an admin must unlock it",
        "账户 {name} 登录失败次数过多，已被锁定；须由管理员解锁",
    ),
    "access.locked_until": (
        "account {name} is locked after failed logins; try again after {until}",
        "账户 {name} 因登录失败被锁定；请在 {until} 之后重试",
    ),
    "access.denied": (
        "{name} ({role}) may not do this: it needs the {permission} permission",
        "{name}（{role}）不能执行此操作：需要 {permission} 权限",
    ),
    "access.own_password_only": (
        "{name} ({role}) may change only their own password",
        "{name}（{role}）只能修改自己的密码",
    ),
    "access.first_user_admin": (
        "the first user of a database must be its admin, not {role}",
        "数据库的第一个用户必须是管理员，而不是 {role}",
    ),
    "access.has_users": (
        "this database already has users; an admin adds more",
        "此数据库已有用户；由管理员添加其他用户",
    ),
    "access.no_such_user": ("no user named '{name}'", "没有名为“{name}”的用户"),
    "access.last_admin": (
        "{name} is the last admin who can log in and cannot be {change}; add another admin first",
        "{name} 是最后一个能登录的管理员，不能{change}；请先添加另一个管理员",
    ),
    "access.change.disabled": ("disabled", "停用"),
    "access.change.role": ("made {role}", "改为 {role}"),
    "access.server_roles_pg_only": (
        "server roles exist on PostgreSQL only; an SQLite file is guarded by the PC's own accounts",
        "服务器角色只存在于 PostgreSQL；SQLite 文件由本机的账户保护",
    ),
    "access.password_short": ("must have at least {n} characters", "至少需要 {n} 个字符"),
    "access.role_choices": ("must be one of {roles}", "必须是 {roles} 之一"),
    "access.field.password": ("password", "密码"),
    "access.field.name": ("name", "名称"),
    "access.field.role": ("role", "角色"),
    "unique_constraint.user_name": ("a user with this name already exists", "已有同名用户"),
    "unique_constraint.supplier_code": ("a supplier with this code already exists", "已有使用此代码的供应商"),
    "unique_constraint.item_sku": ("an item with this SKU already exists", "已有使用此 SKU 的物料"),
    "unique_constraint.item_gtin": ("another item already has this GTIN", "另一个物料已使用此 GTIN"),
    "unique_constraint.location_code": ("a location with this code already exists", "已有使用此代码的库位"),
    "unique_constraint.serial": ("this serial has already been received for this item", "此物料的该序列号已收过货"),
    "dispatch.unknown_action": ("no action named '{name}'; one of {choices}", "没有名为“{name}”的操作；可选：{choices}"),
    # The command line's own sentences: what it needs from the person at the keyboard.
    "cli.stdin_ended": ("stdin ended before the {what}", "标准输入在{what}之前就结束了"),
    "cli.secret_needed": (
        "{what} needed: give it on stdin (--password-stdin, --passphrase-stdin) or, to log in, in SNAPP_PASSWORD",
        "需要{what}：请从标准输入提供（--password-stdin、--passphrase-stdin），登录密码也可放在 SNAPP_PASSWORD 中",
    ),
    "cli.entries_differ": ("the two entries differ; nothing was changed", "两次输入不一致；未做任何更改"),
    "cli.labels_arguments": ("give --template NAME and --out FILE.pdf", "请给出 --template 模板名 和 --out 文件.pdf"),
    "secret.password_of": ("SNApp password for {name}", "{name} 的 SNApp 密码"),
    "secret.new_password_of": ("new password for {name}", "{name} 的新密码"),
    "secret.new_admin_password": ("new password for {name}, the admin", "管理员 {name} 的新密码"),
    "secret.passphrase": ("backup passphrase", "备份口令"),
}
