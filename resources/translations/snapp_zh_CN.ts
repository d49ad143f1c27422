<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Aftersales</name>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="29"/>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="31"/>
        <source>ended {0} ({1} days ago)</source>
        <translation>已于 {0} 到期（{1} 天前）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="32"/>
        <source>until {0} ({1} days left)</source>
        <translation>至 {0}（剩余 {1} 天）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="39"/>
        <source>a customer not recorded (shipped before customers were kept)</source>
        <translation>未记录的客户（记录客户前发货）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="40"/>
        <source>we have it</source>
        <translation>在本公司</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="42"/>
        <source>, delivery {0}</source>
        <translation>，送货单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="50"/>
        <source>1 customer warranty ends within {1} days</source>
        <translation>1 个客户保修将在 {1} 天内到期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="51"/>
        <source>{0} customer warranties end within {1} days</source>
        <translation>{0} 个客户保修将在 {1} 天内到期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="52"/>
        <source>1 unit is overdue back from its supplier (RMA {1})</source>
        <translation>1 件退供应商的物品逾期未返回（退货授权 {1}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="53"/>
        <source>{0} units are overdue back from suppliers (RMA {1})</source>
        <translation>{0} 件退供应商的物品逾期未返回（退货授权 {1}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="54"/>
        <source>1 unit has been in repair longer than {1} days</source>
        <translation>1 件物品维修超过 {1} 天</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="55"/>
        <source>{0} units have been in repair longer than {1} days</source>
        <translation>{0} 件物品维修超过 {1} 天</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="56"/>
        <source>1 customer return is past the day its answer was promised (RMA {1})</source>
        <translation>1 件客户退货已过承诺答复日期（RMA {1}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="57"/>
        <source>{0} customer returns are past the day their answer was promised (RMA {1})</source>
        <translation>{0} 件客户退货已过承诺答复日期（RMA {1}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/aftersales.py" line="163"/>
        <source>Warranty claim {0}</source>
        <translation>保修索赔单 {0}</translation>
    </message>
</context>
<context>
    <name>BackupTimer</name>
    <message>
        <location filename="../../snapp/gui/backups.py" line="90"/>
        <source>Scheduled backup failed: {0}</source>
        <translation>定时备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/backups.py" line="95"/>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
