// Scans kept on the device (IndexedDB) until the server has judged them, so a dropped network, a reloaded
// page or a restarted phone loses none. Each scan carries the Idempotency-Key it is sent with, so sending
// it again after an answer that never arrived applies it once.

const DB_NAME = "snapp-floor";
const STORE = "scans";
let opened = null;

function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      store.createIndex("session", "session");
      store.createIndex("waiting", "waiting"); // only scans without a verdict carry the field
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request instanceof IDBRequest ? request.result : undefined);
    tx.onerror = () => reject(tx.error);
  });
}

export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** Keep one scan of ``session`` (e.g. "receive:PO-2026-000001"): raw text, the scanner profile it was made
 * under, key, no verdict yet. */
export async function addScan(session, raw, profile) {
  const scan = { session, raw, profile, key: newKey(), verdict: null, waiting: 1, at: Date.now() };
  scan.id = await run("readwrite", (store) => store.add(scan));
  return scan;
}

/** Keep a scan's verdict: it no longer waits. */
export function judged(scan, verdict) {
  scan.verdict = verdict;
  delete scan.waiting;
  return run("readwrite", (store) => store.put(scan));
}

/** A session's scans in the order they were made. */
export async function sessionScans(session) {
  const rows = await run("readonly", (store) => store.index("session").getAll(session));
  return rows.sort((a, b) => a.id - b.id);
}

export async function clearSession(session) {
  const rows = await sessionScans(session);
  await run("readwrite", (store) => rows.forEach((row) => store.delete(row.id)));
}

/** The scans still waiting for their verdict, oldest first (at most ``limit``). */
export async function waiting(limit = 50) {
  const rows = await run("readonly", (store) => store.index("waiting").getAll(undefined, limit));
  return rows.sort((a, b) => a.id - b.id);
}

export function waitingCount() {
  return run("readonly", (store) => store.index("waiting").count());
}

/** Forget one scan (taken back by Undo). */
export function forget(scan) {
  return run("readwrite", (store) => store.delete(scan.id));
}
