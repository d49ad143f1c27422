// A unit's card on the look-up screen, and the moves allowed now, each with the fields it needs: to whom an
// issue goes, the customer and delivery reference of a shipment, the RMA, customer and reason of a customer's
// return, inspection's decision on a returned unit, a swap, a unit back from its supplier. Each is sent to the
// route that keeps its record (the plain move, or the after-sales service); a refusal is the server's sentence.

import * as api from "./api.js";
import { t } from "./i18n.js";
import { newKey } from "./store.js";
import { $, el, locations, named, signal, verdict } from "./ui.js";

const RECIPIENT_KINDS = ["person", "department", "project"];
const INSPECTION = new Set(["accept", "repair", "return", "scrap"]); // decisions while a customer's RMA is open

/** The fields of ``action`` on ``unit``, and how the filled form is sent: [path, body]. */
function kindOf(unit, action) {
  if (unit.open_rma && INSPECTION.has(action))
    return { fields: ["to", "note"], send: (f) => [`/returns/${encodeURIComponent(unit.open_rma)}/inspection`, { decision: action, to: f.to, note: f.note }] };
  const move = (f) => ["/moves", { action, serials: [unit.serial], sku: unit.sku, to: f.to, ref: f.ref, note: f.note,
    customer: f.customer, recipient: f.recipient, recipient_kind: f.recipient ? f.recipient_kind : undefined }]; // prettier-ignore
  return {
    issue: { fields: ["recipient", "recipient_kind", "ref", "note"], send: move },
    ship: { fields: ["customer", "delivery", "note"], send: move },
    customer_return: { fields: ["rma", "customer", "reason"],
      send: (f) => ["/returns", { serial: unit.serial, sku: unit.sku, rma: f.rma, customer: f.customer, reason: f.reason }] },
    replace: { fields: ["rma", "note"],
      send: (f) => [`/returns/${encodeURIComponent(f.rma)}/swap`, { replacement: unit.serial, sku: unit.sku, note: f.note }] },
    supplier_back: { fields: ["supplierRma", "to", "note"],
      send: (f) => [`/supplier-rmas/${encodeURIComponent(f.rma)}/back`, { to: f.to, note: f.note }] },
  }[action] || { fields: ["to", "ref", "note"], send: move }; // prettier-ignore
}

async function customers() {
  try {
    return await api.request("GET", "/customers");
  } catch {
    return []; // offline or not allowed: the server's refusal will say so when the form is sent
  }
}

/** One labelled control per field; what a form sends is read back by ``values``. */
async function field(name, unit) {
  const input = (attrs) => el("input", { autocomplete: "off", ...attrs });
  switch (name) {
    case "to": {
      const places = await locations();
      return el("label", {}, t("to"), el("select", { name: "to" }, el("option", { value: "" }, "–"), ...places.map((l) => el("option", { value: l.code }, `${l.code} · ${l.name}`))));
    }
    case "customer": {
      const shippedTo = unit.holder?.customer;
      const options = (await customers()).map((c) => el("option", { value: c.code, selected: c.code === shippedTo }, `${c.code} · ${c.name}`));
      return el("label", {}, t("customer"), el("select", { name: "customer", required: true }, el("option", { value: "" }, t("chooseCustomer")), ...options));
    }
    case "recipient_kind":
      return el("label", {}, t("recipientKind"), el("select", { name: "recipient_kind" }, ...RECIPIENT_KINDS.map((k) => el("option", { value: k }, t(`kind_${k}`)))));
    case "recipient":
      return el("label", {}, t("recipient"), input({ name: "recipient", maxlength: "200", required: true }));
    case "delivery":
      return el("label", {}, t("delivery"), input({ name: "ref", maxlength: "100", required: true }));
    case "rma":
      return el("label", {}, t("rma"), input({ name: "rma", maxlength: "40", required: true, autocapitalize: "characters" }));
    case "supplierRma":
      return el("label", {}, t("supplierRma"), input({ name: "rma", maxlength: "40", required: true, autocapitalize: "characters" }));
    case "reason":
      return el("label", {}, t("reason"), input({ name: "reason", maxlength: "2000", required: true }));
    default:
      return el("label", {}, t(name), input({ name, maxlength: name === "note" ? "2000" : "100" }));
  }
}

