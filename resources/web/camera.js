// The phone's camera as a scanner: the browser's own BarcodeDetector where it has one, else ZXing-C++ compiled
// to WebAssembly (vendor/zxing-wasm, shipped with SNApp, loaded only then). Continuous: each code read goes
// down the same path as a wedge scan; a code still in view, or seen again within REPEAT_MS, is not read twice.

const NATIVE = ["code_128", "qr_code", "data_matrix", "ean_13", "ean_8"];
const ZXING = ["Code128", "QRCode", "DataMatrix", "EAN13", "EAN8"];
const EVERY_MS = 150;
const REPEAT_MS = 2500;

let running = null; // {stream, video, timer, seen: Map(text -> last seen), read}
let zxing = null;
const canvas = document.createElement("canvas");

function loadZxing() {
  zxing ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "vendor/zxing-wasm/reader.js";
    script.onload = () => {
      const wasm = new URL("vendor/zxing-wasm/zxing_reader.wasm", document.baseURI).href;
      window.ZXingWASM.prepareZXingModule({ overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasm : prefix + path) } });
      resolve(window.ZXingWASM);
    };
    script.onerror = () => reject(new Error("the barcode decoder did not load"));
    document.head.append(script);
  });
  return zxing;
}

async function reader() {
  if ("BarcodeDetector" in window) {
    const supported = await window.BarcodeDetector.getSupportedFormats();
    const formats = NATIVE.filter((format) => supported.includes(format));
    if (formats.length) {
      const detector = new window.BarcodeDetector({ formats });
      return async (video) => (await detector.detect(video)).map((code) => code.rawValue);
    }
  }
  const library = await loadZxing();
  return async (video) => {
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    const found = await library.readBarcodes(frame, { formats: ZXING, tryHarder: true, maxNumberOfSymbols: 4 });
    return found.filter((code) => code.isValid).map((code) => code.text); // GS1 as "(01)…(21)…", as printed
  };
}

export const cameraOn = () => running !== null;

/** Show the camera in ``video`` and call ``onCode(text)`` for each new code it reads. */
export async function startCamera(video, onCode) {
  stopCamera();
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  const read = await reader();
  const seen = new Map();
  const state = { stream, video, timer: null };
  running = state;
  const look = async () => {
    if (running !== state) return;
    try {
      const now = performance.now();
      for (const text of video.readyState >= 2 ? await read(video) : []) {
        const last = seen.get(text);
        seen.set(text, now);
        if (last === undefined || now - last > REPEAT_MS) onCode(text);
      }
    } catch {
      // a frame that could not be read: the next one will be
    }
    state.timer = setTimeout(look, EVERY_MS);
  };
  look();
}

export function stopCamera() {
  if (!running) return;
  clearTimeout(running.timer);
  running.stream.getTracks().forEach((track) => track.stop());
  running.video.srcObject = null;
  running.video.hidden = true;
  running = null;
}
