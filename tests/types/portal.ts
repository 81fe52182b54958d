// A portal written in TypeScript that uses jixiao as the README's "In a portal" shows:
// `make types` compiles it with `tsc --strict --noEmit` against the .d.ts in www/dist.
import { initSync, Validator } from './pkg/jixiao.js';
import { wasmModuleBytes } from './wasm_bytes.js';
import { readSheets, readWorkbook } from './workbook.js';
import { attach, defineElement } from './embed.js';
import type { Report } from './pkg/jixiao.js';
import type { AttachHandle } from './embed.js';

// What the portal has at hand: a paste, two forms, the bytes of an opened file.
declare const pastedText: string;
declare const selfEvaluation: string;
declare const approvedTargetForm: object;
declare const fileBytes: Uint8Array;
declare const xlsxBytes: Uint8Array;

initSync({ module: await wasmModuleBytes() });
const v = new Validator({ profile: 'auto', lang: 'zh' });
const report: Report = v.check(pastedText);
const pair: Report = v.check(selfEvaluation, approvedTargetForm);
for (const d of report.diagnostics) console.log(d.code, d.location.row, d.location.column, d.message);
console.log(pair.summary.errors, v.template('self-evaluation').length);

const sheets = await readSheets(fileBytes);
for (const s of sheets) if (v.holdsForm(s.text)) console.log(s.name, v.check(s.text));
const rows: string[][] = await readWorkbook(xlsxBytes);
console.log(rows.length);

const root = document.querySelector('#zpb');
if (!root) throw new Error('no form');
const handle: AttachHandle = attach(root, {
  kind: 'self-evaluation',
  fields: { 项目名称: 'input[name=xmmc]' },
  funding: [{ label: '年度资金总额', cells: { budgetAdjusted: '[name=qnys]', executed: '[name=zxs]', rate: '[name=zxl]' } }],
  indicators: { rows: 'tr.zb-row', cells: { level1: '.yj', level2: '.ej', level3: '.sj', target: '.zbz', actual: '.wcz' } },
}, { profile: 'auto', formSlot: '#zb-findings', onReport: (r) => console.log(r.summary) });
await handle.ready;
const latest: Report | null = handle.check();
console.log(latest?.summary.warnings);
handle.detach();

defineElement();
