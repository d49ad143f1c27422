// The floor client: log in, look up and move, receive against a PO, verify, stocktake, settle exceptions.
// Every scan is kept on the device first (store.js), then judged by the server one at a time, in order;
// without a network it waits, and is sent with the same Idempotency-Key when the network is back.

import * as api from "./api.js";
import { cameraOn, startCamera, stopCamera } from "./camera.js";
import { showCards } from "./card.js";
import { chosenLanguage, t, translatePage } from "./i18n.js";
import { expected, judgeRows } from "./receive.js";
import { endsScan, enterScanner, scannerProfile, testScan } from "./scanner.js";
import * as store from "./store.js";
import { $, el, fill, keep, load, locationOptions, locations, named, setNames, signal, verdict } from "./ui.js";

const RETRY_MS = 3000;
const SHOWN = 40; // rows of a scan list on screen; the counters count them all

const state = {
  receive: load("snapp.receive"), // {po, line, location, postKey, lines: [...], scanned: {sku: [field names]}}
  // The stocktake running on this phone. "count" stays its key here, in sessions ("count:CT-...") and in
  // the scans queued offline: phones keep them across an update, and a new name would orphan them.
  count: load("snapp.count"), // {number, location}
  scans: {}, // session -> its scans in order (the IndexedDB rows, kept in memory while shown)
  started: new Map(), // scan id -> when its Enter was pressed (performance.now())
  pumping: false,
  online: navigator.onLine,
};
// Enter-to-verdict times in ms, newest last: the browser tests read them.
window.snappTimings = [];

const waitWord = () => (state.online ? t("checking") : t("waiting"));

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

const SCREENS = ["login", "home", "lookup", "receive", "verify", "count", "exceptions", "scanner"];

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

