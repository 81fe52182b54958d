// Builds www/dist: the served page (index.html, app.js, worker.js, the wasm-bindgen glue and
// the module bytes inlined as base64, so nothing is fetched under connect-src 'none'), and
// jixiao.html, one self-contained file that works when opened from file://.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });
const PAGE = ['index.html', 'style.css', 'app.js', 'worker.js'];
const EMBED = ['embed.js', 'embed.d.ts', 'portal-example.html', 'portal-example.js', 'portal-example.css', 'element-example.html', 'element-example.js'];
for (const f of [...PAGE, ...EMBED]) copyFileSync(join(here, f), join(dist, f));
// embed.css: the mark styles embed.js would inject, for hosts that link them instead.
const embedSrc = readFileSync(join(here, 'embed.js'), 'utf8');
const css = embedSrc.match(/export const CSS = `([^`]*)`/);
if (!css) throw new Error('embed.js: CSS constant not found');
writeFileSync(join(dist, 'embed.css'), `/* Marks jixiao's attach() puts on a portal's inputs (generated from embed.js). */${css[1]}\n`);
copyFileSync(join(here, 'pkg', 'jixiao.js'), join(dist, 'pkg', 'jixiao.js'));
if (existsSync(join(here, 'pkg', 'jixiao.d.ts'))) copyFileSync(join(here, 'pkg', 'jixiao.d.ts'), join(dist, 'pkg', 'jixiao.d.ts'));
const wasm = readFileSync(join(here, 'pkg', 'jixiao_bg.wasm'));
const b64 = wasm.toString('base64');
writeFileSync(join(dist, 'wasm_bytes.js'), `export const WASM_BASE64 = "${b64}";\n`);

// The single file: a classic worker (no-modules glue + bytes + worker.js logic) in a
// text/plain script that app.js turns into a blob worker; app.js and the styles inline,
// allowed by their hashes in the page's CSP.
const nm = join(here, 'pkg-nomodules', 'jixiao.js');
if (existsSync(nm)) {
  const glue = readFileSync(nm, 'utf8');
  const workerModule = readFileSync(join(here, 'worker.js'), 'utf8');
  if (!workerModule.includes('= initSync({ module: decode(WASM_BASE64) })')) throw new Error('worker.js: initSync call not found');
  const workerLogic = 'const { Validator } = wasm_bindgen;\n' + workerModule
    .replace(/^import .*$/gm, '')
    .replace('= initSync({', '= wasm_bindgen.initSync({');
  // The glue and the module must come from the same wasm-bindgen run.
  const nmWasm = readFileSync(join(here, 'pkg-nomodules', 'jixiao_bg.wasm')).toString('base64');
  const workerSrc = `${glue}\nconst WASM_BASE64 = "${nmWasm}";\n${workerLogic}`.replace(/<\/script/gi, '<\\/script');
  const app = readFileSync(join(here, 'app.js'), 'utf8');
  const css = readFileSync(join(here, 'style.css'), 'utf8');
  const sha = (s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  const csp = `default-src 'none'; script-src ${sha(app)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha(css)}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'`;
  let html = readFileSync(join(here, 'index.html'), 'utf8');
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace('<link rel="stylesheet" href="style.css">', () => `<style>${css}</style>`)
    .replace('<script type="module" src="app.js"></script>', () => `<script type="text/plain" id="jixiao-worker">${workerSrc}</script>\n<script type="module">${app}</script>`);
  writeFileSync(join(dist, 'jixiao.html'), html);
  console.log(`www/dist/jixiao.html (offline single file): ${Buffer.byteLength(html)} bytes`);
}
console.log(`www/dist built: jixiao_bg.wasm ${wasm.length} bytes`);
