"""Sentences of stocktakes, moves, the demo and opening a database."""

MESSAGES = {
    "stocktake.not_found": ("no stocktake {number!r}", "没有盘点单 {number!r}"),
    "stocktake.not_open": (
        "stocktake {number} is {status}; scans go into an open stocktake only",
        "盘点单 {number} 为{status}；只能向未关闭的盘点单扫描",
    ),
    "stocktake.changed": (
        "was {then} when the stocktake was closed, is now {now}",
        "盘点关闭时为{then}，现在为{now}",
    ),
    "stocktake.where": ("{status} at {location}", "{status}，位于 {location}"),
    # {listed} is the separator before the list (snapp.services.exceptions.LISTED): a question shows what comes before it.
    "stocktake.case_missing": (
        "stocktake {number}: {n} units expected, not scanned{listed}{listing}{more}",
        "盘点 {number}：{n} 件应在而未扫到{listed}{listing}{more}",
    ),
    "stocktake.case_missing_one": (
        "stocktake {number}: 1 unit expected, not scanned{listed}{listing}{more}",
        "盘点 {number}：1 件应在而未扫到{listed}{listing}{more}",
    ),
    "stocktake.missing_group": ("{where}, {sku}: {serials}", "{where}，{sku}：{serials}"),
    "stocktake.missing_groups": ("{first}; {rest}", "{first}；{rest}"),
    "stocktake.missing_more": ("; and {n} more (the stocktake's report lists every one)", "；另有 {n} 件（盘点报告逐一列出）"),
    "stocktake.case_unexpected": (
        "stocktake {number}: unexpected: scanned here, recorded as {where}",
        "盘点 {number}：意外：在此扫到，记录为{where}",
    ),
    "stocktake.case_unknown": (
        "stocktake {number}: unknown: scanned, but no such unit is recorded",
        "盘点 {number}：未知：扫到了，但没有此物品的记录",
    ),
    "lifecycle.denied": (
        "{name} ({role}) may not {move}: it needs the {permission} permission",
        "{name}（{role}）不能{move}：需要 {permission} 权限",
    ),
    "lifecycle.no_location": (
        "{move} takes a unit off the shelf; it needs no location",
        "{move}会使单位离开货架，不需要库位",
    ),
    "lifecycle.already_at": ("is already at {location}", "已在 {location}"),
    "lifecycle.refused": (
        "{move} refused: {n} problem(s); nothing was changed",
        "{move}被拒绝：{n} 个问题；未做任何更改",
    ),
    "demo.not_empty": (
        "{db} already holds data; build the demo in a new database",
        "{db} 已有数据；请在新数据库中建立演示数据",
    ),
    "database.network_share": (
        "{reason}. An SQLite database must live on a local disk: over a network share its locking fails and the "
        "file can be corrupted. To share SNApp between several PCs, use a PostgreSQL server",
        "{reason}。SQLite 数据库必须放在本地磁盘上：在网络共享上其锁定会失效，文件可能损坏。"
        "要在多台电脑间共享 SNApp，请使用 PostgreSQL 服务器",
    ),
    "database.no_schema": (
        "the database {db} has no SNApp schema yet; this SNApp needs {head}",
        "数据库 {db} 还没有 SNApp 的表结构；此版本 SNApp 需要 {head}",
    ),
    "database.old_schema": (
        "the database {db} is at schema {current}; this SNApp needs {head}",
        "数据库 {db} 的表结构版本为 {current}；此版本 SNApp 需要 {head}",
    ),
    "database.cannot_open": ("cannot open the database {db}: {reason}", "无法打开数据库 {db}：{reason}"),
}
