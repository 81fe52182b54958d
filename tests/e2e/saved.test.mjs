// End-to-end: the page a clerk saves with the browser (Ctrl+S) opens from file:// and checks.
// Chromium saves a page two ways: "HTML only" writes the document as it was served;
// "complete" writes the document as it now stands (the DOM after the page has run, with the
// sheet it shows) and every file the page loaded into a folder beside it. Both are made here
// as Chromium makes them, opened from file://, and used: seed 004 pasted, its findings seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { suite, fixture, shots, root, pasteForm, listedCodes, openChecked } from './support.mjs';

const env = suite();
const SEED = 'seeds/004_9d9dc482990db41b.txt';

/** Opens a saved copy from disk, pastes seed 004 and returns what it found, every request
 * the page made, and its errors. */
async function useSaved(file) {
  const { page, context, errors, seen } = await env().openFile(file);
  const hint = await page.locator('#empty-saved').isVisible();
  await pasteForm(page, fixture(SEED));
  const codes = await listedCodes(page);
  // A workbook: the reader's bytes are beside the served page, not in it (jixiao.html, the
  // download, carries them: embed.test.mjs); the saved copy says so, and the form stays.
  await page.setInputFiles('#file', join(root, 'tests', 'fixtures', 'xlsx', 'seed-004.xlsx'));
  await page.waitForFunction(() => /不带读取工作簿的程序/.test(document.getElementById('status').textContent));
  const workbookStatus = await page.textContent('#status');
  const codesAfter = await listedCodes(page);
  const foreign = seen.filter((u) => !/^(file|data|blob):/.test(u));
  const offlineLink = await page.locator('#offline').count();
  return { page, context, codes, codesAfter, workbookStatus, foreign, errors, hint, offlineLink };
}

test('the served page, saved as "HTML only" and as "complete", opens from file:// and checks seed 004', async () => {
  const { page, context } = await openChecked(env());
  const loaded = [];
  context.on('request', (r) => loaded.push(r.url()));
  // The clerk works a while before saving: the saved DOM shows a checked form.
  await pasteForm(page, fixture(SEED));
  const served = await listedCodes(page);
  assert.ok(served.includes('R004'));
  assert.equal(await page.locator('#offline').getAttribute('href'), 'jixiao.html');

  // HTML only: the document's bytes as served.
  const htmlOnly = mkdtempSync(join(tmpdir(), 'jixiao-html-only-'));
  const bytes = Buffer.from(await (await fetch(env().origin + '/')).arrayBuffer());
  writeFileSync(join(htmlOnly, '预算绩效表格检查.html'), bytes);

  // Complete: the DOM serialised as Chromium does (with its saved-from comment), and each file
  // the page loaded, by name, in the folder beside it. The page loads none: `loaded` stays
  // empty of anything but the page, and the folder is written all the same.
  const complete = mkdtempSync(join(tmpdir(), 'jixiao-complete-'));
  const files = join(complete, '预算绩效表格检查_files');
  mkdirSync(files);
  const own = loaded.filter((u) => u.startsWith(env().origin + '/') && u !== env().origin + '/');
  for (const u of own) writeFileSync(join(files, new URL(u).pathname.split('/').pop()), Buffer.from(await (await fetch(u)).arrayBuffer()));
  const url = env().origin + '/';
  const dom = await page.evaluate(() => `<!DOCTYPE html>\n${document.documentElement.outerHTML}`);
  const savedFrom = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`;
  writeFileSync(join(complete, '预算绩效表格检查.html'), savedFrom + dom);
  await context.close();

  for (const [how, file] of [['HTML only', join(htmlOnly, '预算绩效表格检查.html')], ['complete', join(complete, '预算绩效表格检查.html')]]) {
    const r = await useSaved(file);
    // The DOM saved "complete" holds the sheet as it stood, its cells' widths inline; the page's
    // CSP refuses those style attributes as the copy is parsed (console only), and app.js
    // draws the sheet afresh.
    const inlineStyle = /^Applying inline style violates the following Content Security Policy directive 'style-src/;
    assert.deepEqual(r.errors.filter((e) => !(how === 'complete' && inlineStyle.test(e))), [], how);
    assert.deepEqual(r.foreign, [], `${how}: requests other than file:, data: and blob:`);
    assert.deepEqual(r.codes, served, `${how}: the findings of seed 004`);
    assert.match(r.workbookStatus, /下载离线版/, `${how}: what to do with a workbook`);
    assert.deepEqual(r.codesAfter, served, `${how}: the pasted form is kept`);
    assert.equal(r.offlineLink, 0, `${how}: the saved copy is the offline file`);
    // The served page's drafts stay with its origin: the saved copy says how to bring one over.
    assert.ok(r.hint, `${how}: the hint on carrying a draft over`);
    await r.page.screenshot({ path: join(shots, `saved-${how === 'complete' ? 'complete' : 'html-only'}.png`) });
    await r.context.close();
  }
});
