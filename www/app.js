// Reads the paste, asks the worker to check it, draws the findings and marks the cells.
const I18N = {
  zh: {
    title: '预算绩效表格检查', tagline: '目标表、自评表、汇总自评表 —— 边填边查，提交前把问题改在表里',
    privacy: '全部在本机检查，不上传任何数据', language: '语言',
    step1: '① 粘贴表格', step2: '② 检查结果', step3: '③ 表格预览（有问题的单元格已标出）',
    hint: '在 Excel / WPS 中选中整张表（连同表头）复制，粘贴到下面；也可以打开 .tsv / .csv / .txt / .json 文件。改动会立即重新检查，并自动保存在本机。',
    open: '打开文件…', clear: '清空', offline: '下载离线版', placeholder: '在此粘贴表格…',
    footer: 'jixiao · 检查结果仅供填报参考，以财政部门审核为准',
    errors: '错误', warnings: '警告', infos: '提示', noIssues: '✓ 未发现问题',
    waiting: '粘贴表格后，这里会列出发现的问题。', checking: '检查中…', checked: (ms) => `已检查（${ms} 毫秒）`,
    loading: '正在加载检查程序…', saved: '草稿已保存在本机', restored: '已恢复上次的草稿',
    row: (r) => `第 ${r} 行`, col: (c) => `${c} 列`, form: (i) => `表${i}`,
    formLine: (f, i) => f.reference
      ? `表${i}：对照的批复${KIND_ZH[f.kind] || f.kind}「${f.name || '未命名'}」`
      : `表${i}：${KIND_ZH[f.kind] || f.kind}「${f.name || '未命名'}」· ${f.projects} 个项目 · ${f.indicators} 条指标 · 按 ${f.profile} 检查${f.profileReason ? `（${f.profileReason}）` : ''}`,
    sev: { error: '错误', warning: '警告', info: '提示' }, fix: '建议修改为', truncated: (n) => `（仅预览前 ${n} 行）`,
    readFail: '无法读取该文件',
    applyFix: '一键修正', reviewFix: '确认后修改', fixed: '已修改，正在重新检查…',
    confirmFix: (from, to) => `将“${from}”改为“${to}”？\n这一修改会改变数值，请确认。`,
  },
  en: {
    title: 'Budget performance form check', tagline: 'Target, self-evaluation and summary forms — checked as you type',
    privacy: 'Checked on this computer; nothing is uploaded', language: 'Language',
    step1: '① Paste the form', step2: '② Findings', step3: '③ Sheet preview (cells with findings are marked)',
    hint: 'Select the whole table in Excel / WPS (with its header rows), copy and paste it below, or open a .tsv / .csv / .txt / .json file. Every change is re-checked and saved on this computer.',
    open: 'Open file…', clear: 'Clear', offline: 'Download offline copy', placeholder: 'Paste the form here…',
    footer: 'jixiao · findings are guidance for filers; the finance bureau’s review decides',
    errors: 'errors', warnings: 'warnings', infos: 'info', noIssues: '✓ No findings',
    waiting: 'Paste a form and its findings appear here.', checking: 'Checking…', checked: (ms) => `Checked (${ms} ms)`,
    loading: 'Loading the checker…', saved: 'Draft saved on this computer', restored: 'Restored your last draft',
    row: (r) => `row ${r}`, col: (c) => `col ${c}`, form: (i) => `form ${i}`,
    formLine: (f, i) => f.reference
      ? `Form ${i}: approved ${f.kind} “${f.name || 'unnamed'}” (reference)`
      : `Form ${i}: ${f.kind} “${f.name || 'unnamed'}” · ${f.projects} project(s) · ${f.indicators} indicator(s) · profile ${f.profile}${f.profileReason ? ` (${f.profileReason})` : ''}`,
    sev: { error: 'Error', warning: 'Warning', info: 'Info' }, fix: 'Suggested value', truncated: (n) => ` (first ${n} rows shown)`,
    readFail: 'Could not read the file',
    applyFix: 'Fix', reviewFix: 'Review and change', fixed: 'Changed; checking again…',
    confirmFix: (from, to) => `Change “${from}” to “${to}”?\nThis changes a figure; please confirm.`,
  },
};
const KIND_ZH = {
  'target': '绩效目标表', 'self-evaluation': '绩效自评表', 'summary-self-evaluation': '汇总绩效自评表',
  'monitoring': '绩效运行监控表', 'narrative-report': '绩效自评报告',
};
const DRAFT_KEY = 'jixiao.draft.v1';
const MAX_PREVIEW_ROWS = 2000;

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem('jixiao.lang') || 'zh';
let seq = 0;
let latest = 0;
let lastResult = null;
const t = (k) => I18N[lang][k];

function colLetters(n) {
  let s = '';
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

function applyI18n() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  $('lang').value = lang;
}

