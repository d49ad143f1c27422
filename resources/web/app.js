// The floor client: log in, look up and move, receive against a PO, verify, count, settle exceptions.
// Every scan is kept on the device first (store.js), then judged by the server one at a time, in order;
// without a network it waits, and is sent with the same Idempotency-Key when the network is back.

import * as api from "./api.js";
import { cameraOn, startCamera, stopCamera } from "./camera.js";
import { chosenLanguage, t, translatePage } from "./i18n.js";
import * as store from "./store.js";

const $ = (selector) => document.querySelector(selector);
const RETRY_MS = 3000;
const SHOWN = 40; // rows of a scan list on screen; the counters count them all

const state = {
  names: {},
  receive: load("snapp.receive"), // {po, line, location, postKey, lines: [...]}
  count: load("snapp.count"), // {number, location}
  scans: {}, // session -> its scans in order (the IndexedDB rows, kept in memory while shown)
  started: new Map(), // scan id -> when its Enter was pressed (performance.now())
  pumping: false,
  online: navigator.onLine,
};
// Enter-to-verdict times in ms, newest last: the browser tests read them.
window.snappTimings = [];

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    return null;
  }
}

function keep(key, value) {
  if (value) localStorage.setItem(key, JSON.stringify(value));
  else localStorage.removeItem(key);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const waitWord = () => (state.online ? t("checking") : t("waiting"));
const named = (code, fallback) => state.names[code] || fallback || code;

/** The locations, from the server when it answers, else as last seen. */
async function locations() {
  try {
    keep("snapp.locations", await api.request("GET", "/locations"));
  } catch {
    // offline: the locations seen last
  }
  return load("snapp.locations") || [];
}

const locationOptions = (places) => places.map((l) => [l.code, `${l.code} · ${l.name}`]);

// --- feedback: colour, sound, vibration ------------------------------------------------------

let audio = null;

function signal(kind) {
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = kind === "ok" ? "sine" : "square";
    tone.frequency.value = { ok: 1320, warn: 660, bad: 220 }[kind] || 440;
    gain.gain.value = 0.12;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + (kind === "ok" ? 0.08 : 0.35));
  } catch {
    // no sound on this device
  }
  if (kind !== "wait" && navigator.vibrate) navigator.vibrate(kind === "ok" ? 40 : [120, 60, 120]);
}

function verdict(screen, kind, text, detail) {
  const box = document.querySelector(`[data-verdict="${screen}"]`);
  box.hidden = false;
  box.className = `verdict ${box.classList.contains("big") ? "big " : ""}${kind}`;
  box.replaceChildren(el("span", {}, text), detail ? el("small", {}, detail) : null);
  box.dataset.kind = kind;
}

// --- network state -----------------------------------------------------------------------------

async function showNetwork() {
  const net = $("#net");
  net.textContent = state.online ? t("online") : t("offline");
  net.classList.toggle("offline", !state.online);
  const queued = await store.waitingCount();
  const banner = $("#banner");
  banner.hidden = state.online && queued === 0;
  banner.textContent = [state.online ? "" : t("offlineNote"), queued ? t("queued", { n: queued }) : ""].filter(Boolean).join(" ");
  banner.dataset.queued = String(queued);
}

function setOnline(online) {
  if (state.online === online) return;
  state.online = online;
  showNetwork();
  if (online) pump();
}

window.addEventListener("online", () => setOnline(true));
window.addEventListener("offline", () => setOnline(false));
setInterval(() => {
  if (state.online || navigator.onLine) pump();
}, RETRY_MS);

// --- screens -----------------------------------------------------------------------------------

const SCREENS = ["login", "home", "lookup", "receive", "verify", "count", "exceptions"];

function route() {
  stopCamera();
  document.querySelectorAll("button.camera").forEach((button) => button.classList.remove("on"));
  const wanted = location.hash.slice(1) || "home";
  const screen = !api.session() ? "login" : SCREENS.includes(wanted) ? wanted : "home";
  for (const name of SCREENS) $(`#${name}`).hidden = name !== screen;
  $("#back").hidden = screen === "login" || screen === "home";
  $("#title").textContent = screen === "login" || screen === "home" ? t("app") : t(screen);
  ENTER[screen]?.();
  focusScan();
}

function focusScan() {
  const field = document.querySelector("section:not([hidden]) .scan");
  if (field && field.offsetParent !== null && document.activeElement !== field) field.focus({ preventScroll: true });
}

