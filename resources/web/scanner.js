// This device's scanner: what it sends for GS, whether an AIM symbology identifier comes first, the text a
// PDA's keyboard wedge adds around each code, and the key that ends a scan (Enter, or Tab). The profile is
// kept on the device and sent with every scan; the server's decoder (the desktop's) undoes it, so the page
// never reads a code itself. The settings screen has the desktop Scanner screen's test box.

import * as api from "./api.js";
import { t } from "./i18n.js";
import { $, el, keep, load, signal, verdict } from "./ui.js";

const KEY = "snapp.scanner";
const GS = "\x1d";
const GS_CHOICES = [[GS, "gsAscii"], ["029", "gs029"], ["^]", "gsCaret"], ["<GS>", "gsLiteral"], ["", "gsNone"]];
const SUFFIX_CHOICES = [["\r", "enter"], ["\t", "tab"]];
const DEFAULT = { gs: GS, prefix: false, suffix: "\r", lead: "", trail: "" };

export function scannerProfile() {
  return { ...DEFAULT, ...(load(KEY) || {}) };
}

/** Whether a key pressed in a scan field ends the scan: Enter always; Tab after some text when the scanner
 * sends it (or in the test box, which is there to find out what the scanner sends). */
export function endsScan(event, anySuffix = false) {
  if (event.key === "Enter") return true;
  return event.key === "Tab" && event.target.value.trim() !== "" && (anySuffix || scannerProfile().suffix === "\t");
}

const form = () => $("#scanner-form");
let lastTest = null; // [raw, the key that ended it]

export function enterScanner() {
  const profile = scannerProfile();
  const { gs, suffix } = form();
  gs.replaceChildren(...GS_CHOICES.map(([value, word]) => el("option", { value }, t(word))));
  suffix.replaceChildren(...SUFFIX_CHOICES.map(([value, word]) => el("option", { value }, t(word))));
  gs.value = profile.gs;
  suffix.value = profile.suffix;
  form().prefix.checked = profile.prefix;
  form().lead.value = profile.lead;
  form().trail.value = profile.trail;
  $("#scanner-saved").textContent = "";
  if (lastTest) testScan(...lastTest);
}

function save() {
  const { gs, prefix, suffix, lead, trail } = form();
  keep(KEY, { gs: gs.value, prefix: prefix.checked, suffix: suffix.value, lead: lead.value, trail: trail.value });
  $("#scanner-saved").textContent = t("scannerSaved");
  if (lastTest) testScan(...lastTest);
}

form().addEventListener("change", save);
form().addEventListener("submit", (event) => event.preventDefault());

/** Show each character the test scan sent and what SNApp reads from it with this profile. */
export async function testScan(raw, _started, ended = "Enter") {
  lastTest = [raw, undefined, ended];
  const profile = scannerProfile();
  let read;
  try {
    read = await api.request("POST", "/floor/read", { scan: raw, profile });
  } catch (err) {
    verdict("scanner", "bad", raw, err instanceof api.Offline ? t("needsNetwork") : api.explain(err));
    signal("bad");
    return;
  }
  verdict("scanner", read.ok ? "ok" : "bad", read.ok ? t("reads", { what: read.message }) : t("cannotRead"), [read.ok ? "" : read.message, ...read.warnings].filter(Boolean).join(" · "));
  signal(read.ok ? "ok" : "bad");
  $("#scanner-chars").replaceChildren(
    el("p", {}, t("arrived", { n: read.characters.length })),
    el("ol", { class: "chars" }, ...read.characters.map((c) => el("li", { class: c.shown.length > 1 ? "control" : "" }, el("b", {}, c.shown), el("small", {}, c.code)))),
  ); // prettier-ignore
  const hints = [];
  const key = ended === "Tab" ? "\t" : "\r";
  if (key !== profile.suffix) hints.push(t("hintSuffix", { key: t(ended === "Tab" ? "tab" : "enter") }));
  if (read.symbology && !profile.prefix) hints.push(t("hintPrefix", { id: read.symbology }));
  $("#scanner-hint").replaceChildren(...hints.map((hint) => el("p", {}, hint)));
}
