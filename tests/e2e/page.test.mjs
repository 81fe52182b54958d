// End-to-end: the built page in headless Chromium, used as a clerk uses it — paste, type,
// fix, open a workbook, reload — and nothing leaves the page's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { suite, openChecked, fixture, shots, root, pasteForm, waitChecked, checkedCount, listedCodes } from './support.mjs';

const env = suite();

const openPage = () => openChecked(env());

test('pasting seed 004 shows its findings, folded by code, and no false rate error', async () => {
  const { page, context, errors } = await openPage();
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const codes = await listedCodes(page);
  assert.ok(codes.includes('R004'), codes.join(','));
  assert.ok(codes.includes('S004'), codes.join(','));
  assert.ok(!codes.includes('R001'));
  // Three S003 rows: one entry, "+2 处同类" to open the others.
  const s003 = page.locator('#diagnostics > li[data-code="S003"]');
  assert.equal(await s003.count(), 1);
  await s003.locator('button.more').click();
  assert.equal(await s003.locator('ol.repeats > li').count(), 2);
  // Typing that leaves the findings as they were leaves the panel alone: the group stays open.
  let n = await checkedCount(page);
  await page.click('#cell-12-3');
  await page.keyboard.press('Enter');
  // Editing a cell of a tall row covers the whole cell, not its first line only.
  const [editorHeight, cellHeight] = await page.evaluate(() => ['editor', 'cell-12-3']
    .map((id) => document.getElementById(id).getBoundingClientRect().height));
  assert.ok(cellHeight > 40 && editorHeight >= cellHeight, `editor ${editorHeight} px, cell ${cellHeight} px`);
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await waitChecked(page, n);
  n = await checkedCount(page);
  await page.keyboard.press('Backspace');
  await waitChecked(page, n);
  assert.equal(await s003.locator('ol.repeats').isVisible(), true);
  assert.equal(await s003.locator('ol.repeats > li').count(), 2);
  assert.match(await page.textContent('#forms'), /14 个项目/);
  assert.match(await page.textContent('#summary'), /S 结构与完整性/);
  // The low-rate cell (row 24, column G) is marked, with an accessible description.
  const cell = page.locator('#cell-24-7');
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.match(await cell.getAttribute('class'), /mark-warning/);
  const describedBy = await cell.getAttribute('aria-describedby');
  assert.match(await page.textContent(`#${describedBy}`), /88\.16%/);
  await page.screenshot({ path: join(shots, 'seed-004.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finding that changes redraws its own entry: the others, and an opened group, stay', async () => {
  const { page, context, errors } = await openPage();
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const s003 = page.locator('#diagnostics > li[data-code="S003"]');
  const r004 = page.locator('#diagnostics > li[data-code="R004"]');
  await s003.locator('button.more').click();
  // Tag the entries: a kept entry keeps its tag, a redrawn one comes without.
  await s003.evaluate((li) => { li.dataset.kept = 'yes'; });
  await r004.evaluate((li) => { li.dataset.kept = 'yes'; });
  assert.match(await r004.textContent(), /88\.16%/);
  const n = await checkedCount(page);
  // The amount spent, in 合计 and 财政拨款 (row 24, columns E and F): the rate falls to 87.91%.
  await page.click('#cell-24-5');
  await page.keyboard.type('1270');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1270');
  await page.keyboard.press('Enter');
  await waitChecked(page, n);
  await page.waitForFunction(() => /87\.91%/.test(document.querySelector('#diagnostics > li[data-code="R004"]').textContent));
  // The stated 88.16% no longer matches: a new R001 entry, listed above the others.
  assert.equal(await page.locator('#diagnostics > li').first().getAttribute('data-code'), 'R001');
  assert.equal(await r004.getAttribute('data-kept'), null, 'the changed finding was not redrawn');
  assert.equal(await s003.getAttribute('data-kept'), 'yes', 'an unchanged entry was redrawn');
  assert.equal(await s003.locator('ol.repeats').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('row numbers stay in view when a wide form is scrolled sideways', async () => {
  const { page, context, errors } = await openPage();
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const sheet = page.locator('#sheet');
  const rownum = page.locator('#sheet .srow:not(.head) .rownum').nth(20);
  const left = async (l) => (await l.boundingBox()).x;
  const sheetLeft = await left(sheet);
  assert.ok(Math.abs((await left(rownum)) - sheetLeft) <= 2);
  // Not sticky at the left edge, where it would sit anyway (each sticky box costs every frame).
  assert.equal(await sheet.evaluate((s) => s.classList.contains('scrolled-x')), false);
  await sheet.evaluate((s) => { s.scrollLeft = 600; });
  await page.waitForFunction(() => document.getElementById('sheet').classList.contains('scrolled-x'));
  assert.ok(await sheet.evaluate((s) => s.scrollLeft) > 300, 'seed 004 is wider than the sheet');
  assert.ok(Math.abs((await left(rownum)) - sheetLeft) <= 2, 'the row number scrolled away');
  await sheet.evaluate((s) => { s.scrollLeft = 0; });
  await page.waitForFunction(() => !document.getElementById('sheet').classList.contains('scrolled-x'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing a bad 指标值 into a cell marks it as you type; the draft survives a reload', async () => {
  const { page, context, errors } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  assert.equal(await page.locator('#diagnostics > li').count(), 0);
  assert.match(await page.textContent('#summary'), /未发现问题/);
  // Row 14, column E holds 培训合格率's 指标值 ≥95%: type a doubled comparator over it.
  let n = await checkedCount(page);
  await page.click('#cell-14-5');
  await page.keyboard.type('>=≥95%');
  await waitChecked(page, n);
  const cell = page.locator('#cell-14-5');
  assert.match(await cell.getAttribute('class'), /mark-error/);
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.ok((await listedCodes(page)).includes('V004'));
  // The span inside the cell is underlined.
  assert.equal(await cell.locator('.span-mark').count(), 1);
  await page.keyboard.press('Enter');
  await page.screenshot({ path: join(shots, 'typed-value.png') });
  // Jumping from the finding selects the cell.
  await page.click('#diagnostics > li[data-code="V004"] button.jump');
  assert.match(await page.locator('#cell-14-5').getAttribute('class'), /active/);
  await page.reload();
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0);
  assert.equal(await page.textContent('#cell-14-5'), '>=≥95%');
  assert.match(await page.locator('#cell-14-5').getAttribute('class'), /mark-error/);
  assert.match(await page.textContent('#status'), /恢复/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('boot.js asks for the first check from <head>; a draft too long to go in the worker’s name is posted and restored', async () => {
  const { page, context, errors } = await openPage();
  assert.deepEqual(await page.evaluate(() => ({ type: jixiaoBoot.first.type, text: jixiaoBoot.first.text })), { type: 'check', text: '' });
  const form = fixture('clean/valid-central-self-evaluation.tsv');
  const filler = Array.from({ length: 12000 }, (_, i) => `备注\t第 ${i + 1} 行的补充说明文字，用来把草稿撑长`).join('\n');
  const draft = `${form.trimEnd()}\n${filler}`;
  assert.ok(draft.length > 256 * 1024, `draft ${draft.length} characters`);
  await pasteForm(page, draft); // the page keeps it as the draft
  await page.reload();
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => jixiaoBoot.first.type), 'load');
  assert.match(await page.textContent('#status'), /恢复/);
  assert.equal(await page.textContent('#cell-14-5'), '≥95%');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a safe fix applies with one click, an unsafe one after confirming, and undo takes it back', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('V008/invalid-fullwidth.tsv'));
  let n = await checkedCount(page);
  await page.click('#diagnostics > li[data-code="V008"] button.fix.safe');
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-14-5'), '≥95%');
  assert.ok(!(await listedCodes(page)).includes('V008'));
  // R001's fix changes a figure: it asks first (the test accepts).
  await pasteForm(page, fixture('R001/invalid-wrong-rate.tsv'));
  n = await checkedCount(page);
  await page.click('#diagnostics > li[data-code="R001"] button.fix.unsafe');
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-6-7'), '99.86%');
  assert.ok(!(await listedCodes(page)).includes('R001'));
  n = await checkedCount(page);
  await page.click('#undo');
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-6-7'), '98.50%');
  await context.close();
});

test('arithmetic findings show the working with the cells used', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('B002/invalid-zero-total.tsv'));
  await page.click('#diagnostics > li[data-code="B002"] button.working-btn');
  const dialog = page.locator('#working');
  assert.ok(await dialog.isVisible());
  assert.match(await page.textContent('#working-message'), /≠ 明细之和/);
  assert.equal(await page.textContent('#working-title'), '计算过程 · B002');
  const rows = await page.locator('#working-rows tr').count();
  assert.ok(rows >= 3, `${rows} rows`);
  await page.screenshot({ path: join(shots, 'working.png') });
  await page.click('#working-close');
  assert.ok(!(await dialog.isVisible()));
  await context.close();
});

test('rows are inserted, moved and deleted from the keyboard', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  await page.click('#cell-13-4'); // 培训人次
  let n = await checkedCount(page);
  await page.keyboard.press('Control+Enter'); // a new row below
  await page.keyboard.type('培训场次');
  await page.keyboard.press('Tab');
  await page.keyboard.type('≥10场');
  await page.keyboard.press('Enter');
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-14-4'), '培训场次');
  assert.equal(await page.textContent('#cell-14-5'), '≥10场');
  await page.click('#cell-14-4');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  assert.equal(await page.textContent('#cell-13-4'), '培训场次');
  n = await checkedCount(page);
  await page.keyboard.press('Control+Shift+Delete');
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-13-4'), '培训人次');
  await context.close();
});

test('as in Excel, an arrow key saves a cell typed over and moves on; after F2 it moves the text cursor; Enter after Tabs goes back to the first column', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  // Typing over two cells in turn, each followed by ↓: nothing is appended (100100 before).
  await page.click('#cell-14-5');
  await page.keyboard.type('100');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('100');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.textContent('#cell-14-5'), '100');
  assert.equal(await page.textContent('#cell-15-5'), '100');
  assert.match(await page.locator('#cell-16-5').getAttribute('class'), /active/);
  // F2 opens the cell with its text: ← moves within it.
  await page.click('#cell-14-5');
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  assert.equal(await page.textContent('#cell-14-5'), '1x00');
  assert.match(await page.locator('#cell-15-5').getAttribute('class'), /active/);
  // A row typed across with Tab, ended with Enter: the next row's first cell of the run.
  await page.click('#cell-14-3');
  for (const v of ['甲', '乙', '丙']) { await page.keyboard.type(v); await page.keyboard.press('Tab'); }
  await page.keyboard.type('丁');
  await page.keyboard.press('Enter');
  assert.deepEqual(await Promise.all([3, 4, 5, 6].map((c) => page.textContent(`#cell-14-${c}`))), ['甲', '乙', '丙', '丁']);
  assert.match(await page.locator('#cell-15-3').getAttribute('class'), /active/);
  await context.close();
});

test('jumping to a finding shows its explanation beside the cell', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.click('#diagnostics > li[data-code="R004"] button.jump');
  const tip = page.locator('#tip');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /R004/);
  // Beside the cell, after the jump's scrolling has settled.
  await page.waitForTimeout(300);
  assert.ok(await tip.isVisible());
  const cell = await page.locator('#sheet .cell.active').boundingBox();
  const box = await tip.boundingBox();
  assert.ok(Math.abs(box.y - (cell.y + cell.height)) < 20, `tip at ${box.y}, cell bottom at ${cell.y + cell.height}`);
  await context.close();
});

test('a form filled in from blank: empty cells are pointed out once the clerk has left their row, or on asking', async () => {
  const { page, context } = await openPage();
  let n = await checkedCount(page);
  await page.click('#new-self');
  await waitChecked(page, n);
  // Before: 1 error and 9 warnings (S007 项目名称… and S011 for every empty 二级) at once.
  assert.deepEqual(await listedCodes(page), []);
  assert.match(await page.textContent('#summary'), /还有 13 处未填的单元格/);
  // Row 2 holds 项目名称 and 主管部门: filling one and leaving the row brings up the other.
  n = await checkedCount(page);
  assert.match(await page.locator('#cell-2-2').getAttribute('class'), /active/); // where a new form starts
  await page.keyboard.type('测试项目');
  await waitChecked(page, n);
  assert.deepEqual(await listedCodes(page), []);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('#diagnostics > li[data-code="S007"]'));
  assert.match(await page.textContent('#diagnostics > li[data-code="S007"]'), /主管部门/);
  assert.match(await page.textContent('#summary'), /还有 11 处未填的单元格/);
  await page.click('#show-waiting');
  assert.deepEqual((await listedCodes(page)).sort(), ['S007', 'S011']);
  assert.equal(await page.locator('#show-waiting').count(), 0);
  await context.close();
});

test('a flagged paragraph of a report shows whole, with the flagged words underlined where they can be seen', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('seeds/003_fd178c73d5be2efc.txt'));
  // R003 points at 第 25 行 第 202 字, 64.086095万元 (the paragraph was clipped to 2、资金使用).
  const cell = page.locator('#cell-25-1');
  assert.match(await cell.getAttribute('class'), /mark-warning/);
  const mark = cell.locator('.span-mark');
  assert.equal(await mark.textContent(), '64.086095万元');
  const sheet = await page.locator('#sheet').boundingBox();
  const box = await mark.boundingBox();
  assert.ok(box.width > 0 && box.x >= sheet.x && box.x + box.width <= sheet.x + sheet.width, JSON.stringify({ box, sheet }));
  assert.ok((await cell.boundingBox()).height > 60, 'the paragraph wraps over several lines');
  await page.screenshot({ path: join(shots, 'report-paragraph.png') });
  // The bar above the sheet shows the selected cell's whole text, as Excel's formula bar does.
  await page.click('#cell-27-1');
  await page.click('#cell-25-1');
  assert.equal(await page.textContent('#cellbar-ref'), 'A25');
  assert.equal(await page.textContent('#cellbar-text'), fixture('seeds/003_fd178c73d5be2efc.txt').split('\n')[24].trim());
  await context.close();
});