function values(form) {
  const found = {};
  for (const control of form.elements) if (control.name) found[control.name] = control.value.trim() || undefined;
  return found;
}

async function moveForm(box, unit, action) {
  box.querySelector("form")?.remove();
  const kind = kindOf(unit, action);
  let key = newKey(); // one form, one move: a second tap replays the first answer
  const verb = named(`move.${action}`, action);
  const form = el("form", { "data-form": action }, ...(await Promise.all(kind.fields.map((name) => field(name, unit)))),
    el("button", { class: "primary" }, `${verb} — ${t("doMove")}`)); // prettier-ignore
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const done = await api.request("POST", ...kind.send(values(form)), { key });
      const cards = await api.request("GET", `/serials/${encodeURIComponent(unit.serial)}`);
      const now = cards.find((c) => c.sku === unit.sku) || cards[0];
      const promised = done?.promised_on ? `${t("answerBy")} ${done.promised_on}` : undefined; // a customer's return
      verdict("lookup", "ok", t("moved", { verb, status: named(`status.${now.status}`, now.status) }), promised);
      signal("ok");
      showCards(cards);
    } catch (err) {
      if (err instanceof api.Refused) key = newKey(); // refused: the form corrected is a new request
      verdict("lookup", "bad", `${verb}: ${t("bad")}`, err instanceof api.Offline ? t("needsNetwork") : api.explain(err));
      signal("bad");
    }
  });
  box.querySelector(".moves").after(form);
  form.querySelector("input, select")?.focus();
}

function card(unit) {
  const today = new Date().toISOString().slice(0, 10);
  let warranty = t("noWarranty");
  if (unit.warranty_end) {
    const days = Math.round((Date.parse(unit.warranty_end) - Date.parse(today)) / 86400000);
    warranty = days >= 0 ? t("warrantyLeft", { end: unit.warranty_end, days }) : t("warrantyOver", { end: unit.warranty_end });
  }
  const holder = unit.holder;
  const facts = [
    [t("item"), `${unit.sku} · ${unit.item_name}`],
    [t("status"), named(`status.${unit.status}`, unit.status)],
    [t("location"), unit.location ? `${unit.location} · ${unit.location_name}` : "–"],
    holder ? [t("holder"), [holder.customer ? `${holder.customer} · ${holder.customer_name}` : holder.recipient, holder.ref].filter(Boolean).join(" · ")] : null,
    unit.open_rma ? [t("rma"), unit.open_rma] : null,
    unit.rma_promised_on ? [t("answerBy"), unit.rma_overdue ? `${unit.rma_promised_on} · ${t("overdue")}` : unit.rma_promised_on, unit.rma_overdue] : null,
    [t("warranty"), warranty],
    [t("supplier"), `${unit.supplier} · ${unit.supplier_name}`],
    [t("po"), unit.po],
    [t("receipt"), `${unit.receipt} · ${unit.received_at.slice(0, 10)}`],
    ...(unit.fields || []), // the item's custom fields (IMEI, MAC...), named as the admin named them
  ].filter(Boolean);
  const box = el("article", { class: "card", "data-serial": unit.serial, "data-status": unit.status },
    el("h2", {}, unit.serial),
    el("dl", {}, ...facts.flatMap(([k, v, late]) => [el("dt", {}, k), el("dd", { class: late ? "overdue" : "" }, v)])),
    el("h3", {}, t("moves")),
  ); // prettier-ignore
  const moves = el("div", { class: "moves" });
  for (const action of unit.allowed) moves.append(el("button", { "data-move": action, onclick: () => moveForm(box, unit, action) }, named(`move.${action}`, action)));
  box.append(unit.allowed.length ? moves : el("p", {}, t("noMoves")));
  box.append(
    el("h3", {}, t("history")),
    el("ol", { reversed: "" }, ...[...unit.history].reverse().map((e) =>
      el("li", {}, `${e.at.slice(0, 16).replace("T", " ")} · ${named(`move.${e.action}`, e.action)} · ${named(`status.${e.to_status}`, e.to_status)}${e.to_location ? ` @ ${e.to_location}` : ""} · ${e.user}`),
    )),
  ); // prettier-ignore
  return box;
}

export function showCards(cards) {
  $("#cards").replaceChildren(...cards.map(card));
}
