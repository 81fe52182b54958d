// The page: an editable sheet (the form as rows of cells), checked in a worker as it is
// typed; findings marked in place and listed by family, with fixes and the working shown.
const I18N = {
  zh: {
    title: '预算绩效表格检查', tagline: '目标表、自评表、汇总自评表 —— 边填边查，提交前把问题改在表里',
    privacy: '全部在本机检查，不上传任何数据', language: '语言', profile: '配置', skip: '跳到表格',
    toolbar: '表格操作', rowOps: '行操作',
    newTarget: '新建目标表', newSelf: '新建自评表', open: '打开文件…', showText: '粘贴整表 / 文本',
    rowInsert: '插入行', rowDelete: '删除行', rowUp: '上移', rowDown: '下移', undo: '撤销',
    print: '打印报告', offline: '下载离线版', clear: '清空',
    sheetTitle: '表格（单击选中，直接输入或按 Enter 编辑；Alt+Enter 换行）',
    hint: '在 Excel / WPS 中选中整张表（连同表头）复制，粘贴到下面或直接粘贴到表格；也可以打开 .xlsx / .tsv / .csv / .json 文件。',
    placeholder: '在此粘贴表格…',
    emptyLead: '还没有表格。', emptyHow: '在 Excel/WPS 中复制整张表后在本页任意处按 Ctrl+V 粘贴，或新建一张空表逐格填写。',
    emptySaved: '这是保存在本机的页面，断网也能检查。在线页面里的草稿不会自动带到这里：在在线页面点“导出表格 CSV”，再在这里点“打开文件…”打开它。',
    noWorkbookReader: '这个保存下来的页面不带读取工作簿的程序，打不开 .xlsx / .xls / .ods / .docx。请在 Excel/WPS 中复制整张表粘贴到这里；或在线打开本页，点“下载离线版”，那个文件能打开工作簿。',
    findingsTitle: '检查结果', footer: 'jixiao · 检查结果仅供填报参考，以财政部门审核为准',
    wCell: '单元格', wRole: '项目', wValue: '内容', close: '关闭',
    errors: '错误', warnings: '警告', infos: '提示', noIssues: '✓ 未发现问题', family: '类别',
    families: { S: '结构与完整性', V: '指标值写法', B: '金额计算', R: '执行率', E: '自评评分', X: '与目标表对照' },
    waiting: '粘贴或填写表格后，这里会列出发现的问题。', checking: '检查中…', checked: (ms) => `已检查（${ms} 毫秒）`,
    loading: '正在加载检查程序…', restored: '已恢复上次的草稿', saved: '草稿已保存在本机', savedAt: (hm) => `草稿 ${hm} 已保存在本机`,
    row: (r) => `第 ${r} 行`, col: (c) => `${c} 列`, form: (i) => `表${i}`, char: (c) => `第 ${c} 字`,
    formLine: (f, i) => f.reference
      ? `表${i}：对照的批复${KIND_ZH[f.kind] || f.kind}「${f.name || '未命名'}」`
      : `表${i}：${KIND_ZH[f.kind] || f.kind}「${f.name || '未命名'}」· ${f.projects} 个项目 · ${f.indicators} 条指标 · 按 ${profileLabel(f.profile)} 检查${f.profileReason ? `（${f.profileReason}）` : ''}`,
    sev: { error: '错误', warning: '警告', info: '提示' }, more: (n) => `+${n} 处同类`, fewer: '收起',
    applyFix: '一键修正', reviewFix: '确认后修改', working: '计算过程', workingTitle: '计算过程', jump: '定位到单元格',
    fixed: '已修改，正在重新检查…', thisCell: '本单元格',
    confirmFix: (from, to) => `将“${from}”改为“${to}”？\n这一修改会改变填写的内容，请确认。`,
    draftElsewhere: '另一个标签页保存了更新的草稿；本页的修改不会自动覆盖它',
    waitingCells: (n) => `还有 ${n} 处未填的单元格，离开所在行后再提示。`, showWaiting: '现在全部显示',
    insertCellFix: (col, row) => `在 ${col}${row} 插入空单元格（右移）`,
    knockOn: (n) => `由此引起的 ${n} 项（改正这一格后随之消失）：`,
    confirmInsertCell: (col, row) => `在第 ${row} 行 ${col} 列插入一个空单元格，这一行其后的单元格右移一列？\n可用“撤销”恢复。`,
    cellInsert: '插入单元格', cellDelete: '删除单元格',
    draftNotSaved: '保留了另一个标签页的草稿；本页的修改不再保存为草稿（可导出 CSV 保存）',
    overwriteConfirm: '另一个标签页保存了更新的草稿。用本页的表格覆盖它吗？（选“取消”则不保存本页的修改）',
    replaceConfirm: '用粘贴的表格替换当前表格？（可用“撤销”恢复）', clearConfirm: '清空整张表格？（可用“撤销”恢复）',
    readFail: (m) => `无法读取该文件：${m}`, sheetPick: '工作表',
    sheetOption: (name, i, n) => `工作表 ${i}/${n}：${name}`, sheetsFound: (n) => `文件中有 ${n} 张表格，正在显示第 1 张；可在“工作表”中切换`, undone: '已撤销', nothingToUndo: '没有可撤销的操作', redone: '已重做', nothingToRedo: '没有可重做的操作', redo: '重做',
    printedAt: (d) => `打印时间：${d} · 由 jixiao 在本机检查`,
    editCell: (ref) => `编辑单元格 ${ref}`, sheetLabel: '表格',
    moreRows: (n) => `还有 ${n} 行未显示 —— 滚动到此或点击继续显示（检查已包括全部行）`,
    tooLarge: (m) => `无法载入：${m}`,
    exportSheet: '导出表格 CSV', exportFindings: '导出检查结果 CSV',
  },
  en: {
    title: 'Budget performance form check', tagline: 'Target, self-evaluation and summary forms — checked as you type',
    privacy: 'Checked on this computer; nothing is uploaded', language: 'Language', profile: 'Profile', skip: 'Skip to the sheet',
    toolbar: 'Sheet actions', rowOps: 'Row actions',
    newTarget: 'New target form', newSelf: 'New self-evaluation', open: 'Open file…', showText: 'Paste / text',
    rowInsert: 'Insert row', rowDelete: 'Delete row', rowUp: 'Move up', rowDown: 'Move down', undo: 'Undo',
    print: 'Print report', offline: 'Download offline copy', clear: 'Clear',
    sheetTitle: 'Sheet (click a cell, type or press Enter to edit; Alt+Enter for a new line)',
    hint: 'Select the whole table in Excel / WPS (with its header rows), copy and paste it below or straight onto the sheet, or open an .xlsx / .tsv / .csv / .json file.',
    placeholder: 'Paste the form here…',
    emptyLead: 'No form yet.', emptyHow: 'Copy the whole table in Excel/WPS and press Ctrl+V anywhere on this page, or start a blank form and fill it in.',
    emptySaved: 'This page is saved on this computer and checks offline. Drafts from the online page do not come with it: click “Export sheet CSV” there, then “Open file…” here.',
    noWorkbookReader: 'This saved page has no workbook reader and cannot open .xlsx / .xls / .ods / .docx. Copy the whole table in Excel/WPS and paste it here, or open the page online and use “Download offline copy”, which opens workbooks.',
    findingsTitle: 'Findings', footer: 'jixiao · findings are guidance for filers; the finance bureau’s review decides',
    wCell: 'Cell', wRole: 'Item', wValue: 'Content', close: 'Close',
    errors: 'errors', warnings: 'warnings', infos: 'info', noIssues: '✓ No findings', family: 'Family',
    families: { S: 'Structure', V: 'Target values', B: 'Amounts', R: 'Execution rate', E: 'Scoring', X: 'Vs approved form' },
    waiting: 'Paste or fill in a form and its findings appear here.', checking: 'Checking…', checked: (ms) => `Checked (${ms} ms)`,
    loading: 'Loading the checker…', restored: 'Restored your last draft', saved: 'Draft saved on this computer', savedAt: (hm) => `Draft saved on this computer at ${hm}`,
    row: (r) => `row ${r}`, col: (c) => `col ${c}`, form: (i) => `form ${i}`, char: (c) => `char ${c}`,
    formLine: (f, i) => f.reference
      ? `Form ${i}: approved ${KIND_EN[f.kind] || f.kind} “${f.name || 'unnamed'}” (reference)`
      : `Form ${i}: ${KIND_EN[f.kind] || f.kind} “${f.name || 'unnamed'}” · ${f.projects} project(s) · ${f.indicators} indicator(s) · profile ${profileLabel(f.profile)}${f.profileReason ? ` (${f.profileReason})` : ''}`,
    sev: { error: 'Error', warning: 'Warning', info: 'Info' }, more: (n) => `+${n} more like this`, fewer: 'Show fewer',
    applyFix: 'Fix', reviewFix: 'Review and change', working: 'Show the working', workingTitle: 'The working', jump: 'Go to cell',
    fixed: 'Changed; checking again…', thisCell: 'this cell',
    confirmFix: (from, to) => `Change “${from}” to “${to}”?\nThis changes what was filled in; please confirm.`,
    draftElsewhere: 'Another tab saved a newer draft; this tab’s changes won’t overwrite it without asking',
    waitingCells: (n) => `${n} cells not filled in yet are shown once you leave their row.`, showWaiting: 'Show them all now',
    insertCellFix: (col, row) => `Insert an empty cell at ${col}${row} (shift right)`,
    knockOn: (n) => `${n} more that follow from this cell (they go once it is corrected):`,
    confirmInsertCell: (col, row) => `Insert an empty cell at row ${row}, column ${col}, moving the rest of the row one column right?\nUndo brings it back.`,
    cellInsert: 'Insert cell', cellDelete: 'Delete cell',
    draftNotSaved: 'The other tab’s draft was kept; this tab’s changes are no longer saved as the draft (export a CSV to keep them)',
    overwriteConfirm: 'Another tab saved a newer draft. Overwrite it with this tab’s sheet? (Cancel keeps theirs and does not save this tab’s changes)',
    replaceConfirm: 'Replace the current sheet with the pasted form? (Undo brings it back)', clearConfirm: 'Clear the whole sheet? (Undo brings it back)',
    readFail: (m) => `Could not read the file: ${m}`, sheetPick: 'Sheet',
    sheetOption: (name, i, n) => `Sheet ${i}/${n}: ${name}`, sheetsFound: (n) => `The file holds ${n} forms; showing the first. Switch with the sheet list`, undone: 'Undone', nothingToUndo: 'Nothing to undo', redone: 'Redone', nothingToRedo: 'Nothing to redo', redo: 'Redo',
    printedAt: (d) => `Printed ${d} · checked on this computer by jixiao`,
    editCell: (ref) => `Edit cell ${ref}`, sheetLabel: 'Sheet',
    moreRows: (n) => `${n} more rows not shown yet — scroll here or click to show them (the check covers every row)`,
    tooLarge: (m) => `Could not load: ${m}`,
    exportSheet: 'Export sheet CSV', exportFindings: 'Export findings CSV',
  },
};
const KIND_ZH = {
  'target': '绩效目标表', 'self-evaluation': '绩效自评表', 'summary-self-evaluation': '汇总绩效自评表',
  'monitoring': '绩效运行监控表', 'narrative-report': '绩效自评报告',
};
const KIND_EN = {
  'target': 'target form', 'self-evaluation': 'self-evaluation form', 'summary-self-evaluation': 'summary self-evaluation table',
  'monitoring': 'monitoring form', 'narrative-report': 'self-evaluation report',
}; // as FormKind::name_en says them
// A profile by the head of its description (四川 2023 部门预算项目支出绩效自评表…), not its slug.
const profileLabels = new Map();
const profileLabel = (name) => profileLabels.get(name) || name;
const RANK = { error: 0, warning: 1, info: 2 };
const ICON = { error: '✖', warning: '▲', info: 'ℹ' };
const DRAFT_KEY = 'jixiao.draft.v2';
// Changed by every save, whichever store holds the draft, so other tabs hear of it (storage events).
const DRAFT_STAMP_KEY = `${DRAFT_KEY}.at`;
const PRINT_WIDTH = 1040; // CSS pixels between A4 landscape's 10 mm margins (1,047), less a little
const PRINT_COL_MAX = 7; // em: on paper a long cell wraps in a narrower column, so less is scaled down
let printing = false;
const MIN_COLS = 8;
const MIN_ROWS = 20;
const LONG_CELL = 40; // characters beyond which a cell shows its first lines only
const HUGE_CELL = 2000; // characters of a cell put in the page at most (the editor has them all)
const ROW_CHUNK = 3000; // rows put in the page at a time
/** Rows per block the browser may skip laying out and painting while off screen
 * (`content-visibility`, style.css). Per row, the browser tested every row against the view
 * in every frame: 16 ms a keystroke with 3,000 rows in the page, traced. */
