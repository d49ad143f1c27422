"""What the core says when concurrent work, a lost connection or a changed audit trail stops a command."""

MESSAGES = {
    "lifecycle.moved_meanwhile": (
        "serial {serial} was moved by someone else meanwhile; the unit is now {status}; nothing was changed",
        "序列号 {serial} 刚被他人移动；该单位现为{status}；未做任何更改",
    ),
    "lifecycle.moved_meanwhile_many": (
        "{n} units were moved by someone else meanwhile (serial {serial} is now {status}); nothing was changed",
        "{n} 个单位刚被他人移动（序列号 {serial} 现为{status}）；未做任何更改",
    ),
    "audit.changed_outside": (
        "the audit trail was changed outside SNApp, so nothing more can be recorded in it; "
        "an admin should verify the audit trail",
        "审计记录在 SNApp 之外被改动，无法再记录任何操作；请管理员校验审计记录",
    ),
    "database.connection_lost": (
        "the connection to the database was lost; nothing of this command was saved, try again",
        "与数据库的连接已断开；本次操作未保存任何内容，请重试",
    ),
    "database.connection_lost_at_commit": (
        "the connection to the database was lost while saving; the change was saved whole or not at all: "
        "look before trying again",
        "保存时与数据库的连接断开；更改要么全部保存，要么完全未保存：请先查看再重试",
    ),
}
