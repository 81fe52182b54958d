// jixiao for existing portals: check a form's own inputs as they are typed and mark them in
// place, with no change to the form's markup and no server call.
//
//   import { attach } from './embed.js';
//   const handle = attach(document.querySelector('#zpb'), fieldMap, { profile: 'auto' });
//   ...
//   handle.detach();
//
// The module runs the checker on the page's own thread (portal forms are small); the wasm
// comes inlined (wasm_bytes.js, gzip + base64, inflated in the browser), so nothing is
// fetched: the host page needs only script-src 'self' 'wasm-unsafe-eval'.
import { initSync, Validator } from './pkg/jixiao.js';
import { wasmModuleBytes } from './wasm_bytes.js';

/** Settles once the checker is loaded (the module is inflated and instantiated once). */
export const ready = wasmModuleBytes().then((bytes) => { initSync({ module: bytes }); });

/** A validator for `options` ({ profile, lang }); rejects on an unknown profile. */
export async function createValidator(options = {}) {
  await ready;
  return new Validator({ profile: options.profile ?? 'auto', lang: options.lang ?? 'zh' });
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
const STYLE_ID = 'jixiao-embed-style';
// The marks are classes only, styled by embed.css (link it from the host page) or by the
// host's own stylesheet. With `injectStyle: true` the rules are added as a <style> element
// instead, for hosts whose CSP allows it (pass `styleNonce` if it needs one). A note shows
// under its input while that has focus or the pointer, out of flow (placed absolutely where it
// would stand), so marking a cell never moves a table's rows or columns.
export const CSS = `
.jixiao-error { outline: 2px solid #b42318 !important; background-color: #fdecea !important; }
.jixiao-warning { outline: 2px solid #8a5300 !important; background-color: #fff4e0 !important; }
.jixiao-info { outline: 2px dashed #1d5e8c !important; }
.jixiao-note { display: none; position: absolute; z-index: 10; width: max-content; max-width: 24em; pointer-events: none;
  padding: 2px 6px; background: #fff; border: 1px solid currentColor; box-shadow: 0 1px 4px rgba(0, 0, 0, .2); }
[data-jixiao]:focus + .jixiao-note:not([hidden]), [data-jixiao]:hover + .jixiao-note:not([hidden]) { display: block; }
.jixiao-form-note { display: block; margin: 2px 0; }
.jixiao-note, .jixiao-form-note { font-size: 12px; line-height: 1.4; font-weight: normal; text-align: left; white-space: normal; }
.jixiao-note.error, .jixiao-form-note.error { color: #b42318; }
.jixiao-note.warning, .jixiao-form-note.warning { color: #8a5300; }
.jixiao-note.info, .jixiao-form-note.info { color: #1d5e8c; }
.jixiao-note::before, .jixiao-form-note::before { font-weight: bold; margin-right: .3em; }
.jixiao-note.error::before, .jixiao-form-note.error::before { content: "✖"; }
.jixiao-note.warning::before, .jixiao-form-note.warning::before { content: "▲"; }
.jixiao-note.info::before, .jixiao-form-note.info::before { content: "ℹ"; }`;

function addStyle(doc, nonce) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  doc.head.append(style);
}

const ROLES = ['level1', 'level2', 'level3', 'target', 'nature', 'unit', 'actual', 'weight', 'score', 'deviationReason'];
const FUNDING_ROLES = ['budgetInitial', 'budgetAdjusted', 'executed', 'rate', 'weight', 'score', 'reason'];

function valueOf(node) {
  if (!node) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  return node.textContent || '';
}

/**
 * Reads the mapped inputs into the checker's form model. Every input gets a synthetic
 * (row, column) so findings can be taken back to it.
 */