const BLOCK_ROWS = 32;
const WIDTH_SAMPLE_ROWS = 5000; // rows that size the columns

const $ = (id) => document.getElementById(id);
// boot.js reads these two keys and DRAFT_KEY too, for the first check it asks for.
let lang = localStorage.getItem('jixiao.lang') || 'zh';
let profile = localStorage.getItem('jixiao.profile') || 'auto';
const t = (k) => I18N[lang][k];

// ---- state ----
/** The sheet: rows of cell texts. Row r, column c here is sheet row r+1, column c+1. */
let rows = [];
let report = null;
let active = { r: 0, c: 0 };
let editing = null; // { r, c, before, typed }: typed when begun by typing over the cell
// The column a run of Tabs began in: Enter after them goes to the next row's cell there, as in Excel.
let tabFrom = null;
const undoStack = [];
const redoStack = [];

function colLetters(n) {
  let s = '';
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}
const ref = (r, c) => `${colLetters(c + 1)}${r + 1}`;

/** The sheet as the tab-separated text Excel would copy (cells with tabs, breaks or a leading quote quoted). */
// Each row's line, kept until the row changes (setText forgets it): a keystroke in a long
// form joins the lines again instead of quoting every cell again. Rows change only there.
const lines = new WeakMap();
function lineOf(cells) {
  let line = lines.get(cells);
  if (line === undefined) {
    line = cells.map((c) => (/[\t\n\r]/.test(c) || c.startsWith('"') ? `"${c.replace(/"/g, '""')}"` : c)).join('\t');
    lines.set(cells, line);
  }
  return line;
}
function toText(grid) {
  return grid.map(lineOf).join('\n');
}
const sheetEmpty = () => rows.every((r) => r.every((c) => c === ''));

// ---- the worker ----
/** The worker boot.js made in <head>, with its first request and the answers already in. */
const boot = window.jixiaoBoot || null;
function makeWorker() {
  // The page carries its worker, with the checker's bytes, inline (www/build.mjs), served or
  // saved alike; boot.js failed to make it, so it is made again here, to show what fails.
  return new Worker(URL.createObjectURL(new Blob([$('jixiao-worker').textContent], { type: 'text/javascript' })));
}
/** Hands the worker the workbook reader's bytes, once, before the first workbook: from the
 * end of the page in the offline file (jixiao.html); from workbook-bytes.js beside the served
 * page, loaded by the worker. A copy saved from the served page has neither: false. */
let workbookReaderSent = false;
function sendWorkbookReader() {
  if (workbookReaderSent) return true;
  const inline = document.getElementById('jixiao-workbook');
  if (inline) worker.postMessage({ type: 'workbook-bytes', text: inline.textContent });
  else if (/^https?:$/.test(location.protocol)) worker.postMessage({ type: 'workbook-bytes', url: new URL('workbook-bytes.js', location.href).href });
  else return false;
  workbookReaderSent = true;
  return true;
}
const workerMadeAt = boot ? boot.madeAt : performance.now(); // cold start is counted from here (bench)
let firstFindingsAt = 0; // when the worker had the first findings (time origin + now)
const worker = boot ? boot.worker : makeWorker();
let ready = false;
let seq = boot && boot.first ? boot.first.id : 0;
let latestCheck = 0;
const waiting = new Map();
worker.onmessage = onWorkerMessage;
function onWorkerMessage(e) {
  const msg = e.data;
  if (msg.fatal) { $('status').textContent = msg.fatal; return; }
  if (msg.ready) {
    performance.mark('jixiao-worker-ready', { startTime: e.timeStamp }); // when it came, though boot.js held it
    ready = true;
    document.body.dataset.startupMs = String(Math.round(msg.startupMs));
    return;
  }
  if (msg.profiles) { fillProfiles(msg.profiles); return; }
  const arrived = performance.timeOrigin + performance.now();
  if (msg.json && !firstFindingsAt) firstFindingsAt = msg.end;
  if (msg.json) msg.report = JSON.parse(msg.json);
  if (msg.type === 'check') {
    if (msg.id !== latestCheck) return; // a newer text is on its way
    if (msg.error) { $('status').textContent = msg.error; return; }
    applyReport(msg.report, msg.ms, { toWorker: msg.start - (performance.timeOrigin + checkAsked), back: arrived - msg.end });
    return;
  }
  const w = waiting.get(msg.id);
  if (w) { waiting.delete(msg.id); msg.error ? w.reject(new Error(msg.error)) : w.resolve(msg); }
}
function request(msg) {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, lang, profile, ...msg });
  });
}
let checkTimer = 0;
let checkingTimer = 0;
let checkAsked = 0; // when the newest check was asked for (performance.now())
/** Asks the worker to check the sheet. No debounce: the worker answers the newest text
 * only, so typing fast costs one check per pause, and a slow check never blocks typing. */
function scheduleCheck(delay = 0) {
  clearTimeout(checkTimer);
  const ask = () => {
    latestCheck = ++seq;
    checkAsked = performance.now();
    // "Checking…" only when an answer is slow to come: a quick one would flash it.
    clearTimeout(checkingTimer);
    checkingTimer = setTimeout(() => { $('status').textContent = t(ready ? 'checking' : 'loading'); }, 200);
    document.body.dataset.pending = String(latestCheck);
    worker.postMessage({ id: latestCheck, type: 'check', text: toText(rows), lang, profile });
  };
  if (delay > 0) checkTimer = setTimeout(ask, delay); else ask();
}

