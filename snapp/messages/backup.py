"""Sentences of backup, restore and the health check."""

MESSAGES = {
    "backup.checksum": (
        "{path} is damaged: its content no longer matches its checksum",
        "{path} 已损坏：其内容与校验和不再一致",
    ),
    "backup.unkeyed": (
        "{path} is not sealed with this site's backup key: anyone could have written it, so it is not restored",
        "{path} 未使用本站点的备份密钥封存：任何人都可能写出这样的文件，因此不予恢复",
    ),
    "backup.needs_key": (
        "{path} is sealed with a site backup key, and none is set here: set the site's key to restore it",
        "{path} 使用站点备份密钥封存，而此处未设置密钥：请设置该站点的密钥后再恢复",
    ),
    "backup.sealed_short": (
        "{path} is cut short: not a whole sealed SNApp backup",
        "{path} 不完整：不是一个完整的加密 SNApp 备份",
    ),
    "backup.not_sealed": ("{path} is not a sealed SNApp backup", "{path} 不是加密的 SNApp 备份"),
    "backup.sealed_cost": (
        "{path} asks for a key derivation SNApp never writes (scrypt 2^{log_n}, r={r}, p={p}): it is not a SNApp "
        "backup, and opening it could take the PC's memory; nothing was restored",
        "{path} 要求的密钥派生参数（scrypt 2^{log_n}，r={r}，p={p}）不是 SNApp 会写出的：它不是 SNApp 备份，打开它可能耗尽电脑内存；"
        "未恢复任何内容",
    ),
    "backup.sealed_wrong": (
        "{path} cannot be opened: the passphrase is wrong, or the file was damaged or cut short",
        "{path} 无法打开：口令错误，或文件已损坏或不完整",
    ),
    "backup.sealed_empty": ("{path} is cut short: it holds no data", "{path} 不完整：不含任何数据"),
    "backup.damaged": ("{path} is damaged: {problems}", "{path} 已损坏：{problems}"),
    "backup.foreign_schema": (
        "{path} holds schema objects SNApp does not create at its version ({differences}): it was changed "
        "outside SNApp, so nothing was restored",
        "{path} 含有 SNApp 在该版本下不会创建的数据库对象（{differences}）：它在 SNApp 之外被修改过，因此未恢复任何内容",
    ),
    "backup.chain_broken": (
        "{path} holds an audit trail that does not verify ({problem}): nothing was restored",
        "{path} 中的审计记录无法通过校验（{problem}）：未恢复任何内容",
    ),
    "backup.users_differ": (
        "{path} holds users or roles its own audit trail never recorded (user: in the file / as recorded — "
        "{differences}): it was changed outside SNApp, so nothing was restored",
        "{path} 中的用户或角色与其审计记录不符（用户：文件中 / 审计记录中 —— {differences}）：它在 SNApp 之外被修改过，因此未恢复任何内容",
    ),
    "backup.other_kind": (
        "{path} is a {kind} backup; this database is not: nothing restored",
        "{path} 是 {kind} 备份，而此数据库不是：未恢复任何内容",
    ),
    "backup.unknown_file": (
        "{path} is not a SNApp backup (a backup file begins with SNApp's own envelope): nothing restored",
        "{path} 不是 SNApp 备份（备份文件以 SNApp 自己的封装开头）：未恢复任何内容",
    ),
    "backup.not_snapp": (
        "{path} is not a SNApp database (no {tables} table)",
        "{path} 不是 SNApp 数据库（缺少 {tables} 表）",
    ),
    "backup.no_revision": (
        "{path} has no schema version: not a SNApp database",
        "{path} 没有架构版本：不是 SNApp 数据库",
    ),
    "backup.newer": (
        "{path} is at schema {revision}, which this SNApp (schema {head}) does not know: it comes from a newer "
        "SNApp; restore it with that version",
        "{path} 的架构版本为 {revision}，本 SNApp（架构 {head}）无法识别：它来自更新版本的 SNApp；请用该版本恢复",
    ),
    "backup.other_schema": (
        "this dump holds the schema '{dumped}'; the database uses '{schema}': nothing restored",
        "此转储包含架构 '{dumped}'；数据库使用的是 '{schema}'：未恢复任何内容",
    ),
    "backup.no_pg_tools": (
        "{tool} was not found: backing up and restoring a PostgreSQL database needs the PostgreSQL client tools "
        "(pg_dump and pg_restore, the server's version or newer) on PATH — on Debian/Ubuntu the postgresql-client "
        "package, on Windows the command-line tools of the PostgreSQL installer",
        "未找到 {tool}：备份和恢复 PostgreSQL 数据库需要 PATH 中有 PostgreSQL 客户端工具（pg_dump 和 pg_restore，"
        "与服务器同版本或更新）——Debian/Ubuntu 上为 postgresql-client 软件包，Windows 上为 PostgreSQL 安装程序中的命令行工具",
    ),
    "backup.tool_failed": ("{tool} failed: {reason}", "{tool} 执行失败：{reason}"),
    "backup.no_file": ("{path}: no such file", "{path}：文件不存在"),
    "backup.log_in": (
        "this database has users: log in as an admin to restore over it",
        "此数据库已有用户：请以管理员身份登录后再恢复",
    ),
    "backup.passphrase_needed": (
        "{path} is sealed with a passphrase: give it to restore",
        "{path} 已用口令加密：请提供口令以恢复",
    ),
    "backup.disk_full": (
        "the disk is full: the backup {path} could not be written, and nothing of it was kept. Free some space, or "
        "write the backup to another disk",
        "磁盘已满：无法写入备份 {path}，未保留任何部分。请释放一些空间，或将备份写到其他磁盘",
    ),
    "backup.cannot_write": (
        "the backup {path} could not be written ({reason}); nothing of it was kept",
        "无法写入备份 {path}（{reason}）；未保留任何部分",
    ),
    "backup.keep_one": ("keep at least one backup", "至少保留一个备份"),
}
