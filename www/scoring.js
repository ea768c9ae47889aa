// Evaluation form (绩效评分表): a rule set's indicators as input fields, one
// judge scored live with `scoreOne` on every input. The statistics snapshot
// (baselines, population min/max/mean/sd) comes from the management office's
// batch `score` over the example judges, so a form filled with an example
// judge's values reproduces the office's number. Every number comes from the
// package; this file reads the form and renders.
import { showError, table, fetchJson } from './app.js';

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The example rule sets with an example population in examples/court/scoring-inputs.json. */
const RULE_SETS = [
  { file: 'yunnan-style', population: 'yunnan', label: '云南式 院领导 (Yunnan style, leaders)' },
  { file: 'kunming-style', population: 'kunming', label: '昆明式 法官 (Kunming style, judges)' },
  { file: 'shenzhen-style', population: 'shenzhen', label: '深圳式 分区 (Shenzhen style, zones)' },
  { file: 'spc-style', population: 'spc', label: '最高法式 合理区间 (SPC style, in-range, no ranking)' },
];

/** One explanation node as nested <details>: formula, inputs, intermediate values, clause, children. */
function explain(node, depth = 0) {
  const terms = (list, caption) => (list?.length
    ? `<div>${caption}: ${list.map((t) => `<code>${escape(t.name)} = ${escape(t.value ?? '?')}</code>${t.source ? ` <small>(${escape(t.source)})</small>` : ''}`).join('; ')}</div>`
    : '');
  const flags = node.flags?.length ? ` <small>[${node.flags.map(escape).join(', ')}]</small>` : '';
  const body = [
    node.formula && `<div>formula 公式: <code>${escape(node.formula)}</code></div>`,
    terms(node.inputs, 'inputs 输入'),
    terms(node.steps, 'values 中间值'),
    node.clause && `<div>rule clause 规则条款: <code>${escape(node.clause)}</code></div>`,
    node.note && `<div>${escape(node.note)}</div>`,
  ].filter(Boolean).join('');
  return `<details data-kind="${escape(node.kind)}" data-id="${escape(node.id)}"${depth === 0 ? ' open' : ''}><summary>${escape(node.kind)} ${escape(node.label ?? node.id)}:
    <b>${escape(node.value ?? '—')}</b>${node.outcome ? ` (${escape(node.outcome)})` : ''}${flags}</summary>${body}${
    (node.children ?? []).map((c) => explain(c, depth + 1)).join('')}</details>`;
}