// ---- small DOM helpers (text only: cell contents are never parsed as HTML) ----
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// ---- the sheet ----
const cellEl = (r, c) => document.getElementById(`cell-${r + 1}-${c + 1}`);
let shown = { width: 0, height: 0 };
function dims() {
  const width = Math.max(MIN_COLS, rows.reduce((m, r) => Math.max(m, r.length), 0) + 1);
  return { width, height: Math.max(MIN_ROWS, rows.length + 1) };
}

/**
 * The sheet as rows of fixed-width cells. Each row is its own box with
 * `content-visibility: auto`, so an edit lays out one row and rows off screen cost nothing.
 * Very long forms are put in the page a chunk at a time, as they are scrolled to.
 */
function renderSheet() {
  const { width, height } = dims();
  shown = { width, height };
  // Column widths from their contents (capped), as Excel sizes them; a long text with
  // nothing to its right (a title, 单位：万元) spills over its empty neighbours instead.
  const widths = new Array(width).fill(4.5);
  spill = new Set();
  rows.slice(0, WIDTH_SAMPLE_ROWS).forEach((cells, r) => {
    let last = -1;
    let filledCount = 0;
    for (let c = cells.length - 1; c >= 0; c--) if (cells[c] !== '') { if (last < 0) last = c; filledCount++; }
    cells.forEach((text, c) => {
      if (!text) return;
      const w = textWidth(text.length > 200 ? text.slice(0, 200) : text);
      if (c === last && filledCount <= 2 && w > 4) { spill.add(`${r}:${c}`); return; }
      widths[c] = Math.max(widths[c], Math.min(w, printing ? PRINT_COL_MAX : 16));
    });
  });
  colEms = widths.map((w, c) => (printing ? null : colSet.get(c)) ?? w + 1.7);
  colWidths = colEms.map((w) => `${w}em`);
  const grid = el('div', { class: 'grid', role: 'grid', 'aria-label': t('sheetLabel'), 'aria-rowcount': String(height), 'aria-colcount': String(width) });
  grid.style.width = `${colEms.reduce((a, w) => a + w, 3.4)}em`;
  const head = el('div', { class: 'srow head', role: 'row' }, el('div', { class: 'corner', role: 'columnheader' }, ''));
  colWidths.forEach((w, c) => { const h = el('div', { class: 'colhead', role: 'columnheader' }, colLetters(c + 1)); h.style.width = w; head.append(h); });
  grid.append(head);
  $('sheet').replaceChildren(grid, $('editor'));
  renderedRows = 0;
  appendRows(Math.min(height, Math.max(ROW_CHUNK, active.r + 50)));
  $('empty').hidden = !sheetEmpty();
  marks = new Map();
  if (report) applyMarks(report);
  select(Math.min(active.r, height - 1), Math.min(active.c, width - 1), false);
}

let colWidths = [];
let colEms = [];
const colSet = new Map(); // column → width in em the clerk dragged it to (kept until reload)

/** Column widths by dragging a column header's right edge, as in Excel. */
function onColheadDown(e) {
  const h = e.target.closest('.colhead');
  if (!h || e.button !== 0) return;
  const box = h.getBoundingClientRect();
  if (e.clientX < box.right - 6) return;
  e.preventDefault();
  e.stopPropagation();
  const c = [...h.parentElement.children].indexOf(h) - 1; // after the corner
  const em = parseFloat(getComputedStyle(h).fontSize) || 13.5;
  const move = (ev) => { h.style.width = `${Math.max(2.5 * em, box.width + ev.clientX - e.clientX)}px`; };
  const up = (ev) => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    colSet.set(c, Math.max(2.5, (box.width + ev.clientX - e.clientX) / em));
    renderSheet();
    select(active.r, active.c, false);
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}
let spill = new Set();
let renderedRows = 0;
let moreObserver = null;

/** Puts rows up to `upTo` (exclusive) in the page, with a "more" row below when some remain. */
function appendRows(upTo) {
  const grid = document.querySelector('#sheet .grid');
  if (!grid || upTo <= renderedRows) return;
  const frag = document.createDocumentFragment();
  let block = null;
  for (let r = renderedRows; r < upTo; r++) {
    if (!block || r % BLOCK_ROWS === 0) { block = el('div', { class: 'sblock', role: 'rowgroup' }); frag.append(block); }
    const row = el('div', { class: 'srow', role: 'row', 'aria-rowindex': String(r + 1) }, el('div', { class: 'rownum', role: 'rowheader' }, String(r + 1)));
    row.id = `row-${r + 1}`;
    const cells = rows[r] || [];
    for (let c = 0; c < shown.width; c++) {
      const cell = document.createElement('div');
      cell.id = `cell-${r + 1}-${c + 1}`;
      cell.className = 'cell';
      cell.setAttribute('role', 'gridcell');
      cell.style.width = colWidths[c];
      const text = cells[c] ?? '';
      if (spill.has(`${r}:${c}`)) {
        cell.classList.add('spill');
        // The width of the empty cells it spills over: a flagged paragraph is shown whole there.
        cell.dataset.spillEm = String(colEms.slice(c).reduce((a, w) => a + w, 0));
        cell.textContent = text;
      } else if (text) paintCell(cell, text, null);
      row.append(cell);
    }
    block.append(row);
  }
  const first = renderedRows;
  renderedRows = upTo;
  const oldMore = grid.querySelector('.more-rows');
  if (oldMore) oldMore.remove();
  grid.append(frag);
  if (renderedRows < shown.height) {
    const left = shown.height - renderedRows;
    const more = el('button', { type: 'button', class: 'more-rows' }, t('moreRows')(left));
    more.addEventListener('click', () => appendRows(Math.min(shown.height, renderedRows + ROW_CHUNK)));
    grid.append(more);
    if (moreObserver) moreObserver.disconnect();
    moreObserver = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) appendRows(Math.min(shown.height, renderedRows + ROW_CHUNK));
    }, { root: $('sheet'), rootMargin: '600px' });
    moreObserver.observe(more);
  }
  // Findings already known for the rows just added.
  for (const [key, m] of marks) {
    const r = Number(key.split(':')[0]) - 1;
    if (r >= first && r < upTo) paintMark(key, m);
  }
}

/** Makes sure row `r` is in the page. */
function ensureRow(r) {
  if (r >= renderedRows) appendRows(Math.min(shown.height, r + ROW_CHUNK));
}

/** Roughly how wide a text shows, in em: CJK one each, Latin and digits a little over half. */
function textWidth(text) {
  let w = 0;
  for (const line of text.split('\n')) {
    let lw = 0;
    for (const ch of line) lw += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.56;
    w = Math.max(w, lw);
  }
  return w;
}

/** Writes a cell's text (and its underlined span, if any) without touching the rest. Long
 * texts show their first lines; the whole text is there when the cell is edited. */
function paintCell(td, text, span) {
  if (text.length > HUGE_CELL) { text = `${text.slice(0, HUGE_CELL)}…`; span = null; }
  // A paragraph of a report flagged in part: whole, wrapped over the empty cells to its
  // right, so the flagged words can be seen (clipped to its first column before).
  const whole = td.classList.contains('spill') && span;
  if (td.classList.contains('spill') && !span) { td.textContent = text; return; }
  const box = whole ? el('div', { class: 'spill-text' }) : text.length > LONG_CELL ? el('div', { class: 'clamp' }) : td;
  if (whole) box.style.width = `calc(${td.dataset.spillEm}em - 14px)`;
  if (!span || span.end <= span.start || span.end > text.length) box.textContent = text;
  else box.replaceChildren(text.slice(0, span.start), el('span', { class: 'span-mark' }, text.slice(span.start, span.end)), text.slice(span.end));
  if (box !== td) td.replaceChildren(box);
}

/** Puts `text` at (r, c) of the sheet's data, growing it as needed (no painting). */
function setText(r, c, text) {
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  while (row.length <= c) row.push('');
  row[c] = text;
  lines.delete(row);
}

function setCell(r, c, text, { render = true } = {}) {
  setText(r, c, text);
  const td = cellEl(r, c);
  // Text in the spare last row or column grows the sheet by one.
  const grows = r >= shown.height - 1 || c >= shown.width - 1;
  if (render && (grows || !td)) {
    renderSheet();
  } else if (td) {
    const m = marks.get(`${r + 1}:${c + 1}`);
    paintCell(td, text, m && m.span);
  }
  $('empty').hidden = !sheetEmpty();
}

// ---- selection and editing: one editor, always over the active cell ----
// In "select" mode it is transparent and empty, so typing (an input method included)
// starts editing at once; in "edit" mode it shows the cell's text.
let mode = 'select';
let cellHeight = 30; // of the active cell, as placeEditor last measured it

function placeEditor() {
  const td = cellEl(active.r, active.c);
  const ed = $('editor');
  if (!td) { ed.hidden = true; return; }
  const box = td.getBoundingClientRect();
  const host = $('sheet').getBoundingClientRect();
  ed.style.left = `${box.left - host.left + $('sheet').scrollLeft}px`;
  ed.style.top = `${box.top - host.top + $('sheet').scrollTop}px`;
  ed.style.width = `${mode === 'edit' ? Math.max(box.width, 200) : box.width}px`;
  ed.style.height = `${box.height}px`;
  cellHeight = box.height;
  ed.hidden = false;
}