// The scan field keeps the focus: a tap anywhere but another control gives it back.
document.addEventListener("click", (event) => {
  if (!event.target.closest("input, select, textarea, button, a, form")) focusScan();
});
document.addEventListener("focusout", (event) => {
  if (event.target.classList?.contains("scan"))
    setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) focusScan();
    }, 0);
});

// A keyboard-wedge scanner types the code and presses Enter; the field is emptied at once, so the next
// burst starts clean however long the server takes with this one.
document.addEventListener("keydown", (event) => {
  const field = event.target;
  if (!field.closest?.("input, select, textarea") && event.key.length === 1 && event.key !== " " && !event.ctrlKey && !event.metaKey) {
    // A scan begun while a button or nothing had the focus (a screen just opened): its characters go to the field.
    const scan = document.querySelector("section:not([hidden]) .scan");
    if (scan && scan.offsetParent !== null) {
      event.preventDefault();
      scan.focus({ preventScroll: true });
      scan.value += event.key;
    }
    return;
  }
  if (event.key !== "Enter" || !field.classList?.contains("scan")) return;
  event.preventDefault();
  const raw = field.value;
  field.value = "";
  if (raw.trim()) SCAN[field.dataset.scan](raw, performance.now());
});

// The camera reads codes into the same path as the scan field.
const CAMERA_ICON = `<svg viewBox="0 0 24 24" width="30" height="30" aria-hidden="true"><path fill="currentColor" d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"/></svg>`;
for (const button of document.querySelectorAll("button.camera")) {
  button.innerHTML = CAMERA_ICON;
  button.addEventListener("click", async () => {
    const name = button.dataset.camera;
    if (cameraOn()) {
      stopCamera();
      button.classList.remove("on");
      focusScan();
      return;
    }
    try {
      await startCamera(document.querySelector(`[data-video="${name}"]`), (text) => SCAN[name](text, performance.now()));
      button.classList.add("on");
    } catch (err) {
      verdict(name, "bad", t("noCamera", { reason: err.message || err.name }));
      signal("bad");
    }
  });
}

$("#back").addEventListener("click", () => (location.hash = "#home"));
$("#lang").addEventListener("click", async () => {
  localStorage.setItem("snapp.lang", chosenLanguage() === "zh" ? "en" : "zh");
  translatePage();
  await loadNames();
  route();
  showNetwork();
});
window.addEventListener("hashchange", route);
window.addEventListener("snapp-logged-out", route);

async function loadNames() {
  const cached = `snapp.names.${chosenLanguage()}`;
  state.names = load(cached) || {};
  try {
    state.names = await api.request("GET", "/floor/names");
    keep(cached, state.names);
  } catch {
    // offline: the cached names, or the codes
  }
}

// --- log in ------------------------------------------------------------------------------------

$("#login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  $("#login-error").textContent = "";
  try {
    await api.logIn(form.name.value.trim(), form.password.value);
    form.password.value = "";
    await loadNames();
    location.hash = "#home";
    route();
  } catch (err) {
    $("#login-error").textContent = `${t("loginFailed")}: ${api.explain(err)}`;
  }
});

$("#logout").addEventListener("click", async () => {
  await api.logOut();
  route();
});

// --- the scan pipeline -------------------------------------------------------------------------

const SEND = {
  receive: (scan) =>
    api.request("POST", "/floor/receiving/judge", { po: scan.session.slice(8), scan: scan.raw, sku: receivingSku(scan.session) }, { key: scan.key }),
  count: (scan) => api.request("POST", `/floor/counts/${encodeURIComponent(scan.session.slice(6))}/scan`, { scan: scan.raw }, { key: scan.key }),
  verify: (scan) => api.request("POST", "/floor/verify", { scan: scan.raw }, { key: scan.key }),
};

const screenOf = (session) => session.split(":")[0];

async function remember(session, raw, started) {
  const scan = await store.addScan(session, raw);
  state.started.set(scan.id, started);
  (state.scans[session] ??= []).push(scan);
  RENDER[screenOf(session)]();
  showNetwork();
  pump();
}

/** Send waiting scans one at a time, oldest first, until none is left or the network is gone. */
async function pump() {
  if (state.pumping) return;
  state.pumping = true;
  try {
    for (let batch = await store.waiting(); batch.length; batch = await store.waiting()) {
      for (const scan of batch) {
        if (!(await send(scan))) return;
      }
    }
  } finally {
    state.pumping = false;
  }
}