</context>
<context>
    <name>CustomerUnits</name>
    <message>
        <location filename="../../ui/customer_units.ui" line="8"/>
        <source>A replacement&apos;s customer &amp;warranty:</source>
        <translation>换货的客户保修(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/customer_units.ui" line="9"/>
        <source>For every PC; only an administrator may change it</source>
        <translation>适用于所有电脑；仅管理员可修改</translation>
    </message>
    <message>
        <location filename="../../ui/customer_units.ui" line="14"/>
        <source>Units the selected customer has</source>
        <translation>所选客户持有的物品</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="27"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="34"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="35"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="36"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="37"/>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="38"/>
        <source>Delivery</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="39"/>
        <source>Customer warranty until</source>
        <translation>客户保修至</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="45"/>
        <source>continues the original&apos;s</source>
        <translation>延续原物品的保修</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="46"/>
        <source>starts anew from the swap</source>
        <translation>自换货之日重新计算</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="57"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="86"/>
        <source>Select a customer to see the units they have</source>
        <translation>选择客户以查看其持有的物品</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/customers.py" line="89"/>
        <source>Units {0} has now</source>
        <translation>{0} 目前持有的物品</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../ui/dashboard.ui" line="8"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="10"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="15"/>
        <source>Units in stock</source>
        <translation>在库数量</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="16"/>
        <source>Receipts this week</source>
        <translation>本周收货</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="17"/>
        <source>Warranties ending within 30 days</source>
        <translation>30 天内保修到期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="18"/>
        <source>Serial accuracy this month</source>
        <translation>本月序列号准确率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="18"/>
        <source>Share of counted units whose recorded location and status agree with the latest count</source>
        <translation>盘点单位中，系统记录的库位和状态与最近一次盘点一致的比例</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="19"/>
        <source>Open purchase orders</source>
        <translation>未完成采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="24"/>
        <source>Units by status</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="30"/>
        <source>Needs attention</source>
        <translation>待处理事项</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="95"/>
        <source>{0}: {1} open</source>
        <translation>{0}：{1} 项未处理</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="97"/>
        <source>{0} purchase orders wait for approval</source>
        <translation>{0} 张采购订单待审核</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="97"/>
        <source>1 purchase order waits for approval</source>
        <translation>1 张采购订单待审核</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="99"/>
        <source>{0} units are in repair</source>
        <translation>{0} 件在维修中</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="99"/>
        <source>1 unit is in repair</source>
        <translation>1 件在维修中</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="101"/>
        <source>1 unit leaves its supplier warranty within {1} days</source>
        <translation>1 件将在 {1} 天内超出供应商保修期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="102"/>
        <source>{0} units leave their supplier warranty within {1} days</source>
        <translation>{0} 件将在 {1} 天内超出供应商保修期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="104"/>
        <source>{0} units on our shelves have expired</source>
        <translation>{0} 件在库单件已过期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="104"/>
        <source>1 unit on our shelves has expired</source>
        <translation>1 件在库单件已过期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="106"/>
        <source>1 unit expires within {1} days: issue the first-expiring first</source>
        <translation>1 件将在 {1} 天内到期：请先到期先出</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="107"/>
        <source>{0} units expire within {1} days: issue the first-expiring first</source>
        <translation>{0} 件将在 {1} 天内到期：请先到期先出</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="109"/>
        <source>{0} units are quarantined by a recall</source>
        <translation>{0} 件因召回已隔离</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="109"/>
        <source>1 unit is quarantined by a recall</source>
        <translation>1 件因召回已隔离</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dashboard.py" line="112"/>
        <source>Nothing needs attention.</source>
        <translation>暂无待处理事项。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../snapp/gui/documents.py" line="33"/>
        <source>Writing {0}…</source>
        <translation>正在生成 {0}…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/documents.py" line="59"/>
        <source>{0}: {1} ({2} page(s))</source>
        <translation>{0}：{1}（{2} 页）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/documents.py" line="64"/>
        <source>No program on this computer opens PDFs. The file is {0}</source>
        <translation>本机没有能打开 PDF 的程序。文件位于 {0}</translation>
    </message>
</context>
<context>
    <name>Exceptions</name>
    <message>
        <location filename="../../ui/exceptions.ui" line="7"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="10"/>
        <source>Everything that needs a person: scans refused during receipts, verifications that did not pass, count discrepancies, reappearing units, over-deliveries. Resolve each one saying how.</source>
        <translation>所有需要人工处理的事项：收货时被拒绝的扫描、未通过的验证、盘点差异、再次出现的物品、超量到货。请逐条处理，并说明处理方式。</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="14"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="16"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="31"/>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="33"/>
        <source>What happened:</source>
        <translation>情况描述：</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="34"/>
        <source>Scroll, or select and copy: a count&apos;s missing units are listed here</source>
        <translation>可滚动查看，或选中后复制：盘点缺失的单件列在这里</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="35"/>
        <source>Opened:</source>
        <translation>登记：</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="37"/>
        <source>Resolved:</source>
        <translation>处理：</translation>
    </message>
    <message>
        <location filename="../../ui/exceptions.ui" line="41"/>
        <source>&amp;Resolve…</source>
        <translation>处理(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>ExceptionsView</name>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="32"/>
        <source>Opened</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="33"/>
        <source>By</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="34"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="35"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="36"/>
        <source>What happened</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="38"/>
        <source>Resolved by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="39"/>
        <source>Resolved</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="45"/>
        <source>No exception here. Refused scans, unknown serials at Verify and stocktake differences open one.</source>
        <translation>这里没有异常。被拒绝的扫描、验证时的未知序列号和盘点差异会产生异常。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="48"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="49"/>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="69"/>
        <source> (the newest {0})</source>
        <translation>（仅最新 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="70"/>
        <source>{0} shown</source>
        <translation>显示 {0} 条</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="82"/>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="87"/>
        <source>Exception #{0}: {1}</source>
        <translation>异常 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="88"/>
        <source> (ref {0})</source>
        <translation>（参考单号 {0}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="90"/>
        <source>{0} by {1}</source>
        <translation>{0}，由 {1} 登记</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="93"/>
        <source>{0} by {1}: {2}</source>
        <translation>{0}，由 {1} 处理：{2}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="96"/>
        <source>not yet</source>
        <translation>尚未处理</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="103"/>
        <source>Resolve exception #{0}</source>
        <translation>处理异常 #{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/exceptions.py" line="104"/>
        <source>{0}

How was it resolved?</source>
        <translation>{0}

请说明处理方式：</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="26"/>
        <source>Custom fields of {0}</source>
        <translation>{0} 的自定义字段</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="29"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="30"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="31"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="31"/>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="34"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="32"/>
        <source>Unique</source>
        <translation>唯一性</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="33"/>
        <source>Choices / pattern</source>
        <translation>选项 / 规则</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="34"/>
        <source>Scanned</source>
        <translation>扫描采集</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="35"/>
        <source>Case</source>
        <translation>大小写</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/fields_dialog.py" line="36"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="5"/>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="8"/>
        <source>Each unit of this item can carry these fields (an IMEI, a MAC address, a firmware version). At receipt they come from a file&apos;s column headed by the field&apos;s name, a paste of columns, or a scan after each serial.</source>
        <translation>此物料的每个物品都可以带有这些字段（IMEI、MAC 地址、固件版本等）。收货时，字段值来自文件中以字段名为标题的列、粘贴的多列，或在每个序列号之后的扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="19"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="20"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="21"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="23"/>
        <source>&amp;Unique:</source>
        <translation>唯一性(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="25"/>
        <source>&amp;Required at receipt</source>
        <translation>收货时必填(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="26"/>
        <source>&amp;Scanned after the serial</source>
        <translation>在序列号之后扫描(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="26"/>
        <source>At receipt, scan each unit&apos;s serial and then this field; its pattern tells a scan out of order</source>
        <translation>收货时先扫描每个物品的序列号，再扫描此字段；字段规则用于识别顺序错误的扫描</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="27"/>
        <source>&amp;Pattern:</source>
        <translation>规则(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="29"/>
        <source>C&amp;hoices:</source>
        <translation>选项(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="30"/>
        <source>A, B, C</source>
        <translation>A, B, C</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="31"/>
        <source>Letter &amp;case:</source>
        <translation>字母大小写(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="32"/>
        <source>A text value is stored in this case, so aa:bb and AA:BB are one value: the unique check and a search see them as the same</source>
        <translation>文本值按此大小写保存，aa:bb 与 AA:BB 视为同一个值：唯一性检查和查找都将它们视为相同</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="40"/>
        <source>&amp;Add field</source>
        <translation>添加字段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/fields_dialog.ui" line="41"/>
        <source>Sa&amp;ve changes</source>
        <translation>保存更改(&amp;V)</translation>
    </message>
</context>
<context>
    <name>InspectDialog</name>
    <message>
        <location filename="../../snapp/gui/views/rma_dialogs.py" line="34"/>
        <source>RMA {0}: {1} — {2}, from {3}: {4}</source>
        <translation>退货授权 {0}：{1} — {2}，客户 {3}：{4}</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="5"/>
        <source>Inspect a customer return</source>
        <translation>检验客户退货</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="12"/>
        <source>&amp;Decision:</source>
        <translation>处理决定(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="14"/>
        <source>To &amp;location:</source>
        <translation>目标库位(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="16"/>
        <source>&amp;Supplier&apos;s RMA number:</source>
        <translation>供应商退货授权号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="17"/>
        <source>The number the supplier gave for this return</source>
        <translation>供应商为此次退货给出的编号</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="18"/>
        <source>&amp;Expected back on:</source>
        <translation>预计返回日期(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="20"/>
        <source>Re&amp;placement serial:</source>
        <translation>换货序列号(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="21"/>
        <source>Scan the unit that goes out to the customer</source>
        <translation>扫描发给客户的物品</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="22"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/inspect_dialog.ui" line="23"/>
        <source>What inspection found</source>
        <translation>检验发现的问题</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <location filename="../../ui/item_form.ui" line="5"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="9"/>
        <source>&amp;SKU:</source>
        <translation>SKU(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="12"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="15"/>
        <source>&amp;GTIN:</source>
        <translation>GTIN(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="16"/>
        <source>8, 12, 13 or 14 digits with check digit</source>
        <translation>8、12、13 或 14 位数字（含校验位）</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="18"/>
        <source>&amp;Tracking:</source>
        <translation>跟踪方式(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="21"/>
        <source>Serial &amp;pattern:</source>
        <translation>序列号规则(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="22"/>
        <source>Regular expression, e.g. PF[0-9A-Z]{8}</source>
        <translation>正则表达式，例如 PF[0-9A-Z]{8}</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="24"/>
        <source>Serial length &amp;from:</source>
        <translation>序列号最小长度(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="27"/>
        <source>Serial length t&amp;o:</source>
        <translation>序列号最大长度(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="30"/>
        <source>Serial &amp;case:</source>
        <translation>序列号大小写(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="33"/>
        <source>&amp;Warranty (months):</source>
        <translation>保修期（月）(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="36"/>
        <source>S&amp;upplier:</source>
        <translation>供应商(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/item_form.ui" line="39"/>
        <source>Customer warrant&amp;y (months):</source>
        <translation>客户保修期（月）(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>ItemsView</name>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="244"/>
        <source>Items</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="249"/>
        <source>Fiel&amp;ds…</source>
        <translation>字段(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="251"/>
        <source>The custom fields each unit of the selected item carries (IMEI, MAC address…)</source>
        <translation>所选物料的每个物品带有的自定义字段（IMEI、MAC 地址…）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="258"/>
        <source>Select an item first: its fields are defined per item.</source>
        <translation>请先选择一个物料：字段按物料定义。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="267"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="268"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="269"/>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="270"/>
        <source>Tracking</source>
        <translation>跟踪方式</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="271"/>
        <source>Serial rule</source>
        <translation>序列号规则</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="272"/>
        <source>Warranty (months)</source>
        <translation>保修期（月）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="273"/>
        <source>Customer warranty (months)</source>
        <translation>客户保修（月）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="274"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="291"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>LabelsDocuments</name>
    <message>
        <location filename="../../ui/labels_documents.ui" line="7"/>
        <source>Labels and documents</source>
        <translation>标签与单据</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="11"/>
        <source>Serial labels</source>
        <translation>序列号标签</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="14"/>
        <source>Receipt or PO number, or serials separated by spaces</source>
        <translation>收货单号或采购订单号，或以空格分隔的序列号</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="15"/>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="17"/>
        <source>&amp;Start at label:</source>
        <translation>起始标签(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="18"/>
        <source>On a half-used A4 sheet: the first free label, counted row by row</source>
        <translation>用于已用过一部分的 A4 标签纸：按行计数的第一个空白标签</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="19"/>
        <source>To the label p&amp;rinter</source>
        <translation>发送到标签打印机(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="19"/>
        <source>Straight to the label printer chosen in Settings, in its language and with its template</source>
        <translation>直接发送到“设置”中选择的标签打印机，使用它的语言和模板</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="20"/>
        <source>Print &amp;labels</source>
        <translation>打印标签(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="26"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="28"/>
        <source>PO number</source>
        <translation>采购订单号</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="29"/>
        <source>&amp;Purchase order</source>
        <translation>采购订单(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="30"/>
        <source>Receipt number (GR-…)</source>
        <translation>收货单号（GR-…）</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="31"/>
        <source>&amp;Goods-receipt note</source>
        <translation>收货单(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="32"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="33"/>
        <source>Serial &amp;history sheet</source>
        <translation>序列号履历表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="37"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="40"/>
        <source>Monthly &amp;audit report</source>
        <translation>月度审计报告(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="46"/>
        <source>Save in &amp;folder:</source>
        <translation>保存到文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="48"/>
        <source>Choos&amp;e…</source>
        <translation>选择(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="54"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="55"/>
        <source>Pr&amp;int…</source>
        <translation>打印(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/labels_documents.ui" line="55"/>
        <source>The PDF through this computer&apos;s print dialog</source>
        <translation>通过本机的打印对话框打印此 PDF</translation>
    </message>
</context>
<context>
    <name>LabelsDocumentsView</name>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="32"/>
        <source>Receipt</source>
        <translation>收货单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="32"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="32"/>
        <source>Serials</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="68"/>
        <source>Enter what to label first.</source>
        <translation>请先输入要打印标签的对象。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="77"/>
        <source>No label printer is set: choose one in Settings.</source>
        <translation>尚未设置标签打印机：请在“设置”中选择。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="86"/>
        <source>{0} label(s) sent to {1}</source>
        <translation>已向 {1} 发送 {0} 张标签</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="87"/>
        <source>Sending the labels to {0}…</source>
        <translation>正在向 {0} 发送标签…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="93"/>
        <source>No program on this computer opens PDFs. The file is {0}</source>
        <translation>本机没有能打开 PDF 的程序。文件位于 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="114"/>
        <source>Enter the number first.</source>
        <translation>请先输入单号。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="126"/>
        <source>{0}: {1} ({2})</source>
        <translation>{0}：{1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/labels_documents.py" line="129"/>
        <source>Save in folder</source>
        <translation>保存到文件夹</translation>
    </message>
</context>
<context>
    <name>LocationForm</name>
    <message>
        <location filename="../../ui/location_form.ui" line="5"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/location_form.ui" line="9"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/location_form.ui" line="12"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>LocationsView</name>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="301"/>
        <source>Locations</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="305"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="305"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../ui/login.ui" line="5"/>
        <source>SNApp — log in</source>
        <translation>SNApp — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="13"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="15"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="17"/>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../snapp/gui/login.py" line="39"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="43"/>
        <source>SNApp — first run</source>
        <translation>SNApp — 首次运行</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="45"/>
        <source>This database has no users yet. Create its first administrator, who can then add the others.</source>
        <translation>此数据库还没有用户。请创建第一个管理员，之后由管理员添加其他用户。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="49"/>
        <source>SNApp — locked</source>
        <translation>SNApp — 已锁定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="50"/>
        <source>SNApp is locked. Enter {0}&apos;s password to go on, or switch user.</source>
        <translation>SNApp 已锁定。输入 {0} 的密码继续，或切换用户。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="54"/>
        <source>S&amp;witch user</source>
        <translation>切换用户(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="57"/>
        <source>Log in to SNApp.</source>
        <translation>登录 SNApp。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="68"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/login.py" line="71"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>Lookup</name>
    <message>
        <location filename="../../ui/lookup.ui" line="7"/>
        <source>Serial lookup</source>
        <translation>序列号查询</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="10"/>
        <source>Scan or type a serial, then Enter</source>
        <translation>扫描或输入序列号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="16"/>
        <source>Several items carry this serial; choose one</source>
        <translation>多个物料使用此序列号，请选择一个</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="20"/>
        <source>Unit</source>
        <translation>单件信息</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="22"/>
        <source>Item:</source>
        <translation>物料：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="24"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="26"/>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="28"/>
        <source>Location:</source>
        <translation>库位：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="30"/>
        <source>Purchase order:</source>
        <translation>采购订单：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="32"/>
        <source>Receipt:</source>
        <translation>收货单：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="34"/>
        <source>Supplier warranty:</source>
        <translation>供应商保修：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="36"/>
        <source>Customer warranty:</source>
        <translation>客户保修：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="38"/>
        <source>Has it now:</source>
        <translation>当前持有：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="40"/>
        <source>After-sales:</source>
        <translation>售后：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="41"/>
        <source>Record a repair…</source>
        <translation>记录维修…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="41"/>
        <source>Fault, work done, parts, cost, who and where, on the unit&apos;s history</source>
        <translation>故障、处理、配件、费用、维修人和地点，记入该物品的履历</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="43"/>
        <source>Batch / expiry:</source>
        <translation>批号 / 有效期：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="45"/>
        <source>Fields:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="50"/>
        <source>&amp;Warranty claim (PDF)</source>
        <translation>保修索赔单 PDF(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="50"/>
        <source>The supplier&apos;s warranty claim for this unit: purchase record, receipt, faults, repairs; saved in the documents folder</source>
        <translation>此单件给供应商的保修索赔单：采购记录、收货、故障、维修；保存在文档文件夹中</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="51"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="51"/>
        <source>The last document written here, in this computer&apos;s PDF viewer</source>
        <translation>用本机的 PDF 阅读器打开此处最近生成的文档</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="52"/>
        <source>Print P&amp;DF…</source>
        <translation>打印 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup.ui" line="52"/>
        <source>The last document written here, to a printer of your choice</source>
        <translation>将此处最近生成的文档发送到所选打印机</translation>
    </message>
</context>
<context>
    <name>LookupView</name>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="54"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="55"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="56"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="57"/>
        <source>Where</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="58"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="59"/>
        <source>Reference</source>
        <translation>参考单号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="60"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="65"/>
        <source>Scan or type a serial above: the unit&apos;s history shows here.</source>
        <translation>请在上方扫描或输入序列号：该单件的履历将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="107"/>
        <source>{0}: not in SNApp. It was never received here (this alone does not make it counterfeit).</source>
        <translation>{0}：SNApp 中没有此序列号。它从未在此收货（仅凭这一点不能断定是假货）。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="123"/>
        <source>{0} items carry serial {1}; choose one above</source>
        <translation>{0} 个物料使用序列号 {1}，请在上方选择一个</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="154"/>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="157"/>
        <source>ended {0} ({1} days ago)</source>
        <translation>已于 {0} 到期（{1} 天前）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="158"/>
        <source>until {0} ({1} days left)</source>
        <translation>至 {0}（剩余 {1} 天）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="164"/>
        <source>expired {0} ({1} days ago)</source>
        <translation>已于 {0} 过期（{1} 天前）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/lookup.py" line="165"/>
        <source>expires {0} ({1} days left)</source>
        <translation>{0} 到期（剩 {1} 天）</translation>
    </message>
</context>
<context>
    <name>LotFields</name>
    <message>
        <location filename="../../snapp/gui/views/receiving_lot.py" line="55"/>
        <source>A lot has no serials: scan its label or type its batch, expiry and quantity above, then post.</source>
        <translation>批次没有序列号：扫描其标签，或在上方输入批号、有效期和数量，然后确认收货。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving_lot.py" line="58"/>
        <source>Scan the lot&apos;s GS1 label, or type its batch, expiry and quantity below</source>
        <translation>扫描该批的 GS1 标签，或在下方输入批号、有效期和数量</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving_lot.py" line="74"/>
        <source>, expires {0}</source>
        <translation>，有效期至 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving_lot.py" line="75"/>
        <source>Batch {0}{1}: check the quantity, then post</source>
        <translation>批号 {0}{1}：请核对数量，然后确认收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving_lot.py" line="89"/>
        <source>Receipt {0}: {1} of {2}, batch {3}, received into {4}</source>
        <translation>收货单 {0}：{2} 共 {1}，批号 {3}，已收入 {4}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="131"/>
        <source>SNApp — serial numbers</source>
        <translation>SNApp — 序列号管理</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="98"/>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="103"/>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="107"/>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="99"/>
        <source>Serial lookup</source>
        <translation>序列号查询</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="100"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="101"/>
        <source>Serial register</source>
        <translation>序列号台账</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="108"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="102"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="112"/>
        <source>Recall and trace</source>
        <translation>召回追溯</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="110"/>
        <source>Labels and documents</source>
        <translation>标签与单据</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="105"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="106"/>
        <source>Items</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="109"/>
        <source>Locations</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="116"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="118"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="119"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="114"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="113"/>
        <source>Returns and RMAs</source>
        <translation>退货与RMA</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="159"/>
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="158"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="123"/>
        <source>Every day</source>
        <translation>日常</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="123"/>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="123"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="124"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="124"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="194"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="198"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="201"/>
        <location filename="../../snapp/gui/main_window.py" line="207"/>
        <source>Logged out</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="205"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="214"/>
        <source>Finish or close “{0}” first.</source>
        <translation>请先完成或关闭“{0}”。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="248"/>
        <source>Your password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="255"/>
        <source>About SNApp</source>
        <translation>关于 SNApp</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="256"/>
        <source>SNApp {0}: serial-number tracking.&lt;br&gt;Database: {1}&lt;br&gt;User: {2}</source>
        <translation>SNApp {0}：序列号追踪。&lt;br&gt;数据库：{1}&lt;br&gt;用户：{2}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="296"/>
        <source>Keys of this screen</source>
        <translation>本页面的快捷键</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/main_window.py" line="300"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>ManifestDialog</name>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="54"/>
        <source>{0} line {1}: {2} {3} — ordered {4}, received {5}</source>
        <translation>{0} 第 {1} 行：{2} {3} — 订购 {4}，已收 {5}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="58"/>
        <source>No manifest loaded for this line yet.</source>
        <translation>此行尚未导入到货清单。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="60"/>
        <source>The manifest lists {0} serials; {1} received, {2} not yet.</source>
        <translation>到货清单共 {0} 个序列号；已收 {1} 个，未收 {2} 个。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="62"/>
        <source>Load the manifest</source>
        <translation>导入到货清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="64"/>
        <source>Replace the manifest</source>
        <translation>替换到货清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="66"/>
        <source>Add these serials to it</source>
        <translation>把这些序列号加入清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="66"/>
        <source>Remove these serials from it</source>
        <translation>从清单中删除这些序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="71"/>
        <source>As the supplier says</source>
        <translation>按供应商设置</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="76"/>
        <source>For supplier {0}:</source>
        <translation>供应商 {0}：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="77"/>
        <source>For item {0}:</source>
        <translation>物料 {0}：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="84"/>
        <source>Supplier&apos;s manifest</source>
        <translation>供应商到货清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="85"/>
        <source>Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Excel 或 CSV (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/manifest.py" line="103"/>
        <source>choose the supplier&apos;s file or paste its serials</source>
        <translation>请选择供应商的文件或粘贴序列号</translation>
    </message>
</context>
<context>
    <name>ManifestForm</name>
    <message>
        <location filename="../../ui/manifest_form.ui" line="5"/>
        <source>Supplier manifest</source>
        <translation>供应商到货清单</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="16"/>
        <source>&amp;What to do:</source>
        <translation>操作(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="18"/>
        <source>Supplier&apos;s file:</source>
        <translation>供应商文件：</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="21"/>
        <source>an Excel or CSV file with a serial column</source>
        <translation>含序列号列的 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="22"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="28"/>
        <source>…or &amp;paste the serials (one per line, or separated by commas, tabs or spaces):</source>
        <translation>…或粘贴序列号(&amp;P)（每行一个，或以逗号、制表符、空格分隔）：</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="35"/>
        <source>A unit that arrives but is not on the manifest</source>
        <translation>到货物品不在到货清单上时</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="37"/>
        <source>For this &amp;supplier:</source>
        <translation>此供应商(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/manifest_form.ui" line="39"/>
        <source>For this &amp;item:</source>
        <translation>此物料(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <location filename="../../snapp/gui/menus.py" line="32"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="33"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="35"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="36"/>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="37"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="38"/>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="40"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="41"/>
        <source>Go</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="41"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="48"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="49"/>
        <source>&amp;Keys of this screen</source>
        <translation>本屏幕的按键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="50"/>
        <source>&amp;About SNApp</source>
        <translation>关于 SNApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/menus.py" line="53"/>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../snapp/gui/views/dialogs.py" line="93"/>
        <source>&amp;Delivery note:</source>
        <translation>送货单(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dialogs.py" line="94"/>
        <source>The delivery note&apos;s number</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/dialogs.py" line="102"/>
        <source>(not recorded)</source>
        <translation>（不记录）</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="5"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="12"/>
        <source>To &amp;location:</source>
        <translation>目标库位(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="14"/>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="16"/>
        <source>Issued &amp;to:</source>
        <translation>领用人(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="20"/>
        <source>Who has it now: a name, a department or a project</source>
        <translation>现由谁持有：姓名、部门或项目</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="23"/>
        <source>&amp;Reference:</source>
        <translation>参考单号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="24"/>
        <source>Work order, RMA, delivery note…</source>
        <translation>工单、RMA、送货单…</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="25"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/move_dialog.ui" line="26"/>
        <source>The fault, the reason…</source>
        <translation>故障、原因…</translation>
    </message>
</context>
<context>
    <name>PODialog</name>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="65"/>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="65"/>
        <source>Edit purchase order {0}</source>
        <translation>编辑采购订单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="66"/>
        <source>Amend purchase order {0}</source>
        <translation>变更采购订单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="82"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="82"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="82"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="82"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="82"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="160"/>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="214"/>
        <source>choose an item from the list (type part of its SKU, name or GTIN)</source>
        <translation>请从列表中选择物料（可输入 SKU、名称或 GTIN 的一部分）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="220"/>
        <source>{0!r} is not a price</source>
        <translation>{0!r} 不是有效的价格</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="284"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="311"/>
        <source>Tax {0}%:</source>
        <translation>税额（{0}%）：</translation>
    </message>
</context>
<context>
    <name>POForm</name>
    <message>
        <location filename="../../ui/po_form.ui" line="5"/>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="9"/>
        <source>Supp&amp;lier:</source>
        <translation>供应商(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="11"/>
        <source>Supplier &amp;reference:</source>
        <translation>供应商单号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="12"/>
        <source>The supplier&apos;s own order or quotation number</source>
        <translation>供应商自己的订单号或报价单号</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="13"/>
        <source>C&amp;urrency:</source>
        <translation>币种(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="15"/>
        <source>&amp;Tax rate:</source>
        <translation>税率(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="16"/>
        <source>Unit prices are before tax; the tax is added to the total</source>
        <translation>单价不含税；税额加到合计中</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="17"/>
        <source>&amp;Delivery date:</source>
        <translation>交货日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="18"/>
        <source>YYYY-MM-DD or +14</source>
        <translation>YYYY-MM-DD 或 +14</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="18"/>
        <source>A date, or +N for N days from today; empty for none</source>
        <translation>日期，或 +N 表示今天起 N 天后；留空表示不指定</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="19"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="21"/>
        <source>Reaso&amp;n for the amendment:</source>
        <translation>变更原因(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="27"/>
        <source>Enter a line</source>
        <translation>录入订单行</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="29"/>
        <source>&amp;Item:</source>
        <translation>物料(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="30"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="31"/>
        <source>Unit &amp;price:</source>
        <translation>单价(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="32"/>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="35"/>
        <source>Before tax. Enter adds the line.</source>
        <translation>不含税。按回车添加此行。</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="38"/>
        <source>Paste from E&amp;xcel</source>
        <translation>从 Excel 粘贴(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="38"/>
        <source>Rows copied from a spreadsheet: SKU, quantity, unit price (Ctrl+V in the lines does the same)</source>
        <translation>从电子表格复制的行：物料编码、数量、单价（在明细中按 Ctrl+V 也可以）</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="39"/>
        <source>Re&amp;move line</source>
        <translation>删除行(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="44"/>
        <source>Lin&amp;es (Enter or F2 on a line changes it; Delete removes it):</source>
        <translation>明细(&amp;E)（在行上按回车或 F2 修改，按 Delete 删除）：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="59"/>
        <source>Net:</source>
        <translation>不含税金额：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="62"/>
        <source>Tax:</source>
        <translation>税额：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="65"/>
        <source>Total:</source>
        <translation>价税合计：</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="77"/>
        <source>Enter moves on and adds the line · Ctrl+S or Ctrl+Enter saves · Esc cancels</source>
        <translation>回车跳到下一项并添加行 · Ctrl+S 或 Ctrl+回车 保存 · Esc 取消</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="79"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="80"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="33"/>
        <source>Search by SKU, name or GTIN</source>
        <translation>按 SKU、名称或 GTIN 搜索</translation>
    </message>
    <message>
        <location filename="../../ui/po_form.ui" line="37"/>
        <source>&amp;Add line</source>
        <translation>添加行(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PurchaseOrders</name>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="7"/>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="11"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="14"/>
        <source>&amp;New PO…</source>
        <translation>新建采购订单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="15"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="16"/>
        <source>A&amp;mend…</source>
        <translation>变更(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="17"/>
        <source>&amp;Approve</source>
        <translation>审核(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="18"/>
        <source>&amp;Cancel PO</source>
        <translation>取消订单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="20"/>
        <source>&amp;Print PO…</source>
        <translation>打印订单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="21"/>
        <source>Load mani&amp;fest…</source>
        <translation>导入到货清单(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="19"/>
        <source>C&amp;lose PO</source>
        <translation>关闭订单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/purchase_orders.ui" line="21"/>
        <source>The supplier&apos;s serial list for the selected line, checked at receipt</source>
        <translation>所选行的供应商序列号清单，收货时逐一核对</translation>
    </message>
</context>
<context>
    <name>PurchaseOrdersView</name>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="382"/>
        <source>PO</source>
        <translation>采购订单号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="383"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="384"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="385"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="386"/>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="395"/>
        <source>Ordered</source>
        <translation>订购数量</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="387"/>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="396"/>
        <source>Received</source>
        <translation>已收数量</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="392"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="393"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="394"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="397"/>
        <source>Open</source>
        <translation>未收数量</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="398"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="399"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="400"/>
        <source>Manifest</source>
        <translation>到货清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="407"/>
        <source>No purchase order here: press New PO… to raise one, or choose Any status above.</source>
        <translation>这里没有采购订单：点击“新建采购订单…”创建一张，或在上方选择“全部状态”。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="409"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="457"/>
        <source>Net {0}   Tax {1}% {2}   Total {3} {4}</source>
        <translation>不含税 {0}   税额 {1}% {2}   价税合计 {3} {4}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="533"/>
        <source>Save the purchase order</source>
        <translation>保存采购订单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/purchase_orders.py" line="533"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Recall</name>
    <message>
        <location filename="../../ui/recall.ui" line="7"/>
        <source>Recall and trace</source>
        <translation>召回追溯</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="10"/>
        <source>Say what the supplier&apos;s notice names; every criterion given narrows the recall.</source>
        <translation>按供应商召回通知填写范围；每填一项都会缩小召回范围。</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="16"/>
        <source>&amp;Supplier:</source>
        <translation>供应商(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="18"/>
        <source>Batc&amp;h:</source>
        <translation>批号(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="20"/>
        <source>PO n&amp;umber:</source>
        <translation>采购订单号(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="22"/>
        <source>&amp;Item (SKU):</source>
        <translation>物料 SKU(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="24"/>
        <source>Received &amp;from:</source>
        <translation>收货起始日(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="26"/>
        <source>Received t&amp;o:</source>
        <translation>收货截止日(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="32"/>
        <source>Serials or scans, one a line (optional)</source>
        <translation>序列号或扫描码，每行一个（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="40"/>
        <source>&amp;Trace</source>
        <translation>追溯(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="41"/>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="43"/>
        <source>E&amp;xcel…</source>
        <translation>Excel(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="44"/>
        <source>&amp;PDF for the regulator…</source>
        <translation>监管用 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="45"/>
        <source>&amp;Block stock…</source>
        <translation>冻结库存(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="46"/>
        <source>&amp;Release…</source>
        <translation>解除隔离(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="53"/>
        <source>Where / serial</source>
        <translation>去向 / 序列号</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="54"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="55"/>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="56"/>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="57"/>
        <source>PO</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="58"/>
        <source>Has it</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="59"/>
        <source>Since</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/recall.ui" line="60"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RecallView</name>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="51"/>
        <source>Recall</source>
        <translation>召回</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="82"/>
        <source>tracing…</source>
        <translation>正在追溯…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="99"/>
        <source>{0} — {1} unit(s)</source>
        <translation>{0} — {1} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="112"/>
        <source> (the first {0} listed)</source>
        <translation>（列出前 {0} 件）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="114"/>
        <source>batches: {0} piece(s) in stock, {1} of them blocked, {2} issued</source>
        <translation>批次：在库 {0} 件，其中 {1} 件已冻结，已发放 {2} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="118"/>
        <source>{0} unit(s) affected</source>
        <translation>涉及 {0} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="120"/>
        <source>{0}; {1}</source>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="140"/>
        <source>Batch quantities — {0} piece(s) in stock, {1} issued</source>
        <translation>批次数量 — 在库 {0} 件，已发放 {1} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="148"/>
        <source>{0} — {1} piece(s)</source>
        <translation>{0} — {1} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="166"/>
        <source>Export the recall</source>
        <translation>导出召回清单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="167"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="175"/>
        <source>{0} unit(s) written to {1}</source>
        <translation>已将 {0} 件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="176"/>
        <source>Exporting the recall…</source>
        <translation>正在导出召回清单…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="181"/>
        <source>Recall report</source>
        <translation>召回报告</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="182"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="190"/>
        <source>{0} page(s) written to {1}</source>
        <translation>已将 {0} 页写入 {1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="206"/>
        <source>Block stock</source>
        <translation>冻结库存</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="207"/>
        <source>Quarantine {0} unit(s) in stock where they stand? They cannot be issued or shipped until released. {1} affected unit(s) elsewhere are left as they are.</source>
        <translation>将 {0} 件在库单件就地隔离？解除隔离前不能领用或发货。其他位置的 {1} 件涉及单件保持不变。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="209"/>
        <source>{0} piece(s) of the recalled batches in stock are blocked too: not issued until released.</source>
        <translation>被召回批次在库的 {0} 件也一并冻结：解除前不能发放。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="210"/>
        <source>Block {0} piece(s) of the recalled batches in stock? They cannot be issued until released.</source>
        <translation>冻结被召回批次在库的 {0} 件？解除前不能发放。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="213"/>
        <source>Release</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="214"/>
        <source>Put {0} quarantined unit(s) back in stock where they stand? {1} affected unit(s) in other places are left as they are.</source>
        <translation>将 {0} 件已隔离单件就地恢复为在库？其他位置的 {1} 件涉及单件保持不变。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="216"/>
        <source>{0} blocked piece(s) of the recalled batches become issuable again.</source>
        <translation>被召回批次中已冻结的 {0} 件恢复可发放。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="217"/>
        <source>Make {0} blocked piece(s) of the recalled batches issuable again?</source>
        <translation>让被召回批次中已冻结的 {0} 件恢复可发放？</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="226"/>
        <source>{0}

Note for each unit&apos;s history (the supplier&apos;s notice, optional):</source>
        <translation>{0}

写入每件履历的备注（供应商通知编号，可不填）：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="237"/>
        <source>{0} unit(s) quarantined</source>
        <translation>已隔离 {0} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="237"/>
        <source>{0} piece(s) blocked</source>
        <translation>已冻结 {0} 个</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="239"/>
        <source>{0} unit(s) released</source>
        <translation>已解除隔离 {0} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="239"/>
        <source>{0} piece(s) released</source>
        <translation>已解除冻结 {0} 个</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/recall.py" line="246"/>
        <source>{0}, {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>Receiving</name>
    <message>
        <location filename="../../ui/receiving.ui" line="7"/>
        <source>Receiving</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="11"/>
        <source>&amp;Purchase order:</source>
        <translation>采购订单(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="13"/>
        <source>&amp;Line:</source>
        <translation>订单行(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="15"/>
        <source>L&amp;ocation:</source>
        <translation>库位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="21"/>
        <source>Scan or type a serial, then Enter</source>
        <translation>扫描或输入序列号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="27"/>
        <source>Lot received (item tracked by batch): scan its GS1 label, or type it</source>
        <translation>收货批次（按批号管理的物料）：扫描其 GS1 标签，或手工输入</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="29"/>
        <source>Ba&amp;tch:</source>
        <translation>批号(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="31"/>
        <source>E&amp;xpiry:</source>
        <translation>有效期(&amp;X)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="32"/>
        <source>YYYY-MM-DD, if the batch expires</source>
        <translation>YYYY-MM-DD，批次有有效期时填写</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="33"/>
        <source>&amp;Quantity:</source>
        <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="49"/>
        <source>P&amp;aste list…</source>
        <translation>粘贴列表(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="50"/>
        <source>&amp;Range…</source>
        <translation>号段(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="51"/>
        <source>&amp;Import Excel/CSV…</source>
        <translation>导入 Excel/CSV(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="52"/>
        <source>Re&amp;move selected</source>
        <translation>移除所选(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="53"/>
        <source>Cl&amp;ear…</source>
        <translation>清空(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="54"/>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>撤销(&amp;U) (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="54"/>
        <source>Bring back the scans just set aside</source>
        <translation>恢复刚刚移出的扫描记录</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="56"/>
        <source>Print la&amp;bels…</source>
        <translation>打印标签(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="57"/>
        <source>Post receipt  Ctrl+Enter</source>
        <translation>确认收货  Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/receiving.ui" line="56"/>
        <source>Labels for the receipt just posted</source>
        <translation>为刚确认的收货单打印标签</translation>
    </message>
</context>
<context>
    <name>ReceivingView</name>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="108"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="109"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="115"/>
        <source>Choose the purchase order and its line, then scan the serials; or paste a list, import a file or enter a range.</source>
        <translation>先选择采购订单和订单行，再扫描序列号；也可以粘贴列表、导入文件或输入号段。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="132"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="140"/>
        <source>Post receipt</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="142"/>
        <source>Bring back the scans just set aside</source>
        <translation>恢复刚刚移出的扫描记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="203"/>
        <source>Change to PO {0}</source>
        <translation>切换到采购订单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="216"/>
        <source>Line {0}: {1} {2} — {3} of {4} open</source>
        <translation>第 {0} 行：{1} {2} — 未收 {3} / 共 {4}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="228"/>
        <source>PO {0} is {1}; only an approved PO can be received against</source>
        <translation>采购订单 {0} 的状态为 {1}；只有已审核的采购订单才能收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="230"/>
        <source>PO {0} from {1}: scan the serials</source>
        <translation>采购订单 {0}（供应商：{1}）：请扫描序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="248"/>
        <source>Change the line</source>
        <translation>切换订单行</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="351"/>
        <location filename="../../snapp/gui/views/receiving.py" line="570"/>
        <source>choose an approved purchase order and its line first</source>
        <translation>请先选择已审核的采购订单及其订单行</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="355"/>
        <source>item {0} is not known here; refresh the screen</source>
        <translation>系统中没有物料 {0}；请刷新界面</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="358"/>
        <source>{0} is not tracked by serial</source>
        <translation>{0} 未启用序列号管理</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="375"/>
        <source>scanned twice (first as row {0})</source>
        <translation>重复扫描（首次在第 {0} 行）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="378"/>
        <source>line {0} has no more open quantity ({1} ordered)</source>
        <translation>第 {0} 行已无未收数量（订购 {1}）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="381"/>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="145"/>
        <source>Remove the selected scans</source>
        <translation>移除选中的扫描</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="441"/>
        <source>Paste serials</source>
        <translation>粘贴序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="441"/>
        <source>One serial per line, or separated by commas, tabs or spaces:</source>
        <translation>每行一个序列号，或用逗号、制表符、空格分隔：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="447"/>
        <location filename="../../snapp/gui/views/receiving.py" line="452"/>
        <source>Range of serials</source>
        <translation>序列号号段</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="447"/>
        <source>First..last, e.g. SN0001..SN0500:</source>
        <translation>起始..结束，例如 SN0001..SN0500：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="455"/>
        <source>Import serials</source>
        <translation>导入序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="456"/>
        <source>Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Excel 或 CSV (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="477"/>
        <source>1 scan removed; Undo (Ctrl+Z) brings it back</source>
        <translation>已移除 1 条扫描；撤销（Ctrl+Z）可恢复</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="478"/>
        <source>{0} scans removed; Undo (Ctrl+Z) brings them back</source>
        <translation>已移除 {0} 条扫描；撤销（Ctrl+Z）可恢复</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="487"/>
        <source>Set aside the scan not yet posted? Undo (Ctrl+Z) brings it back.</source>
        <translation>移出尚未过账的 1 条扫描记录？撤销（Ctrl+Z）可以恢复。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="488"/>
        <source>Set aside the {0} scans not yet posted? Undo (Ctrl+Z) brings them back.</source>
        <translation>移出尚未过账的 {0} 条扫描记录？撤销（Ctrl+Z）可以恢复。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="497"/>
        <source>1 scan set aside; Undo (Ctrl+Z) brings it back</source>
        <translation>已移出 1 条扫描记录；撤销（Ctrl+Z）可以恢复</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="498"/>
        <source>{0} scans set aside; Undo (Ctrl+Z) brings them back</source>
        <translation>已移出 {0} 条扫描记录；撤销（Ctrl+Z）可以恢复</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="508"/>
        <source>1 scan is not yet posted. Discard it?</source>
        <translation>有 1 个扫描尚未过账。要丢弃它吗？</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="509"/>
        <source>{0} scans are not yet posted. Discard them?</source>
        <translation>有 {0} 个扫描尚未过账。要丢弃它们吗？</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="539"/>
        <source>{0} scans brought back</source>
        <translation>已恢复 {0} 条扫描记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="539"/>
        <source>1 scan brought back</source>
        <translation>已恢复 1 条扫描记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="577"/>
        <source>1 row is refused; remove it before posting</source>
        <translation>有 1 行被拒绝；请先移除再确认收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="578"/>
        <source>{0} rows are refused; remove them before posting</source>
        <translation>有 {0} 行被拒绝；请先移除再确认收货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="582"/>
        <source>nothing to post yet: scan some serials</source>
        <translation>尚无可收货的序列号：请先扫描</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="605"/>
        <source>Posting {0} serials…</source>
        <translation>正在过账 {0} 个序列号…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="605"/>
        <source>Posting 1 serial…</source>
        <translation>正在过账 1 个序列号…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="649"/>
        <source>Receipt {0}: {1} serials of {2} received into {3}</source>
        <translation>收货单 {0}：{2} 的 {1} 个序列号已收入库位 {3}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="653"/>
        <source>Not on the manifest, accepted ({0}): {1}</source>
        <translation>不在到货清单上、已接收（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="654"/>
        <source>On the manifest, not delivered ({0}): {1}</source>
        <translation>在到货清单上、未到货（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/receiving.py" line="686"/>
        <source>Scan the {0} of {1}, then Enter</source>
        <translation>请扫描 {1} 的{0}，然后按回车</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <location filename="../../ui/records.ui" line="11"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="12"/>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="13"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="14"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="14"/>
        <source>All rows of an Excel or CSV file, or none: every bad cell is named</source>
        <translation>Excel 或 CSV 文件的所有行要么全部导入，要么都不导入：每个错误的单元格都会指出</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="15"/>
        <source>&amp;Template…</source>
        <translation>模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/records.ui" line="15"/>
        <source>An Excel file to fill in, with its code columns formatted as Text</source>
        <translation>可填写的 Excel 文件，编码列已设为文本格式</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="150"/>
        <source>Nothing here yet: add one with New…, or a whole list with Import… (Template… gives the sheet to fill).</source>
        <translation>这里还没有内容：用“新建…”逐条添加，或用“导入…”导入整张清单（“模板…”提供要填写的表格）。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="177"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="177"/>
        <source>Excel or CSV (*.xlsx *.xls *.ods *.csv)</source>
        <translation>Excel 或 CSV (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="184"/>
        <source>{0}: {1} added</source>
        <translation>{0}：已添加 {1} 条</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="188"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="188"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>Register</name>
    <message>
        <location filename="../../ui/register.ui" line="7"/>
        <source>Serial register</source>
        <translation>序列号台账</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="11"/>
        <source>Serial starts with</source>
        <translation>序列号开头</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="13"/>
        <source>Item SKU</source>
        <translation>物料 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="14"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="15"/>
        <source>Supplier code</source>
        <translation>供应商编码</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="16"/>
        <source>PO number</source>
        <translation>采购订单号</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="17"/>
        <source>Received from (YYYY-MM-DD)</source>
        <translation>收货日期起（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="18"/>
        <source>Received to (YYYY-MM-DD)</source>
        <translation>收货日期止（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="19"/>
        <source>Customer code (units they have)</source>
        <translation>客户编码（其持有的物品）</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="20"/>
        <source>Batch (lot)</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="21"/>
        <source>Field value (IMEI=…)</source>
        <translation>字段值（IMEI=…）</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="21"/>
        <source>A custom field&apos;s value: NAME=VALUE, or a value alone to look in every field</source>
        <translation>自定义字段的值：写成 名称=值，或只写值以在所有字段中查找</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="26"/>
        <source>&amp;Filter</source>
        <translation>筛选(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="27"/>
        <source>Re&amp;set</source>
        <translation>重置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/register.ui" line="30"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="29"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="30"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="31"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="33"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="34"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="35"/>
        <source>PO</source>
        <translation>采购订单号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="36"/>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="41"/>
        <source>No serial matches: change the filter above, or receive goods first.</source>
        <translation>没有符合条件的序列号：请修改上方的筛选条件，或先收货。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="43"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="46"/>
        <source>{0} serials</source>
        <translation>{0} 个序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="61"/>
        <source>Serial register</source>
        <translation>序列号台账</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="87"/>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="91"/>
        <source>Export serials</source>
        <translation>导出序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="92"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="100"/>
        <source>{0} rows written to {1}</source>
        <translation>已写入 {0} 行到 {1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/register.py" line="101"/>
        <source>Exporting serials…</source>
        <translation>正在导出序列号…</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="5"/>
        <source>Repair record</source>
        <translation>维修记录</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="12"/>
        <source>&amp;Fault:</source>
        <translation>故障(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="14"/>
        <source>&amp;Work done:</source>
        <translation>处理(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="16"/>
        <source>&amp;Parts:</source>
        <translation>配件(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="18"/>
        <source>&amp;Cost:</source>
        <translation>费用(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="19"/>
        <source>e.g. 120.50</source>
        <translation>例如 120.50</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="20"/>
        <source>W&amp;ho:</source>
        <translation>维修人(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/repair_dialog.ui" line="22"/>
        <source>Wh&amp;ere:</source>
        <translation>地点(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/return_dialog.ui" line="5"/>
        <source>Customer return</source>
        <translation>客户退货</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="12"/>
        <source>&amp;RMA number:</source>
        <translation>退货授权号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="14"/>
        <source>&amp;Customer returning it:</source>
        <translation>退货客户(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="16"/>
        <source>R&amp;eason:</source>
        <translation>原因(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="17"/>
        <source>What the customer says is wrong</source>
        <translation>客户描述的故障</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="18"/>
        <source>Answer &amp;promised by:</source>
        <translation>承诺答复日期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/return_dialog.ui" line="19"/>
        <source>The day the customer is told to expect an answer; past it, the return shows as overdue</source>
        <translation>告知客户将得到答复的日期；过了此日期，该退货显示为逾期</translation>
    </message>
</context>
<context>
    <name>Rma</name>
    <message>
        <location filename="../../ui/rma.ui" line="7"/>
        <source>Returns and RMAs</source>
        <translation>退货与RMA</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="10"/>
        <source>A customer&apos;s return waits here for inspection; a unit at its supplier until it or its replacement is back. Scan a unit or select a row to act on it; double-click a row to open the unit in Serial lookup.</source>
        <translation>客户退回的物品在此等待检验；送往供应商的物品在此等到原件或换货返回。扫描物品或选中一行即可处理；双击一行在序列号查询中打开该物品。</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="14"/>
        <source>Sc&amp;an a unit:</source>
        <translation>扫描物品(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="15"/>
        <source>Serial of the unit in your hand</source>
        <translation>手中物品的序列号</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="16"/>
        <source>&amp;Receive return…</source>
        <translation>接收退货(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="16"/>
        <source>A shipped unit back from its customer under an RMA number</source>
        <translation>已发货物品凭退货授权号从客户处退回</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="17"/>
        <source>Send to s&amp;upplier…</source>
        <translation>退回供应商(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="17"/>
        <source>Back to its supplier under the supplier&apos;s RMA number, with the day it is expected back</source>
        <translation>凭供应商的退货授权号退回供应商，并注明预计返回日期</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="18"/>
        <source>Record re&amp;pair…</source>
        <translation>记录维修(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="18"/>
        <source>Fault, work done, parts, cost, who and where, on the unit&apos;s history</source>
        <translation>故障、所做工作、配件、费用、维修人和地点，记入物品历史</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="23"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="25"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="26"/>
        <source>RMA, serial, SKU, customer or supplier</source>
        <translation>RMA、序列号、物料编码、客户或供应商</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="33"/>
        <source>Customer returns</source>
        <translation>客户退货</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="44"/>
        <source>&amp;Inspect and decide…</source>
        <translation>检验并决定(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="44"/>
        <source>Back to stock, repair, to the supplier, scrap, or a replacement to the customer</source>
        <translation>退回库存、维修、退回供应商、报废，或给客户换货</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="45"/>
        <source>RMA &amp;note (PDF)</source>
        <translation>退货单 PDF(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="45"/>
        <source>The customer&apos;s note of the selected return, in English and Chinese, saved in the documents folder</source>
        <translation>所选退货给客户的退货单（中英文），保存在文档文件夹中</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="54"/>
        <source>Units at suppliers (supplier RMAs)</source>
        <translation>在供应商处的物品（供应商退货授权）</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="65"/>
        <source>&amp;Back from supplier…</source>
        <translation>供应商返回(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="65"/>
        <source>The unit itself, or the supplier&apos;s replacement received against their RMA</source>
        <translation>原物品返回，或凭供应商退货授权接收其换货</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="66"/>
        <source>&amp;Warranty claim (PDF)</source>
        <translation>保修索赔单 PDF(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="66"/>
        <source>The supplier&apos;s warranty claim for the selected unit: purchase record, receipt, faults, repairs; saved in the documents folder</source>
        <translation>所选单件给供应商的保修索赔单：采购记录、收货、故障、维修；保存在文档文件夹中</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="76"/>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="76"/>
        <source>The last document written here, in this computer&apos;s PDF viewer</source>
        <translation>用本机的 PDF 阅读器打开此处最近生成的文档</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="77"/>
        <source>Print P&amp;DF…</source>
        <translation>打印 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/rma.ui" line="77"/>
        <source>The last document written here, to a printer of your choice</source>
        <translation>将此处最近生成的文档发送到所选打印机</translation>
    </message>
</context>
<context>
    <name>RmaView</name>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="47"/>
        <source>RMA</source>
        <translation>退货授权</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="48"/>
        <location filename="../../snapp/gui/views/rma.py" line="62"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="49"/>
        <location filename="../../snapp/gui/views/rma.py" line="63"/>
        <source>SKU</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="50"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="51"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="52"/>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="53"/>
        <source>By</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="54"/>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="55"/>
        <location filename="../../snapp/gui/views/rma.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="56"/>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="57"/>
        <location filename="../../snapp/gui/views/rma.py" line="67"/>
        <source>Replacement</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="60"/>
        <source>Supplier&apos;s RMA</source>
        <translation>供应商退货授权</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="61"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="64"/>
        <source>Sent</source>
        <translation>寄出时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="65"/>
        <source>Expected back</source>
        <translation>预计返回</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="73"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="73"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="131"/>
        <source>{0} customer returns ({1} overdue), {2} at suppliers ({3} overdue)</source>
        <translation>客户退货 {0} 件（逾期 {1} 件），供应商处 {2} 件（逾期 {3} 件）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="141"/>
        <source>No customer is waiting past the day their answer was promised.</source>
        <translation>没有客户的退货超过承诺答复日期。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="244"/>
        <source>RMA note {0}</source>
        <translation>退货单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="250"/>
        <source>Warranty claim {0}</source>
        <translation>保修索赔单 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="74"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="74"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="140"/>
        <source>No customer return waits for inspection. Scan a returned unit above and press Enter to receive it.</source>
        <translation>没有等待检验的客户退货。在上方扫描退回的物品并按回车即可接收。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="142"/>
        <source>No customer return has been decided yet.</source>
        <translation>还没有已处理的客户退货。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="143"/>
        <source>No customer has returned a unit yet. Scan one above to receive it.</source>
        <translation>还没有客户退货。在上方扫描物品即可接收。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="145"/>
        <source>No unit is at a supplier. Scan one above and choose Send to supplier.</source>
        <translation>没有物品在供应商处。在上方扫描物品并选择“退回供应商”。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="146"/>
        <source>No supplier is late: every unit at a supplier is within its expected date.</source>
        <translation>没有供应商逾期：供应商处的物品都在预计日期之内。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="147"/>
        <source>No unit has come back from a supplier yet.</source>
        <translation>还没有物品从供应商处返回。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma.py" line="148"/>
        <source>No unit has been sent to a supplier yet.</source>
        <translation>还没有物品退回过供应商。</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../snapp/gui/operations.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Scanner</name>
    <message>
        <location filename="../../ui/scanner.ui" line="7"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="11"/>
        <source>What the scanner on this PC sends</source>
        <translation>本机扫描枪发送的内容</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="14"/>
        <source>&amp;GS separator (FNC1):</source>
        <translation>GS 分隔符（FNC1）(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="16"/>
        <source>Symbology identifier:</source>
        <translation>码制前缀：</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="17"/>
        <source>The scanner sends a &amp;symbology identifier first (]d2, ]C1, ]Q3)</source>
        <translation>扫描枪先发送码制前缀（]d2、]C1、]Q3）(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="18"/>
        <source>S&amp;uffix after each scan:</source>
        <translation>每次扫描后的后缀(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="20"/>
        <source>Text added &amp;before each code:</source>
        <translation>每个条码前添加的文字(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="21"/>
        <location filename="../../ui/scanner.ui" line="23"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="21"/>
        <source>What a PDA&apos;s keyboard wedge (DataWedge and the like) types before every code; SNApp drops it before reading.</source>
        <translation>PDA 的键盘输入方式（DataWedge 等）在每个条码前输入的文字；SNApp 读取前会去掉它。</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="22"/>
        <source>Text added &amp;after each code:</source>
        <translation>每个条码后添加的文字(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="23"/>
        <source>What the scanner types after every code, before its Enter or Tab; SNApp drops it before reading.</source>
        <translation>扫描枪在每个条码之后、回车或 Tab 之前输入的文字；SNApp 读取前会去掉它。</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="30"/>
        <source>Test your scanner</source>
        <translation>测试扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="32"/>
        <source>Click in the box and scan a barcode, such as the GS1 DataMatrix on a product: every character that arrives is listed, then what SNApp reads from it with the settings above.</source>
        <translation>单击下方输入框，然后扫描一个条码（例如产品上的 GS1 DataMatrix）：将逐个列出收到的每个字符，并显示 SNApp 按上方设置从中识别出的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/scanner.ui" line="33"/>
        <source>Scan here to test</source>
        <translation>在此扫描进行测试</translation>
    </message>
</context>
<context>
    <name>ScannerView</name>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="34"/>
        <source>ASCII 29 (GS), as GS1 specifies</source>
        <translation>ASCII 29（GS），符合 GS1 规范</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="34"/>
        <source>the characters 029</source>
        <translation>字符 029</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="34"/>
        <source>the characters ^]</source>
        <translation>字符 ^]</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="35"/>
        <source>the characters &lt;GS&gt;</source>
        <translation>字符 &lt;GS&gt;</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="35"/>
        <source>nothing (the scanner drops it)</source>
        <translation>无（扫描枪不发送）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="39"/>
        <location filename="../../snapp/gui/views/scanner.py" line="118"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="39"/>
        <location filename="../../snapp/gui/views/scanner.py" line="118"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="49"/>
        <source>Arrived</source>
        <translation>收到的字符</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="49"/>
        <source>Code</source>
        <translation>字符编码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="74"/>
        <source>Saved for this PC: every scan field uses it from the next scan.</source>
        <translation>已为本机保存：所有扫描输入框从下一次扫描起使用此设置。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="92"/>
        <source>{0} characters arrived:</source>
        <translation>收到 {0} 个字符：</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="95"/>
        <source>SNApp reads {0}: {1}</source>
        <translation>SNApp 识别为{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="98"/>
        <source>SNApp cannot read it as a unit&apos;s code: {0}</source>
        <translation>SNApp 无法将其识别为单件编码：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="107"/>
        <source>a plain serial</source>
        <translation>普通序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="107"/>
        <source>a GS1 element string</source>
        <translation>GS1 元素串</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="108"/>
        <source>a GS1 Digital Link</source>
        <translation>GS1 数字链接</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="108"/>
        <source>a drug traceability code</source>
        <translation>药品追溯码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="109"/>
        <source>a China UDI (MA code)</source>
        <translation>中国 UDI（MA 码）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="119"/>
        <source>The scanner ended the scan with {0}: choose {0} as the suffix.</source>
        <translation>扫描枪以 {0} 结束扫描：请将后缀选为 {0}。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="122"/>
        <source>The scan starts with the symbology identifier {0}: tick the box above.</source>
        <translation>扫描内容以码制前缀 {0} 开头：请勾选上方的复选框。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/scanner.py" line="129"/>
        <source>The scanner seems to send GS as “{0}”: choose it above.</source>
        <translation>扫描枪似乎将 GS 发送为“{0}”：请在上方选择此项。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings.ui" line="7"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="14"/>
        <source>Language and screen lock</source>
        <translation>语言与锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="16"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="18"/>
        <source>Lock after minutes &amp;unused:</source>
        <translation>无操作多少分钟后锁屏(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="19"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="19"/>
        <source>On a shared PC the window locks after this many minutes without a key, a scan or a click; its user&apos;s password opens it again</source>
        <translation>在共用电脑上，窗口在这么多分钟内没有按键、扫描或点击后锁定；需输入该用户的密码才能重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="25"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="27"/>
        <source>In use:</source>
        <translation>当前使用：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="29"/>
        <source>This PC only (embedded SQLite)</source>
        <translation>仅本机（内置 SQLite）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="30"/>
        <source>Shared PostgreSQL server</source>
        <translation>共享 PostgreSQL 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="34"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="35"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="45"/>
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="47"/>
        <source>P&amp;rinter:</source>
        <translation>打印机(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="50"/>
        <source>none: labels go to a PDF</source>
        <translation>无：标签输出为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="50"/>
        <source>The printer&apos;s network address, HOST or HOST:PORT (raw printing, port 9100), or queue:NAME for a printer queue of this computer (CUPS)</source>
        <translation>打印机的网络地址：主机 或 主机:端口（原始打印，端口 9100）；或 queue:队列名，表示本机的打印队列（CUPS）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="51"/>
        <source>The printer&apos;s language</source>
        <translation>打印机的语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="52"/>
        <source>The printer&apos;s resolution</source>
        <translation>打印机的分辨率</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="53"/>
        <source>The labels loaded in the printer</source>
        <translation>打印机中装的标签</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="58"/>
        <source>Save &amp;printer</source>
        <translation>保存打印机(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="59"/>
        <source>Pr&amp;int a test label</source>
        <translation>打印测试标签(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="68"/>
        <source>Backups (administrators)</source>
        <translation>备份（管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="70"/>
        <source>Back up &amp;automatically while SNApp is open</source>
        <translation>SNApp 打开时自动备份(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="71"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="73"/>
        <source>E&amp;very (hours):</source>
        <translation>间隔（小时）(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="75"/>
        <source>&amp;Keep the newest:</source>
        <translation>保留最新(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="79"/>
        <source>Save &amp;backup settings</source>
        <translation>保存备份设置(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="80"/>
        <source>Back up &amp;now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="90"/>
        <source>After-sales (administrators)</source>
        <translation>售后（管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="92"/>
        <source>Promise a return&apos;s answer within (days):</source>
        <translation>客户退货承诺答复期限（天）：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="95"/>
        <source>The day offered when a customer&apos;s return is taken back, for every PC; the desk can still choose another day</source>
        <translation>接收客户退货时默认承诺的答复日期，适用于所有电脑；服务台仍可另选日期</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="96"/>
        <source>Save answer days</source>
        <translation>保存答复期限</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="105"/>
        <source>Share with phones and other systems</source>
        <translation>与手机和其他系统共享</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="107"/>
        <source>Serve this database over HTTPS &amp;while SNApp is open</source>
        <translation>SNApp 打开时通过 HTTPS 提供此数据库(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="108"/>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="119"/>
        <source>New pairing &amp;code</source>
        <translation>新配对码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="138"/>
        <source>Revoke &amp;device</source>
        <translation>吊销设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="133"/>
        <source>Paired phones and PDAs (administrators)</source>
        <translation>已配对的手机和 PDA（管理员）</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="92"/>
        <source>The pairing code has expired.</source>
        <translation>配对码已过期。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="96"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="97"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="98"/>
        <source>Paired by</source>
        <translation>配对人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="99"/>
        <source>Paired</source>
        <translation>配对时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="100"/>
        <source>Last seen</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="101"/>
        <source>Last user</source>
        <translation>最近用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="102"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="102"/>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="102"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="113"/>
        <source>{0} dpi</source>
        <translation>{0} dpi</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="145"/>
        <source>Only an administrator can change it.</source>
        <translation>只有管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="157"/>
        <source>Saved: a return&apos;s answer is promised within {0} days.</source>
        <translation>已保存：客户退货承诺在 {0} 天内答复。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="168"/>
        <source>Shared at {0}/api/v1 — certificate fingerprint (SHA-256): {1}</source>
        <translation>已共享于 {0}/api/v1 — 证书指纹 (SHA-256)：{1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="174"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="176"/>
        <source>Not shared: only this PC uses the database.</source>
        <translation>未共享：只有本机使用此数据库。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="194"/>
        <source>To pair a phone or PDA, scan this with its camera, check that the page shows the same fingerprint, and log in. Pairing code {0}: for one device, until {1}.</source>
        <translation>配对手机或 PDA：用其相机扫描此二维码，核对页面显示的指纹与此相同，然后登录。配对码 {0}：仅限一台设备，有效至 {1}。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="210"/>
        <source>Only an administrator can pair and revoke phones and PDAs.</source>
        <translation>只有管理员可以配对和吊销手机及 PDA。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="220"/>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="221"/>
        <source>Revoke {0}? It can no longer log in, and everyone logged in on it is logged out now.</source>
        <translation>吊销 {0}？该设备将无法再登录，在其上登录的所有人会立即退出。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="229"/>
        <source>The server stopped: {0}</source>
        <translation>服务器已停止：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="238"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="241"/>
        <source>Cannot connect: {0}</source>
        <translation>无法连接：{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="248"/>
        <source>connected; the database is empty — SNApp will create its tables (snapp init)</source>
        <translation>已连接；数据库为空——SNApp 将创建所需的表（snapp init）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="250"/>
        <source>connected; schema {0}, this SNApp needs {1} (snapp init)</source>
        <translation>已连接；数据库结构为 {0}，本版 SNApp 需要 {1}（snapp init）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="252"/>
        <source>connected; SNApp schema {0}, ready</source>
        <translation>已连接；SNApp 数据库结构 {0}，可以使用</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="257"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="257"/>
        <source>Saved. SNApp uses the new database from its next start.</source>
        <translation>已保存。SNApp 下次启动时将使用新数据库。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="266"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="279"/>
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="274"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="305"/>
        <source>Saved: no label printer, labels go to a PDF.</source>
        <translation>已保存：不使用标签打印机，标签输出为 PDF。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="307"/>
        <source>Saved: labels go to {0}.</source>
        <translation>已保存：标签发送到 {0}。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="313"/>
        <source>Enter the printer&apos;s address first.</source>
        <translation>请先填写打印机地址。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="316"/>
        <source>Sending a test label to {0}…</source>
        <translation>正在向 {0} 发送测试标签…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/settings.py" line="326"/>
        <source>Test label sent to {0}.</source>
        <translation>测试标签已发送到 {0}。</translation>
    </message>
</context>
<context>
    <name>Stocktake</name>
    <message>
        <location filename="../../ui/stocktake.ui" line="7"/>
        <source>Stocktake</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="18"/>
        <source>&amp;Count:</source>
        <translation>盘点范围(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="20"/>
        <source>&amp;Start a stocktake</source>
        <translation>开始盘点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="41"/>
        <source>Sc&amp;an</source>
        <translation>扫描(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="43"/>
        <source>Scan each unit on the shelf, then Enter</source>
        <translation>逐件扫描货架上的物品，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="55"/>
        <source>&amp;Import a file of scans…</source>
        <translation>导入扫描文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="57"/>
        <source>C&amp;lose the stocktake…</source>
        <translation>关闭盘点(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="63"/>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="69"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="72"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="72"/>
        <source>The report as the list shows it, to an Excel file</source>
        <translation>按列表当前显示的内容，将报告导出为 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="73"/>
        <source>Prin&amp;t…</source>
        <translation>打印(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="73"/>
        <source>The report as the list shows it, as a PDF, then to a printer</source>
        <translation>按列表当前显示的内容，生成 PDF 报告并送往打印机</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="74"/>
        <source>A&amp;pply to the books…</source>
        <translation>按盘点结果调账(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/stocktake.ui" line="74"/>
        <source>Move units found in the wrong place here and mark missing ones lost</source>
        <translation>将在错误位置发现的物品移入此库位，并将缺失的物品标记为已丢失</translation>
    </message>
</context>
<context>
    <name>StocktakeView</name>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="80"/>
        <source>Stocktake</source>
        <translation>盘点单号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="81"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="81"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="83"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="84"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="85"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="90"/>
        <source>No stocktake yet: choose what to count above and press Start a stocktake.</source>
        <translation>还没有盘点：在上方选择盘点范围，然后点击“开始盘点”。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="93"/>
        <source>Known here</source>
        <translation>在此库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="93"/>
        <source>Belongs elsewhere</source>
        <translation>应在别处</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="93"/>
        <source>Unknown serial</source>
        <translation>未知序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="94"/>
        <source>Not on a shelf</source>
        <translation>不在货架上</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="94"/>
        <source>Scanned twice</source>
        <translation>重复扫描</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="94"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="95"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="100"/>
        <source>Scanned</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="101"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="102"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="203"/>
        <source>Scan each unit on the shelf: each scan is judged here at once.</source>
        <translation>逐件扫描货架上的单件：每次扫描都会立即在此给出判定。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="111"/>
        <source>Outcome</source>
        <translation>盘点结果</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="112"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="113"/>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="114"/>
        <source>Recorded status</source>
        <translation>记录状态</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="115"/>
        <source>Recorded at</source>
        <translation>记录库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="116"/>
        <source>Scans</source>
        <translation>扫描次数</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="122"/>
        <source>Everything, discrepancies first</source>
        <translation>全部（差异在前）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="122"/>
        <source>Discrepancies only</source>
        <translation>仅差异</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="164"/>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="202"/>
        <source>This stocktake is closed: its outcome is on the Report tab.</source>
        <translation>此盘点已关闭：结果见“报告”页。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="209"/>
        <source>Start a stocktake, or choose one from the list</source>
        <translation>开始新的盘点，或从列表中选择一个盘点</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="211"/>
        <source>every location</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="213"/>
        <source>{0} — {1} — {2}: {3} units scanned</source>
        <translation>{0} — {1} — {2}：已扫描 {3} 件</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="303"/>
        <source>Import scans</source>
        <translation>导入扫描记录</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="304"/>
        <source>Excel or CSV (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Excel 或 CSV (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="314"/>
        <source>{0} scans counted ({1} repeated a unit already counted), {2} refused</source>
        <translation>已盘点 {0} 次扫描（其中 {1} 次重复扫描已盘点的单件），拒绝 {2} 次</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="333"/>
        <source>Close the stocktake</source>
        <translation>关闭盘点</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="334"/>
        <source>Close stocktake {0}? It takes no more scans; the outcome is frozen and every discrepancy opens an exception.</source>
        <translation>关闭盘点 {0}？关闭后不再接受扫描，盘点结果将锁定，每处差异都会生成一条异常。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="356"/>
        <source>Matched {0} · Missing {1} · Unexpected {2} · Unknown {3} · Scanned twice {4} · Accuracy {5}</source>
        <translation>相符 {0} · 缺失 {1} · 多出 {2} · 未知 {3} · 重复扫描 {4} · 准确率 {5}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="359"/>
        <source>Provisional: the stocktake is open, and the books may still change.</source>
        <translation>临时结果：盘点尚未关闭，账面记录仍可能变化。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="361"/>
        <source>Applied to the books by {0} on {1}.</source>
        <translation>已由 {0} 于 {1} 按盘点结果调账。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="386"/>
        <source>Export the stocktake</source>
        <translation>导出盘点单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="387"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="395"/>
        <source>{0} unit(s) written to {1}</source>
        <translation>已将 {0} 件写入 {1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="396"/>
        <source>Exporting the stocktake…</source>
        <translation>正在导出盘点单…</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="401"/>
        <source>Print the stocktake</source>
        <translation>打印盘点单</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="402"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="410"/>
        <source>{0} page(s) written to {1}</source>
        <translation>已将 {0} 页写入 {1}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="423"/>
        <source>their counted location</source>
        <translation>盘点时所在的库位</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="425"/>
        <source>Apply the stocktake</source>
        <translation>盘点调账</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="426"/>
        <source>Apply stocktake {0} to the books?

{1} units found in the wrong place are moved to {2} (lost ones marked found), and {3} missing units are marked lost. Every change is audited and can be reversed unit by unit.</source>
        <translation>按盘点 {0} 的结果调账？

在错误位置发现的 {1} 件物品将移至 {2}（其中已丢失的标记为找回），{3} 件缺失的物品将标记为已丢失。每项变更都有审计记录，并可逐件撤销。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="433"/>
        <source>Stocktake {0} applied: {1} moved here, {2} found again, {3} marked lost.</source>
        <translation>盘点 {0} 已调账：{1} 件移入盘点库位，{2} 件已找回，{3} 件标记为已丢失。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/stocktake.py" line="438"/>
        <source>Left as recorded (a stocktake does not change them): {0}</source>
        <translation>以下保持原记录不变（盘点不会更改其状态）：{0}</translation>
    </message>
</context>
<context>
    <name>SupplierBackDialog</name>
    <message>
        <location filename="../../snapp/gui/views/rma_dialogs.py" line="101"/>
        <source>RMA {0} at {1}: {2} — {3}</source>
        <translation>退货授权 {0}（{1}）：{2} — {3}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma_dialogs.py" line="107"/>
        <source>the unit itself, repaired or found sound</source>
        <translation>原物品（已修复或检测无故障）</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/rma_dialogs.py" line="108"/>
        <source>a replacement unit in its place</source>
        <translation>替换的新物品</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="5"/>
        <source>Back from the supplier</source>
        <translation>供应商返回</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="12"/>
        <source>Supplier&apos;s &amp;RMA number:</source>
        <translation>供应商退货授权号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="14"/>
        <source>&amp;What came back:</source>
        <translation>返回的是(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="16"/>
        <source>Re&amp;placement serial:</source>
        <translation>换货序列号(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="17"/>
        <source>Scan the new unit the supplier sent</source>
        <translation>扫描供应商寄来的新物品</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="18"/>
        <source>To &amp;location:</source>
        <translation>目标库位(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="20"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_back_dialog.ui" line="21"/>
        <source>What the supplier did</source>
        <translation>供应商所做的处理</translation>
    </message>
</context>
<context>
    <name>SupplierForm</name>
    <message>
        <location filename="../../ui/supplier_form.ui" line="5"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="9"/>
        <source>&amp;Code:</source>
        <translation>编码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="12"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="15"/>
        <source>C&amp;ontact:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="18"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="21"/>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_form.ui" line="24"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>SupplierSendDialog</name>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="5"/>
        <source>Send to the supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="9"/>
        <source>&amp;Serial:</source>
        <translation>序列号(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="10"/>
        <source>Scan the unit that goes back to its supplier</source>
        <translation>扫描要退回供应商的物品</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="11"/>
        <source>Supplier&apos;s &amp;RMA number:</source>
        <translation>供应商退货授权号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="13"/>
        <source>&amp;Expected back on:</source>
        <translation>预计返回日期(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="15"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/supplier_send_dialog.ui" line="16"/>
        <source>The fault the supplier is to look at</source>
        <translation>请供应商检查的故障</translation>
    </message>
</context>
<context>
    <name>SuppliersView</name>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="220"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="225"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="226"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="227"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="228"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/masterdata.py" line="229"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="5"/>
        <source>Replacement to customer</source>
        <translation>换货发给客户</translation>
    </message>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="8"/>
        <source>The returned unit stays with us; the replacement goes out from stock to the same customer, and the two are linked in both histories.</source>
        <translation>退回的物品留在本公司；换货从库存发给同一客户，两件物品在各自的历史中相互关联。</translation>
    </message>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="12"/>
        <source>&amp;RMA number:</source>
        <translation>退货授权号(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="14"/>
        <source>Re&amp;placement serial:</source>
        <translation>换货序列号(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="15"/>
        <source>Scan the unit that goes out</source>
        <translation>扫描要发出的物品</translation>
    </message>
    <message>
        <location filename="../../ui/swap_dialog.ui" line="16"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="47"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <location filename="../../ui/user_form.ui" line="5"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.ui" line="9"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.ui" line="11"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.ui" line="13"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.ui" line="15"/>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../../ui/users.ui" line="7"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="11"/>
        <source>&amp;New user…</source>
        <translation>新建用户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="12"/>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="13"/>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="14"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="15"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/users.ui" line="17"/>
        <source>Change &amp;my password…</source>
        <translation>修改我的密码(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="77"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="78"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="79"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="79"/>
        <location filename="../../snapp/gui/views/users.py" line="80"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="79"/>
        <location filename="../../snapp/gui/views/users.py" line="80"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="80"/>
        <source>Password set</source>
        <translation>已设密码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="81"/>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="82"/>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="82"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="87"/>
        <source>No user here: press New user… to add one for each person who works with SNApp.</source>
        <translation>这里没有用户：点击“新建用户…”，为每位使用 SNApp 的人添加一个账户。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="124"/>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="124"/>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="133"/>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="138"/>
        <source>Role of {0}</source>
        <translation>{0} 的角色</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/users.py" line="143"/>
        <source>Password of {0}</source>
        <translation>{0} 的密码</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../../ui/verify.ui" line="7"/>
        <source>Verify a unit</source>
        <translation>验证单件</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="10"/>
        <source>Scan any code on the unit: its serial label, a GS1 DataMatrix or QR code, a drug traceability code or a China UDI. SNApp says whether it is ours, where it should be, and why.</source>
        <translation>扫描单件上的任意编码：序列号标签、GS1 DataMatrix 或 QR 码、药品追溯码或中国 UDI。SNApp 会显示它是否属于本公司、应在何处，以及判断依据。</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="13"/>
        <source>Scan or type a code, then Enter</source>
        <translation>扫描或输入编码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="31"/>
        <source>Unit</source>
        <translation>单件信息</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="33"/>
        <source>Item:</source>
        <translation>物料：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="35"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="37"/>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="39"/>
        <source>Location:</source>
        <translation>库位：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="41"/>
        <source>Purchase order:</source>
        <translation>采购订单：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="43"/>
        <source>Receipt:</source>
        <translation>收货单：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="45"/>
        <source>Last move:</source>
        <translation>最近操作：</translation>
    </message>
    <message>
        <location filename="../../ui/verify.ui" line="51"/>
        <source>Recent verifications</source>
        <translation>最近验证记录</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="50"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="51"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="52"/>
        <source>Scanned</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="53"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="54"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="60"/>
        <source>Nothing verified yet: scan a code above; each answer is listed here.</source>
        <translation>尚未核验：请在上方扫描条码；每次核验结果都会列在这里。</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="66"/>
        <source>Scan a code</source>
        <translation>请扫描编码</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/views/verify.py" line="142"/>
        <source> (ref {0})</source>
        <translation>（参考单号 {0}）</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../snapp/gui/views/base.py" line="67"/>
        <source>{0!r} is not a date; write YYYY-MM-DD</source>
        <translation>{0!r} 不是日期；请按 YYYY-MM-DD 填写</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../snapp/gui/errors.py" line="40"/>
        <source>SNApp</source>
        <translation>SNApp</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/errors.py" line="54"/>
        <source>SNApp: unexpected error</source>
        <translation>SNApp：意外错误</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/errors.py" line="56"/>
        <source>Something went wrong that SNApp did not expect. Nothing half-done was saved.

{0}</source>
        <translation>SNApp 遇到了意外问题。未完成的操作均未保存。

{0}</translation>
    </message>
    <message>
        <location filename="../../snapp/gui/errors.py" line="61"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
</TS>