function describeActive() {
  const ed = $('editor');
  const key = `${active.r + 1}:${active.c + 1}`;
  const m = marks.get(key);
  const text = (rows[active.r] && rows[active.r][active.c]) || '';
  $('cellbar-ref').textContent = ref(active.r, active.c);
  $('cellbar-text').textContent = text;
  ed.setAttribute('aria-label', `${t('editCell')(ref(active.r, active.c))}${text ? `：${text}` : ''}`);
  if (m) { ed.setAttribute('aria-invalid', 'true'); ed.setAttribute('aria-describedby', `desc-${active.r + 1}-${active.c + 1}`); } else { ed.removeAttribute('aria-invalid'); ed.removeAttribute('aria-describedby'); }
}

function select(r, c, focus = true) {
  if (mode === 'edit') commitEdit();
  if (leftRows && typedRow >= 0 && r !== typedRow) {
    leftRows.add(typedRow + 1);
    typedRow = -1;
    redraw();
  }
  const { width, height } = shown;
  r = Math.max(0, Math.min(r, height - 1));
  c = Math.max(0, Math.min(c, width - 1));
  ensureRow(r);
  const prev = cellEl(active.r, active.c);
  if (prev) { prev.classList.remove('active'); prev.parentElement.classList.remove('active-row'); }
  active = { r, c };
  const td = cellEl(r, c);
  if (!td) return;
  td.classList.add('active');
  td.parentElement.classList.add('active-row');
  const ed = $('editor');
  ed.value = '';
  placeEditor();
  describeActive();
  if (focus) {
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    placeEditor();
    ed.focus({ preventScroll: true });
    showTip(td);
  }
}

/** Switches the editor to edit mode: keeping the cell's text (Enter, F2, double-click) or
 * replacing it with what is being typed. As in Excel, arrow keys save a cell being typed
 * over and move on; in a cell opened with its text (F2), they move the text cursor. */
function beginEdit(keep) {
  if (mode === 'edit') return;
  const { r, c } = active;
  const before = (rows[r] && rows[r][c]) || '';
  editing = { r, c, before, typed: !keep };
  mode = 'edit';
  const ed = $('editor');
  ed.classList.add('editing');
  if (keep) { ed.value = before; ed.setSelectionRange(before.length, before.length); }
  placeEditor();
  fitEditor();
  ed.focus({ preventScroll: true });
  showTip(null);
}

function fitEditor() {
  const ed = $('editor');
  ed.style.height = 'auto';
  const h = ed.scrollHeight; // the one layout this needs
  // At least the cell's own height: a shorter editor left the cell's frame showing below it.
  ed.style.height = `${Math.min(Math.max(h, cellHeight, 30), 320)}px`;
  ed.style.overflowY = h > 320 ? 'auto' : 'hidden';
}

function commitEdit(move) {
  if (mode !== 'edit' || !editing) return;
  const { r, c, before } = editing;
  const ed = $('editor');
  const text = ed.value;
  editing = null;
  mode = 'select';
  ed.classList.remove('editing');
  ed.value = '';
  if (text !== before) {
    pushUndo(r, c, before);
    setCell(r, c, text);
    changed();
  }
  if (move) select(r + move.dr, c + move.dc, true); else { placeEditor(); describeActive(); }
}

function cancelEdit() {
  if (mode !== 'edit' || !editing) return;
  const { r, c, before } = editing;
  editing = null;
  mode = 'select';
  const ed = $('editor');
  ed.classList.remove('editing');
  ed.value = '';
  setCell(r, c, before, { render: false });
  changed();
  placeEditor();
}

// ---- undo ----
function snapshot() { return rows.map((r) => r.slice()); }
function pushUndo(r, c, before) {
  // A single cell's old text when given; else the whole sheet. A new edit ends what redo had.
  undoStack.push(r === undefined ? { rows: snapshot() } : { r, c, before });
  if (undoStack.length > 50) undoStack.shift();
  redoStack.length = 0;
}

/** Puts back what an undo or redo entry holds, and returns the entry that takes it back. */
function restore(u) {
  if (u.rows) {
    const back = { rows: snapshot() };
    rows = u.rows; renderSheet();
    return back;
  }
  const back = { r: u.r, c: u.c, before: (rows[u.r] && rows[u.r][u.c]) || '' };
  setCell(u.r, u.c, u.before); select(u.r, u.c);
  return back;
}

/** Ctrl+D, as in Excel: the cell takes the text of the cell above it. */
function fillDown() {
  const { r, c } = active;
  if (r === 0) return;
  const above = (rows[r - 1] && rows[r - 1][c]) || '';
  const before = (rows[r] && rows[r][c]) || '';
  if (above === before) return;
  pushUndo(r, c, before);
  setCell(r, c, above);
  changed();
  describeActive();
}

function redo() {
  if (mode === 'edit') commitEdit();
  const u = redoStack.pop();
  if (!u) { $('status').textContent = t('nothingToRedo'); return; }
  undoStack.push(restore(u));
  changed();
  $('status').textContent = t('redone');
}
function undo() {
  if (mode === 'edit') { cancelEdit(); return; }
  const u = undoStack.pop();
  if (!u) { $('status').textContent = t('nothingToUndo'); return; }
  redoStack.push(restore(u));
  changed();
  $('status').textContent = t('undone');
}

// ---- rows ----
function insertRow() { pushUndo(); rows.splice(active.r + 1, 0, []); renderSheet(); changed(); select(active.r + 1, active.c); }
/** Inserts an empty cell at (r, c), the row's later cells moving one column right, as
 * Excel's 插入 → 活动单元格右移: the edit S002/S003 ask for where a paste lost a cell. */
function insertCell(r = active.r, c = active.c) {
  pushUndo();
  while (rows.length <= r) rows.push([]);
  const row = rows[r];
  while (row.length < c) row.push('');
  row.splice(c, 0, '');
  lines.delete(row);
  renderSheet(); changed(); select(r, c);
}
/** Deletes the cell at (r, c), the row's later cells moving one column left. */
function deleteCell(r = active.r, c = active.c) {
  if (!rows[r] || c >= rows[r].length) return;
  pushUndo();
  rows[r].splice(c, 1);
  lines.delete(rows[r]);
  renderSheet(); changed(); select(r, c);
}
function deleteRow() {
  if (active.r >= rows.length) return;
  pushUndo(); rows.splice(active.r, 1); renderSheet(); changed(); select(active.r, active.c);
}
function moveRow(dir) {
  const r = active.r, to = r + dir;
  if (to < 0 || r >= rows.length || to >= rows.length) return;
  pushUndo();
  [rows[r], rows[to]] = [rows[to], rows[r]];
  renderSheet(); changed(); select(to, active.c);
}

/** After any edit: re-check and keep the draft. */
function changed() {
  scheduleCheck();
  saveDraftSoon();
  if (!$('textpanel').hidden && document.activeElement !== $('paste')) $('paste').value = toText(rows);
}

// ---- marks ----
let marks = new Map(); // "row:col" → { severity, items, span }
function markKey(d) {
  const l = d.location;
  if (!l.row) return null;
  if (l.section === 'text') return `${l.row}:1`;
  return l.column ? `${l.row}:${l.column}` : `${l.row}:0`;
}

/** The flagged words of a report's line (its character column and text) as a UTF-16 span of
 * the line, when they are there. */
function textSpan(loc) {
  const line = (rows[loc.row - 1] && rows[loc.row - 1][0]) || '';
  if (!loc.column || !loc.cellText) return null;
  const start = Array.from(line).slice(0, loc.column - 1).join('').length;
  return line.startsWith(loc.cellText, start) ? { start, end: start + loc.cellText.length } : null;
}

function applyMarks(rep) {
  const next = new Map();
  rep.diagnostics.forEach((d, i) => {
    const key = markKey(d);
    if (!key) return;
    const m = next.get(key) || { severity: d.severity, items: [], span: null, text: '' };
    m.items.push(i);
    m.text = m.text ? `${m.text}；${d.code} ${d.message}` : `${d.code} ${d.message}`;
    if (RANK[d.severity] < RANK[m.severity]) m.severity = d.severity;
    if (!m.span) m.span = d.location.section === 'text' ? textSpan(d.location) : d.span;
    next.set(key, m);
  });
  for (const key of marks.keys()) {
    if (next.has(key)) continue;
    const [r, c] = key.split(':').map(Number);
    if (c === 0) { const row = $(`row-${r}`); if (row) row.classList.remove('row-marked', 'mark-error', 'mark-warning', 'mark-info'); continue; }
    const td = cellEl(r - 1, c - 1);
    if (td) {
      td.classList.remove('mark-error', 'mark-warning', 'mark-info');
      td.removeAttribute('aria-invalid');
      td.removeAttribute('aria-describedby');
      paintCell(td, (rows[r - 1] && rows[r - 1][c - 1]) || '', null);
    }
    const desc = $(`desc-${r}-${c}`);
    if (desc) desc.remove();
  }
  for (const [key, m] of next) paintMark(key, m, marks.get(key));
  marks = next;
  describeActive();
}

/** Shows one mark in the page (if its row is there): colour and icon by class, the
 * description that `aria-describedby` points to, and the underlined span. */
