// The floor client's own words, in English and Simplified Chinese. What the server says (verdicts,
// refusals, status names) arrives already in the chosen language (Accept-Language).

const WORDS = {
  en: {
    app: "SNApp floor",
    login: "Log in", user: "User name", password: "Password", logout: "Log out",
    lookup: "Look up", receive: "Receive", verify: "Verify", count: "Stocktake", exceptions: "Exceptions",
    back: "Back", online: "Online", offline: "Offline",
    queued: "{n} scans waiting for the network",
    offlineNote: "No network: scans are kept on this device and sent when it is back.",
    scanHere: "Scan or type, then Enter",
    po: "Purchase order", line: "Line", lineAuto: "Any line (a GS1 scan picks it)", location: "Location",
    choosePo: "Choose a purchase order", everyLocation: "Every location",
    accepted: "accepted", open: "open", post: "Post receipt", clear: "Clear",
    posted: "Receipt {number}: {quantity} units received",
    nothingToPost: "No accepted scans to post",
    postQueued: "Not sent: no network. Tap Post again when it is back.",
    twice: "scanned twice (first as #{first})",
    lineFull: "line {line} has no more open quantity",
    otherLine: "belongs to line {line} ({sku}): post this batch first",
    waiting: "waiting for the network", checking: "checking…",
    bad: "refused",
    card: "Unit", status: "Status", item: "Item", supplier: "Supplier", receipt: "Receipt",
    warranty: "Warranty", warrantyLeft: "until {end} ({days} days left)", warrantyOver: "ended {end}",
    noWarranty: "none", history: "History", moves: "Moves allowed now", noMoves: "No move is allowed now",
    to: "To location", ref: "Reference", note: "Note", doMove: "Confirm", moved: "{verb}: done ({status})",
    needsNetwork: "This needs the network",
    startCount: "Start stocktake", closeCount: "Close stocktake", countOf: "Stocktake {number}",
    countClosed: "Stocktake {number} closed: {matched} matched, {missing} missing, {unexpected} unexpected, {unknown} unknown",
    here: "Known here", elsewhere: "Belongs elsewhere", unknown: "Unknown", twiceShort: "Scanned twice",
    notOnShelf: "Not on a shelf", unreadable: "Unreadable",
    resolve: "Resolve", resolution: "How it was settled", noExceptions: "No open exceptions",
    resolved: "Exception {id} resolved",
    language: "中文", camera: "Camera", noCamera: "The camera cannot be used here: {reason}",
    loginFailed: "Login failed",
    scanner: "Scanner", gsSends: "GS (FNC1) arrives as",
    gsAscii: "ASCII 29 (GS), as GS1 specifies", gs029: "the characters 029", gsCaret: "the characters ^]",
    gsLiteral: "the characters <GS>", gsNone: "nothing (the scanner drops it)",
    aimPrefix: "The scanner sends its symbology identifier first (]d2, ]C1, ]Q3)",
    lead: "Text the scanner adds before each code", trail: "Text the scanner adds after each code",
    ends: "A scan ends with", enter: "Enter", tab: "Tab",
    capsNote: "Caps Lock: SNApp turns the letters back when a code shows they arrived inverted.",
    scannerSaved: "Saved on this device: every scan field uses it from the next scan.",
    testScanner: "Test the scanner here", reads: "SNApp reads {what}", cannotRead: "SNApp cannot read it as a unit's code",
    arrived: "{n} characters arrived:", hintSuffix: "The scanner ended the scan with {key}: choose {key} above.",
    hintPrefix: "The scan starts with the symbology identifier {id}: tick the box above.",
    holder: "Held by", customer: "Customer", chooseCustomer: "Choose a customer", recipient: "Issued to",
    recipientKind: "Recipient is a", kind_person: "person", kind_department: "department", kind_project: "project",
    delivery: "Delivery reference", rma: "RMA number", supplierRma: "Supplier's RMA number", reason: "Reason for the return",
    expectSerial: "Scan a serial (then its {fields})", expectField: "Scan the {field} of {serial}",
    fieldOf: "{field} of {serial}", undo: "Undo", nothingToUndo: "Nothing to undo", undone: "Taken back: {text}",
    answerBy: "Answer promised by", overdue: "overdue",
  },
  zh: {
    app: "SNApp 现场",
    login: "登录", user: "用户名", password: "密码", logout: "退出登录",
    lookup: "查询", receive: "收货", verify: "验证", count: "盘点", exceptions: "异常",
    back: "返回", online: "在线", offline: "离线",
    queued: "{n} 条扫描等待网络",
    offlineNote: "无网络：扫描已保存在本设备上，网络恢复后自动发送。",
    scanHere: "扫描或输入后按回车",
    po: "采购订单", line: "订单行", lineAuto: "任意行（由 GS1 条码选择）", location: "库位",
    choosePo: "请选择采购订单", everyLocation: "全部库位",
    accepted: "已接受", open: "未收", post: "过账收货", clear: "清空",
    posted: "收货单 {number}：已收 {quantity} 件",
    nothingToPost: "没有可过账的扫描",
    postQueued: "未发送：无网络。网络恢复后请再次点击过账。",
    twice: "重复扫描（首次为第 {first} 条）",
    lineFull: "第 {line} 行已无未收数量",
    otherLine: "属于第 {line} 行（{sku}）：请先过账本批",
    waiting: "等待网络", checking: "核对中…",
    bad: "拒绝",
    card: "单品", status: "状态", item: "物料", supplier: "供应商", receipt: "收货单",
    warranty: "保修", warrantyLeft: "至 {end}（剩余 {days} 天）", warrantyOver: "已于 {end} 到期",
    noWarranty: "无", history: "历史记录", moves: "当前可执行的操作", noMoves: "当前没有可执行的操作",
    to: "目标库位", ref: "参考号", note: "备注", doMove: "确认", moved: "{verb}：完成（{status}）",
    needsNetwork: "此操作需要网络",
    startCount: "开始盘点", closeCount: "结束盘点", countOf: "盘点单 {number}",
    countClosed: "盘点单 {number} 已结束：相符 {matched}，缺失 {missing}，不符 {unexpected}，未知 {unknown}",
    here: "在此库位", elsewhere: "应在别处", unknown: "未知", twiceShort: "重复扫描",
    notOnShelf: "不在货架上", unreadable: "无法识别",
    resolve: "处理", resolution: "处理说明", noExceptions: "没有未处理的异常",
    resolved: "异常 {id} 已处理",
    language: "English", camera: "摄像头", noCamera: "无法使用摄像头：{reason}",
    loginFailed: "登录失败",
    scanner: "扫描枪", gsSends: "GS（FNC1）发送为",
    gsAscii: "ASCII 29（GS），符合 GS1 规范", gs029: "字符 029", gsCaret: "字符 ^]",
    gsLiteral: "字符 <GS>", gsNone: "不发送（扫描枪将其丢弃）",
    aimPrefix: "扫描枪先发送码制标识符（]d2、]C1、]Q3）",
    lead: "扫描枪在每个条码前添加的文字", trail: "扫描枪在每个条码后添加的文字",
    ends: "每次扫描的结束键", enter: "回车", tab: "Tab 键",
    capsNote: "大写锁定：若条码显示字母大小写被颠倒，SNApp 会自动还原。",
    scannerSaved: "已保存在本设备上：所有扫描框从下一次扫描起使用此设置。",
    testScanner: "在此测试扫描枪", reads: "SNApp 识别为：{what}", cannotRead: "SNApp 无法将其识别为单品条码",
    arrived: "收到 {n} 个字符：", hintSuffix: "扫描枪以 {key} 结束扫描：请在上方选择 {key}。",
    hintPrefix: "扫描内容以码制标识符 {id} 开头：请勾选上方的选项。",
    holder: "持有方", customer: "客户", chooseCustomer: "请选择客户", recipient: "领用人",
    recipientKind: "领用方类型", kind_person: "个人", kind_department: "部门", kind_project: "项目",
    delivery: "发货单号", rma: "RMA 编号", supplierRma: "供应商 RMA 编号", reason: "退货原因",
    expectSerial: "请扫描序列号（之后扫描其{fields}）", expectField: "请扫描 {serial} 的{field}",
    fieldOf: "{serial} 的{field}", undo: "撤销", nothingToUndo: "没有可撤销的扫描", undone: "已撤销：{text}",
    answerBy: "承诺答复日期", overdue: "已逾期",
  },
};

export function chosenLanguage() {
  const saved = localStorage.getItem("snapp.lang");
  if (saved === "en" || saved === "zh") return saved;
  return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function t(key, values = {}) {
  const template = WORDS[chosenLanguage()][key] ?? WORDS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Fill every element carrying data-t (its text) or data-t-placeholder (its placeholder). */
export function translatePage(root = document) {
  document.documentElement.lang = chosenLanguage() === "zh" ? "zh-CN" : "en";
  for (const el of root.querySelectorAll("[data-t]")) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll("[data-t-placeholder]")) el.placeholder = t(el.dataset.tPlaceholder);
  for (const el of root.querySelectorAll("[data-t-label]")) el.setAttribute("aria-label", t(el.dataset.tLabel));
}
