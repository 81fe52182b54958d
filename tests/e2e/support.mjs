// Shared by the end-to-end suites: a server for www/dist, Debian's Chromium through
// playwright-core, and helpers that use the page the way a clerk does.
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../www/serve.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixture = (p) => readFileSync(join(root, 'tests', 'fixtures', p), 'utf8');
export const shots = join(root, 'target', 'e2e');
mkdirSync(shots, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A page in a context of its own: its requests go to `log`, its errors are collected and
 * its dialogs (替换当前表格？) accepted. */
async function newPage(browser, viewport, log) {
  const context = await browser.newContext({ viewport });
  context.on('request', (r) => log.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', (d) => d.accept());
  return { page, context, errors };
}

/** Starts the server and the browser; every request any page makes is recorded. */
export async function start() {
  const server = await serve(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const requests = [];
  return {
    origin,
    browser,
    requests,
    /** Requests that went anywhere but the page's own files (blob: and data: stay in the page). */
    foreign: () => requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:')),
    async open(path = '/', { viewport = { width: 1400, height: 1000 } } = {}) {
      const opened = await newPage(browser, viewport, requests);
      await opened.page.goto(origin + path);
      return opened;
    },
    /** Opens a file from disk (file://) and waits for its first check; `seen` lists the
     * requests this page alone made. */
    async openFile(file, { viewport = { width: 1400, height: 1000 } } = {}) {
      const seen = [];
      const opened = await newPage(browser, viewport, seen);
      await opened.page.goto('file://' + file);
      await opened.page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
      return { ...opened, seen };
    },
    async stop() { await browser.close(); server.close(); },
  };
}

export const checkedCount = (page) => page.evaluate(() => Number(document.body.dataset.checked || 0));

/** Waits until the page has shown the findings of a newer check than `before`. */
export async function waitChecked(page, before) {
  await page.waitForFunction((b) => Number(document.body.dataset.checked || 0) > b && !document.body.dataset.pending, before, { timeout: 15000 });
}

/** Pastes a whole form onto the page, as Ctrl+V from Excel does, and waits for its findings. */
export async function pasteForm(page, text) {
  const before = await checkedCount(page);
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await waitChecked(page, before);
}

/** The code of each entry in the findings list (one per code; repeats are folded). */
export const listedCodes = (page) => page.$$eval('#diagnostics > li', (lis) => lis.map((li) => li.dataset.code));

/** Gives a suite its server and browser: started before its tests, stopped after them with
 * a check that no request left the page's own files. Returns a getter for the environment. */
export function suite() {
  const box = {};
  before(async () => { box.env = await start(); });
  after(async () => {
    await box.env.stop();
    assert.deepEqual(box.env.foreign(), [], 'requests beyond the page’s own files');
  });
  return () => box.env;
}

/** Opens the page and waits for its first check. */
export async function openChecked(env, path = '/') {
  const o = await env.open(path);
  await o.page.waitForFunction(() => Number(document.body.dataset.checked || 0) > 0, null, { timeout: 15000 });
  return o;
}
