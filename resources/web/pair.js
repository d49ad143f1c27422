// The page the desktop's QR code opens: https://IP:PORT/floor/pair.html#code=...&fp=...
// It shows the certificate fingerprint to compare, asks a name for the device, spends the one-time code,
// keeps the device secret in localStorage "snapp.device" (the floor app's login sends it as X-SNApp-Device),
// then opens the floor app.
"use strict";

const DEVICE_KEY = "snapp.device";
const WORDS = {
  en: {
    title: "Pair this device with SNApp",
    compare: "Compare this certificate fingerprint with the one on the desktop (Settings → Share with phones and other systems). If your browser warned about the certificate, its details must show the same fingerprint.",
    name: "Name of this device",
    code: "Pairing code",
    pair: "Pair",
    pairing: "Pairing…",
    paired: "Paired as “{name}”. Opening SNApp…",
    noFingerprint: "(no fingerprint in the link: scan the QR code on the desktop again)",
    unreachable: "The SNApp server cannot be reached: {detail}",
    defaultName: "Phone",
  },
  zh: {
    title: "将此设备与 SNApp 配对",
    compare: "请将此证书指纹与桌面端（设置 → 与手机和其他系统共享）显示的指纹核对。如果浏览器对证书发出警告，证书详情中的指纹必须与此相同。",
    name: "设备名称",
    code: "配对码",
    pair: "配对",
    pairing: "正在配对…",
    paired: "已配对为 “{name}”。正在打开 SNApp…",
    noFingerprint: "（链接中没有指纹：请重新扫描桌面端的二维码）",
    unreachable: "无法连接 SNApp 服务器：{detail}",
    defaultName: "手机",
  },
};
const LANG = (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";

function say(key, values = {}) {
  return WORDS[LANG][key].replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

function show(text, kind) {
  const status = document.getElementById("status");
  status.textContent = text;
  status.className = kind || "";
  status.scrollIntoView({ block: "nearest" });
}

async function pair(code, name) {
  const response = await fetch("/api/v1/devices/pair", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": LANG === "zh" ? "zh-CN" : "en" },
    body: JSON.stringify({ code, name }),
  });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.problems && body.problems.length ? body.problems[0].message : body.message);
  }
  return body;
}

function start() {
  document.documentElement.lang = LANG === "zh" ? "zh-CN" : "en";
  document.title = "SNApp — " + say("title");
  for (const element of document.querySelectorAll("[data-t]")) {
    element.textContent = say(element.dataset.t);
  }
  const given = new URLSearchParams(location.hash.slice(1));
  document.getElementById("fingerprint").textContent = given.get("fp") || say("noFingerprint");
  document.getElementById("pairCode").value = given.get("code") || "";
  document.getElementById("deviceName").value = say("defaultName");
  // The code is spent once; it need not stay in the address bar or the history.
  history.replaceState(null, "", location.pathname + (given.get("fp") ? "#fp=" + given.get("fp") : ""));

  const form = document.getElementById("pairForm");
  const button = document.getElementById("pairButton");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = document.getElementById("deviceName").value.trim();
    const code = document.getElementById("pairCode").value.trim();
    button.disabled = true;
    show(say("pairing"));
    try {
      const device = await pair(code, name);
      localStorage.setItem(DEVICE_KEY, device.secret);
      show(say("paired", { name: device.name }), "ok");
      setTimeout(() => location.assign("/floor/"), 800);
    } catch (err) {
      const detail = err instanceof TypeError ? say("unreachable", { detail: err.message }) : err.message;
      show(detail, "error");
      button.disabled = false;
    }
  });
}

start();