export async function mountScoring(shenguan, form, result) {
  let examples;
  try {
    examples = await fetchJson('../examples/court/scoring-inputs.json');
  } catch (err) {
    showError(result, err);
    return;
  }
  form.innerHTML = `<label>Rule set 规则 <select id="rs-select">${RULE_SETS.map((r, i) => `<option value="${i}">${escape(r.label)}</option>`).join('')}</select></label>
    <div id="rs-body"></div>`;
  const body = form.querySelector('#rs-body');
  let state = null;

  const load = async () => {
    const chosen = RULE_SETS[Number(form.querySelector('#rs-select').value)];
    state = null;
    body.textContent = 'Loading… 载入中';
    result.textContent = '';
    try {
      const ruleSet = await fetchJson(`../examples/rulesets/${chosen.file}.json`);
      const population = examples[chosen.population];
      // The management office's batch: every example judge, statistics snapshot and grades with quotas.
      const batch = shenguan.score({ ruleSet, ...population, detail: 'summary' });
      state = { ruleSet, population, batch };
      const indicatorName = (id) => ruleSet.indicators.find((i) => i.id === id)?.name ?? id;
      const fields = ruleSet.indicators.map((ind) => {
        const label = `${escape(ind.name ?? ind.id)} <small>${escape(ind.id)}</small>`;
        if (ind.credit) {
          return `<label class="derived">${label}: derived 折算 from ${escape(indicatorName(ind.credit.handling))} and ${escape(indicatorName(ind.credit.panel))}</label>`;
        }
        if (ind.type === 'boolean') {
          return `<label>${label} <select data-indicator="${escape(ind.id)}"><option value="">—</option><option value="false">否 no</option><option value="true">是 yes</option></select></label>`;
        }
        return `<label>${label} <input data-indicator="${escape(ind.id)}" inputmode="decimal" size="10"${ind.type === 'count' ? ' placeholder="whole number"' : ''}></label>`;
      }).join('');
      const roles = (ruleSet.tiers ?? []).flatMap((t) => t.roles.map((r) => [r, `${t.name ?? t.id} (${r})`]));
      const zones = (ruleSet.zones ?? []).map((z) => [z.id, `${z.name ?? z.id} (${z.id})`]);
      const select = (id, options) => `<select id="${id}">${options.map(([v, l]) => `<option value="${escape(v)}">${escape(l)}</option>`).join('')}</select>`;
      body.innerHTML = `
        <p id="rs-info">${escape(ruleSet.name ?? ruleSet.id)} — <code>${escape(batch.ruleSet.id)}</code> v${escape(batch.ruleSet.version)},
          digest <code id="rs-digest">${escape(batch.ruleSet.digest.slice(0, 16))}…</code>. <small>${escape(ruleSet.description ?? '')}</small></p>
        <p>Statistics from the office's batch over ${population.judges.length} example judges 统计数据取自考核办批量评分:
          ${batch.statistics.populations.length} population figures, baselines for ${Object.keys(batch.statistics.baselines).length} court(s).</p>
        <label>Start from 起始 ${select('rs-example', [['', 'a blank form 空白表'], ...population.judges.map((j) => [j.id, `example judge ${j.id} ${j.name ?? ''}`])])}</label>
        <label>Name 姓名 <input id="rs-name" size="16"></label>
        ${roles.length ? `<label>Role 职务 ${select('rs-role', roles)}</label>` : ''}
        ${zones.length ? `<label>Zone 考核分区 ${select('rs-zone', zones)}</label>` : ''}
        ${Object.keys(population.baselines ?? {}).length ? `<label>Court 法院 <input id="rs-court" size="12" list="rs-courts">
          <datalist id="rs-courts">${Object.keys(population.baselines).filter((c) => c !== '*').map((c) => `<option value="${escape(c)}">`).join('')}</datalist>
          <small>baselines: ${Object.entries(population.baselines).map(([c, b]) => `${escape(c)} ${escape(JSON.stringify(b))}`).join('; ')}</small></label>` : ''}
        <fieldset id="rs-fields"><legend>Indicators 指标</legend>${fields}</fieldset>
        <button id="rs-clear" type="button">Clear 清空</button>`;
      body.querySelector('#rs-example').addEventListener('change', fill);
      body.querySelector('#rs-clear').addEventListener('click', () => {
        for (const input of body.querySelectorAll('[data-indicator]')) input.value = '';
        update();
      });
      update();
    } catch (err) {
      showError(result, err);
    }
  };

  /** Copy the chosen example judge into the form (its context and values). */
  const fill = () => {
    if (!state) return;
    const id = body.querySelector('#rs-example').value;
    const judge = state.population.judges.find((j) => j.id === id);
    const set = (sel, v) => { const el = body.querySelector(sel); if (el && v !== undefined) el.value = v; };
    set('#rs-name', judge?.name ?? '');
    set('#rs-role', judge?.role);
    set('#rs-zone', judge?.zone);
    set('#rs-court', judge?.court ?? '');
    for (const input of body.querySelectorAll('[data-indicator]')) {
      const v = judge?.values[input.dataset.indicator];
      input.value = v === undefined || v === null ? '' : String(v);
    }
    update();
  };

  /** The form as a `JudgeForm`: empty fields are null (not filled in yet). */
  const readJudge = () => {
    const id = body.querySelector('#rs-example').value || 'form';
    const judge = { id, values: {} };
    const text = (sel) => body.querySelector(sel)?.value.trim() ?? '';
    if (text('#rs-name')) judge.name = text('#rs-name');
    if (body.querySelector('#rs-role')) judge.role = text('#rs-role');
    if (body.querySelector('#rs-zone')) judge.zone = text('#rs-zone');
    if (text('#rs-court')) judge.court = text('#rs-court');
    for (const input of body.querySelectorAll('[data-indicator]')) {
      const raw = input.value.trim();
      judge.values[input.dataset.indicator] = raw === '' ? null : raw === 'true' ? true : raw === 'false' ? false : raw;
    }
    return judge;
  };

  const update = () => {
    if (!state) return;
    const { ruleSet, batch } = state;
    const indicatorName = (id) => ruleSet.indicators.find((i) => i.id === id)?.name ?? id;
    try {
      const judge = readJudge();
      const out = shenguan.scoreOne({ ruleSet, judge, statistics: batch.statistics }).judge;
      const missing = new Set((out.missing ?? []).filter((m) => m.kind === 'value').map((m) => m.indicator));
      for (const input of body.querySelectorAll('[data-indicator]')) input.classList.toggle('missing', missing.has(input.dataset.indicator));
      const office = batch.judges.find((j) => j.id === judge.id);
      const officeLine = office
        ? `<p id="rs-office">Management office's batch for ${escape(office.id)} 考核办批量结果: total <b id="rs-office-total">${escape(office.total)}</b>,
            grade <b id="rs-office-grade">${escape(office.grade)}</b> (${escape(office.gradeBasis ?? '')})${office.rank !== undefined ? `, rank ${office.rank}` : ''}.
            <small>A single form grades by thresholds and vetoes only; quotas need the whole population.</small></p>`
        : '';
      const groupName = (id) => [...(ruleSet.groups ?? []), ...(ruleSet.zones ?? []).flatMap((z) => z.groups ?? [])].find((g) => g.id === id)?.name ?? id;
      const checks = out.checks?.length
        ? `<ul id="rs-checks">${out.checks.map((c) => `<li><span class="${c.passed === false ? 'bad' : c.passed ? 'ok' : 'missing'}">${c.passed === false ? '✗ fail 未通过' : c.passed ? '✓ pass 通过' : '? incomplete 待补录'}</span> ${escape(c.name ?? c.id)}${c.vetoGrade ? ` <small>(veto → ${escape(c.vetoGrade)})</small>` : ''}: ${escape(c.messageZh)} / ${escape(c.message)}</li>`).join('')}</ul>`
        : '';
      const head = out.complete
        ? `<p>Total 总分 <b id="rs-total">${escape(out.total)}</b>, grade 等次 <b id="rs-grade">${escape(out.grade)}</b>
            <small>(${escape(out.gradeBasis ?? '')}${out.tier ? `, tier ${escape(out.tier)}` : ''}${out.zone ? `, zone ${escape(out.zone)}` : ''})</small></p>
          <div id="rs-vetoes">${out.vetoes.length
            ? `<p class="bad">Veto 一票否决:</p><ul>${out.vetoes.map((v) => `<li>${escape(v.name ?? v.id)} → ${escape(v.grade)}: ${escape(v.reasonZh)} / ${escape(v.reason)} <code>${escape(v.clause)}</code></li>`).join('')}</ul>`
            : '<p>No veto applies 无一票否决情形.</p>'}</div>`
        : `<p class="missing">Still missing 尚缺 ${out.missing.length}:</p><ul id="rs-missing">${out.missing.map((m) =>
          `<li data-indicator="${escape(m.indicator)}">${escape(indicatorName(m.indicator))} <small>${escape(m.kind)} <code>${escape(m.path)}</code></small></li>`).join('')}</ul>`;
      result.innerHTML = `${head}${officeLine}
        <div id="rs-groups">${table(['group 分组', 'score 得分', 'weighted 折算'], out.groups.map((g) => [groupName(g.id), g.score ?? '—', g.weighted ?? '—']))}</div>
        ${checks}
        <div id="rs-explanation">${out.explanation ? explain(out.explanation) : ''}</div>`;
    } catch (err) {
      showError(result, err);
    }
  };

  form.querySelector('#rs-select').addEventListener('change', load);
  form.addEventListener('input', (e) => { if (e.target.dataset?.indicator || ['rs-name', 'rs-court'].includes(e.target.id)) update(); });
  form.addEventListener('change', (e) => { if (e.target.dataset?.indicator || ['rs-role', 'rs-zone'].includes(e.target.id)) update(); });
  await load();
}