function readForm(root, map) {
  const at = new Map(); // "row:col" → element
  let row = 0;
  const cell = (node, col) => {
    const r = row;
    at.set(`${r}:${col}`, node);
    return { text: valueOf(node), row: r, col };
  };
  const q = (sel, within = root) => (sel ? within.querySelector(sel) : null);
  const form = { kind: map.kind || 'self-evaluation', title: null, fields: [], projects: [] };
  if (map.moneyUnit) form.money_unit = [map.moneyUnit, { text: map.moneyUnit }];
  const project = { name: null, cells: [], funding: [], indicators: [], headings: [] };
  for (const [key, sel] of Object.entries(map.fields || {})) {
    const node = q(sel);
    if (!node) continue;
    row += 1;
    const value = cell(node, 2);
    form.fields.push({ key, label: { text: key, row, col: 1 }, value });
    if (key === '项目名称') project.name = value;
  }
  for (const f of map.funding || []) {
    row += 1;
    const cells = [];
    FUNDING_ROLES.forEach((role, i) => {
      const node = q(f.cells && f.cells[role]);
      if (node) cells.push([role, cell(node, i + 2)]);
    });
    if (cells.length) project.funding.push({ label: { text: f.label, row, col: 1 }, ...(f.source ? { source: f.source } : {}), cells });
  }
  const ind = map.indicators;
  if (ind && ind.rows) {
    let last1 = null;
    let last2 = null;
    for (const tr of root.querySelectorAll(ind.rows)) {
      row += 1;
      const get = (role) => q(ind.cells && ind.cells[role], tr);
      const entry = { row, level1: null, level2: null, level3: null, cells: [] };
      ROLES.forEach((role, i) => {
        const node = get(role);
        if (!node) return;
        const c = cell(node, i + 1);
        if (role === 'level1') { if (c.text.trim()) last1 = c; entry.level1 = last1; } else if (role === 'level2') { if (c.text.trim()) last2 = c; entry.level2 = last2; } else if (role === 'level3') entry.level3 = c;
        else entry.cells.push([role, c]);
      });
      if (!entry.level1 && last1) entry.level1 = last1;
      if (!entry.level2 && last2) entry.level2 = last2;
      project.indicators.push(entry);
    }
  }
  form.projects.push(project);
  return { form, at };
}

const MARKS = ['jixiao-error', 'jixiao-warning', 'jixiao-info'];
// The host's own attributes a mark overrides: kept in data-jixiao-* on the input (so a row
// cloned with its marks carries them too) and put back when the mark comes off.
const KEPT = ['title', 'aria-invalid'];
const NOTE_ID = 'jixiao-note-';

/** Takes jixiao's mark off one input: its class, aria-invalid, the note's id in
 * aria-describedby, and the title as it was. */
function unmark(node) {
  node.classList.remove(...MARKS);
  for (const name of KEPT) {
    const kept = `data-jixiao-${name}`;
    if (node.hasAttribute(kept)) node.setAttribute(name, node.getAttribute(kept)); else node.removeAttribute(name);
    node.removeAttribute(kept);
  }
  const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && !id.startsWith(NOTE_ID));
  if (ids.length) node.setAttribute('aria-describedby', ids.join(' ')); else node.removeAttribute('aria-describedby');
  if (!node.classList.length) node.removeAttribute('class');
  node.removeAttribute('data-jixiao');
}

/** Takes every jixiao mark and note off under `within`: the last check's, and those a row
 * cloned by the host brought along. */
function clearMarks(within) {
  for (const node of within.querySelectorAll('[data-jixiao]')) unmark(node);
  for (const note of within.querySelectorAll('.jixiao-note, .jixiao-form-note, .jixiao-form-notes')) note.remove();
}

/** Marks `node` with its findings `ds` (worst first): class, aria-invalid, title, and a note
 * after it that aria-describedby points to. */
function mark(node, ds, hidden) {
  const doc = node.ownerDocument;
  const worst = ds[0].severity;
  for (const name of KEPT) if (node.hasAttribute(name)) node.setAttribute(`data-jixiao-${name}`, node.getAttribute(name));
  node.setAttribute('data-jixiao', worst);
  node.classList.add(`jixiao-${worst}`);
  node.setAttribute('aria-invalid', 'true');
  const note = doc.createElement('span');
  note.id = `${NOTE_ID}${++noteSeq}`;
  note.className = `jixiao-note ${worst}`;
  note.setAttribute('role', 'note');
  note.textContent = ds.map((d) => d.message).join('；');
  note.hidden = hidden;
  node.insertAdjacentElement('afterend', note);
  const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  node.setAttribute('aria-describedby', [...ids, note.id].join(' '));
  node.title = ds.map((d) => `${d.message}\n${d.help}`).join('\n\n');
}

