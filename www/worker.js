// Owns the wasm instance. Checks only the newest text (a check superseded while queued is
// dropped); loads, workbooks, templates and block pastes are answered in order.
import { initSync, Validator } from './pkg/jixiao.js';
import { wasmModuleBytes } from './wasm_bytes.js';

const started = performance.now();
let exports = null;
const loaded = wasmModuleBytes().then((bytes) => { exports = initSync({ module: bytes }); });
// For `make bench`: the module's linear memory, and the worker's JS heap where Chromium tells.
self.jixiaoMemory = () => ({
  wasmBytes: exports ? exports.memory.buffer.byteLength : 0,
  jsHeapBytes: (performance.memory && performance.memory.usedJSHeapSize) || null,
});
const validators = new Map();
function validator(profile, lang) {
  const key = `${profile}|${lang}`;
  if (!validators.has(key)) validators.set(key, new Validator({ profile, lang }));
  return validators.get(key);
}

const queue = [];
let scheduled = false;
let listed = false; // the profile list sent, after the first findings

function answer(job) {
  if (job.type === 'profiles') return { profiles: Validator.profiles() };
  const v = validator(job.profile || 'auto', job.lang || 'zh');
  switch (job.type) {
    case 'check':
      return { json: v.checkJson(job.text) };
    case 'load': {
      // A whole form: its cells as the checker splits them, and the findings.
      return { grid: v.grid(job.text), json: v.checkJson(job.text) };
    }
    case 'workbook': {
      // Every sheet (or a document's text and tables); those that hold a form, or the
      // first when none does, so that "no form recognised" is said once.
      const sheets = readSheets(new Uint8Array(job.bytes));
      const forms = sheets.filter((s) => v.holdsForm(s.text));
      return { sheets: forms.length ? forms : sheets.slice(0, 1) };
    }
    case 'template':
      return { grid: v.template(job.kind) };
    case 'cells':
      return { grid: v.grid(job.text) };
    default:
      throw new Error(`unknown request ${job.type}`);
  }
}

// The workbook reader is a module of its own, instantiated on the first workbook: the
// checker's module, compiled on every page load, stays without it. Its no-modules glue rides
// in the page's worker script, ahead of this one; its gzip+base64 bytes, at the end of the
// page, come in a message with the first workbook (www/build.mjs, app.js sendWorkbookReader).
let readSheets = null;
let workbookLoading = null;
function loadWorkbookReader() {
  workbookLoading ??= (async () => {
    /* global jixiao_workbook, workbookModuleBytes */
    if (typeof jixiao_workbook === 'undefined') throw new Error('the page carries no workbook reader');
    jixiao_workbook.initSync({ module: await workbookModuleBytes() });
    return jixiao_workbook.readSheets;
  })().then(
    (read) => { readSheets = read; },
    (e) => { readSheets = () => { throw new Error(`the workbook reader did not load: ${(e && e.message) || e}`); }; },
  );
  return workbookLoading;
}

function run() {
  scheduled = false;
  while (queue.length) {
    // A workbook waits for its reader, and what came after it waits behind it.
    if (queue[0].type === 'workbook' && !readSheets) {
      loadWorkbookReader().then(run);
      return;
    }
    const job = queue.shift();
    // A newer check makes this one stale.
    if (job.type === 'check' && queue.some((j) => j.type === 'check')) continue;
    const t0 = performance.now();
    try {
      const out = answer(job);
      const t1 = performance.now();
      // Start and end on the shared clock (time origin + now), for the page's breakdown.
      postMessage({ id: job.id, type: job.type, ...out, ms: t1 - t0, start: performance.timeOrigin + t0, end: performance.timeOrigin + t1 });
    } catch (e) {
      postMessage({ id: job.id, type: job.type, error: String((e && e.message) || e) });
    }
    // The profile list (every built-in read) goes behind the first findings, which need
    // only the profiles they use.
    if (!listed && (job.type === 'check' || job.type === 'load')) { listed = true; queue.push({ type: 'profiles' }); }
  }
}

// Runs the queue in a task of its own (a message to ourselves: no timer clamping), so
// requests that arrive together are seen together and stale checks are dropped. While the
// module loads, whatever arrives is queued by the time it is in, and the queue runs at once:
// a task queued behind the module's loading had held the first check back 8 ms.
const wake = new MessageChannel();
wake.port1.onmessage = run;
onmessage = (event) => {
  queue.push(event.data);
  if (!scheduled) {
    scheduled = true;
    if (exports) wake.port2.postMessage(0);
    else loaded.then(run);
  }
};
loaded.then(
  () => postMessage({ ready: true, startupMs: performance.now() - started }),
  (e) => postMessage({ fatal: String((e && e.message) || e) }),
);

// The page's first request may come in the worker's name (boot.js): one posted at once
// would reach us only when the page's main thread, busy laying the page out, hands it on.
const first = (() => {
  try {
    const job = JSON.parse(self.name || 'null');
    return job && typeof job === 'object' && typeof job.type === 'string' ? job : null;
  } catch {
    return null;
  }
})();
if (first) onmessage({ data: first });
