// End-to-end: the built page in headless Chromium — paste seed 004 and see its findings,
// type a bad rate and see the cell marked, reload and get the draft back, and no request
// leaves the page's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (p) => readFileSync(join(root, 'tests', 'fixtures', p), 'utf8');
const shots = join(root, 'target', 'e2e');
mkdirSync(shots, { recursive: true });

let server, browser, origin;
const requests = [];

before(async () => {
  server = await serve(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  const foreign = requests.filter((u) => !u.startsWith(origin + '/'));
  assert.deepEqual(foreign, [], 'requests beyond the page’s own files');
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(origin + '/');
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
  return { page, context, errors };
}

async function pasteAndWait(page, text) {
  const before = await page.evaluate(() => Number(document.body.dataset.checked || 0));
  await page.fill('#paste', text);
  await page.waitForFunction((b) => Number(document.body.dataset.checked || 0) > b, before, { timeout: 15000 });
}

test('pasting seed 004 shows its findings and no false rate error', async () => {
  const { page, context, errors } = await openPage();
  await pasteAndWait(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const codes = await page.$$eval('#diagnostics li', (lis) => lis.map((li) => li.dataset.code));
  assert.ok(codes.includes('R004'), codes.join(','));
  assert.ok(codes.includes('S004'), codes.join(','));
  assert.equal(codes.filter((c) => c === 'S003').length, 3);
  assert.ok(!codes.includes('R001'));
  const forms = await page.textContent('#forms');
  assert.match(forms, /14 个项目/);
  // The low-rate cell (row 24, column G) is marked, with an accessible description.
  const cell = page.locator('#cell-24-7');
  assert.equal(await cell.getAttribute('aria-invalid'), 'true');
  assert.match(await cell.getAttribute('class'), /mark-warning/);
  const describedBy = await cell.getAttribute('aria-describedby');
  assert.match(await page.textContent(`#${describedBy.split(' ')[0]}`), /88\.16%/);
  await page.screenshot({ path: join(shots, 'seed-004.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing a wrong rate marks the cell; fixing it clears the mark; the draft survives a reload', async () => {
  const { page, context } = await openPage();
  const good = fixture('clean/valid-central-self-evaluation.tsv');
  await pasteAndWait(page, good);
  assert.equal(await page.locator('#diagnostics li').count(), 0);
  assert.match(await page.textContent('#summary'), /未发现问题/);
  const bad = good.replace('95.00%', '59.00%');
  await pasteAndWait(page, bad);
  const cell = page.locator('#cell-6-7');
  assert.match(await cell.getAttribute('class'), /mark-error/);
  assert.equal(await cell.textContent(), '59.00%');
  // Clicking the finding jumps to the cell.
  await page.click('#diagnostics li[data-code="R001"] button');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-6-7');
  await page.screenshot({ path: join(shots, 'wrong-rate.png') });
  await page.reload();
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0);
  assert.equal(await page.inputValue('#paste'), bad);
  assert.match(await page.locator('#cell-6-7').getAttribute('class'), /mark-error/);
  await context.close();
});

test('cell text that looks like markup renders as text', async () => {
  const { page, context, errors } = await openPage();
  const hostile = fixture('clean/valid-central-self-evaluation.tsv').replace('社区安全培训', '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>');
  await pasteAndWait(page, hostile);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('#grid img').count(), 0);
  assert.match(await page.textContent('#cell-3-2'), /<img src=x/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English can be switched on', async () => {
  const { page, context } = await openPage();
  await pasteAndWait(page, fixture('R001/invalid-wrong-rate.tsv'));
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#diagnostics li .msg')?.textContent.startsWith('Execution rate'));
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
    const { WASM_BASE64 } = await import('./wasm_bytes.js');
    glue.initSync({ module: Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)) });
    return new glue.Validator({}).check(t);
  }, text);
  assert.deepEqual(fromWasm, cli);
  await context.close();
});

test('a safe fix applies with one click and the finding goes away', async () => {
  const { page, context } = await openPage();
  await pasteAndWait(page, fixture('V008/invalid-fullwidth.tsv'));
  const before = await page.evaluate(() => Number(document.body.dataset.checked));
  await page.click('#diagnostics li[data-code="V008"] button.fix.safe');
  await page.waitForFunction((b) => Number(document.body.dataset.checked) > b, before);
  assert.equal(await page.textContent('#cell-14-5'), '≥95%');
  assert.equal(await page.locator('#diagnostics li[data-code="V008"]').count(), 0);
  assert.match(await page.inputValue('#paste'), /培训合格率\t≥95%\t97%/);
  await context.close();
});

test('the single-file page works from file:// and fetches nothing', async () => {
  const file = join(root, 'www', 'dist', 'jixiao.html');
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('file://' + file);
  await page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
  await pasteAndWait(page, fixture('seeds/004_9d9dc482990db41b.txt'));
  const codes = await page.$$eval('#diagnostics li', (lis) => lis.map((li) => li.dataset.code));
  assert.ok(codes.includes('R004'), codes.join(','));
  assert.equal(await page.locator('#offline').count(), 0);
  const foreign = seen.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(shots, 'offline-file.png') });
  await context.close();
});
