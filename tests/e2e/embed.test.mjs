// End-to-end: the single offline file from file://, and jixiao embedded in a portal's own
// form (attach and the custom element), in headless Chromium; no request leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { suite, fixture, shots, root, pasteForm, listedCodes } from './support.mjs';
import { CSP } from '../../www/serve.mjs';

const env = suite();

test('the single-file page works from file:// and fetches nothing', async () => {
  const { page, context, errors, seen } = await env().openFile(join(root, 'www', 'dist', 'jixiao.html'));
  await pasteForm(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  assert.ok((await listedCodes(page)).includes('R004'));
  assert.equal(await page.locator('#offline').count(), 0);
  // A workbook: the .xlsx reader's module rides inline in the file and loads on demand.
  const n = await page.evaluate(() => Number(document.body.dataset.checked || 0));
  await page.setInputFiles('#file', join(root, 'tests', 'fixtures', 'xlsx', 'invalid-wrong-rate.xlsx'));
  await page.waitForFunction((b) => Number(document.body.dataset.checked || 0) > b, n);
  assert.ok((await listedCodes(page)).includes('R001'));
  const foreign = seen.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'offline-file.png') });
  await context.close();
});

test('a portal’s own form is checked by attach() as it is typed, and detach() cleans up', async () => {
  const { page, context, errors } = await env().open('/portal-example.html');
  await page.waitForFunction(() => Number(document.body.dataset.checks || 0) > 0);
  assert.match(await page.textContent('#jixiao-status'), /0 个错误/);
  // A wrong rate in the portal's 执行率 input.
  const before = await page.evaluate(() => Number(document.body.dataset.checks));
  await page.fill('input[name=zje_zxl]', '59.00%');
  await page.waitForFunction((b) => Number(document.body.dataset.checks) > b, before);
  const rate = page.locator('input[name=zje_zxl]');
  assert.match(await rate.getAttribute('class'), /jixiao-error/);
  assert.equal(await rate.getAttribute('aria-invalid'), 'true');
  const note = await rate.getAttribute('aria-describedby');
  assert.match(await page.textContent(`#${note}`), /执行率/);
  assert.match(await page.textContent('#jixiao-status'), /[1-9] 个错误/);
  // A bad 指标值 in an indicator row's input.
  await page.fill('tr.zb-row:nth-child(2) .zbz', '≥**');
  await page.waitForFunction(() => document.querySelector('tr.zb-row:nth-child(2) .zbz').classList.contains('jixiao-error'));
  await page.screenshot({ path: join(shots, 'portal-example.png'), fullPage: true });
  await page.evaluate(() => window.jixiaoHandle.detach());
  assert.equal(await page.locator('.jixiao-error, .jixiao-warning, .jixiao-note').count(), 0);
  assert.equal(await rate.getAttribute('aria-invalid'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the <jixiao-check> element checks the form it is pointed at', async () => {
  const { page, context, errors } = await env().open('/element-example.html');
  await page.waitForFunction(() => /jixiao 检查/.test(document.querySelector('jixiao-check').textContent));
  assert.match(await page.textContent('jixiao-check'), /0 个错误/);
  await page.fill('tr.r:nth-child(3) .v', '二100');
  await page.waitForFunction(() => /[1-9] 个错误/.test(document.querySelector('jixiao-check').textContent));
  assert.match(await page.locator('tr.r:nth-child(3) .v').getAttribute('class'), /jixiao-error/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a portal reads a workbook with workbook.js; a file that is not one is refused', async () => {
  const { page, context, errors } = await env().open('/portal-example.html');
  const xlsx = [...readFileSync(join(root, 'tests', 'fixtures', 'xlsx', 'seed-004.xlsx'))];
  const out = await page.evaluate(async (bytes) => {
    const { readWorkbook } = await import('./workbook.js');
    const rows = await readWorkbook(new Uint8Array(bytes));
    let refused = null;
    try { await readWorkbook(new Uint8Array([1, 2, 3])); } catch (e) { refused = String(e.message || e); }
    const { readSheets } = await import('./workbook.js');
    const sheets = await readSheets(new Uint8Array(bytes));
    return { rows, refused, sheets };
  }, xlsx);
  assert.equal(out.sheets.length, 1);
  assert.equal(typeof out.sheets[0].name, 'string');
  assert.ok(out.sheets[0].text.includes('88.16%'), 'a sheet as the text its copy pastes');
  assert.ok(out.rows.length > 20, `rows: ${out.rows.length}`);
  assert.ok(out.rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')));
  assert.ok(out.rows.some((r) => r.includes('88.16%')), 'a rate shown as its format shows it');
  assert.ok(out.refused && out.refused.length > 0, 'a file that is not a workbook is refused with a message');
  assert.deepEqual(errors, []);
  await context.close();
});

// The table portal: rows added by cloning the last one, removed by their button, values set
// by the portal's script. Each change is made inside the page and read back after the next
// frame: attach() checks again within it.
const TABLE = '/portal-table-example.html';
const openTable = async () => {
  const opened = await env().open(TABLE);
  await opened.page.waitForFunction(() => Number(document.body.dataset.checks || 0) > 0);
  return opened;
};

/** Every trace of jixiao in the page: marked inputs, notes, form-level notes, attributes. */
const traces = (page) => page.evaluate(() => [...document.querySelectorAll(
  '[data-jixiao], [class*="jixiao-"], [aria-invalid], [aria-describedby], [title], input[class=""]')]
  .map((e) => e.outerHTML.slice(0, 120)));

test('a table portal: a row cloned with its marks is cleaned, values set by script and rows removed are checked within a frame', async () => {
  const { page, context, errors } = await openTable();
  const out = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const checks = () => Number(document.body.dataset.checks);
    const last = () => document.querySelector('#zb-body tr:last-child');
    const notesOf = (tr) => [...tr.querySelectorAll('.jixiao-note')].map((n) => n.textContent);
    // A value set by script fires no event.
    last().querySelector('.zbz').value = '≥**';
    await frame();
    const bySetter = { marked: last().querySelector('.zbz').getAttribute('aria-invalid'), notes: notesOf(last()) };
    // 添加指标 twice in one task: the portal clones the last row, marks and all, and clears it.
    const before = checks();
    document.getElementById('add-row').click();
    document.getElementById('add-row').click();
    await frame();
    const clone = last();
    const cloned = {
      checks: checks() - before,
      notes: notesOf(clone),
      titles: [...clone.querySelectorAll('[title]')].map((e) => e.title),
      // Each note follows the input that points to it, and no id is used twice.
      orphans: [...document.querySelectorAll('.jixiao-note')].filter((n) => !(n.previousElementSibling
        ?.getAttribute('aria-describedby') || '').split(' ').includes(n.id)).length,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      codes: window.jixiaoHandle.report.diagnostics.map((d) => d.code),
    };
    // The portal's 删除 on both new rows, and the bad value put right by script.
    for (const tr of [...document.querySelectorAll('#zb-body tr')].slice(-2)) tr.querySelector('.del').click();
    await frame();
    const removed = window.jixiaoHandle.report.diagnostics.map((d) => d.code);
    document.querySelector('#zb-body tr:last-child .zbz').value = '≥90%';
    await frame();
    // No change, no check: placing the marks is not a change to the form.
    const settled = checks();
    for (let i = 0; i < 3; i++) await frame();
    return { bySetter, cloned, removed, after: window.jixiaoHandle.report.diagnostics.map((d) => d.code), idle: checks() - settled };
  });
  assert.equal(out.bySetter.marked, 'true', 'a value set by script is checked within a frame');
  assert.match(out.bySetter.notes.join(), /≥\*\*/);
  assert.equal(out.cloned.checks, 1, 'rows added in one task: one check at the next frame');
  assert.deepEqual(out.cloned.codes.sort(), ['S007', 'S007', 'S007', 'S007', 'V002']);
  assert.ok(out.cloned.notes.every((t) => !t.includes('**')), `the clone kept the old note: ${out.cloned.notes}`);
  assert.ok(out.cloned.titles.every((t) => !t.includes('**')), `the clone kept the old title: ${out.cloned.titles}`);
  assert.equal(out.cloned.notes.length, 2, 'the clone: one note each for its empty 三级 and 指标值');
  assert.equal(out.cloned.orphans, 0, 'a note that no input points to');
  assert.equal(new Set(out.cloned.ids).size, out.cloned.ids.length, `an id used twice: ${out.cloned.ids}`);
  assert.deepEqual(out.removed, ['V002'], 'removed rows are checked within a frame');
  assert.deepEqual(out.after, []);
  assert.equal(out.idle, 0, 'checked again with nothing changed');
  assert.deepEqual(await traces(page), [], 'a mark left behind');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table portal: a marked cell and its note leave the table’s layout as it was', async () => {
  const { page, context, errors } = await openTable();
  const layout = () => page.evaluate(() => [...document.querySelectorAll('table.zb tr, table.zb tr:first-child > *')]
    .map((e) => { const r = e.getBoundingClientRect(); return `${r.top},${r.width}x${r.height}`; }));
  const before = await layout();
  await page.evaluate(async () => {
    document.querySelector('#zb-body tr:nth-child(2) .zbz').value = '≥**';
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  });
  const input = page.locator('#zb-body tr:nth-child(2) .zbz');
  await input.focus();
  const note = page.locator(`#${await input.getAttribute('aria-describedby')}`);
  assert.ok(await note.isVisible(), 'the note shows while its input has focus');
  await page.screenshot({ path: join(shots, 'portal-table-example.png'), fullPage: true });
  assert.deepEqual(await layout(), before, 'marking a cell moved the table');
  assert.equal(await note.evaluate((n) => getComputedStyle(n).position), 'absolute');
  await page.locator('#zb-body tr:nth-child(3) .sj').focus();
  assert.ok(!(await note.isVisible()), 'the note hides when its input loses focus');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table portal: a 一级 missing goes to the slot the portal names; detach() leaves nothing behind', async () => {
  const { page, context, errors } = await openTable();
  const out = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    // The 满意度 row deleted, a bad value in another row and a bad amount (an input with no
    // class of its own).
    document.querySelector('#zb-body tr:last-child .del').click();
    document.querySelector('#zb-body tr:first-child .zbz').value = '≥**';
    document.querySelector('[name=ndzj]').value = '120万元整';
    await frame();
    const amount = document.querySelector('[name=ndzj]').className;
    const slot = [...document.querySelectorAll('#zb-findings .jixiao-form-note')].map((n) => n.textContent);
    const onInputs = [...document.querySelectorAll('#mbsb .jixiao-note, #mbsb input[title]')].map((n) => n.textContent || n.title);
    const box = document.querySelectorAll('.jixiao-form-notes').length;
    window.jixiaoHandle.detach();
    const own = [...document.querySelectorAll('input')].filter((i) => Object.getOwnPropertyDescriptor(i, 'value')).length;
    // Detached: neither a row added nor a value set by script is checked.
    const checks = document.body.dataset.checks;
    document.getElementById('add-row').click();
    document.querySelector('#zb-body tr:first-child .zbz').value = '≥*';
    await frame();
    return { slot, onInputs, box, own, amount, checked: document.body.dataset.checks !== checks };
  });
  assert.equal(out.slot.length, 1, `form-level notes: ${out.slot}`);
  assert.match(out.slot[0], /缺少一级指标“满意度指标”/);
  assert.ok(out.onInputs.every((t) => !t.includes('满意度指标')), `a form-level finding on an input: ${out.onInputs}`);
  assert.ok(out.onInputs.some((t) => t.includes('≥**')), 'the bad value is marked on its input');
  assert.match(out.amount, /jixiao-error/, 'the bad amount is marked');
  assert.equal(out.box, 0, 'no box of jixiao’s own when the portal names a slot');
  assert.equal(out.own, 0, 'detach() leaves no value property on an input');
  assert.equal(out.checked, false, 'checked after detach()');
  assert.deepEqual(await traces(page), [], 'detach() left a trace');
  assert.equal(await page.locator('#zb-findings').innerHTML(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a portal that names no slot gets its form-level findings in a box at the top of its form', async () => {
  const { page, context, errors } = await env().open('/portal-example.html');
  await page.waitForFunction(() => Number(document.body.dataset.checks || 0) > 0);
  const out = await page.evaluate(async () => {
    document.querySelector('tr.zb-row:last-child').remove();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const box = document.querySelector('#zpb > .jixiao-form-notes:first-child');
    const notes = box ? [...box.children].map((n) => n.textContent) : [];
    window.jixiaoHandle.detach();
    return { notes, left: document.querySelectorAll('.jixiao-form-notes, .jixiao-form-note').length };
  });
  assert.ok(out.notes.some((t) => /缺少一级指标“满意度指标”/.test(t)), `the box: ${out.notes}`);
  assert.equal(out.left, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the host page’s CSP in the README is the one the portal pages are served and declared with', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const stated = readme.match(/The host page needs this Content-Security-Policy[\s\S]*?\n`([^`\n]+)`/);
  assert.ok(stated, 'the README states the host page’s CSP');
  assert.equal(stated[1], CSP, 'the README’s CSP and the one www/serve.mjs sends');
  const { page, context } = await openTable();
  const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.equal(meta, stated[1], 'the README’s CSP and the table portal’s own');
  await context.close();
});
