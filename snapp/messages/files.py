"""What SNApp says about the files it reads and writes: spreadsheets, CSV, templates, exports."""

MESSAGES = {
    # where
    "file.cell": ("cell {cell}", "单元格 {cell}"),
    "file.row": ("row {row}", "第 {row} 行"),
    "file.row_column": ("row {row}, column {column}", "第 {row} 行第 {column} 列"),
    "file.row_cell": ("row {row}, cell {cell}", "第 {row} 行，单元格 {cell}"),
    "file.labelled": ("{place} ({label})", "{place}（{label}）"),
    "file.sheet": ("sheet {sheet}", "工作表 {sheet}"),
    # reading
    "file.type": ("read {what} from .xlsx, .xls, .ods or .csv files", "请从 .xlsx、.xls、.ods 或 .csv 文件读取{what}"),
    "file.not_workbook": ("cannot be read as a workbook: {detail}", "无法作为工作簿读取：{detail}"),
    "file.unreadable": ("cannot be read: {detail}", "无法读取：{detail}"),
    "file.encoding": (
        "is neither UTF-8 nor GBK text; save it as CSV UTF-8",
        "既不是 UTF-8 也不是 GBK 文本；请另存为“CSV UTF-8”",
    ),
    "file.too_big": (
        "is {size:,} MB; SNApp reads files of at most {most:,} MB: split it into smaller files",
        "大小为 {size:,} MB；SNApp 最多读取 {most:,} MB 的文件：请拆分成较小的文件",
    ),
    "file.unpacks_too_big": (
        "unpacks to {size:,} MB; SNApp reads workbooks of at most {most:,} MB unpacked: split it into smaller files",
        "解压后为 {size:,} MB；SNApp 最多读取解压后 {most:,} MB 的工作簿：请拆分成较小的文件",
    ),
    "file.too_many_rows": (
        "has {rows:,} rows; SNApp reads at most {most:,} rows from one file: split it into smaller files",
        "有 {rows:,} 行；SNApp 一个文件最多读取 {most:,} 行：请拆分成较小的文件",
    ),
    "file.no_visible_sheet": ("has no visible sheet to read", "没有可读取的可见工作表"),
    "file.which_sheet": (
        "has {count} visible sheets ({sheets}) and none is marked as the active one; "
        "keep the data on one visible sheet, or open the file on that sheet and save it",
        "有 {count} 个可见工作表（{sheets}），且没有标记为当前的工作表；"
        "请把数据放在一个可见工作表上，或在该工作表上打开文件后保存",
    ),
    "file.formula_without_value": (
        "is a formula with no calculated value saved; open the file in Excel and save it, "
        "or paste the column as values",
        "是未保存计算结果的公式；请用 Excel 打开该文件并保存，或将该列粘贴为数值",
    ),
    "file.unknown_heading": (
        "looks like a column heading SNApp does not know; name the column Serial (or 序列号), or delete the heading row",
        "看起来是 SNApp 不认识的列标题；请把该列命名为 Serial（或 序列号），或删除标题行",
    ),
    "file.unknown_column": (
        "is not a column SNApp knows; the columns are {known}",
        "不是 SNApp 认识的列；可用的列为 {known}",
    ),
    "file.second_column": (
        "a second {label} column (the first is {first})",
        "第二个{label}列（第一个在 {first}）",
    ),
    "file.no_column": (
        "no {missing} column; the first row must name the columns ({known})",
        "缺少 {missing} 列；第一行必须写明各列名称（{known}）",
    ),
    "file.whole_number": ("{label} must be a whole number", "{label}必须是整数"),
    # writing
    "file.no_folder": (
        "the folder {folder} does not exist; choose a folder that does",
        "文件夹 {folder} 不存在；请选择一个已存在的文件夹",
    ),
    "file.is_folder": ("is a folder; give the name of a file to write", "是一个文件夹；请给出要写入的文件名"),
    "file.unwritable": (
        "cannot be written ({detail}); if it is open in Excel, close it",
        "无法写入（{detail}）；如果它在 Excel 中打开，请先关闭",
    ),
    "file.suffix": (
        "{what} is written as an {suffix} file; give a name ending in {suffix}",
        "{what}会写成 {suffix} 文件；请给出以 {suffix} 结尾的文件名",
    ),
    "file.what_export": ("an export", "导出文件"),
    "file.what_template": ("a template", "模板"),
    "file.sheet_rows": (
        "more than {most:,} rows do not fit in one Excel sheet; narrow the filters",
        "超过 {most:,} 行，无法放入一个 Excel 工作表；请缩小筛选范围",
    ),
    # master-data imports
    "import.problem": ("1 problem in {file}; nothing was imported", "{file} 中有 1 个问题；未导入任何内容"),
    "import.problems": ("{n} problems in {file}; nothing was imported", "{file} 中有 {n} 个问题；未导入任何内容"),
    "import.twice": ("appears twice in this file (first at row {row})", "在本文件中出现两次（首次在第 {row} 行）"),
    "import.supplier_taken": ("a supplier with this code already exists", "已存在此编码的供应商"),
    "import.sku_taken": ("an item with this SKU already exists", "已存在此 SKU 的物料"),
    "import.gtin_taken": ("another item already has this GTIN", "另一个物料已使用此 GTIN"),
    "import.location_taken": ("a location with this code already exists", "已存在此编码的库位"),
    "import.no_supplier": ("no supplier with this code in SNApp", "SNApp 中没有此编码的供应商"),
}