/** Send one scan and show its verdict; false when it must wait (no network, logged out). */
async function send(scan) {
  let answer;
  try {
    answer = await SEND[screenOf(scan.session)](scan);
  } catch (err) {
    if (err instanceof api.Offline) {
      setOnline(false);
      return false;
    }
    if (err.status === 401) return false; // logged out: the scans wait for the next login
    answer = { ok: false, passed: false, feedback: "refused", message: api.explain(err) };
  }
  setOnline(true);
  await store.judged(scan, answer);
  const shown = state.scans[scan.session]?.findLast((s) => s.id === scan.id);
  if (shown && shown !== scan) Object.assign(shown, { verdict: answer, waiting: undefined });
  const screen = screenOf(scan.session);
  if (!$(`#${screen}`).hidden) {
    RENDER[screen]({ judged: scan });
    const started = state.started.get(scan.id);
    if (started !== undefined) window.snappTimings.push(performance.now() - started);
  }
  state.started.delete(scan.id);
  showNetwork();
  return true;
}

async function openSession(session) {
  state.scans[session] ??= await store.sessionScans(session);
  return state.scans[session];
}

function listRows(list, rows) {
  list.replaceChildren(
    ...rows.slice(-SHOWN).reverse().map((row) => el("li", { class: row.kind, value: row.n }, el("b", {}, row.text), " — ", row.message)),
  );
}

// --- receive -----------------------------------------------------------------------------------

function receivingSku(session) {
  const setup = state.receive;
  if (!setup || `receive:${setup.po}` !== session) return undefined;
  const chosen = setup.lines?.find((line) => String(line.line_no) === String(setup.line));
  if (chosen) return chosen.sku;
  return judgeRows(state.scans[session] || []).sku;
}

/** The session's scans judged in order: the server's verdict, then this batch's own rules
 * (one line per receipt, each serial once, no more than the line has open). */
function judgeRows(scans) {
  const accepted = new Map();
  let sku, remaining;
  const rows = scans.map((scan, i) => {
    const n = i + 1;
    const v = scan.verdict;
    const text = v?.serial || scan.raw.replace(/\x1d/g, "<GS>");
    if (!v) return { n, kind: "wait", text, message: waitWord() };
    if (!v.ok) return { n, kind: "bad", text, message: v.message };
    if (accepted.has(v.serial)) return { n, kind: "bad", text, message: t("twice", { first: accepted.get(v.serial) }) };
    if (sku && v.sku !== sku) return { n, kind: "bad", text, message: t("otherLine", { line: v.line_no, sku: v.sku }) };
    if (accepted.size >= v.remaining) return { n, kind: "bad", text, message: t("lineFull", { line: v.line_no }) };
    sku ??= v.sku;
    remaining = v.remaining;
    accepted.set(v.serial, n);
    return { n, kind: "ok", text, message: v.message, serial: v.serial };
  });
  return { rows, accepted: [...accepted.keys()], sku, remaining };
}

async function enterReceive() {
  const setup = state.receive;
  try {
    const lists = await Promise.all(["approved", "partially_received"].map((s) => api.request("GET", `/pos?status=${s}`)));
    fill($("#po"), [["", t("choosePo")], ...lists.flat().map((po) => [po.number, `${po.number} · ${po.supplier_name || po.supplier}`])], setup?.po);
  } catch {
    // offline: what was chosen before stays chosen
    if (setup) fill($("#po"), [[setup.po, setup.po]], setup.po);
  }
  fill($("#receive-location"), locationOptions(await locations()), setup?.location);
  fillLines();
  if (setup) await openSession(`receive:${setup.po}`);
  renderReceive();
}

function fill(select, options, chosen) {
  select.replaceChildren(...options.map(([value, text]) => el("option", { value }, text)));
  if (chosen !== undefined && chosen !== null && options.some(([value]) => String(value) === String(chosen))) select.value = chosen;
}

function fillLines() {
  const setup = state.receive;
  const lines = setup?.lines || [];
  fill($("#line"), [["", t("lineAuto")], ...lines.map((l) => [l.line_no, `${l.line_no}: ${l.sku} ${l.item_name} (${l.quantity - l.received}/${l.quantity})`])], setup?.line ?? "");
}

