"""A realistic sample company, built through the same services a user calls.

Suppliers, customers and items with Chinese and English names, a team with
every role, purchase orders in every state, receipts (ranges and GS1 scans),
units issued, repaired, shipped to customers, returned and scrapped, and an
after-sales desk with work on it: a customer's return waiting for inspection,
one already swapped, and units at suppliers, one of them overdue. ``serials``
scales it from a few thousand units to millions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from biip.checksums import gs1_standard_check_digit
from sqlalchemy import func, select

from snapp.db.models import Supplier
from snapp.domain.aftersales import Party, RecipientKind
from snapp.domain.capture import Source, gtin14, scans, serial_range
from snapp.domain.lifecycle import Action
from snapp.domain.permissions import Role
from snapp.errors import Conflict, Problem, Text, ValidationError
from snapp.services import aftersales, customers, lifecycle, masterdata, purchasing, receiving, users
from snapp.services.base import Context
from snapp.services.customers import CustomerRecord
from snapp.services.masterdata import ItemRecord, LocationRecord, SupplierRecord

DEMO_SERIALS_MAX = 1_000_000  # a minute or so of receiving; more is a typing slip, not a demo

SUPPLIERS = [
    SupplierRecord("SZHD", "深圳市恒达电子有限公司", "陈立 Chen Li", "+86 755 8888 1234", "sales@hengda.example.cn",
                   "深圳市南山区科技园"),
    SupplierRecord("SHBY", "上海博医医疗器械有限公司", "周敏 Zhou Min", "+86 21 6666 5678", "order@boyi.example.cn",
                   "上海市浦东新区张江路"),
    SupplierRecord("NWN", "Northwind Networks Ltd", "Sarah Miller", "+44 20 7946 0123", "orders@northwind.example",
                   "12 Fleet Street, London"),
    SupplierRecord("SZXC", "苏州星辰工业自动化有限公司", "王磊 Wang Lei", "+86 512 6543 2100", "xc@xingchen.example.cn",
                   "苏州工业园区"),
]  # fmt: skip

CUSTOMERS = [
    CustomerRecord("BJRH", "北京仁和医院设备科", "刘建国 Liu Jianguo", "+86 10 6528 3100", "equipment@renhe.example.cn",
                   "北京市东城区和平里"),
    CustomerRecord("SHYF", "上海云帆科技有限公司", "赵静 Zhao Jing", "+86 21 5080 7788", "it@yunfan.example.cn",
                   "上海市徐汇区漕河泾"),
    CustomerRecord("GZMT", "广州明途物流有限公司", "黄伟 Huang Wei", "+86 20 3888 4521", "caigou@mingtu.example.cn",
                   "广州市黄埔区开发大道"),
    CustomerRecord("HARB", "Harbour Labs Ltd", "Priya Nair", "+44 161 496 0571", "ops@harbourlabs.example",
                   "3 Quay Street, Manchester"),
    CustomerRecord("KSTL", "Kestrel Automation GmbH", "Jonas Weber", "+49 89 1234 5678", "einkauf@kestrel.example",
                   "Leopoldstraße 8, München"),
]  # fmt: skip


def _gtin(payload: str) -> str:
    return payload + str(gs1_standard_check_digit(payload))


# (record, serial prefix, unit price); serials are prefix + zero-padded counter.
ITEMS = [
    (ItemRecord("LAP-T14", "ThinkPad T14 笔记本电脑", _gtin("690123456001"), serial_pattern=r"PF[0-9A-Z]{8}",
                serial_min_length=10, serial_max_length=10, serial_case="upper", warranty_months=36, customer_warranty_months=12, supplier="SZHD"),
     "PF", Decimal("6899.00")),
    (ItemRecord("MON-27", "27英寸 4K 显示器 / 27-inch 4K monitor", _gtin("690123456002"), serial_min_length=8,
                serial_max_length=20, serial_case="upper", warranty_months=24, customer_warranty_months=12, supplier="SZHD"),
     "MN27-", Decimal("1899.00")),
    (ItemRecord("ECG-12", "十二导联心电图机 12-lead ECG", _gtin("690765432001"), serial_pattern=r"ECG\d{7}",
                serial_min_length=10, serial_max_length=10, warranty_months=24, customer_warranty_months=24, supplier="SHBY"),
     "ECG", Decimal("23800.00")),
    (ItemRecord("SW-48P", "48-port PoE switch", _gtin("501234567001"), serial_min_length=6, serial_max_length=20,
                warranty_months=60, customer_warranty_months=36, supplier="NWN"),
     "NW48", Decimal("5200.00")),
    (ItemRecord("PLC-S7", "可编程控制器 PLC CPU 模块", None, serial_min_length=6, serial_max_length=16,
                serial_case="upper", warranty_months=18, customer_warranty_months=12, supplier="SZXC"),
     "XC", Decimal("3150.00")),
    (ItemRecord("CBL-CAT6", "六类网线 Cat6 cable 3 m", None, tracking="none", supplier="NWN"), "", Decimal("12.50")),
]  # fmt: skip

LOCATIONS = [
    LocationRecord("WH-SH", "上海主仓 Shanghai main warehouse"),
    LocationRecord("WH-SZ", "深圳仓 Shenzhen warehouse"),
    LocationRecord("QA", "来料检验区 Incoming inspection"),
    LocationRecord("RMA", "维修区 Repair bench"),
]

TEAM = [
    ("zhang.wei", Role.PROCUREMENT),
    ("li.na", Role.WAREHOUSE),
    ("wang.qiang", Role.SERVICE),
    ("chen.jing", Role.AUDITOR),
]


@dataclass(frozen=True)
class DemoSummary:
    suppliers: int
    items: int
    purchase_orders: int
    serials: int
    moves: int
    customers: int = len(CUSTOMERS)

    def __str__(self) -> str:
        return (
            f"{self.suppliers} suppliers, {self.customers} customers, {self.items} items, {self.purchase_orders} POs, "
            f"{self.serials:,} serials, {self.moves:,} lifecycle moves"
        )


def build_demo(
    ctx: Context,
    *,
    serials: int = 2_000,
    progress: Callable[[int, int], None] | None = None,
    seed: int = 7,
    team_password: str | None = None,
) -> DemoSummary:
    if not 1 <= serials <= DEMO_SERIALS_MAX:
        many = Text("validation.between", low=1, high=DEMO_SERIALS_MAX)
        raise ValidationError(Problem("serials", str(serials), "serials", many))
    with ctx.db.session(write=False) as session:
        if session.scalar(select(func.count()).select_from(Supplier)):
            raise Conflict("demo.not_empty", db=ctx.db.display)
    rng = random.Random(seed)
    team = {role: Context(ctx.db, name) for name, role in TEAM}
    team[Role.ADMIN] = ctx
    for name, role in TEAM:
        users.add_user(ctx, name, role, team_password)
    buyer, store, service = team[Role.PROCUREMENT], team[Role.WAREHOUSE], team[Role.SERVICE]
    for supplier in SUPPLIERS:
        masterdata.add_supplier(buyer, supplier)
    for record, _, _ in ITEMS:
        masterdata.add_item(buyer, record)
    for location in LOCATIONS:
        masterdata.add_location(ctx, location)
    for customer in CUSTOMERS:
        customers.add_customer(buyer, customer)

    tracked = [(record, prefix, price) for record, prefix, price in ITEMS if record.tracking == "serial"]
    line_size = max(50, serials // 100)
    counters = {record.sku: 0 for record, _, _ in tracked}
    received: dict[str, list[str]] = {record.sku: [] for record, _, _ in tracked}
    left, pos = serials, 0
    while left > 0:
        supplier = rng.choice(SUPPLIERS).code
        offered = [t for t in tracked if t[0].supplier == supplier]
        chosen = rng.sample(offered, k=min(len(offered), rng.randint(1, 2)))
        lines = [purchasing.LineSpec(record.sku, line_size, price) for record, _, price in chosen]
        if supplier == "NWN":
            lines.append(purchasing.LineSpec("CBL-CAT6", 200, Decimal("12.50")))
        po = purchasing.create_po(buyer, supplier, lines, note="演示数据 demo data")
        purchasing.approve_po(buyer, po.number)
        pos += 1
        for record, prefix, _ in chosen:
            take = min(line_size, left)
            if left - take < line_size and left - take > 0:
                take = left if left <= line_size else take  # the last receipt may be partial
            start = counters[record.sku] + 1
            counters[record.sku] += take
            source = _source(record, prefix, start, take)
            receiving.receive(store, po.number, record.sku, [source], location=rng.choice(LOCATIONS[:2]).code,
                              progress=progress)  # fmt: skip
            received[record.sku] += [_serial(record, prefix, n) for n in range(start, start + take)]
            left -= take
            if left <= 0:
                break
        if supplier == "NWN":
            receiving.receive(store, po.number, "CBL-CAT6", quantity=200, location="WH-SH")
        if rng.random() < 0.2:
            purchasing.close_po(buyer, po.number)
    draft = purchasing.create_po(buyer, "SHBY", [purchasing.LineSpec("ECG-12", 10, Decimal("23800"))])
    cancelled = purchasing.create_po(buyer, "SZXC", [purchasing.LineSpec("PLC-S7", 40, Decimal("3150"))])
    purchasing.cancel_po(buyer, cancelled.number)
    pos += 2
    del draft

    moves, shipped, in_stock = _lifecycle(rng, received, store, service)
    _aftersales(shipped, in_stock, service)
    return DemoSummary(len(SUPPLIERS), len(ITEMS), pos, serials, moves)


def _serial(record: ItemRecord, prefix: str, n: int) -> str:
    width = record.serial_max_length - len(prefix) if record.serial_pattern else 8
    return f"{prefix}{n:0{width}d}"


def _source(record: ItemRecord, prefix: str, start: int, count: int) -> Source:
    first, last = _serial(record, prefix, start), _serial(record, prefix, start + count - 1)
    if record.gtin and record.sku == "ECG-12":
        # Medical devices arrive with GS1 DataMatrix labels: GTIN, serial, batch and expiry.
        return scans(
            f"]d201{gtin14(record.gtin)}21{_serial(record, prefix, n)}\x1d10L{n // 100:05d}\x1d17301231"
            for n in range(start, start + count)
        )
    return serial_range(f"{first}..{last}")


Shipped = dict[str, list[tuple[str, str]]]  # per SKU: (serial, customer code)


def _lifecycle(rng: random.Random, received: dict[str, list[str]], store: Context, service: Context
               ) -> tuple[int, Shipped, dict[str, list[str]]]:  # fmt: skip
    """Move a realistic share of the units, acting as the people who would; the moves made, the units shipped to
    each customer, and the units left on the shelf."""
    moves = 0
    shipped_to: Shipped = {}
    in_stock: dict[str, list[str]] = {}

    def apply(ctx: Context, action: Action, sku: str, chosen: list[str], **kwargs) -> None:
        nonlocal moves
        for start in range(0, len(chosen), 5_000):
            batch = chosen[start : start + 5_000]
            lifecycle.move(ctx, action, batch, sku=sku, **kwargs)
            moves += len(batch)

    for sku, units in received.items():
        pool = list(units)
        rng.shuffle(pool)
        n = len(pool)
        shares = [int(n * share) for share in (0.12, 0.06, 0.02, 0.01, 0.005, 0.03)]
        cut = 0
        groups = []
        for size in shares:
            groups.append(pool[cut : cut + size])
            cut += size
        shipped, issued, repaired, returned, scrapped, transferred = groups
        for number, customer in enumerate(CUSTOMERS, 1):
            theirs = shipped[number - 1 :: len(CUSTOMERS)]
            apply(store, Action.SHIP, sku, theirs, ref=f"DN-2026-08{number:02d}", note="发货给客户 shipped to customer",
                  party=Party(customer=customer.code))  # fmt: skip
            shipped_to[sku] = shipped_to.get(sku, []) + [(serial, customer.code) for serial in theirs]
        apply(store, Action.ISSUE, sku, issued, ref="WO-2026-0420", note="领用 issued to production",
              party=Party(recipient="生产部 Production", kind=RecipientKind.DEPARTMENT))  # fmt: skip
        apply(store, Action.RESTOCK, sku, issued[: len(issued) // 3], to="WH-SH", note="退回仓库 back to stock")
        apply(service, Action.REPAIR, sku, repaired, ref="RMA-0012", note="客户报修 customer fault report")
        apply(service, Action.UNREPAIR, sku, repaired[: len(repaired) // 2], to="RMA", note="修复 repaired")
        apply(service, Action.RETURN, sku, returned, ref="RTV-0007", note="退回供应商 returned under warranty")
        apply(store, Action.SCRAP, sku, scrapped, note="运输损坏 damaged in transit")
        apply(store, Action.TRANSFER, sku, transferred, to="QA", note="抽检 sample inspection")
        in_stock[sku] = pool[cut:]
    return moves, shipped_to, in_stock


def _aftersales(shipped: Shipped, in_stock: dict[str, list[str]], service: Context) -> None:
    """The service desk's work in progress, so that Returns and RMAs shows something on the first run: a laptop back
    from its customer waiting for inspection, a monitor already swapped, and two units at suppliers, one overdue."""
    today = dt.date.today()
    if laptops := shipped.get("LAP-T14"):
        serial, customer = laptops[0]
        aftersales.receive_return(service, serial, rma="RMA-2026-0031", customer=customer,
                                  reason="屏幕闪烁，开机后约十分钟出现 / screen flickers after ten minutes", sku="LAP-T14")  # fmt: skip
    if (monitors := shipped.get("MON-27")) and (spare := in_stock.get("MON-27")):
        serial, customer = monitors[-1]  # another customer than the laptop's
        aftersales.receive_return(service, serial, rma="RMA-2026-0027", customer=customer,
                                  reason="Dead pixels in the upper left corner / 左上角坏点", sku="MON-27")  # fmt: skip
        aftersales.swap(service, "RMA-2026-0027", spare[0], sku="MON-27", note="换新 replaced from stock")
    for sku, rma, days, fault in (("SW-48P", "NWN-RMA-5521", -6, "Port 3 gives no PoE / 3 号口无 PoE 供电"),
                                  ("ECG-12", "BY-RMA-0192", 20, "导联线接触不良 / lead connector intermittent")):  # fmt: skip
        if units := in_stock.get(sku):
            aftersales.send_to_supplier(service, units[-1], rma=rma, expected_on=today + dt.timedelta(days=days), sku=sku,
                                        note=fault)  # fmt: skip
