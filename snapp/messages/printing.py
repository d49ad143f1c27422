"""What printing, exports and the files they write say."""

MESSAGES = {
    "print.one_source": (
        "give one source: a receipt, a PO, or serials",
        "请只给一个来源：一张收货单、一个采购订单或一组序列号",
    ),
    "print.no_receipt": ("no goods receipt {number!r}", "没有收货单 {number!r}"),
    "print.no_unit_of_item": ("no unit of {sku} with serial {serial!r}", "{sku} 没有序列号为 {serial!r} 的单位"),
    "print.month_format": ("write the month as YYYY-MM, e.g. 2026-11", "月份请写成 YYYY-MM，例如 2026-11"),
    "print.trail_intact": ("intact: {entries:,} entries chained", "完整：{entries:,} 条记录已链接"),
    "print.trail_broken": ("BROKEN: {first_bad}", "已损坏：{first_bad}"),
    "export.one_of": ("one of {choices}", "应为以下之一：{choices}"),
    "labels.no_template": (
        "no label template {name!r}; the templates are: {names}",
        "没有标签模板 {name!r}；现有模板：{names}",
    ),
    "labels.template_unreadable": ("is not a readable JSON file: {why}", "不是可读的 JSON 文件：{why}"),
    "labels.template_shape": (
        "needs label.width, label.height and fields ({why})",
        "需要 label.width、label.height 和 fields（{why}）",
    ),
    "labels.template_mistakes": (
        "label template {name!r} has {n} mistake(s)",
        "标签模板 {name!r} 有 {n} 处错误",
    ),
    "labels.field_position": ("{where}: field {n}", "{where}：第 {n} 个字段"),
    "labels.box_outside": ("its box reaches outside the label", "其方框超出了标签范围"),
    "labels.min_size_too_large": (
        "min_size is too large for one line in the box's height",
        "min_size 太大，方框高度放不下一行",
    ),
    "labels.unknown_field": ("unknown field {unknown}; use {known}", "未知字段 {unknown}；可用：{known}"),
    "labels.unknown_kind": ("kind is text or one of {kinds}", "kind 应为 text 或以下之一：{kinds}"),
    "labels.start_position": ("a {template} sheet has positions 1 to {positions}", "{template} 标签纸的位置为 1 到 {positions}"),
    "labels.empty": (
        "nothing to print: the selection holds no serialized unit",
        "没有可打印的内容：所选内容中没有按序列号管理的单位",
    ),
    "labels.serial_position": ("serial {serial}", "序列号 {serial}"),
    "labels.unencodable": ("{symbology} on template {template}: cannot be encoded ({why})", "模板 {template} 上的 {symbology}：无法编码（{why}）"),
    "labels.box_too_small": (
        "{symbology} on template {template}: needs {needed:.1f} mm, the box is {width:g} mm wide; choose a larger template",
        "模板 {template} 上的 {symbology}：需要 {needed:.1f} 毫米，方框只有 {width:g} 毫米宽；请选择更大的模板",
    ),
    "labels.gs1_characters": (
        "GS1 ({ai}) holds 1 to 20 letters, digits and !\"%&'()*+,-./:;<=>?_ only, not {value!r}",
        "GS1 ({ai}) 只能包含 1 到 20 个字母、数字和 !\"%&'()*+,-./:;<=>?_，不能是 {value!r}",
    ),
}