/** The input a finding belongs on: its own cell, or for a label the form model made up
 * (column 1 of a header field or funding line) that line's first input. A finding with no
 * cell (a 一级 missing) has none. */
function inputOf(d, at) {
  const { row, column } = d.location;
  if (row == null || column == null) return null;
  return at.get(`${row}:${column}`) || (column === 1 ? at.get(`${row}:2`) : null) || null;
}

/** The `value` property of an element, wherever it is defined (an instance, or a prototype). */
function valueProperty(node) {
  for (let o = node; o; o = Object.getPrototypeOf(o)) {
    const p = Object.getOwnPropertyDescriptor(o, 'value');
    if (p) return p;
  }
  return null;
}

let noteSeq = 0;

/**
 * Watches `root`'s mapped inputs and marks each finding on its input: a class
 * (`jixiao-error|warning|info`), `aria-invalid`, and a note after the input that
 * `aria-describedby` points to. Findings of the whole form (a 一级 missing) go to
 * `options.formSlot`, or to a box added at the top of `root`. Returns
 * `{ check, detach, report, ready }` at once; the first check runs when the checker has
 * loaded (`ready` settles then).
 *
 * It checks again 200 ms (`delay`) after the last input or change event, and at the next
 * frame after rows are added or removed under `root` or a mapped input's value is set by
 * script (`input.value = …`, which fires no event). Every check first takes off all marks
 * under `root`, those a cloned row carries included.
 *
 * fieldMap: {
 *   kind?: 'target' | 'self-evaluation' | 'monitoring',
 *   moneyUnit?: 'yuan' | 'wanyuan' | …,
 *   fields?: { '项目名称': 'input[name=xmmc]', … },
 *   funding?: [{ label: '年度资金总额', cells: { budgetInitial, budgetAdjusted, executed, rate, weight, score, reason } }],
 *   indicators?: { rows: 'tbody tr', cells: { level1, level2, level3, target, nature, unit, actual, weight, score, deviationReason } },
 * }  — every value a CSS selector (indicator cells relative to their row).
 * options: { profile, lang, delay (ms, default 200), onReport(report), notes (default true),
 *            formSlot (element or selector), injectStyle (default false: link embed.css
 *            instead), styleNonce, validator }
 */
