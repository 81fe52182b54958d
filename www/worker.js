// Owns the wasm instance; checks the newest text only (stale requests are dropped).
import { initSync, Validator } from './pkg/jixiao.js';
import { WASM_BASE64 } from './wasm_bytes.js';

function decode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

initSync({ module: decode(WASM_BASE64) });
const validators = new Map();
function validator(lang) {
  if (!validators.has(lang)) validators.set(lang, new Validator({ lang }));
  return validators.get(lang);
}

let pending = null;
let scheduled = false;

function run() {
  scheduled = false;
  const job = pending;
  pending = null;
  if (!job) return;
  try {
    const v = validator(job.lang);
    const started = performance.now();
    const report = v.check(job.text);
    const grid = v.grid(job.text);
    postMessage({ id: job.id, report, grid, ms: performance.now() - started });
  } catch (e) {
    postMessage({ id: job.id, error: String(e && e.message || e) });
  }
}

onmessage = (event) => {
  pending = event.data;
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
postMessage({ ready: true });
