// Talking to snapp serve: the session token, the person's language, the paired device, and an
// Idempotency-Key on every POST (the caller chooses it when the action is to survive a retry).

import { chosenLanguage } from "./i18n.js";
import { newKey } from "./store.js";

const TOKEN = "snapp.token";
const DEVICE = "snapp.device"; // written by the pairing page (pair.html)

export class Offline extends Error {}

export class Refused extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function session() {
  try {
    return JSON.parse(localStorage.getItem(TOKEN) || "null");
  } catch {
    return null;
  }
}

export async function request(method, path, body, { key } = {}) {
  const headers = { "Accept-Language": chosenLanguage() === "zh" ? "zh-CN" : "en" };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method === "POST") headers["Idempotency-Key"] = key || newKey();
  const device = localStorage.getItem(DEVICE);
  if (device) headers["X-SNApp-Device"] = device;
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new Offline(String(err));
  }
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && current) {
    localStorage.removeItem(TOKEN);
    window.dispatchEvent(new Event("snapp-logged-out"));
  }
  if (!response.ok) throw new Refused(response.status, answer);
  return answer;
}

export async function logIn(name, password) {
  const answer = await request("POST", "/session", { name, password });
  localStorage.setItem(TOKEN, JSON.stringify({ token: answer.token, user: answer.user, expires: answer.expires_at }));
  return answer;
}

export async function logOut() {
  try {
    await request("DELETE", "/session");
  } catch {
    // the token is forgotten on this device whatever the server says
  }
  localStorage.removeItem(TOKEN);
}

/** A refusal as one line: the server's message, then its first problems. */
export function explain(err) {
  if (!(err instanceof Refused)) return String(err.message || err);
  const problems = (err.body?.problems || []).slice(0, 3).map((p) => `${p.value}: ${p.message}`);
  return [err.message, ...problems].join(" · ");
}