test('on a phone, the header and toolbar take under a quarter of the screen and the findings start on the first screen', async () => {
  const { page, context } = await env().open('/', { viewport: { width: 390, height: 844 } });
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0);
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const toolbar = await page.locator('.toolbar').boundingBox();
  assert.ok(toolbar.y + toolbar.height <= 844 / 4, `the toolbar ends at ${toolbar.y + toolbar.height} px`);
  const summary = await page.locator('#summary').boundingBox();
  assert.ok(summary.y + 40 < 844, `the findings start at ${summary.y} px`);
  assert.ok(await page.locator('#diagnostics > li').first().isVisible());
  // Every toolbar button is still there, a sideways scroll away.
  assert.ok(await page.locator('#export-findings').isVisible());
  await page.screenshot({ path: join(shots, 'phone-004.png') });
  await context.close();
});

test('a row that lost a cell is mended from its finding: an empty cell inserted, the rest of the row moved right', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('S003/invalid-seed-004.tsv'));
  // S003: row 16 lacks a cell before L16 (100%验收合格), so every later cell is one to the left.
  assert.equal(await page.textContent('#cell-16-12'), '100%验收合格');
  const after = await page.textContent('#cell-16-13');
  const entry = page.locator('#diagnostics > li[data-code="S003"]');
  const fix = entry.locator('button.fix').first();
  assert.match(await fix.textContent(), /L16 插入空单元格/);
  const n = await checkedCount(page);
  await fix.click(); // the confirmation is accepted here
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-16-12'), '');
  assert.equal(await page.textContent('#cell-16-13'), '100%验收合格');
  assert.equal(await page.textContent('#cell-16-14'), after);
  assert.doesNotMatch(await page.locator('#diagnostics').textContent(), /第 16 行比其他行少一个单元格/);
  // The toolbar's 删除单元格 takes it out again.
  assert.match(await page.locator('#cell-16-12').getAttribute('class'), /active/);
  await page.click('#cell-delete');
  assert.equal(await page.textContent('#cell-16-12'), '100%验收合格');
  await context.close();
});

