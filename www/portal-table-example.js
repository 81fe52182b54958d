// A table-based portal form: the portal's own row script (添加指标 clones the last row and
// clears it, 删除 removes a row), and jixiao attached with a field map, nothing else. The
// rows' marks, notes and re-checks are attach()'s: the row script knows nothing of jixiao.
import { attach } from './embed.js';

const body = document.getElementById('zb-body');
document.getElementById('add-row').addEventListener('click', () => {
  const row = body.lastElementChild.cloneNode(true);
  for (const input of row.querySelectorAll('input')) input.value = '';
  body.append(row);
  row.querySelector('.ej').focus();
});
body.addEventListener('click', (e) => {
  if (e.target.closest('.del')) e.target.closest('tr').remove();
});

const status = document.getElementById('jixiao-status');
window.jixiaoHandle = attach(document.getElementById('mbsb'), {
  kind: 'target',
  moneyUnit: 'wanyuan',
  fields: { 项目名称: 'input[name=xmmc]' },
  funding: [
    { label: '年度资金总额', cells: { budgetInitial: '[name=ndzj]' } },
    { label: '其中：财政拨款', cells: { budgetInitial: '[name=czbk]' } },
  ],
  indicators: { rows: '#zb-body tr', cells: { level1: '.yj', level2: '.ej', level3: '.sj', target: '.zbz' } },
}, {
  profile: 'auto',
  formSlot: '#zb-findings',
  onReport: (r) => {
    const s = r.summary;
    status.textContent = `jixiao 本机检查：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示`;
    document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
  },
});