// The single-file offline page carries its worker inline; the served page loads worker.js.
function makeWorker() {
  const inline = document.getElementById('jixiao-worker');
  if (inline) return new Worker(URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' })));
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}
const worker = makeWorker();
let ready = false;
worker.onmessage = (e) => {
  const msg = e.data;
  if (msg.ready) { ready = true; schedule(0); return; }
  if (msg.id !== latest) return; // a newer text is on its way
  if (msg.error) { $('status').textContent = msg.error; return; }
  lastResult = msg;
  render(msg);
  $('status').textContent = t('checked')(Math.max(1, Math.round(msg.ms)));
  document.body.dataset.checked = String(msg.id);
};

let timer = 0;
function schedule(delay = 120) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!ready) { $('status').textContent = t('loading'); return; }
    const text = $('paste').value;
    latest = ++seq;
    $('status').textContent = t('checking');
    worker.postMessage({ id: latest, text, lang });
  }, delay);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else if (k.startsWith('data-')) node.setAttribute(k, v); else node[k] = v;
  }
  for (const c of children) if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function place(loc) {
  const parts = [];
  if (lastResult && lastResult.report.forms.length > 1) parts.push(t('form')(loc.form + 1));
  if (loc.row) parts.push(t('row')(loc.row));
  if (loc.column) parts.push(t('col')(colLetters(loc.column)));
  return parts.join(' ');
}

let lastGrid = null;

