"""What pairing phones and PDAs says."""

MESSAGES = {
    "devices.bad_code": (
        "this pairing code is unknown, already used or expired (a code lasts {minutes} minutes and pairs one device); "
        "show a new one on the desktop (Settings → Share with phones and other systems) or with 'snapp device pair-code'",
        "此配对码无效、已使用或已过期（配对码有效 {minutes} 分钟，只能配对一台设备）；"
        "请在桌面端（设置 → 与手机和其他系统共享）或用 “snapp device pair-code” 生成新的配对码",
    ),
    "devices.name": (
        "give the device a name of 1 to {most} characters, e.g. 'Warehouse PDA 2'",
        "请为设备命名（1 至 {most} 个字符），例如 “仓库 PDA 2”",
    ),
    "devices.unknown": (
        "this device is not paired with this SNApp; pair it again with a new code from the desktop",
        "此设备未与本 SNApp 配对；请用桌面端的新配对码重新配对",
    ),
    "devices.revoked": (
        "device {name} was revoked by an admin; it can no longer log in (pair it again with a new code)",
        "设备 {name} 已被管理员吊销，无法再登录（请用新配对码重新配对）",
    ),
    "devices.none": ("no paired device with id {id}", "没有 ID 为 {id} 的已配对设备"),
}
