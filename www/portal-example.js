// How a portal attaches jixiao to its own form: a field map of selectors, nothing else.
import { attach } from './embed.js';

const fieldMap = {
  kind: 'self-evaluation',
  moneyUnit: 'wanyuan',
  fields: { 项目名称: 'input[name=xmmc]', 主管部门: 'input[name=zgbm]' },
  funding: [
    { label: '年度资金总额', cells: { budgetInitial: '[name=zje_nc]', budgetAdjusted: '[name=zje_qn]', executed: '[name=zje_zx]', weight: '[name=zje_fz]', rate: '[name=zje_zxl]', score: '[name=zje_df]' } },
    { label: '其中：当年财政拨款', cells: { budgetInitial: '[name=czbk_nc]', budgetAdjusted: '[name=czbk_qn]', executed: '[name=czbk_zx]' } },
  ],
  indicators: {
    rows: 'tr.zb-row',
    cells: { level1: '.yj', level2: '.ej', level3: '.sj', target: '.zbz', actual: '.wcz', weight: '.fz', score: '.df', deviationReason: '.pcyy' },
  },
};

const status = document.getElementById('jixiao-status');
window.jixiaoHandle = attach(document.getElementById('zpb'), fieldMap, {
  profile: 'auto',
  onReport: (r) => {
    const s = r.summary;
    status.textContent = `jixiao 本机检查：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示`;
    document.body.dataset.checks = String(Number(document.body.dataset.checks || 0) + 1);
  },
});