/** Writes one cell back into the paste, quoting cells as Excel does, and re-checks. */
function applyFix(row, col, text) {
  const rows = lastGrid.map((r) => r.slice());
  while (rows.length < row) rows.push([]);
  const r = rows[row - 1];
  while (r.length < col) r.push('');
  r[col - 1] = text;
  const q = (c) => (/[\t\n"]/.test(c) && !(c.startsWith('"') && c.endsWith('"')) ? `"${c.replace(/"/g, '""')}"` : c);
  $('paste').value = rows.map((cells) => cells.map(q).join('\t')).join('\n');
  saveDraft();
  schedule(0);
  $('status').textContent = t('fixed');
}

function render({ report, grid }) {
  lastGrid = grid;
  const empty = !$('paste').value.trim();
  const s = report.summary;
  const summary = $('summary');
  summary.replaceChildren();
  if (empty) {
    summary.append(el('span', { class: 'empty' }, t('waiting')));
  } else if (s.errors + s.warnings + s.infos === 0) {
    summary.append(el('span', { class: 'count ok' }, t('noIssues')));
  } else {
    summary.append(
      el('span', { class: 'count error' }, `✖ ${s.errors} ${t('errors')}`),
      el('span', { class: 'count warning' }, `▲ ${s.warnings} ${t('warnings')}`),
      el('span', { class: 'count info' }, `ℹ ${s.infos} ${t('infos')}`),
    );
  }
  $('forms').replaceChildren(...(empty ? [] : report.forms).map((f, i) => el('li', {}, t('formLine')(f, i + 1))));

  const byCell = new Map();
  const byRow = new Map();
  const items = (empty ? [] : report.diagnostics).map((d, i) => {
    const id = `d-${i}`;
    if (d.location.row && d.location.column) {
      const key = `${d.location.row}:${d.location.column}`;
      if (!byCell.has(key)) byCell.set(key, []);
      byCell.get(key).push({ d, id });
    } else if (d.location.row) {
      byRow.set(d.location.row, (byRow.get(d.location.row) || []).concat([{ d, id }]));
    }
    const head = el('span', { class: 'head' },
      el('span', { class: 'sev' }, t('sev')[d.severity]),
      el('span', { class: 'code' }, d.code),
      el('span', {}, place(d.location)));
    const body = [head, el('p', { class: 'msg' }, d.message), el('p', { class: 'help' }, d.help)];
    const button = el('button', { type: 'button', class: 'jump' }, ...body);
    button.addEventListener('click', () => jumpTo(d.location));
    const li = el('li', { class: `diag ${d.severity}`, id, 'data-code': d.code }, button);
    if (d.fix && d.location.row && d.location.column && d.location.section !== 'text' && lastGrid) {
      const safe = d.fix.applicability === 'safe';
      const apply = el('button', { type: 'button', class: `fix ${safe ? 'safe' : 'unsafe'}` },
        `${safe ? t('applyFix') : t('reviewFix')}：${d.fix.replacement}`);
      apply.addEventListener('click', () => {
        if (!safe && !window.confirm(t('confirmFix')(d.location.cellText ?? '', d.fix.replacement))) return;
        applyFix(d.location.row, d.location.column, d.fix.replacement);
      });
      li.append(el('div', { class: 'fixbar' }, apply));
    }
    return li;
  });
  $('diagnostics').replaceChildren(...items);
  renderGrid(grid, byCell, byRow);
}

const RANK = { error: 0, warning: 1, info: 2 };

function renderGrid(grid, byCell, byRow) {
  const wrap = $('grid');
  const rows = grid.length === 1 && grid[0].length === 1 && grid[0][0] === '' ? [] : grid;
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const table = el('table', { class: 'grid' });
  const head = el('tr', {}, el('th', { class: 'rownum' }, ''));
  for (let c = 1; c <= width; c++) head.append(el('th', { scope: 'col' }, colLetters(c)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const shown = Math.min(rows.length, MAX_PREVIEW_ROWS);
  for (let r = 0; r < shown; r++) {
    const rowNo = r + 1;
    const tr = el('tr', {}, el('th', { class: 'rownum', scope: 'row' }, String(rowNo)));
    const rowMarks = byRow.get(rowNo);
    if (rowMarks) { tr.classList.add('row-marked'); tr.title = rowMarks.map((m) => m.d.message).join('\n'); }
    for (let c = 0; c < width; c++) {
      const text = rows[r][c] ?? '';
      const td = el('td', {}, text);
      td.id = `cell-${rowNo}-${c + 1}`;
      const marks = byCell.get(`${rowNo}:${c + 1}`);
      if (marks) {
        marks.sort((a, b) => RANK[a.d.severity] - RANK[b.d.severity]);
        td.className = `mark-${marks[0].d.severity}`;
        td.tabIndex = 0;
        td.setAttribute('aria-invalid', 'true');
        td.setAttribute('aria-describedby', marks.map((m) => m.id).join(' '));
        td.dataset.tip = JSON.stringify(marks.map((m) => [m.d.code, m.d.message, m.d.help]));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  const note = rows.length > shown ? el('p', { class: 'hint' }, t('truncated')(shown)) : null;
  wrap.replaceChildren(table, ...(note ? [note] : []));
}

function showTip(td) {
  const tip = $('tip');
  if (!td || !td.dataset.tip) { tip.hidden = true; return; }
  const marks = JSON.parse(td.dataset.tip);
  tip.replaceChildren(...marks.flatMap(([code, msg, help]) => [el('b', {}, `${code} ${msg}`), el('span', {}, help)]));
  const r = td.getBoundingClientRect();
  tip.style.left = `${Math.min(r.left, window.innerWidth - 420)}px`;
  tip.style.top = `${r.bottom + 6}px`;
  tip.hidden = false;
}

function jumpTo(loc) {
  if (!loc.row) return;
  const cell = loc.column ? $(`cell-${loc.row}-${loc.column}`) : document.querySelector(`#grid tbody tr:nth-child(${loc.row}) th`);
  if (!cell) return;
  cell.scrollIntoView({ block: 'center', inline: 'center' });
  cell.classList.add('flash');
  setTimeout(() => cell.classList.remove('flash'), 1600);
  if (cell.tabIndex >= 0) cell.focus();
}

function saveDraft() {
  try { localStorage.setItem(DRAFT_KEY, $('paste').value); } catch { /* storage full or disabled: keep working */ }
}

function init() {
  applyI18n();
  // The offline copy has nothing to download from.
  if (document.getElementById('jixiao-worker')) $('offline').remove();
  const draft = localStorage.getItem(DRAFT_KEY);
  if (draft) { $('paste').value = draft; $('status').textContent = t('restored'); }
  $('paste').addEventListener('input', () => { saveDraft(); schedule(); });
  $('clear').addEventListener('click', () => { $('paste').value = ''; saveDraft(); schedule(0); $('paste').focus(); });
  $('lang').addEventListener('change', (e) => { lang = e.target.value; localStorage.setItem('jixiao.lang', lang); applyI18n(); schedule(0); });
  $('file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      const buf = await file.arrayBuffer();
      const bytes = new Uint8Array(buf);
      const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
      let text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
      if (file.name.toLowerCase().endsWith('.csv')) text = csvToTsv(text);
      $('paste').value = text;
      saveDraft();
      schedule(0);
    } catch {
      $('status').textContent = t('readFail');
    }
    e.target.value = '';
  });
  const grid = $('grid');
  grid.addEventListener('mouseover', (e) => showTip(e.target.closest('td')));
  grid.addEventListener('mouseleave', () => showTip(null));
  grid.addEventListener('focusin', (e) => showTip(e.target.closest('td')));
  grid.addEventListener('focusout', () => showTip(null));
  window.addEventListener('scroll', () => showTip(null), { passive: true });
  schedule(0);
}

/** Converts CSV (RFC 4180 quoting) to the tab-separated text the checker reads. */
function csvToTsv(csv) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') { if (ch === '\r' && csv[i + 1] === '\n') i++; row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  const q = (c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join('\t')).join('\n');
}

init();