test('findings that follow from a cell already in error are listed under it', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('V003/invalid-excel-serial.tsv'));
  // E15's 指标值 is an Excel date serial (V003, an error); E003 and E006 score from it.
  const codes = await listedCodes(page);
  assert.ok(codes.includes('V003'));
  assert.ok(!codes.includes('E003') && !codes.includes('E006'), codes.join(' '));
  const under = page.locator('#diagnostics > li[data-code="V003"] .knock-ons > li');
  assert.deepEqual((await under.evaluateAll((lis) => lis.map((li) => li.dataset.code))).sort(), ['E003', 'E006']);
  assert.match(await page.textContent('#diagnostics > li[data-code="V003"] .knock-head'), /由此引起的 2 项/);
  await context.close();
});

test('redo takes an undo back (Ctrl+Y, Ctrl+Shift+Z), Ctrl+D fills from above, and a new edit ends redo', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  await page.click('#cell-14-5');
  await page.keyboard.type('≥96%');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+z');
  assert.equal(await page.textContent('#cell-14-5'), '≥95%');
  await page.keyboard.press('Control+y');
  assert.equal(await page.textContent('#cell-14-5'), '≥96%');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await page.textContent('#cell-14-5'), '≥96%');
  // A row deleted, undone and redone.
  await page.click('#cell-13-4');
  await page.keyboard.press('Control+Shift+Delete');
  const moved = await page.textContent('#cell-13-4');
  await page.keyboard.press('Control+z');
  assert.equal(await page.textContent('#cell-13-4'), '培训人次');
  await page.click('#redo');
  assert.equal(await page.textContent('#cell-13-4'), moved);
  // Ctrl+D fills the cell from the one above, and undoes like any edit.
  await page.click('#cell-15-8');
  const above = await page.textContent('#cell-14-8');
  assert.notEqual(await page.textContent('#cell-15-8'), above);
  await page.keyboard.press('Control+d');
  assert.equal(await page.textContent('#cell-15-8'), above);
  await page.keyboard.press('Control+z');
  // After a new edit there is nothing to redo.
  await page.keyboard.press('Control+z');
  await page.click('#cell-15-5');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await page.click('#redo');
  assert.match(await page.textContent('#status'), /没有可重做的操作/);
  await context.close();
});