function paintMark(key, m, old) {
  if (old && old.severity === m.severity && old.text === m.text && JSON.stringify(old.span) === JSON.stringify(m.span)) return;
  const [r, c] = key.split(':').map(Number);
  if (c === 0) {
    const row = $(`row-${r}`);
    if (row) { row.classList.remove('mark-error', 'mark-warning', 'mark-info'); row.classList.add('row-marked', `mark-${m.severity}`); row.title = m.text; }
    return;
  }
  const td = cellEl(r - 1, c - 1);
  if (!td) return;
  td.classList.remove('mark-error', 'mark-warning', 'mark-info');
  td.classList.add(`mark-${m.severity}`);
  td.setAttribute('aria-invalid', 'true');
  let desc = $(`desc-${r}-${c}`);
  if (!desc) { desc = el('span', { id: `desc-${r}-${c}` }); $('descs').append(desc); }
  desc.textContent = m.text;
  td.setAttribute('aria-describedby', desc.id);
  if (!old || JSON.stringify(old.span) !== JSON.stringify(m.span)) {
    paintCell(td, (rows[r - 1] && rows[r - 1][c - 1]) || '', m.span);
  }
}

// ---- findings ----
function place(loc) {
  const parts = [];
  if (report && report.forms.length > 1) parts.push(t('form')(loc.form + 1));
  if (loc.row) parts.push(t('row')(loc.row));
  if (loc.column) parts.push(loc.section === 'text' ? t('char')(loc.column) : t('col')(colLetters(loc.column)));
  return parts.join(' ');
}

// Where a paste lost a cell: S002 (the whole row one column left) and S003 (a cell missing
// before the one it names) are mended by inserting an empty cell, after the clerk confirms.
const SHIFT_FIX = { S002: () => 0, S003: (loc) => loc.column - 1 };

function shiftButton(d) {
  const at = SHIFT_FIX[d.code];
  if (!at || !d.location.row || !d.location.column || d.location.section === 'text') return null;
  const r = d.location.row - 1, c = at(d.location);
  const b = el('button', { type: 'button', class: 'fix unsafe' }, t('insertCellFix')(colLetters(c + 1), d.location.row));
  b.addEventListener('click', () => {
    if (!window.confirm(t('confirmInsertCell')(colLetters(c + 1), d.location.row))) return;
    insertCell(r, c);
    $('status').textContent = t('fixed');
  });
  return b;
}

function fixButton(d) {
  const shift = shiftButton(d);
  if (shift) return shift;
  if (!d.fix || !d.location.row || !d.location.column || d.location.section === 'text') return null;
  const safe = d.fix.applicability === 'safe';
  const b = el('button', { type: 'button', class: `fix ${safe ? 'safe' : 'unsafe'}` }, `${safe ? t('applyFix') : t('reviewFix')}：${d.fix.replacement}`);
  b.addEventListener('click', () => {
    if (!safe && !window.confirm(t('confirmFix')(d.location.cellText ?? '', d.fix.replacement))) return;
    const r = d.location.row - 1, c = d.location.column - 1;
    pushUndo(r, c, (rows[r] && rows[r][c]) || '');
    setCell(r, c, d.fix.replacement);
    changed();
    $('status').textContent = t('fixed');
    select(r, c);
  });
  return b;
}

function item(d, compact) {
  const head = el('span', { class: 'head' },
    el('span', { class: 'sev', 'aria-hidden': 'true' }, ICON[d.severity]),
    el('span', { class: 'sev-word' }, t('sev')[d.severity]),
    el('span', { class: 'code' }, d.code),
    el('span', { class: 'where' }, place(d.location)));
  const jump = el('button', { type: 'button', class: 'jump', title: t('jump') }, head, el('span', { class: 'msg' }, d.message));
  jump.addEventListener('click', () => jumpTo(d.location));
  const li = el('li', { class: `diag ${d.severity}${compact ? ' compact' : ''}`, 'data-code': d.code }, jump);
  if (!compact) li.append(el('p', { class: 'help' }, d.help));
  const tools = el('div', { class: 'tools' });
  const fix = fixButton(d);
  if (fix) tools.append(fix);
  if (d.related && d.related.length) {
    const w = el('button', { type: 'button', class: 'working-btn' }, t('working'));
    w.addEventListener('click', () => openWorking(d));
    tools.append(w);
  }
  if (tools.childNodes.length) li.append(tools);
  return li;
}

/** Puts `nodes` in `parent` in order, leaving in place the children that stay: a keystroke
 * that changes one group of findings relays out that group, not the whole panel. */
function patchChildren(parent, nodes) {
  const keep = new Set(nodes);
  let cur = parent.firstChild;
  const drop = () => { const next = cur.nextSibling; cur.remove(); cur = next; };
  for (const n of nodes) {
    while (cur && !keep.has(cur)) drop();
    if (n === cur) { cur = cur.nextSibling; continue; }
    parent.insertBefore(n, cur);
  }
  while (cur) drop();
}

// What each part of the panel shows, to redo only the parts a new report changes.
let shownSummary = '';
let shownForms = '';
let shownGroups = new Map(); // a group's findings (as JSON) → its entry in the panel

function renderSummary(rep, empty) {
  const s = rep.summary;
  const summary = $('summary');
  summary.replaceChildren();
  if (empty) {
    summary.append(el('p', { class: 'empty' }, t('waiting')));
  } else if (s.errors + s.warnings + s.infos === 0) {
    summary.append(el('p', { class: 'count ok' }, t('noIssues')));
  }
  if (!empty && waitingCount) {
    const all = el('button', { type: 'button', class: 'link', id: 'show-waiting' }, t('showWaiting'));
    all.addEventListener('click', showWaiting);
    summary.append(el('p', { class: 'waiting' }, t('waitingCells')(waitingCount), ' ', all));
  }
  if (empty || s.errors + s.warnings + s.infos === 0) {
    // nothing more to show
  } else {
    summary.append(el('p', { class: 'counts' },
      el('span', { class: 'count error' }, `${ICON.error} ${s.errors} ${t('errors')}`),
      el('span', { class: 'count warning' }, `${ICON.warning} ${s.warnings} ${t('warnings')}`),
      el('span', { class: 'count info' }, `${ICON.info} ${s.infos} ${t('infos')}`)));
    const fam = new Map();
    for (const d of rep.diagnostics) {
      const f = d.code[0];
      const row = fam.get(f) || { error: 0, warning: 0, info: 0 };
      row[d.severity]++;
      fam.set(f, row);
    }
    const table = el('table', { class: 'families' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('family')), el('th', { scope: 'col' }, t('errors')), el('th', { scope: 'col' }, t('warnings')), el('th', { scope: 'col' }, t('infos')))));
    const tb = el('tbody');
    for (const f of ['S', 'V', 'B', 'R', 'E', 'X']) {
      const n = fam.get(f);
      if (!n) continue;
      tb.append(el('tr', { 'data-family': f }, el('th', { scope: 'row' }, `${f} ${t('families')[f]}`),
        el('td', { class: n.error ? 'error' : '' }, n.error || '—'), el('td', { class: n.warning ? 'warning' : '' }, n.warning || '—'), el('td', {}, n.info || '—')));
    }
    table.append(tb);
    summary.append(table);
  }
}

/** One entry per code, worst first; repeats folded under "+N 处同类". */
/** Findings that follow from a cell already in error (a score worked from a 指标值 that can't
 * be read): index → the error's index, when one of the cells a finding's working uses holds
 * an error of its own. They are listed under that error, not beside it. */
function knockOns(rep) {
  const at = (l) => (l.row && l.column && l.section !== 'text' ? `${l.form}:${l.row}:${l.column}` : null);
  const errors = new Map();
  rep.diagnostics.forEach((d, i) => { const k = at(d.location); if (d.severity === 'error' && k && !errors.has(k)) errors.set(k, i); });
  const parent = new Map();
  rep.diagnostics.forEach((d, i) => {
    const own = at(d.location);
    for (const r of d.related || []) {
      const k = at(r.location);
      const p = k && k !== own ? errors.get(k) : undefined;
      if (p !== undefined && p !== i) { parent.set(i, p); break; }
    }
  });
  // An error that is itself a knock-on stays in the list (no chains, no cycles).
  for (const [i, p] of [...parent]) if (parent.has(p)) parent.delete(i);
  return parent;
}

function groupEntry(rep, g, children = []) {
  const first = item(rep.diagnostics[g[0]], false);
  if (children.length) {
    first.append(el('p', { class: 'knock-head' }, t('knockOn')(children.length)),
      el('ol', { class: 'knock-ons' }, ...children.map((i) => item(rep.diagnostics[i], true))));
  }
  if (g.length > 1) {
    const sub = el('ol', { class: 'repeats', hidden: true });
    const more = el('button', { type: 'button', class: 'more', 'aria-expanded': 'false' }, t('more')(g.length - 1));
    more.addEventListener('click', () => {
      const open = sub.hidden;
      if (open && !sub.childNodes.length) sub.append(...g.slice(1).map((i) => item(rep.diagnostics[i], true)));
      sub.hidden = !open;
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? t('fewer') : t('more')(g.length - 1);
    });
    first.append(more, sub);
  }
  return first;
}

