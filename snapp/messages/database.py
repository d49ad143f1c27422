"""Sentences about the database file and its disk: damaged, read-only, full, locked."""

MESSAGES = {
    "database.damaged": (
        "the database {db} is damaged (its file is not a sound SQLite database); nothing was changed. Restore the "
        "newest backup, or copy the file aside and ask for help to recover it",
        "数据库 {db} 已损坏（文件不是完好的 SQLite 数据库）；未做任何更改。请恢复最新的备份，或将文件另存一份后寻求帮助以恢复",
    ),
    "database.damaged_found": (
        "the database {db} is damaged ({problems}); nothing was changed. Restore the newest backup, or copy the "
        "file aside and ask for help to recover it",
        "数据库 {db} 已损坏（{problems}）；未做任何更改。请恢复最新的备份，或将文件另存一份后寻求帮助以恢复",
    ),
    "database.locked": (
        "the database {db} is locked by another program and stayed locked for 15 seconds; nothing was changed. "
        "Try again once the other program has finished",
        "数据库 {db} 被另一个程序锁定，15 秒后仍未释放；未做任何更改。请待该程序完成后重试",
    ),
    "database.read_only": (
        "the database {db} is read-only for you: it can be read, not changed; nothing was changed. To make "
        "changes, ask for write permission on the file and its folder",
        "数据库 {db} 对您是只读的：可以读取，不能更改；未做任何更改。如需更改，请申请该文件及其文件夹的写入权限",
    ),
    "database.disk_full": (
        "the disk is full: {db} could not be written; nothing was changed. Free some space and try again",
        "磁盘已满：无法写入 {db}；未做任何更改。请释放一些空间后重试",
    ),
}
