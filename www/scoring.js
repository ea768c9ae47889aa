// Evaluation form: one judge scored live by a rule set, with missing inputs
// listed and every point explained. All numbers come from the package.
import { showError, fetchJson } from './app.js';

const RULE_SETS = ['yunnan-style', 'kunming-style', 'shenzhen-style', 'demo-court'];

function explain(node) {
  const terms = (list) => (list ?? []).map((t) => `${t.name} = ${t.value ?? '—'}`).join('; ');
  const summary = `${node.label ?? node.id}: <b>${node.value ?? '—'}</b>${node.outcome ? ` (${node.outcome})` : ''}`;
  const body = [
    node.formula && `<div>formula: <code>${node.formula}</code></div>`,
    node.inputs?.length && `<div>inputs: ${terms(node.inputs)}</div>`,
    node.steps?.length && `<div>steps: ${terms(node.steps)}</div>`,
    node.clause && `<div>rule: <code>${node.clause}</code></div>`,
    node.note && `<div>${node.note}</div>`,
  ].filter(Boolean).join('');
  return `<details><summary>${summary}</summary>${body}${(node.children ?? []).map(explain).join('')}</details>`;
}

export async function mountScoring(shenguan, form, result) {
  const examples = await fetchJson('../examples/court/scoring-inputs.json');
  form.innerHTML = `<label>Rule set 规则 <select id="rs-select">${RULE_SETS.map((r) => `<option>${r}</option>`).join('')}</select></label><div id="rs-fields"></div>`;
  let state = null;

  const load = async () => {
    const name = form.querySelector('#rs-select').value;
    const ruleSet = await fetchJson(`../examples/rulesets/${name}.json`);
    const sample = examples[name.replace('-style', '')];
    // The management office's batch gives the statistics the form reuses.
    const statistics = sample ? shenguan.score({ ruleSet, ...sample, detail: 'summary' }).statistics : undefined;
    const template = sample?.judges[0] ?? { id: 'form', role: ruleSet.tiers?.[0]?.roles?.[0], values: {} };
    state = { ruleSet, statistics, template };
    const fields = ruleSet.indicators.map((ind) => `<label>${ind.name ?? ind.id} <input data-indicator="${ind.id}" size="8"></label>`).join('');
    form.querySelector('#rs-fields').innerHTML = `<p>${ruleSet.name ?? ruleSet.id} v${ruleSet.version}; role ${template.role ?? '—'}</p>${fields}
      <button id="rs-fill">Fill with the example judge 填入示例</button>`;
    form.querySelector('#rs-fill').onclick = (e) => {
      e.preventDefault();
      for (const input of form.querySelectorAll('[data-indicator]')) {
        const v = template.values[input.dataset.indicator];
        input.value = v === undefined ? '' : String(v);
      }
      update();
    };
    update();
  };

  const update = () => {
    if (!state) return;
    try {
      const values = {};
      for (const input of form.querySelectorAll('[data-indicator]')) {
        const raw = input.value.trim();
        values[input.dataset.indicator] = raw === '' ? null : raw === 'true' ? true : raw === 'false' ? false : raw;
      }
      const { ruleSet, statistics, template } = state;
      const judge = { id: template.id, role: template.role, zone: template.zone, court: template.court, values };
      for (const key of ['role', 'zone', 'court']) if (judge[key] === undefined) delete judge[key];
      const out = shenguan.scoreOne({ ruleSet, judge, ...(statistics ? { statistics } : {}) }).judge;
      result.innerHTML = out.complete
        ? `<p>Total 总分 <b id="rs-total">${out.total}</b>, grade 等次 <b id="rs-grade">${out.grade}</b>${out.vetoes?.some((v) => v.applied) ? ' <span class="bad">veto applied 一票否决</span>' : ''}</p>${explain(out.explanation)}`
        : `<p class="missing">Still missing 尚缺: <span id="rs-missing">${out.missing.map((m) => m.indicator ?? m.path).join(', ')}</span></p>${out.explanation ? explain(out.explanation) : ''}`;
    } catch (err) {
      showError(result, err);
    }
  };

  form.querySelector('#rs-select').addEventListener('change', load);
  form.addEventListener('input', (e) => { if (e.target.dataset.indicator) update(); });
  await load();
}