test('a column is made wider by dragging its header’s right edge', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  const head = page.locator('#sheet .srow.head > .colhead').nth(3); // D
  const before = await head.boundingBox();
  const cell = await page.locator('#cell-14-4').boundingBox();
  await page.mouse.move(before.x + before.width - 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width + 120, before.y + before.height / 2, { steps: 4 });
  await page.mouse.up();
  const after = await page.locator('#cell-14-4').boundingBox();
  assert.ok(Math.abs(after.width - (cell.width + 122)) < 8, `D14 went from ${cell.width} to ${after.width} px`);
  assert.ok(Math.abs((await head.boundingBox()).width - after.width) < 2);
  await context.close();
});

test('a block pasted onto a cell goes there, even one with 指标值 in it; the sheet stays', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv'));
  const title = await page.textContent('#cell-1-1');
  const height = await page.locator('#sheet tr').count();
  await page.click('#cell-14-4');
  const n = await checkedCount(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '培训场次\t≥10场\n指标值\t绩效');
    document.querySelector('#editor').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitChecked(page, n);
  assert.deepEqual(await Promise.all(['14-4', '14-5', '15-4', '15-5'].map((c) => page.textContent(`#cell-${c}`))), ['培训场次', '≥10场', '指标值', '绩效']);
  assert.equal(await page.textContent('#cell-1-1'), title);
  assert.equal(await page.locator('#sheet tr').count(), height);
  await context.close();
});

