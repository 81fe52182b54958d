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
// instead, for hosts whose CSP allows it (pass `styleNonce` if it needs one).
export const CSS = `
.jixiao-error { outline: 2px solid #b42318 !important; background-color: #fdecea !important; }
.jixiao-warning { outline: 2px solid #8a5300 !important; background-color: #fff4e0 !important; }
.jixiao-info { outline: 2px dashed #1d5e8c !important; }
.jixiao-note { display: block; font-size: 12px; line-height: 1.4; margin: 2px 0 4px; }
.jixiao-note.error { color: #b42318; } .jixiao-note.warning { color: #8a5300; } .jixiao-note.info { color: #1d5e8c; }
.jixiao-note::before { font-weight: bold; margin-right: .3em; }
.jixiao-note.error::before { content: "✖"; } .jixiao-note.warning::before { content: "▲"; } .jixiao-note.info::before { content: "ℹ"; }`;

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

/** Takes every mark off: classes, aria attributes and notes; titles as they were. */
function clearMarks(marked) {
  for (const [node, { note, title }] of marked) {
    node.classList.remove('jixiao-error', 'jixiao-warning', 'jixiao-info');
    node.removeAttribute('aria-invalid');
    const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== note.id);
    if (ids.length) node.setAttribute('aria-describedby', ids.join(' ')); else node.removeAttribute('aria-describedby');
    if (title == null) node.removeAttribute('title'); else node.setAttribute('title', title);
    note.remove();
  }
  marked.clear();
}

let noteSeq = 0;

/**
 * Watches `root`'s mapped inputs as they are typed and marks each finding on its input:
 * a class (`jixiao-error|warning|info`), `aria-invalid`, and a note after the input that
 * `aria-describedby` points to. Returns `{ check, detach, report, ready }` at once; the
 * first check runs when the checker has loaded (`ready` settles then).
 *
 * fieldMap: {
 *   kind?: 'target' | 'self-evaluation' | 'monitoring',
 *   moneyUnit?: 'yuan' | 'wanyuan' | …,
 *   fields?: { '项目名称': 'input[name=xmmc]', … },
 *   funding?: [{ label: '年度资金总额', cells: { budgetInitial, budgetAdjusted, executed, rate, weight, score, reason } }],
 *   indicators?: { rows: 'tbody tr', cells: { level1, level2, level3, target, nature, unit, actual, weight, score, deviationReason } },
 * }  — every value a CSS selector (indicator cells relative to their row).
 * options: { profile, lang, delay (ms, default 200), onReport(report), notes (default true),
 *            injectStyle (default false: link embed.css instead), styleNonce, validator }
 */
export function attach(root, fieldMap, options = {}) {
  if (!root || !root.querySelector) throw new TypeError('attach(root, fieldMap): root must be an element');
  let validator = options.validator || null;
  const doc = root.ownerDocument;
  if (options.injectStyle) addStyle(doc, options.styleNonce);
  const marked = new Map();
  const handle = { report: null, check, detach, ready: null };
  let timer = 0;
  let attached = true;

  function check() {
    if (!validator) return null; // still loading: the first check runs once it is ready
    const { form, at } = readForm(root, fieldMap);
    const report = validator.check(form);
    clearMarks(marked);
    const byNode = new Map();
    for (const d of report.diagnostics) {
      const l = d.location;
      const node = at.get(`${l.row}:${l.column}`) || (l.row ? at.get(`${l.row}:2`) : null);
      if (!node) continue;
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node).push(d);
    }
    for (const [node, ds] of byNode) {
      ds.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      const worst = ds[0].severity;
      node.classList.add(`jixiao-${worst}`);
      node.setAttribute('aria-invalid', 'true');
      const note = doc.createElement('span');
      note.id = `jixiao-note-${++noteSeq}`;
      note.className = `jixiao-note ${worst}`;
      note.setAttribute('role', 'note');
      note.textContent = ds.map((d) => d.message).join('；');
      if (options.notes === false) note.hidden = true;
      node.insertAdjacentElement('afterend', note);
      const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      node.setAttribute('aria-describedby', [...ids, note.id].join(' '));
      marked.set(node, { note, title: node.getAttribute('title') });
      node.title = ds.map((d) => `${d.message}\n${d.help}`).join('\n\n');
    }
    handle.report = report;
    if (options.onReport) options.onReport(report);
    return report;
  }

  function onInput() {
    clearTimeout(timer);
    timer = setTimeout(check, options.delay ?? 200);
  }

  function detach() {
    attached = false;
    clearTimeout(timer);
    root.removeEventListener('input', onInput);
    root.removeEventListener('change', onInput);
    clearMarks(marked);
    handle.report = null;
  }

  root.addEventListener('input', onInput);
  root.addEventListener('change', onInput);
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
