// A receiving session's scans judged in order. The server judges each scan (its line, the item's serial rule,
// the serials already received and, when the item's fields are scanned after each serial, the scan's place in
// its pair: `snapp.services.receiving.judge_scan`); what is left here is this batch's bookkeeping: one line per
// receipt, each serial once, no more than the line has open, and which scan is due next.

import { t } from "./i18n.js";

/** ``scans`` judged in order; ``scannedOf(sku)``: the names of the item's fields scanned after each serial.
 * Returns the rows to show, the accepted serials, ``paired`` (each scan as the server took it, null when refused:
 * what the next scan is judged after, and what a pairs receipt posts) and ``due`` (the fields the last serial lacks). */
export function judgeRows(scans, scannedOf, waitWord) {
  const accepted = new Map(); // serial -> its row
  const paired = [];
  let sku, remaining;
  let due = [];
  const rows = scans.map((scan, i) => {
    const n = i + 1;
    const v = scan.verdict;
    const text = v?.field ? v.value : v?.serial || scan.raw.replace(/\x1d/g, "<GS>");
    const refused = (message) => {
      paired.push(null);
      return { n, kind: v ? "bad" : "wait", text, message };
    };
    if (!v) return refused(waitWord);
    if (!v.ok) return refused(v.message);
    if (v.field) {
      // the value of the field the serial before was waiting for: the pair shows on both rows
      due.shift();
      paired.push(v.value);
      const unit = accepted.get(v.serial);
      if (unit) unit.message = `${unit.message} · ${v.field} ${v.value}`;
      return { n, kind: "ok", text, message: t("fieldOf", { field: v.field, serial: v.serial }) };
    }
    if (accepted.has(v.serial)) return refused(t("twice", { first: accepted.get(v.serial).n }));
    if (sku && v.sku !== sku) return refused(t("otherLine", { line: v.line_no, sku: v.sku }));
    if (accepted.size >= v.remaining) return refused(t("lineFull", { line: v.line_no }));
    sku ??= v.sku;
    remaining = v.remaining;
    paired.push(v.serial);
    due = scannedOf(v.sku).map((field) => ({ field, serial: v.serial }));
    const row = { n, kind: "ok", text, message: v.message, serial: v.serial };
    accepted.set(v.serial, row);
    return row;
  });
  return { rows, accepted: [...accepted.keys()], sku, remaining, paired, due };
}

/** What the scan field waits for when the item's fields are scanned after each serial; "" when they are not. */
export function expected(due, fields) {
  if (due.length) return t("expectField", { field: due[0].field, serial: due[0].serial });
  return fields.length ? t("expectSerial", { fields: fields.join(", ") }) : "";
}