test('two tabs share one draft: closing the older tab keeps the other’s newer draft, and a tab asks before overwriting it', async () => {
  const { page: a, context } = await openPage();
  const draft = () => a.evaluate(() => localStorage.getItem('jixiao.draft.v2'));
  const saved = (page, text) => page.waitForFunction((t) => localStorage.getItem('jixiao.draft.v2') === t, text);
  await pasteForm(a, fixture('clean/valid-central-self-evaluation.tsv'));
  await saved(a, fixture('clean/valid-central-self-evaluation.tsv').replace(/\n$/, ''));
  // When it was saved is shown.
  await a.waitForFunction(() => /草稿 \d{2}:\d{2} 已保存在本机/.test(document.querySelector('#saved-at').textContent));
  // Tab B opens with that draft, and changes a cell.
  const b = await context.newPage();
  await b.goto(env().origin + '/');
  await b.waitForFunction(() => document.querySelector('#cell-14-5')?.textContent === '≥95%');
  const asked = [];
  a.on('dialog', (d) => asked.push(d.message()));
  await b.click('#cell-14-5');
  await b.keyboard.type('≥96%');
  await b.keyboard.press('Enter');
  await b.waitForFunction(() => /≥96%/.test(localStorage.getItem('jixiao.draft.v2')));
  await a.waitForFunction(() => /另一个标签页/.test(document.querySelector('#status').textContent));
  // Closing tab A, which has nothing new, leaves B's draft as it is.
  await a.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.match(await draft(), /≥96%/);
  // An edit in tab A asks before it overwrites B's draft (the dialog is accepted here).
  await a.click('#cell-14-5');
  await a.keyboard.type('≥97%');
  await a.keyboard.press('Enter');
  await a.waitForFunction(() => /≥97%/.test(localStorage.getItem('jixiao.draft.v2')));
  assert.equal(asked.length, 1);
  assert.match(asked[0], /另一个标签页保存了更新的草稿/);
  await context.close();
});