$("#po").addEventListener("change", async (event) => {
  const number = event.target.value;
  if (!number) return;
  try {
    const po = await api.request("GET", `/pos/${encodeURIComponent(number)}`);
    state.receive = { po: po.number, line: "", location: $("#receive-location").value, postKey: store.newKey(), lines: po.lines };
  } catch (err) {
    verdict("receive", "bad", api.explain(err));
    return;
  }
  keep("snapp.receive", state.receive);
  fillLines();
  await openSession(`receive:${state.receive.po}`);
  renderReceive();
  focusScan();
});

for (const [picker, field] of [["#line", "line"], ["#receive-location", "location"]]) {
  $(picker).addEventListener("change", (event) => {
    if (!state.receive) return;
    state.receive[field] = event.target.value;
    keep("snapp.receive", state.receive);
    renderReceive();
    focusScan();
  });
}

function renderReceive({ judged } = {}) {
  const setup = state.receive;
  const scans = setup ? state.scans[`receive:${setup.po}`] || [] : [];
  const { rows, accepted, remaining } = judgeRows(scans);
  $("#accepted").textContent = String(accepted.length);
  const line = setup?.lines?.find((l) => String(l.line_no) === String(setup.line));
  const open = remaining ?? (line ? line.quantity - line.received : undefined);
  $("#open").textContent = open === undefined ? "–" : String(open - accepted.length);
  listRows($("#receive-list"), rows);
  const last = judged ? rows[scans.findIndex((s) => s.id === judged.id)] : rows[rows.length - 1];
  if (last) {
    verdict("receive", last.kind, last.text, last.message);
    if (judged) signal(last.kind);
  }
}

async function scanReceive(raw, started) {
  if (!state.receive) {
    verdict("receive", "bad", t("choosePo"));
    signal("bad");
    return;
  }
  await remember(`receive:${state.receive.po}`, raw, started);
}

$("#post").addEventListener("click", async () => {
  const setup = state.receive;
  if (!setup) return;
  const session = `receive:${setup.po}`;
  const { accepted, sku, rows } = judgeRows(state.scans[session] || []);
  if (!accepted.length || rows.some((row) => row.kind === "wait")) {
    verdict("receive", "bad", rows.some((row) => row.kind === "wait") ? t("waiting") : t("nothingToPost"));
    signal("bad");
    return;
  }
  try {
    const body = { sku, serials: accepted, location: setup.location || undefined };
    const receipt = await api.request("POST", `/pos/${encodeURIComponent(setup.po)}/receipts`, body, { key: setup.postKey });
    await store.clearSession(session);
    state.scans[session] = [];
    const po = await api.request("GET", `/pos/${encodeURIComponent(setup.po)}`).catch(() => null);
    Object.assign(setup, { postKey: store.newKey(), lines: po ? po.lines : setup.lines });
    keep("snapp.receive", setup);
    fillLines();
    renderReceive();
    verdict("receive", "ok", t("posted", { number: receipt.number, quantity: receipt.quantity }));
    signal("ok");
  } catch (err) {
    verdict("receive", "bad", err instanceof api.Offline ? t("postQueued") : api.explain(err));
    signal("bad");
  }
  focusScan();
});

$("#clear").addEventListener("click", async () => {
  if (!state.receive) return;
  const session = `receive:${state.receive.po}`;
  await store.clearSession(session);
  state.scans[session] = [];
  state.receive.postKey = store.newKey();
  keep("snapp.receive", state.receive);
  renderReceive();
  $('[data-verdict="receive"]').hidden = true;
  showNetwork();
  focusScan();
});

// --- verify ------------------------------------------------------------------------------------

async function enterVerify() {
  await openSession("verify");
  renderVerify();
}

function renderVerify({ judged } = {}) {
  const scans = state.scans.verify || [];
  const rows = scans.map((scan, i) => {
    const v = scan.verdict;
    const text = v?.serial || scan.raw.replace(/\x1d/g, "<GS>");
    if (!v) return { n: i + 1, kind: "wait", text, message: waitWord() };
    return { n: i + 1, kind: v.passed ? "ok" : "bad", text, message: v.message };
  });
  listRows($("#verify-list"), rows);
  const scan = judged || scans[scans.length - 1];
  if (!scan) return;
  const v = scan.verdict;
  if (!v) verdict("verify", "wait", scan.raw, waitWord());
  else verdict("verify", v.passed ? "ok" : "bad", named(`verdict.${v.verdict}`, v.verdict), v.message);
  if (judged) signal(v.passed ? "ok" : "bad");
}