export function attach(root, fieldMap, options = {}) {
  if (!root || !root.querySelector) throw new TypeError('attach(root, fieldMap): root must be an element');
  let validator = options.validator || null;
  const doc = root.ownerDocument;
  if (options.injectStyle) addStyle(doc, options.styleNonce);
  const handle = { report: null, check, detach, ready: null };
  const watched = new Map(); // input → its own `value` property before it was watched (or undefined)
  const observer = new MutationObserver(schedule);
  let timer = 0;
  let frame = 0;
  let attached = true;

  /** The host's slot for findings of the whole form, if it names one. */
  function namedSlot() {
    const slot = options.formSlot;
    return typeof slot === 'string' ? doc.querySelector(slot) : slot || null;
  }

  function clear() {
    clearMarks(root);
    const slot = namedSlot();
    if (slot) clearMarks(slot);
  }

  /** A value set by script fires no event: the input gets a `value` property of its own that
   * sets the value as before, then schedules a check if it changed. Taken off when the input
   * leaves the form and on detach. */
  function watch(node) {
    if (watched.has(node)) return;
    const p = valueProperty(node);
    if (!p || !p.set || !p.configurable) return;
    const own = Object.getOwnPropertyDescriptor(node, 'value');
    Object.defineProperty(node, 'value', {
      configurable: true,
      enumerable: p.enumerable,
      get() { return p.get.call(this); },
      set(v) {
        const before = p.get.call(this);
        p.set.call(this, v);
        if (p.get.call(this) !== before) schedule();
      },
    });
    watched.set(node, own);
  }

  function unwatch(node) {
    const own = watched.get(node);
    if (own) Object.defineProperty(node, 'value', own); else delete node.value;
    watched.delete(node);
  }

  function check() {
    if (!validator) return null; // still loading: the first check runs once it is ready
    clear();
    const { form, at } = readForm(root, fieldMap);
    const inputs = new Set(at.values());
    for (const node of watched.keys()) if (!inputs.has(node)) unwatch(node);
    for (const node of inputs) watch(node);
    const report = validator.check(form);
    const byNode = new Map();
    const formLevel = [];
    for (const d of report.diagnostics) {
      const node = inputOf(d, at);
      if (!node) { formLevel.push(d); continue; }
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node).push(d);
    }
    for (const [node, ds] of byNode) {
      ds.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      mark(node, ds, options.notes === false);
    }
    if (formLevel.length) {
      let slot = namedSlot();
      if (!slot) {
        slot = doc.createElement('div');
        slot.className = 'jixiao-form-notes';
        root.prepend(slot);
      }
      for (const d of formLevel) {
        const note = doc.createElement('div');
        note.className = `jixiao-form-note ${d.severity}`;
        note.setAttribute('role', 'note');
        note.textContent = d.message;
        note.title = d.help;
        slot.append(note);
      }
    }
    handle.report = report;
    if (options.onReport) options.onReport(report);
    // The marks and notes just placed, and what onReport wrote, are no change to the form.
    observer.takeRecords();
    return report;
  }

  function onInput() {
    clearTimeout(timer);
    timer = setTimeout(check, options.delay ?? 200);
  }

  /** Checks at the next frame: rows added or removed, values set by script. */
  function schedule() {
    if (attached && !frame) frame = requestAnimationFrame(() => { frame = 0; check(); });
  }

  function detach() {
    attached = false;
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    frame = 0;
    observer.disconnect();
    root.removeEventListener('input', onInput);
    root.removeEventListener('change', onInput);
    for (const node of [...watched.keys()]) unwatch(node);
    clear();
    handle.report = null;
  }

  root.addEventListener('input', onInput);
  root.addEventListener('change', onInput);
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  handle.ready = (validator ? Promise.resolve(validator) : createValidator(options)).then((v) => {
    validator = v;
    if (attached) check();
    return handle;
  });
  return handle;
}

/**
 * <jixiao-check for="form-id" profile="auto" lang="zh" map='{"fields": …}'>: attaches to
 * the form with that id, and shows a one-line count of the findings inside itself.
 */
export class JixiaoCheck extends HTMLElement {
  static get observedAttributes() { return ['for', 'map', 'profile', 'lang']; }

  connectedCallback() { this.start(); }

  disconnectedCallback() { this.stop(); }

  attributeChangedCallback() { if (this.isConnected) { this.stop(); this.start(); } }

  start() {
    const form = this.ownerDocument.getElementById(this.getAttribute('for') || '');
    if (!form) { this.textContent = ''; return; }
    let map;
    try { map = JSON.parse(this.getAttribute('map') || '{}'); } catch (e) { this.textContent = `jixiao: map 不是 JSON（${e.message}）`; return; }
    const lang = this.getAttribute('lang') || 'zh';
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
    this.handle = attach(form, map, {
      profile: this.getAttribute('profile') || 'auto',
      lang,
      onReport: (r) => {
        const s = r.summary;
        this.textContent = lang === 'en'
          ? `jixiao: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`
          : `jixiao 检查：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示`;
        this.dispatchEvent(new CustomEvent('jixiao-report', { detail: r, bubbles: true }));
      },
    });
  }

  stop() { if (this.handle) { this.handle.detach(); this.handle = null; } }
}

/** Registers <jixiao-check> (once). */
export function defineElement(name = 'jixiao-check') {
  if (!customElements.get(name)) customElements.define(name, class extends JixiaoCheck {});
}