function renderFindings(rep) {
  const empty = sheetEmpty();
  // Most keystrokes leave most of the findings as they were: those parts of the panel (and
  // any group the person opened) stay as they are, and the page lays out only what changed.
  const summarySig = JSON.stringify([empty, lang, rep.summary, waitingCount, empty ? [] : rep.diagnostics.map((d) => d.code[0] + d.severity)]);
  if (summarySig !== shownSummary) { shownSummary = summarySig; renderSummary(rep, empty); }
  const formsSig = JSON.stringify([empty, lang, rep.forms]);
  if (formsSig !== shownForms) {
    shownForms = formsSig;
    $('forms').replaceChildren(...(empty ? [] : rep.forms).map((f, i) => el('li', {}, t('formLine')(f, i + 1))));
  }
  const parents = knockOns(rep);
  const childrenOf = (g) => [...parents].filter(([, p]) => g.includes(p)).map(([i]) => i);
  const groups = new Map();
  rep.diagnostics.forEach((d, i) => {
    if (parents.has(i)) return;
    if (!groups.has(d.code)) groups.set(d.code, []);
    groups.get(d.code).push(i);
  });
  const ordered = [...groups.values()].sort((a, b) => RANK[rep.diagnostics[a[0]].severity] - RANK[rep.diagnostics[b[0]].severity] || a[0] - b[0]);
  const entries = new Map();
  const list = [];
  for (const g of empty ? [] : ordered) {
    // By content, not position: a finding added above leaves the entries below as they are.
    const children = childrenOf(g);
    const key = JSON.stringify([lang, g.map((i) => rep.diagnostics[i]), children.map((i) => rep.diagnostics[i])]);
    const entry = shownGroups.get(key) || groupEntry(rep, g, children);
    entries.set(key, entry);
    list.push(entry);
  }
  shownGroups = entries;
  patchChildren($('diagnostics'), list);
}

// ---- calmer live checking: a form filled in from blank ----
// An empty required cell (S007) or a 二级 with no 三级 yet (S011) is not a mistake while the
// clerk is still filling the form in from a blank one: such findings wait until the clerk
// has left their row after typing in it, or asks to see them all. A pasted or opened form
// shows everything at once.
const WAITING_CODES = new Set(['S007', 'S011']);
let leftRows = null; // 1-based rows the clerk has typed in and left; null: every finding shows
let typedRow = -1; // 0-based row typed in since the selection last came to it
let waitingCount = 0; // findings left out by calmed()