// --- count -------------------------------------------------------------------------------------

const FEEDBACK = {
  here: ["ok", "here"], elsewhere: ["warn", "elsewhere"], unknown: ["bad", "unknown"], twice: ["warn", "twiceShort"],
  not_on_shelf: ["bad", "notOnShelf"], unreadable: ["bad", "unreadable"], refused: ["bad", "bad"],
};

async function enterCount() {
  fill($("#count-location"), [["", t("everyLocation")], ...locationOptions(await locations())], state.count?.location);
  if (state.count) await openSession(`count:${state.count.number}`);
  renderCount();
}

function renderCount({ judged } = {}) {
  const running = state.count;
  $("#count-start").hidden = Boolean(running);
  $("#count-run").hidden = !running;
  if (!running) return;
  $("#count-title").textContent = `${t("countOf", { number: running.number })} · ${running.location || t("everyLocation")}`;
  const scans = state.scans[`count:${running.number}`] || [];
  const tally = {};
  const rows = scans.map((scan, i) => {
    const v = scan.verdict;
    const text = v?.serial || scan.raw.replace(/\x1d/g, "<GS>");
    if (!v) return { n: i + 1, kind: "wait", text, message: waitWord() };
    const [kind, word] = FEEDBACK[v.feedback] || FEEDBACK.refused;
    tally[word] = (tally[word] || 0) + 1;
    return { n: i + 1, kind, text, message: v.message, word };
  });
  $("#tally").replaceChildren(
    ...["here", "elsewhere", "unknown", "twiceShort", "notOnShelf", "unreadable"].map((word) =>
      el("div", { "data-tally": word }, el("b", {}, String(tally[word] || 0)), t(word)),
    ),
  );
  listRows($("#count-list"), rows);
  const index = judged ? scans.findIndex((s) => s.id === judged.id) : rows.length - 1;
  const row = rows[index];
  if (!row) return;
  verdict("count", row.kind, row.word ? t(row.word) : row.text, row.message);
  if (judged) signal(row.kind);
}

$("#start-count").addEventListener("click", async () => {
  const location = $("#count-location").value || null;
  try {
    const count = await api.request("POST", "/counts", { location });
    state.count = { number: count.number, location: count.location };
  } catch (err) {
    verdict("count", "bad", api.explain(err));
    $('[data-verdict="count"]').hidden = false;
    return;
  }
  keep("snapp.count", state.count);
  await openSession(`count:${state.count.number}`);
  renderCount();
  focusScan();
});

$("#close-count").addEventListener("click", async () => {
  const running = state.count;
  if (!running) return;
  if ((state.scans[`count:${running.number}`] || []).some((s) => !s.verdict)) {
    verdict("count", "bad", t("waiting"));
    return;
  }
  try {
    const report = await api.request("POST", `/counts/${encodeURIComponent(running.number)}/close`);
    await store.clearSession(`count:${running.number}`);
    state.count = null;
    keep("snapp.count", null);
    renderCount();
    verdict("count", "ok", t("countClosed", { number: report.number, matched: report.matched.length, missing: report.missing.length,
      unexpected: report.unexpected.length, unknown: report.unknown.length })); // prettier-ignore
  } catch (err) {
    verdict("count", "bad", api.explain(err));
  }
});

// --- look up and move ----------------------------------------------------------------------------

async function scanLookup(raw, started) {
  let cards;
  try {
    cards = await api.request("GET", `/serials/${encodeURIComponent(raw)}`);
  } catch (err) {
    $("#cards").replaceChildren();
    verdict("lookup", "bad", raw.replace(/\x1d/g, "<GS>"), err instanceof api.Offline ? t("needsNetwork") : api.explain(err));
    signal("bad");
    window.snappTimings.push(performance.now() - started);
    return;
  }
  $('[data-verdict="lookup"]').hidden = true;
  $("#cards").replaceChildren(...cards.map(card));
  window.snappTimings.push(performance.now() - started);
  signal("ok");
}

