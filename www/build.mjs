// Builds www/dist: the page, its worker, the wasm-bindgen glue and the module bytes
// inlined as base64 (so the page needs no fetch and runs under connect-src 'none').
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });
for (const f of ['index.html', 'style.css', 'app.js', 'worker.js']) copyFileSync(join(here, f), join(dist, f));
copyFileSync(join(here, 'pkg', 'jixiao.js'), join(dist, 'pkg', 'jixiao.js'));
const wasm = readFileSync(join(here, 'pkg', 'jixiao_bg.wasm'));
writeFileSync(join(dist, 'wasm_bytes.js'), `export const WASM_BASE64 = "${wasm.toString('base64')}";\n`);
console.log(`www/dist built: jixiao_bg.wasm ${wasm.length} bytes`);