/** The report as shown: findings of empty cells on rows not yet reached left out. */
function calmed(rep) {
  if (!leftRows) { waitingCount = 0; return rep; }
  const diagnostics = rep.diagnostics.filter((d) => !(WAITING_CODES.has(d.code) && d.location.row && !leftRows.has(d.location.row)));
  waitingCount = rep.diagnostics.length - diagnostics.length;
  if (!waitingCount) return rep;
  const count = (sev) => diagnostics.filter((d) => d.severity === sev).length;
  return { ...rep, diagnostics, summary: { ...rep.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

function showWaiting() { leftRows = null; redraw(); }

/** Draws the findings again as the clerk's progress now lets them show. */
function redraw() {
  if (!fullReport) return;
  report = calmed(fullReport);
  applyMarks(report);
  renderFindings(report);
}

let fullReport = null;
function applyReport(full, ms, trip = {}) {
  fullReport = full;
  const rep = calmed(full);
  report = rep;
  clearTimeout(checkingTimer);
  const r0 = performance.now();
  applyMarks(rep);
  renderFindings(rep);
  const renderMs = performance.now() - r0;
  $('status').textContent = t('checked')(Math.max(1, Math.round(ms || 0)));
  // Keystroke to findings in the page, and to the next frame that paints them (both read
  // by `make bench`), beside the worker's own time.
  const asked = checkAsked;
  const dom = performance.now() - asked;
  requestAnimationFrame(() => {
    const b = document.body.dataset;
    b.latencyMs = String(dom);
    b.frameMs = String(performance.now() - asked);
    b.checkMs = String(ms || 0);
    // Where the rest went: to the worker (post + queue), back (post + main thread busy), DOM.
    b.toWorkerMs = String(trip.toWorker || 0);
    b.backMs = String(trip.back || 0);
    b.renderMs = String(renderMs);
    b.checked = String(latestCheck);
    delete b.pending;
    if (!performance.getEntriesByName('jixiao-first-findings').length) {
      performance.mark('jixiao-first-findings');
      // Module fetched (worker.js, glue, module bytes), inflated, compiled, instantiated and
      // the first form checked; and on to the frame that shows it (the page's first paint).
      b.coldMs = String(firstFindingsAt - (performance.timeOrigin + workerMadeAt));
      b.coldPaintMs = String(performance.now() - workerMadeAt);
    }
  });
}

function jumpTo(loc) {
  if (!loc.row) return;
  const c = loc.section === 'text' || !loc.column ? 1 : loc.column;
  ensureRow(loc.row - 1);
  select(loc.row - 1, c - 1);
  const td = cellEl(loc.row - 1, c - 1);
  if (td) { td.scrollIntoView({ block: 'center', inline: 'nearest' }); td.classList.add('flash'); setTimeout(() => td.classList.remove('flash'), 1600); showTip(td); }
}

// ---- "show the working" ----
function openWorking(d) {
  // The rule's English name (d.name) is for tools; a clerk is shown what the dialog holds.
  $('working-title').textContent = `${t('workingTitle')} · ${d.code}`;
  $('working-message').textContent = d.message;
  $('working-help').textContent = d.help;
  const line = (loc, label) => {
    const where = loc.row ? `${report && report.forms.length > 1 ? `${t('form')(loc.form + 1)} ` : ''}${loc.column && loc.section !== 'text' ? colLetters(loc.column) : t('row')('')}${loc.row}` : '—';
    const go = el('button', { type: 'button', class: 'link' }, where);
    go.addEventListener('click', () => { $('working').close(); jumpTo(loc); });
    return el('tr', {}, el('td', {}, go), el('td', {}, label), el('td', { class: 'value' }, loc.cellText ?? ''));
  };
  $('working-rows').replaceChildren(line(d.location, t('thisCell')), ...d.related.map((r) => line(r.location, r.label)));
  $('working').showModal();
}

// ---- tooltips ----
let tipCell = null; // the cell the tip explains
function showTip(td) {
  const tip = $('tip');
  tipCell = null;
  if (!td || !report || !td.id) { tip.hidden = true; return; }
  const [, r, c] = td.id.split('-');
  const m = marks.get(`${r}:${c}`);
  if (!m) { tip.hidden = true; return; }
  tipCell = td;
  tip.replaceChildren(...m.items.flatMap((i) => {
    const d = report.diagnostics[i];
    return [el('b', {}, `${ICON[d.severity]} ${d.code} ${d.message}`), el('span', {}, d.help)];
  }));
  const box = td.getBoundingClientRect();
  tip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - 440))}px`;
  tip.style.top = `${box.bottom + 6}px`;
  tip.hidden = false;
}

// ---- loading ----
let loadedByUser = false;
/** A workbook's sheets that hold forms, offered in the sheet list when there are several. */
function showSheets(sheets) {
  const pick = $('sheet-pick');
  pick.replaceChildren(...sheets.map((s, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = t('sheetOption')(s.name, i + 1, sheets.length);
    return o;
  }));
  pick.hidden = sheets.length < 2;
  pick.onchange = () => {
    const s = sheets[Number(pick.value)];
    if (s) loadText(s.text, { keepSheets: true });
  };
}

async function loadText(text, { confirmReplace = false, fromDraft = false, answer = null, keepSheets = false } = {}) {
  if (confirmReplace && !sheetEmpty() && !window.confirm(t('replaceConfirm'))) return;
  if (!keepSheets) $('sheet-pick').hidden = true;
  if (!fromDraft) loadedByUser = true;
  leftRows = null; // a form pasted or opened shows every finding at once
  let msg;
  try {
    msg = await (answer || request({ type: 'load', text }));
  } catch (e) {
    // Input past the documented limit (20 MB) or otherwise unreadable: say so, keep the sheet.
    showProblem(t('tooLarge')(e.message || String(e)));
    return;
  }
  if (fromDraft && loadedByUser) return; // a paste or a file came while the draft was read
  pushUndo();
  rows = trimGrid(msg.grid);
  renderSheet();
  latestCheck = msg.id;
  applyReport(msg.report, msg.ms);
  if (!fromDraft) saveDraftSoon(); // a draft read back is already saved
  select(0, 0, false);
}

/** Drops the empty row a trailing line break leaves. */
function trimGrid(grid) {
  const g = grid.map((r) => r.slice());
  while (g.length && g[g.length - 1].every((c) => c === '')) g.pop();
  return g;
}

async function pasteBlock(text) {
  const msg = await request({ type: 'cells', text });
  const block = trimGrid(msg.grid);
  pushUndo();
  block.forEach((cells, i) => cells.forEach((v, j) => setText(active.r + i, active.c + j, v)));
  renderSheet();
  changed();
  select(active.r, active.c);
}

/** A problem with the input itself, shown where the findings go. */
function showProblem(message) {
  $('status').textContent = message;
  $('summary').replaceChildren(el('p', { class: 'problem', role: 'alert' }, message));
}

/** Saves `text` as a file on this computer (no request: a blob URL). */
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A cell Excel or LibreOffice would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) gets a leading apostrophe, so it opens as the text it is: a pasted
 * =HYPERLINK(...) stays text, a 指标值 such as =50家 is not shown as an error. The CLI's
 * CSV does the same; csvToTsv takes the apostrophe off again. */
const excelSafe = (c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);

/** CSV as Excel opens it: UTF-8 with a byte-order mark, every cell as text, quoted where needed. */
function toCsv(table) {
  const q = (c) => { c = excelSafe(c); return /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c; };
  return `\ufeff${table.map((r) => r.map((c) => q(String(c ?? ''))).join(',')).join('\r\n')}\r\n`;
}

function exportSheet() { download('jixiao-表格.csv', toCsv(rows), 'text/csv;charset=utf-8'); }

function exportFindings() {
  const head = lang === 'zh'
    ? ['表', '行', '列', '代码', '级别', '问题', '处理建议', '单元格内容']
    : ['form', 'row', 'column', 'code', 'severity', 'finding', 'what to do', 'cell text'];
  const body = (report ? report.diagnostics : []).map((d) => [
    d.location.form + 1, d.location.row ?? '', d.location.column && d.location.section !== 'text' ? colLetters(d.location.column) : (d.location.column ?? ''),
    d.code, t('sev')[d.severity], d.message, d.help, d.location.cellText ?? '',
  ]);
  download('jixiao-检查结果.csv', toCsv([head, ...body]), 'text/csv;charset=utf-8');
}

const looksLikeForm = (text) => /\n/.test(text) && /一级指标|二级指标|三级指标|指标值|项目名称|执行率|绩效/.test(text);

async function newForm(kind) {
  if (!sheetEmpty() && !window.confirm(t('replaceConfirm'))) return;
  const msg = await request({ type: 'template', kind });
  pushUndo();
  leftRows = new Set();
  typedRow = -1;
  rows = msg.grid;
  renderSheet();
  changed();
  const firstEmpty = rows.findIndex((r) => r[0] === '项目名称');
  select(Math.max(0, firstEmpty), firstEmpty >= 0 ? 1 : 0);
}

/** Converts CSV (RFC 4180 quoting) to the tab-separated text the checker reads, taking off
 * the apostrophe toCsv put before a cell a spreadsheet would run ('=50家 → =50家). */
function csvToTsv(csv) {
  const out = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') { if (ch === '\r' && csv[i + 1] === '\n') i++; row.push(cell); out.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); out.push(row); }
  return toText(out.map((r) => r.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c))));
}

async function openFile(file) {
  try {
    const buf = await file.arrayBuffer();
    const bytes = new Uint8Array(buf);
    // PK (.xlsx, .ods, .docx) or an OLE compound file (.xls, .et): a workbook or document.
    if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
      if (!sendWorkbookReader()) { $('status').textContent = t('noWorkbookReader'); return; }
      if (!sheetEmpty() && !window.confirm(t('replaceConfirm'))) return;
      const msg = await request({ type: 'workbook', bytes: buf });
      showSheets(msg.sheets);
      await loadText(msg.sheets[0] ? msg.sheets[0].text : '', { keepSheets: true });
      if (msg.sheets.length > 1) $('status').textContent = t('sheetsFound')(msg.sheets.length);
      return;
    }
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    let text;
    try {
      text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: what Chinese-locale Excel and WPS save (GBK, within GB18030).
      text = new TextDecoder('gb18030').decode(bytes);
    }
    if (file.name.toLowerCase().endsWith('.csv')) text = csvToTsv(text);
    await loadText(text, { confirmReplace: true });
  } catch (e) {
    $('status').textContent = t('readFail')(e.message || String(e));
  }
}

// ---- drafts: kept on this computer (IndexedDB, or localStorage where it is missing) ----
const store = {
  db: null,
  open() {
    if (this.db) return this.db;
    this.db = new Promise((resolve) => {
      try {
        const req = indexedDB.open('jixiao', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('drafts');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
      } catch { resolve(null); }
    });
    return this.db;
  },
  async put(value) {
    await this.write(value);
    // After the draft, so that a tab hearing of it reads the new one.
    try { localStorage.setItem(DRAFT_STAMP_KEY, `${Date.now()}-${Math.random()}`); } catch { /* keep going */ }
  },
  async write(value) {
    try {
      localStorage.setItem(DRAFT_KEY, value);
      localStorage.removeItem(DRAFT_KEY + '.idb');
      return;
    } catch { /* too large for localStorage: IndexedDB holds it, and a note says so */ }
    const db = await this.open();
    if (!db) return;
    db.transaction('drafts', 'readwrite').objectStore('drafts').put(value, DRAFT_KEY);
    try { localStorage.removeItem(DRAFT_KEY); localStorage.setItem(DRAFT_KEY + '.idb', '1'); } catch { /* keep going */ }
  },
  async get() {
    const local = localStorage.getItem(DRAFT_KEY);
    if (local != null) return local;
    // Opening IndexedDB costs a start-up; only do it when a draft was put there.
    if (localStorage.getItem(DRAFT_KEY + '.idb') == null) return null;
    const db = await this.open();
    if (!db) return null;
    return new Promise((resolve) => {
      const req = db.transaction('drafts').objectStore('drafts').get(DRAFT_KEY);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => resolve(null);
    });
  },
};
let draftTimer = 0;
let draftDirty = false; // this tab has changes its draft does not hold yet
let draftElsewhere = false; // another tab saved the draft after this one last did
let draftKept = false; // the clerk chose to keep the other tab's draft: this tab stops saving
/** Saves this tab's sheet as the draft, if it changed. Two tabs share one draft: when another
 * tab saved since, this one asks before overwriting, once (and hidden or closing, where it
 * can't ask, it doesn't save). */
function saveDraftNow() {
  clearTimeout(draftTimer);
  if (!draftDirty || draftKept) return;
  if (draftElsewhere) {
    if (document.visibilityState === 'hidden') return;
    if (!window.confirm(t('overwriteConfirm'))) { draftKept = true; $('status').textContent = t('draftNotSaved'); return; }
    draftElsewhere = false;
  }
  draftDirty = false;
  store.put(toText(rows)).then(() => {
    $('saved-at').textContent = t('savedAt')(new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }));
  });
}
function saveDraftSoon() { draftDirty = true; clearTimeout(draftTimer); draftTimer = setTimeout(saveDraftNow, 250); }

// ---- i18n and profiles ----
function applyI18n() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  $('lang').value = lang;
  if (report) renderFindings(report);
}
function fillProfiles(list) {
  const sel = $('profile');
  for (const p of list) profileLabels.set(p.name, (p.description || p.name).split('：')[0]);
  sel.replaceChildren(...list.map((p) => el('option', { value: p.name, title: p.description }, profileLabel(p.name))));
  // A stored profile this build no longer has: the first check (asked before the list came)
  // failed on it, so check again with auto.
  if (!list.some((p) => p.name === profile)) { profile = 'auto'; scheduleCheck(0); }
  sel.value = profile;
}

// ---- keyboard: the editor has focus; in select mode it moves the selection ----
const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Where Enter goes from a cell being edited: down, or after a run of Tabs to the next
 * row's cell in the column the run began in. */
function enterMove() {
  const dc = tabFrom === null ? 0 : tabFrom - active.c;
  tabFrom = null;
  return { dr: 1, dc };
}

function onEditorKey(e) {
  const ctrl = e.ctrlKey || e.metaKey;
  if (mode === 'edit') {
    if (e.isComposing) return;
    if (e.key === 'Enter' && e.altKey) {
      e.preventDefault();
      const ed = e.target, at = ed.selectionStart;
      ed.value = `${ed.value.slice(0, at)}\n${ed.value.slice(ed.selectionEnd)}`;
      ed.setSelectionRange(at + 1, at + 1);
      ed.dispatchEvent(new Event('input'));
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); commitEdit(enterMove()); return; }
    if (e.key === 'Tab') { e.preventDefault(); tabFrom ??= active.c; commitEdit({ dr: 0, dc: e.shiftKey ? -1 : 1 }); return; }
    if (e.key === 'Escape') { e.preventDefault(); cancelEdit(); return; }
    if (e.key === 'F2') { e.preventDefault(); editing.typed = false; return; }
    if (editing.typed && MOVES[e.key] && !e.altKey && !ctrl) {
      e.preventDefault();
      tabFrom = null;
      const [dr, dc] = MOVES[e.key];
      commitEdit({ dr, dc });
    }
    return;
  }
  const moves = MOVES;
  if (moves[e.key]) tabFrom = null;
  if (e.altKey && e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) { e.preventDefault(); moveRow(e.key === 'ArrowUp' ? -1 : 1); return; }
  if (moves[e.key] && !e.altKey) { e.preventDefault(); const [dr, dc] = moves[e.key]; select(active.r + dr, active.c + dc); return; }
  if (e.key === 'Tab') {
    // Tab moves along the row; past either end it leaves the sheet as usual.
    const c = active.c + (e.shiftKey ? -1 : 1);
    if (c < 0 || c >= shown.width) return;
    e.preventDefault(); tabFrom ??= active.c; select(active.r, c); return;
  }
  if (e.key === 'Home') { e.preventDefault(); select(ctrl ? 0 : active.r, 0); return; }
  if (e.key === 'PageDown' || e.key === 'PageUp') { e.preventDefault(); select(active.r + (e.key === 'PageDown' ? 20 : -20), active.c); return; }
  if (ctrl && e.key === 'Enter') { e.preventDefault(); insertRow(); return; }
  if (e.key === 'Enter' || e.key === 'F2') { e.preventDefault(); beginEdit(true); return; }
  if (ctrl && e.shiftKey && (e.key === 'Delete' || e.key === 'Backspace')) { e.preventDefault(); deleteRow(); return; }
  if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    const before = (rows[active.r] && rows[active.r][active.c]) || '';
    if (before) { pushUndo(active.r, active.c, before); setCell(active.r, active.c, ''); changed(); describeActive(); }
    return;
  }
  if (ctrl && (e.key === 'y' || e.key === 'Y' || (e.shiftKey && (e.key === 'z' || e.key === 'Z')))) { e.preventDefault(); redo(); return; }
  if (ctrl && (e.key === 'd' || e.key === 'D')) { e.preventDefault(); fillDown(); return; }
  if (ctrl && (e.key === 'z' || e.key === 'Z')) { e.preventDefault(); undo(); }
  if (e.key === 'Escape') showTip(null);
}

// ---- start ----
/** The first check: of the draft kept from last time, else of the empty sheet. boot.js
 * asked for it as it made the worker, before the page was laid out (it leaves a draft kept
 * in IndexedDB to us); the worker holds requests until its module is ready, so loading the
 * module and laying the page out overlap, and no round trip waits on a "ready" message. */
async function startup() {
  const first = boot && boot.first;
  let answer = null; // to boot.js's request for the draft
  if (first && first.type === 'load') answer = new Promise((resolve, reject) => waiting.set(first.id, { resolve, reject }));
  if (first && first.type === 'check') { latestCheck = first.id; checkAsked = boot.madeAt; document.body.dataset.pending = String(first.id); }
  if (boot) for (const e of boot.early.splice(0)) onWorkerMessage(e);
  if (first && first.type === 'check') return;
  const draft = first ? first.text : await store.get();
  if (loadedByUser) return; // a paste or a file came first
  if (!draft) { scheduleCheck(0); return; }
  await loadText(draft, { fromDraft: true, answer });
  if (!loadedByUser) $('status').textContent = t('restored');
}

function init() {
  performance.mark('jixiao-app-start');
  applyI18n();
  // A page saved "complete" comes back as the DOM it was, findings and all: what app.js adds is
  // made afresh (the sheet is redrawn below, the findings with the first check).
  document.getElementById('descs')?.remove();
  document.body.append(el('div', { id: 'descs', class: 'visually-hidden' }));
  if (location.protocol === 'file:') {
    $('offline').remove(); // a saved or downloaded copy is the offline file
    $('empty-saved').hidden = false; // storage is the origin's: say how a draft comes over
  }
  renderSheet();
  $('status').textContent = t('loading');
  const sheet = $('sheet');
  sheet.append($('editor'));
  sheet.addEventListener('mousedown', onColheadDown, true);
  sheet.addEventListener('mousedown', (e) => {
    if (e.target === $('editor')) return;
    const td = e.target.closest('.cell');
    if (!td) return;
    e.preventDefault(); // keep focus on the editor
    const [, r, c] = td.id.split('-').map(Number);
    tabFrom = null;
    select(r - 1, c - 1);
  });
  sheet.addEventListener('dblclick', (e) => { if (e.target.closest('.cell') || e.target === $('editor')) beginEdit(true); });
  sheet.addEventListener('mouseover', (e) => { if (mode === 'select') showTip(e.target.closest('.cell')); });
  sheet.addEventListener('mouseleave', () => showTip(null));
  sheet.addEventListener('scroll', () => {
    // The active cell's explanation follows it (a jump to a finding scrolls the sheet);
    // a tip shown by hovering goes.
    const td = cellEl(active.r, active.c);
    showTip(mode === 'select' && td && tipCell === td ? td : null);
    // Row numbers turn sticky only while the sheet is scrolled sideways (style.css).
    const sideways = sheet.scrollLeft > 0;
    if (sheet.classList.contains('scrolled-x') !== sideways) sheet.classList.toggle('scrolled-x', sideways);
  }, { passive: true });
  const ed = $('editor');
  ed.addEventListener('keydown', onEditorKey);
  ed.addEventListener('compositionstart', () => beginEdit(false));
  ed.addEventListener('input', () => {
    if (mode === 'select') beginEdit(false);
    if (!editing) return;
    // The sheet keeps the text; the cell under the editor is repainted when editing ends,
    // so typing never lays the sheet out again.
    setText(editing.r, editing.c, ed.value);
    typedRow = editing.r;
    $('cellbar-text').textContent = ed.value;
    scheduleCheck(); // first: the worker checks while the page lays the editor out
    fitEditor();
    saveDraftSoon();
  });
  ed.addEventListener('blur', () => { if (mode === 'edit') commitEdit(); showTip(null); });
  ed.addEventListener('focus', () => { placeEditor(); showTip(cellEl(active.r, active.c)); });
  ed.addEventListener('copy', (e) => {
    if (mode === 'edit') return;
    e.clipboardData.setData('text/plain', (rows[active.r] && rows[active.r][active.c]) || '');
    e.preventDefault();
  });
  ed.addEventListener('paste', (e) => {
    if (mode === 'edit') return; // into the cell's text, as in Excel's edit mode
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    e.stopPropagation();
    // A whole form replaces the sheet when the sheet is empty or pasted at its first cell;
    // onto any other cell, a block goes where it is pasted, as in Excel (a two-row block
    // with 指标值 in it replaced the whole sheet).
    const whole = looksLikeForm(text) && (sheetEmpty() || (active.r === 0 && active.c === 0));
    if (whole) loadText(text, { confirmReplace: true }); else if (/[\t\n]/.test(text)) pasteBlock(text); else {
      pushUndo(active.r, active.c, (rows[active.r] && rows[active.r][active.c]) || '');
      setCell(active.r, active.c, text); changed(); describeActive();
    }
  });
  document.addEventListener('paste', (e) => {
    const target = e.target;
    if (target.closest && target.closest('input, textarea, select')) return;
    const text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    loadText(text, { confirmReplace: true });
  });
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || (e.target.closest && e.target.closest('input, textarea, select'))) return;
    if (e.key === 'y' || e.key === 'Y' || (e.shiftKey && (e.key === 'z' || e.key === 'Z'))) { e.preventDefault(); redo(); } else if (e.key === 'z' || e.key === 'Z') { e.preventDefault(); undo(); }
  });
  let pasteTimer = 0;
  $('paste').addEventListener('input', () => { clearTimeout(pasteTimer); pasteTimer = setTimeout(() => loadText($('paste').value), 150); });
  $('show-text').addEventListener('click', () => {
    const panel = $('textpanel');
    panel.hidden = !panel.hidden;
    $('show-text').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) { $('paste').value = toText(rows); $('paste').focus(); }
  });
  $('new-target').addEventListener('click', () => newForm('target'));
  $('new-self').addEventListener('click', () => newForm('self-evaluation'));
  $('row-insert').addEventListener('click', insertRow);
  $('cell-insert').addEventListener('click', () => insertCell());
  $('cell-delete').addEventListener('click', () => deleteCell());
  $('row-delete').addEventListener('click', deleteRow);
  $('row-up').addEventListener('click', () => moveRow(-1));
  $('row-down').addEventListener('click', () => moveRow(1));
  $('undo').addEventListener('click', undo);
  $('redo').addEventListener('click', redo);
  $('clear').addEventListener('click', () => {
    if (!sheetEmpty() && !window.confirm(t('clearConfirm'))) return;
    pushUndo(); rows = []; renderSheet(); changed(); select(0, 0);
  });
  $('print').addEventListener('click', () => window.print());
  $('export-sheet').addEventListener('click', exportSheet);
  $('export-findings').addEventListener('click', exportFindings);
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('#diagnostics .more[aria-expanded="false"]').forEach((b) => b.click());
    document.body.dataset.printedAt = t('printedAt')(new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'));
    // Every column on the paper: narrower columns, the sheet scaled to A4 landscape's
    // width (style.css's @page); laid out as on screen again after printing.
    printing = true;
    renderSheet();
    const grid = $('sheet').querySelector('.grid');
    const width = grid ? grid.scrollWidth : 0;
    document.documentElement.style.setProperty('--print-zoom', String(width > PRINT_WIDTH ? PRINT_WIDTH / width : 1));
  });
  window.addEventListener('afterprint', () => { printing = false; renderSheet(); });
  $('lang').addEventListener('change', (e) => { lang = e.target.value; localStorage.setItem('jixiao.lang', lang); applyI18n(); scheduleCheck(0); });
  $('profile').addEventListener('change', (e) => { profile = e.target.value; localStorage.setItem('jixiao.profile', profile); scheduleCheck(0); });
  $('file').addEventListener('change', async (e) => { const f = e.target.files[0]; if (f) await openFile(f); e.target.value = ''; });
  // Nothing is lost when the tab closes.
  window.addEventListener('pagehide', saveDraftNow);
  window.addEventListener('storage', (e) => {
    if (e.key !== DRAFT_STAMP_KEY || localStorage.getItem(DRAFT_KEY) === toText(rows)) return;
    draftElsewhere = true;
    $('status').textContent = t('draftElsewhere');
  });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveDraftNow(); });
}

init();
startup();