test('the sheet’s CSV opens in LibreOffice with every cell as text, and opens again in the page as it was', async () => {
  const { page, context } = await openPage();
  const cells = [['=HYPERLINK("http://x","y")', '+1+1'], ['@SUM(A1)', '=50家'], ['-5', '项目名称']];
  await pasteForm(page, cells.map((r) => r.join('\t')).join('\n'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-sheet')]);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-csv-'));
  const csv = join(dir, 'sheet.csv');
  await download.saveAs(csv);
  // As a clerk opens it in Calc: comma-separated, UTF-8 (76).
  execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore', timeout: 120000 });
  const part = (name) => execFileSync('unzip', ['-p', join(dir, 'sheet.xlsx'), name], { encoding: 'utf8' });
  const sheet = part('xl/worksheets/sheet1.xml');
  assert.doesNotMatch(sheet, /<f[ >]/, 'no cell is a formula');
  const types = [...sheet.matchAll(/<c ([^>]*)>/g)].map(([, at]) => `${/r="(\w+)"/.exec(at)[1]}:${(/ t="(\w+)"/.exec(at) || [])[1]}`);
  assert.deepEqual(types, ['A1:s', 'B1:s', 'A2:s', 'B2:s', 'A3:s', 'B3:s'], 'every cell is text');
  const strings = [...part('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
  assert.deepEqual(strings, ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'@SUM(A1)", "'=50家", "'-5", '项目名称']);
  // The page reads its own export back without the apostrophes.
  const n = await checkedCount(page);
  await page.setInputFiles('#file', csv);
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-2-2'), '=50家');
  assert.equal(await page.textContent('#cell-1-1'), '=HYPERLINK("http://x","y")');
  assert.equal(readFileSync(csv, 'utf8').charCodeAt(0), 0xfeff);
  await context.close();
});

test('a blank form in the chosen profile’s layout, and a workbook opened from disk', async () => {
  const { page, context } = await openPage();
  // The .xlsx reader is a module of its own, fetched only when a workbook is opened.
  const reader = [];
  context.on('request', (r) => { if (r.url().endsWith('/workbook-bytes.js')) reader.push(r.url()); });
  let n = await checkedCount(page);
  await page.selectOption('#profile', 'sichuan-2023');
  await waitChecked(page, n);
  n = await checkedCount(page);
  await page.click('#new-self');
  await waitChecked(page, n);
  const sheet = await page.textContent('#sheet');
  assert.match(sheet, /指标性质/);
  assert.match(sheet, /财政专户管理资金/);
  // Its empty 二级 rows are pointed out on asking (or once their rows are filled in and left).
  await page.click('#show-waiting');
  assert.ok((await listedCodes(page)).includes('S011'));
  await page.screenshot({ path: join(shots, 'blank-sichuan.png') });
  n = await checkedCount(page);
  await page.selectOption('#profile', 'auto');
  await waitChecked(page, n);
  n = await checkedCount(page);
  assert.deepEqual(reader, []);
  await page.setInputFiles('#file', join(root, 'tests', 'fixtures', 'xlsx', 'seed-004.xlsx'));
  await waitChecked(page, n);
  assert.ok((await listedCodes(page)).includes('R004'));
  assert.equal(await page.textContent('#cell-24-7'), '88.16%');
  assert.equal(reader.length, 1);
  await context.close();
});

test('a workbook of several forms opens each sheet from the sheet list; an .xls and a Word document open too', async () => {
  const { page, context, errors } = await openPage();
  const wb = join(root, 'tests', 'fixtures', 'workbooks');
  let n = await checkedCount(page);
  // The instructions sheet and the cover are skipped; the two forms are offered.
  await page.setInputFiles('#file', join(wb, 'xlsxwriter-two-forms.xlsx'));
  await waitChecked(page, n);
  assert.equal(await page.isVisible('#sheet-pick'), true);
  const options = await page.$$eval('#sheet-pick option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(options, ['工作表 1/2：目标表', '工作表 2/2：自评表']);
  assert.match(await page.textContent('#forms'), /农村公路安全生命防护工程/);
  await page.screenshot({ path: join(shots, 'workbook-sheets.png') });
  n = await checkedCount(page);
  await page.selectOption('#sheet-pick', '1');
  await waitChecked(page, n);
  assert.match(await page.textContent('#forms'), /社区安全培训/);
  assert.equal(await page.textContent('#cell-6-7'), '95.00%'); // a formula's cached value, as its format shows it
  // An .xls with its form on the second sheet: that form, and no sheet list.
  n = await checkedCount(page);
  await page.setInputFiles('#file', join(wb, 'xlwt-instructions-first.xls'));
  await waitChecked(page, n);
  assert.equal(await page.isVisible('#sheet-pick'), false);
  assert.match(await page.textContent('#forms'), /农村公路安全生命防护工程/);
  // A Word report with its 自评表 as a table: the report and the table are offered.
  n = await checkedCount(page);
  await page.setInputFiles('#file', join(wb, 'python-docx-report.docx'));
  await waitChecked(page, n);
  const doc = await page.$$eval('#sheet-pick option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(doc, ['工作表 1/2：正文', '工作表 2/2：表格1']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the seeds as files give the findings of their pastes: 004 as .xlsx, .xls and .ods, 003 as .docx', async () => {
  const { page, context, errors } = await openPage();
  const wb = join(root, 'tests', 'fixtures', 'workbooks');
  const found = async () => (await page.$$eval('#diagnostics > li', (lis) => lis.map((li) => li.textContent))).join('\n');
  for (const [file, twin] of [
    ['seed-004.xlsx', 'seed-004__自评表.tsv'],
    ['libreoffice-seed-004.xls', 'seed-004__自评表.tsv'],
    ['libreoffice-seed-004.ods', 'seed-004__自评表.tsv'],
    ['python-docx-seed-003.docx', 'python-docx-seed-003__正文.tsv'],
  ]) {
    await pasteForm(page, fixture(`workbooks/${twin}`));
    const pasted = await found();
    assert.ok(pasted.length > 0, `${twin} has findings`);
    const n = await checkedCount(page);
    await page.setInputFiles('#file', join(wb, file));
    await waitChecked(page, n);
    assert.equal(await found(), pasted, `${file} is checked as its paste is`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('cell text that looks like markup renders as text', async () => {
  const { page, context, errors } = await openPage();
  const hostile = fixture('clean/valid-central-self-evaluation.tsv').replace('社区安全培训', '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>');
  await pasteForm(page, hostile);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('#sheet img, #sheet script').count(), 0);
  assert.match(await page.textContent('#cell-3-2'), /<img src=x/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English can be switched on', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('R001/invalid-wrong-rate.tsv'));
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#diagnostics li .msg')?.textContent.startsWith('Execution rate'));
  assert.equal(await page.textContent('#new-self'), 'New self-evaluation');
  // Kinds and profiles by their names, not their slugs (SummarySelfEvaluation, sichuan-2023).
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  // The switch of language asks for a check of its own: the paste's may land a moment later.
  await page.waitForFunction(() => /summary self-evaluation table/.test(document.getElementById('forms').textContent), null, { timeout: 10000 });
  const forms = await page.textContent('#forms');
  assert.doesNotMatch(forms, /summary-self-evaluation|narrative-report|SelfEvaluation|central-20|sichuan-20/);
  const options = await page.$$eval('#profile option', (os) => os.map((o) => o.textContent));
  assert.ok(options.length > 5);
  for (const o of options) assert.doesNotMatch(o, /^[a-z0-9-]+$|[a-z]+-\d{4}/, o);
  await context.close();
});

test('it prints as a report: the sheet and every finding, without the controls', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.ok(!(await page.locator('.toolbar').isVisible()));
  assert.ok(await page.locator('#sheet').isVisible());
  assert.equal(await page.locator('#diagnostics ol.repeats:not([hidden])').count(), 1);
  // Every column on A4 landscape (1,047 CSS pixels between its margins): seed 004 has 26.
  const grid = await page.locator('#sheet .grid').boundingBox();
  const last = await page.locator('#sheet .srow.head > div').last().boundingBox();
  assert.ok(last.x + last.width - grid.x <= 1047, `the sheet is ${last.x + last.width - grid.x} px wide on paper`);
  const pdf = await page.pdf({ preferCSSPageSize: true, path: join(shots, 'print-004.pdf') });
  assert.ok(pdf.length > 10_000);
  await page.screenshot({ path: join(shots, 'print-004.png') });
  await context.close();
});

test('the page module and the CLI give the same JSON for seed 004', async () => {
  const { execFileSync } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const bin = join(root, 'target', 'debug', 'jixiao');
  assert.ok(existsSync(bin), 'build the CLI first (cargo build)');
  const path = join(root, 'tests', 'fixtures', 'seeds', '004_9d9dc482990db41b.txt');
  let cliOut;
  try {
    cliOut = execFileSync(bin, ['check', '--format', 'json', path]);
  } catch (e) {
    cliOut = e.stdout; // exit 1 when errors are found
  }
  const cli = JSON.parse(cliOut.toString());
  const { page, context } = await openPage();
  const text = fixture('seeds/004_9d9dc482990db41b.txt');
  const fromWasm = await page.evaluate(async (t) => {
    const glue = await import('./pkg/jixiao.js');
    const { wasmModuleBytes } = await import('./wasm_bytes.js');
    glue.initSync({ module: await wasmModuleBytes() });
    return new glue.Validator({}).check(t);
  }, text);
  assert.deepEqual(fromWasm, cli);
  await context.close();
});

test('a stored profile this build no longer has still gets a first check, with auto', async () => {
  const { page, context } = await openPage();
  await page.evaluate(() => localStorage.setItem('jixiao.profile', 'no-such-profile'));
  await page.reload();
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
  assert.equal(await page.$eval('#profile', (s) => s.value), 'auto');
  await context.close();
});
