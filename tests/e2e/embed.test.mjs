// End-to-end: the single offline file from file://, and jixiao embedded in a portal's own
// form (attach and the custom element), in headless Chromium; no request leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { suite, fixture, shots, root, pasteForm, listedCodes } from './support.mjs';

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
