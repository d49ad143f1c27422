"""What label printers, and sending a job to one, say."""

MESSAGES = {
    "printer.dpi": ("a label printer prints at {dpis} dpi", "标签打印机的分辨率为 {dpis} dpi"),
    "printer.language": ("a label printer's language is one of {languages}", "标签打印机的语言应为以下之一：{languages}"),
    "printer.not_set": (
        "no label printer is set: choose one in Settings, or with snapp printer set",
        "尚未设置标签打印机：请在“设置”中选择，或使用 snapp printer set",
    ),
    "printer.address": (
        "{address!r} is not a printer address: write HOST:PORT (e.g. 192.168.1.50:9100) or queue:NAME",
        "{address!r} 不是打印机地址：请写成 主机:端口（例如 192.168.1.50:9100）或 queue:队列名",
    ),
    "printer.refused": (
        "the label printer at {address} refused the connection: check that it is on and that {port} is its raw printing port",
        "{address} 的标签打印机拒绝了连接：请检查打印机已开机，且 {port} 是它的原始打印端口",
    ),
    "printer.no_answer": (
        "the label printer at {address} did not answer within {seconds:g} s: check its address and that it is on the network",
        "{address} 的标签打印机在 {seconds:g} 秒内没有应答：请检查地址，以及它是否已接入网络",
    ),
    "printer.unknown_host": (
        "no computer called {host} is known on the network: check the printer's address",
        "网络上找不到名为 {host} 的设备：请检查打印机地址",
    ),
    "printer.unreachable": (
        "cannot reach the label printer at {address}: {why}",
        "无法连接 {address} 的标签打印机：{why}",
    ),
    "printer.stalled": (
        "the label printer at {address} stopped taking the job after {sent} label(s): check that it has labels and is not paused",
        "{address} 的标签打印机在收到 {sent} 张标签后停止接收：请检查是否缺纸或已暂停",
    ),
    "printer.no_lp": (
        "cannot print to the queue {queue}: this computer has no lp command (CUPS)",
        "无法打印到队列 {queue}：本机没有 lp 命令（CUPS）",
    ),
    "printer.queue_refused": ("the printer queue {queue} refused the job: {why}", "打印队列 {queue} 拒绝了任务：{why}"),
    "printer.queue_timeout": (
        "the printer queue {queue} did not take the job within {seconds:g} s",
        "打印队列 {queue} 在 {seconds:g} 秒内没有接收任务",
    ),
    "printer.queue_windows": (
        "printing to a Windows printer queue is not supported: give the printer's network address (HOST:9100)",
        "不支持打印到 Windows 打印队列：请填写打印机的网络地址（主机:9100）",
    ),
    "printer.not_ready": ("the printer {name} cannot start the job", "打印机 {name} 无法开始打印任务"),
}
