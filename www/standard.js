// Standard-case calculator: the baseline from last year's closed cases, one
// case computed live with its explanation, and the targets. All numbers come
// from the package; this file reads forms and renders.
import { showError, table, fetchJson } from './app.js';

export async function mountStandard(shenguan, form, result) {
  const config = await fetchJson('../examples/court/standard-config.json');
  const closed = await fetchJson('../examples/court/closed-last-year.json');
  const trial = closed.filter((c) => c.category !== 'enforcement')
    .map(({ id, caseType, category, procedure, complexity, pages }) => ({ id, caseType, category, procedure, complexity, pages }));
  const baseline = shenguan.computeBaseline({ year: 2025, scope: 'perCategory', config, cases: trial });
  const options = (values) => values.map((v) => `<option value="${v}">${v}</option>`).join('');
  form.innerHTML = `
    <p id="baseline-summary">Baseline ${baseline.year}, digest <code>${baseline.digest.slice(0, 16)}…</code>, weights
      ${baseline.weights.dossier} / ${baseline.weights.transcript} / ${baseline.weights.judgment}</p>
    ${table(['category', 'cases', 'dossier', 'transcript', 'judgment'],
      Object.entries(baseline.categories).map(([k, b]) => [k, b.cases, b.averages.dossier, b.averages.transcript, b.averages.judgment]))}
    <label>Case type 案件类型 <select id="sc-type">${Object.entries(config.caseTypes).map(([k, t]) => `<option value="${k}">${k} ${t.label ?? ''}</option>`).join('')}</select></label>
    <label>Procedure 程序 <select id="sc-procedure">${options(Object.keys(config.procedures))}</select></label>
    <label>Complexity 繁简 <select id="sc-complexity">${options(Object.keys(config.complexity))}</select></label>
    <label>Dossier pages 卷宗页数 <input id="sc-dossier" value="120" size="6"></label>
    <label>Transcript pages 庭审笔录页数 <input id="sc-transcript" value="10" size="6"></label>
    <label>Judgment pages 裁判文书页数 <input id="sc-judgment" value="12" size="6"></label>`;
  const compute = () => {
    try {
      const value = (id) => form.querySelector(id).value;
      const out = shenguan.standardCases({ config, baseline, cases: [{
        id: 'form', caseType: value('#sc-type'), procedure: value('#sc-procedure'), complexity: value('#sc-complexity'),
        pages: { dossier: value('#sc-dossier'), transcript: value('#sc-transcript'), judgment: value('#sc-judgment') },
      }] });
      const c = out.cases[0];
      result.innerHTML = `<p>Standard cases 标准案件数: <b id="sc-value">${c.standard}</b></p><p><code id="sc-formula">${c.explanation.formula}</code></p>`;
    } catch (err) {
      showError(result, err);
    }
  };
  form.addEventListener('input', compute);
  compute();
}
