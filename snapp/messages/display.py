"""Sentences of starting the desktop where no window can open."""

MESSAGES = {
    "display.none": (
        "no display to open the desktop app's window on (DISPLAY is not set). Start it in a graphical session; "
        "on a server, use the command line (snapp --help) or share the database with snapp serve",
        "没有可显示桌面程序窗口的显示器（未设置 DISPLAY）。请在图形会话中启动；"
        "在服务器上请使用命令行（snapp --help）或用 snapp serve 共享数据库",
    ),
    "display.unreachable": (
        "no X server answers at DISPLAY={display}; start one, or correct DISPLAY",
        "DISPLAY={display} 上没有 X 服务器响应；请启动 X 服务器或更正 DISPLAY",
    ),
    "display.libraries": (
        "the desktop app's X11 support needs libraries this system lacks: {libraries}. "
        "On Debian or Ubuntu: sudo apt-get install {packages}",
        "桌面程序的 X11 支持需要本系统缺少的库：{libraries}。Debian 或 Ubuntu 上请运行：sudo apt-get install {packages}",
    ),
}