function card(unit) {
  const today = new Date().toISOString().slice(0, 10);
  let warranty = t("noWarranty");
  if (unit.warranty_end) {
    const days = Math.round((Date.parse(unit.warranty_end) - Date.parse(today)) / 86400000);
    warranty = days >= 0 ? t("warrantyLeft", { end: unit.warranty_end, days }) : t("warrantyOver", { end: unit.warranty_end });
  }
  const facts = [
    [t("item"), `${unit.sku} · ${unit.item_name}`],
    [t("status"), named(`status.${unit.status}`, unit.status)],
    [t("location"), unit.location ? `${unit.location} · ${unit.location_name}` : "–"],
    [t("warranty"), warranty],
    [t("supplier"), `${unit.supplier} · ${unit.supplier_name}`],
    [t("po"), unit.po],
    [t("receipt"), `${unit.receipt} · ${unit.received_at.slice(0, 10)}`],
    ...(unit.fields || []), // the item's custom fields (IMEI, MAC...), named as the admin named them
  ];
  const box = el("article", { class: "card", "data-serial": unit.serial },
    el("h2", {}, unit.serial),
    el("dl", {}, ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
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

async function moveForm(box, unit, action) {
  box.querySelector("form")?.remove();
  const places = await locations();
  const key = store.newKey(); // one form, one move: a second tap replays the first answer
  const form = el("form", { "data-form": action },
    el("label", {}, t("to"), el("select", { name: "to" }, el("option", { value: "" }, "–"), ...places.map((l) => el("option", { value: l.code }, `${l.code} · ${l.name}`)))),
    el("label", {}, t("ref"), el("input", { name: "ref", maxlength: "100" })),
    el("label", {}, t("note"), el("input", { name: "note", maxlength: "2000" })),
    el("button", { class: "primary" }, `${named(`move.${action}`, action)} — ${t("doMove")}`),
  ); // prettier-ignore
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { action, serials: [unit.serial], sku: unit.sku, to: form.to.value || null, ref: form.ref.value || null, note: form.note.value || null };
    try {
      const done = await api.request("POST", "/moves", body, { key });
      verdict("lookup", "ok", t("moved", { verb: named(`move.${action}`, action), status: named(`status.${done.to_status}`, done.to_status) }));
      signal("ok");
      const cards = await api.request("GET", `/serials/${encodeURIComponent(unit.serial)}`);
      $("#cards").replaceChildren(...cards.map(card));
    } catch (err) {
      verdict("lookup", "bad", err instanceof api.Offline ? t("needsNetwork") : api.explain(err));
      signal("bad");
    }
    focusScan();
  });
  box.querySelector(".moves").after(form);
}

// --- exceptions --------------------------------------------------------------------------------

async function enterExceptions() {
  const list = $("#exception-list");
  let open;
  try {
    open = await api.request("GET", "/exceptions");
  } catch (err) {
    list.replaceChildren(el("li", {}, err instanceof api.Offline ? t("needsNetwork") : api.explain(err)));
    return;
  }
  if (!open.length) {
    list.replaceChildren(el("li", {}, t("noExceptions")));
    return;
  }
  list.replaceChildren(...open.map((x) => {
    const key = store.newKey();
    const form = el("form", {}, el("input", { name: "resolution", required: "", placeholder: t("resolution") }), el("button", { class: "primary" }, t("resolve")));
    const item = el("li", { "data-exception": x.id },
      el("b", {}, `#${x.id} ${named(`exception_kind.${x.kind}`, x.kind)}`), el("div", {}, x.subject), el("small", {}, x.detail), form);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api.request("POST", `/exceptions/${x.id}/resolve`, { resolution: form.resolution.value }, { key });
        item.replaceChildren(el("b", {}, t("resolved", { id: x.id })));
      } catch (err) {
        form.append(el("p", { class: "error" }, api.explain(err)));
      }
    });
    return item;
  })); // prettier-ignore
}

// --- wiring ------------------------------------------------------------------------------------

const ENTER = { lookup: locations, receive: enterReceive, verify: enterVerify, count: enterCount, exceptions: enterExceptions, home: () => ($("#who").textContent = api.session()?.user || "") };
const RENDER = { receive: renderReceive, verify: renderVerify, count: renderCount };
const SCAN = {
  lookup: scanLookup,
  receive: scanReceive,
  verify: (raw, started) => remember("verify", raw, started),
  count: (raw, started) => (state.count ? remember(`count:${state.count.number}`, raw, started) : null),
};

if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(() => {});
translatePage();
if (api.session()) await loadNames();
route();
showNetwork();
pump();
