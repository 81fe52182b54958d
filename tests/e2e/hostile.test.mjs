// End-to-end: hostile and outsized input in the page — 100,000 rows, a 1 MB cell, more than
// the documented 20 MB, a GBK file — and exports, all without a request leaving the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite, openChecked, fixture, root, pasteForm, checkedCount, waitChecked, listedCodes } from './support.mjs';

const env = suite();

const openPage = () => openChecked(env());

/** How long the page's main thread takes to answer, in ms (it must stay responsive). */
const responsiveness = (page) => page.evaluate(() => new Promise((resolve) => {
  const t0 = performance.now();
  setTimeout(() => resolve(performance.now() - t0), 0);
}));

test('a 100,000-row paste is checked in full and the page stays responsive', async () => {
  const { page, context, errors } = await openPage();
  const rows = '\t产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t1\t1\t\n'.repeat(100_000);
  const text = fixture('clean/valid-central-self-evaluation.tsv').replace('总分', `${rows}总分`);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => document.querySelector('#forms li')?.textContent.includes('100005'), null, { timeout: 120000 });
  // Only a chunk of rows is in the page; the rest comes as it is scrolled to.
  assert.ok(await page.locator('#sheet .srow').count() < 5000);
  assert.ok(await page.locator('.more-rows').isVisible());
  assert.ok((await responsiveness(page)) < 200);
  // Typing still works, and a finding far down the sheet can be jumped to.
  await page.click('#cell-14-5');
  await page.keyboard.insertText('≥**');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#diagnostics > li')].some((li) => li.dataset.code === 'V002'), null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 1 MB cell is shown cut short and checked in full', async () => {
  const { page, context, errors } = await openPage();
  const long = '很长的说明'.repeat(210_000);
  await pasteForm(page, fixture('clean/valid-central-self-evaluation.tsv').replace('企业安全意识', long));
  assert.ok((await listedCodes(page)).includes('S017'));
  const shown = await page.textContent('#cell-16-4');
  assert.ok(shown.length < 3000, `${shown.length} characters in the page`);
  assert.ok((await responsiveness(page)) < 200);
  assert.deepEqual(errors, []);
  await context.close();
});

test('more than the 20 MB limit is refused with a clear message, and the sheet is kept', async () => {
  const { page, context } = await openPage();
  await pasteForm(page, fixture('R001/invalid-wrong-rate.tsv'));
  const huge = 'a'.repeat(21 * 1024 * 1024);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, huge);
  await page.waitForFunction(() => document.querySelector('#summary .problem'), null, { timeout: 60000 });
  assert.match(await page.textContent('#summary .problem'), /输入过大.*上限 20971520 字节/);
  assert.equal(await page.textContent('#cell-6-7'), '98.50%');
  await context.close();
});

test('a GBK file from Chinese-locale Excel opens as Chinese; both exports download without a request', async () => {
  const { page, context } = await openPage();
  // 培训人次 / ≥300人次 … encoded as GBK (what WPS and Excel on Chinese Windows save).
  const gbk = await page.evaluate(async (text) => {
    // Encode through the page's own decoder table: find GBK bytes for each char.
    const out = [];
    const dec = new TextDecoder('gbk');
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) { out.push(ch.charCodeAt(0)); continue; }
      let found = null;
      for (let a = 0x81; a <= 0xfe && !found; a++) {
        for (let b = 0x40; b <= 0xfe; b++) {
          if (dec.decode(new Uint8Array([a, b])) === ch) { found = [a, b]; break; }
        }
      }
      out.push(...found);
    }
    return out;
  }, '项目名称\t甲\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥300人次\n');
  const dir = join(root, 'target', 'e2e');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gbk.tsv');
  writeFileSync(file, Buffer.from(gbk));
  const n = await checkedCount(page);
  await page.setInputFiles('#file', file);
  await waitChecked(page, n);
  assert.equal(await page.textContent('#cell-3-3'), '培训人次');
  assert.match(await page.textContent('#forms'), /「甲」/);
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.click('#export-sheet')]);
  const csv = await (await import('node:fs/promises')).readFile(await sheet.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff项目名称,甲'), csv.slice(0, 40));
  const [found] = await Promise.all([page.waitForEvent('download'), page.click('#export-findings')]);
  const report = await (await import('node:fs/promises')).readFile(await found.path(), 'utf8');
  assert.match(report, /代码/);
  await context.close();
});

test('a corrupt, encrypted or bomb-sized workbook gets a message and the sheet is kept', async () => {
  const { page, context, errors } = await openPage();
  const text = fixture('clean/valid-central-self-evaluation.tsv');
  await pasteForm(page, text);
  const dir = join(root, 'target', 'e2e');
  mkdirSync(dir, { recursive: true });
  // An OLE compound file naming an EncryptedPackage stream, as Excel saves a password-protected .xlsx.
  const encrypted = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(encrypted);
  Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 512);
  for (const [name, bytes, says] of [
    ['broken.xlsx', Buffer.from('PK\x03\x04\x14\x00broken', 'latin1'), /损坏/],
    ['locked.xlsx', encrypted, /密码/],
  ]) {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    await page.setInputFiles('#file', file);
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#status').textContent), says.source);
    assert.match(await page.textContent('#status'), /无法读取该文件/);
    assert.equal(await page.textContent('#cell-3-2'), '社区安全培训', 'the sheet is kept');
  }
  assert.deepEqual(errors, []);
  await context.close();
});