// A keyboard-wedge scanner types the code and presses Enter (or Tab, when its profile says so: the field keeps
// the focus); the field is emptied at once, so the next burst starts clean however long the server takes with this one.
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
  if (!field.classList?.contains("scan") || !endsScan(event, field.dataset.scan === "scanner")) return;
  event.preventDefault();
  const raw = field.value;
  field.value = "";
  if (raw.trim()) SCAN[field.dataset.scan](raw, performance.now(), event.key);
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
  setNames(load(cached));
  try {
    const names = await api.request("GET", "/floor/names");
    setNames(names);
    keep(cached, names);
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

// Each scan goes with the scanner profile it was made under (kept with it on the device): the server undoes it.
const SEND = {
  receive: async (scan) => {
    const sku = receivingSku(scan.session);
    const body = { po: scan.session.slice(8), scan: scan.raw, profile: scan.profile, sku };
    if (scannedOf(sku).length) {
      // judged at its place in its pair, after the scans before it as they were judged
      const scans = await openSession(scan.session);
      body.paired = judgeReceive(scans.slice(0, scans.findIndex((s) => s.id === scan.id))).paired;
    }
    return api.request("POST", "/floor/receiving/judge", body, { key: scan.key });
  },
  count: (scan) => api.request("POST", `/floor/stocktakes/${encodeURIComponent(scan.session.slice(6))}/scan`, { scan: scan.raw, profile: scan.profile }, { key: scan.key }),
  verify: (scan) => api.request("POST", "/floor/verify", { scan: scan.raw, profile: scan.profile }, { key: scan.key }),
};

const screenOf = (session) => session.split(":")[0];

async function remember(session, raw, started) {
  const scan = await store.addScan(session, raw, scannerProfile());
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
  return judgeReceive(state.scans[session] || []).sku;
}

/** The fields of ``sku``'s item scanned after each serial (an IMEI), as loaded with the PO. */
const scannedOf = (sku) => state.receive?.scanned?.[sku] || [];

const judgeReceive = (scans) => judgeRows(scans, scannedOf, waitWord());

/** The PO, with the fields its items scan after each serial. */
async function loadPo(number) {
  const po = await api.request("GET", `/pos/${encodeURIComponent(number)}`);
  const skus = [...new Set(po.lines.map((l) => l.sku))];
  const lists = await Promise.all(skus.map((sku) => api.request("GET", `/items/${encodeURIComponent(sku)}/fields`)));
  const scanned = Object.fromEntries(skus.map((sku, i) => [sku, lists[i].filter((f) => f.scanned).map((f) => f.name)]));
  return { po, scanned };
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

function fillLines() {
  const setup = state.receive;
  const lines = setup?.lines || [];
  fill($("#line"), [["", t("lineAuto")], ...lines.map((l) => [l.line_no, `${l.line_no}: ${l.sku} ${l.item_name} (${l.quantity - l.received}/${l.quantity})`])], setup?.line ?? "");
}

$("#po").addEventListener("change", async (event) => {
  const number = event.target.value;
  if (!number) return;
  try {
    const { po, scanned } = await loadPo(number);
    state.receive = { po: po.number, line: "", location: $("#receive-location").value, postKey: store.newKey(), lines: po.lines, scanned };
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
  const { rows, accepted, remaining, sku, due } = judgeReceive(scans);
  $("#accepted").textContent = String(accepted.length);
  const line = setup?.lines?.find((l) => String(l.line_no) === String(setup.line));
  const open = remaining ?? (line ? line.quantity - line.received : undefined);
  $("#open").textContent = open === undefined ? "–" : String(open - accepted.length);
  listRows($("#receive-list"), rows);
  const prompt = expected(due, scannedOf(sku ?? line?.sku));
  $("#expect").hidden = !prompt;
  $("#expect").textContent = prompt;
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
  const { accepted, sku, rows, paired } = judgeReceive(state.scans[session] || []);
  if (!accepted.length || rows.some((row) => row.kind === "wait")) {
    verdict("receive", "bad", rows.some((row) => row.kind === "wait") ? t("waiting") : t("nothingToPost"));
    signal("bad");
    return;
  }
  try {
    // scanned in pairs: posted as scanned, so the server refuses a unit whose field scan is missing
    const body = scannedOf(sku).length ? { sku, pairs: paired.filter((v) => v !== null) } : { sku, serials: accepted };
    body.location = setup.location || undefined;
    const receipt = await api.request("POST", `/pos/${encodeURIComponent(setup.po)}/receipts`, body, { key: setup.postKey });
    await store.clearSession(session);
    state.scans[session] = [];
    const fresh = await loadPo(setup.po).catch(() => null);
    Object.assign(setup, { postKey: store.newKey(), ...(fresh && { lines: fresh.po.lines, scanned: fresh.scanned }) });
    keep("snapp.receive", setup);
    fillLines();
    renderReceive();
    verdict("receive", "ok", t("posted", { number: receipt.number, quantity: receipt.quantity }));
    signal("ok");
  } catch (err) {
    if (err instanceof api.Refused) {
      setup.postKey = store.newKey(); // refused (a unit's IMEI still due): the batch corrected is a new request
      keep("snapp.receive", setup);
    }
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

// The last scan taken back: a field's value (the serial waits for it again), a serial with its field scans still
// due (the unit is gone), or a refused scan. A scan still on its way is not: its verdict would bring it back.
$("#undo").addEventListener("click", async () => {
  const scans = state.receive ? state.scans[`receive:${state.receive.po}`] || [] : [];
  const last = scans[scans.length - 1];
  if (!last || !last.verdict) {
    verdict("receive", "bad", last ? t("waiting") : t("nothingToUndo"));
    signal("bad");
  } else {
    await store.forget(last);
    scans.pop();
    renderReceive();
    verdict("receive", "warn", t("undone", { text: last.verdict.value || last.verdict.serial || last.raw }), $("#expect").textContent);
  }
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
    const count = await api.request("POST", "/stocktakes", { location });
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
    const report = await api.request("POST", `/stocktakes/${encodeURIComponent(running.number)}/close`);
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
    cards = await api.request("POST", "/floor/lookup", { scan: raw, profile: scannerProfile() });
  } catch (err) {
    $("#cards").replaceChildren();
    verdict("lookup", "bad", raw.replace(/\x1d/g, "<GS>"), err instanceof api.Offline ? t("needsNetwork") : api.explain(err));
    signal("bad");
    window.snappTimings.push(performance.now() - started);
    return;
  }
  $('[data-verdict="lookup"]').hidden = true;
  showCards(cards);
  window.snappTimings.push(performance.now() - started);
  signal("ok");
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

const ENTER = { lookup: locations, receive: enterReceive, verify: enterVerify, count: enterCount, exceptions: enterExceptions, scanner: enterScanner,
  home: () => ($("#who").textContent = api.session()?.user || "") }; // prettier-ignore
const RENDER = { receive: renderReceive, verify: renderVerify, count: renderCount };
const SCAN = {
  lookup: scanLookup,
  scanner: testScan,
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
