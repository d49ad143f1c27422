// What every screen of the floor client shares: elements, the verdict box with its sound and vibration,
// values kept on the device, the display names the server sends, and the locations.

import * as api from "./api.js";

export const $ = (selector) => document.querySelector(selector);

export function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    return null;
  }
}

export function keep(key, value) {
  if (value) localStorage.setItem(key, JSON.stringify(value));
  else localStorage.removeItem(key);
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

export function fill(select, options, chosen) {
  select.replaceChildren(...options.map(([value, text]) => el("option", { value }, text)));
  if (chosen !== undefined && chosen !== null && options.some(([value]) => String(value) === String(chosen))) select.value = chosen;
}

let names = {};

/** The server's display names (statuses, moves, verdicts) in the chosen language. */
export function setNames(shown) {
  names = shown || {};
}

export const named = (code, fallback) => names[code] || fallback || code;

/** The locations, from the server when it answers, else as last seen. */
export async function locations() {
  try {
    keep("snapp.locations", await api.request("GET", "/locations"));
  } catch {
    // offline: the locations seen last
  }
  return load("snapp.locations") || [];
}

export const locationOptions = (places) => places.map((l) => [l.code, `${l.code} · ${l.name}`]);

// --- feedback: colour, sound, vibration ------------------------------------------------------

let audio = null;

export function signal(kind) {
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

export function verdict(screen, kind, text, detail) {
  const box = document.querySelector(`[data-verdict="${screen}"]`);
  box.hidden = false;
  box.className = `verdict ${box.classList.contains("big") ? "big " : ""}${kind}`;
  box.replaceChildren(...[el("span", {}, text), detail ? el("small", {}, detail) : null].filter(Boolean)); // null would show as "null"
  box.dataset.kind = kind;
}
