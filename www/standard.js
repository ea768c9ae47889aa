// Standard-case calculator (标准案件): last year's baseline, one case computed
// live with the core's explanation, and per-judge totals for a sample of this
// year's cases against the targets. Every number comes from the package; this
// file reads forms, maps the example court's records to the input shapes and
// renders.
import { showError, table, fetchJson } from './app.js';

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const BASELINE_YEAR = 2025;
const TARGET_YEAR = 2026;
const COMPONENTS = [['dossier', '卷宗'], ['transcript', '庭审笔录'], ['judgment', '裁判文书']];
const isTrial = (c) => c.category !== 'enforcement';

/** An example-court record as a `StandardCase` (inputs reject unknown fields). */
function asStandardCase(c, judge) {
  const out = { id: c.id, caseType: c.caseType, category: c.category, procedure: c.procedure, complexity: c.complexity, pages: c.pages };
  if (judge) Object.assign(out, { judge, department: c.department });
  return out;
}

/** An example-court record as an assignment `Case`. */
const asAssignCase = (c) => ({
  id: c.id, caseType: c.caseType, department: c.department, hard: c.hard ?? false,
  leaderExcluded: c.leaderExcluded ?? false, recuse: c.recuse ?? [], panelSize: c.panelSize ?? 1, filedOn: c.filedOn,
});

/** The published seed of the sample draw: SHA-256 of a fixed phrase, so every visitor sees the same sample. */
async function sampleSeed() {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('示例区法院 2026 标准案件样本')));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function mountStandard(shenguan, form, result) {
  let config; let closed; let intake; let court; let baseline;
  try {
    [config, closed, intake, court] = await Promise.all([
      fetchJson('../examples/court/standard-config.json'),
      fetchJson('../examples/court/closed-last-year.json'),
      fetchJson('../examples/court/cases.json'),
      fetchJson('../examples/court/judges.json'),
    ]);
    baseline = shenguan.computeBaseline({
      year: BASELINE_YEAR, scope: 'perCategory', config, cases: closed.filter(isTrial).map((c) => asStandardCase(c)),
    });
  } catch (err) {
    showError(result, err);
    return;
  }

  const option = (value, label = value, selected = false) => `<option value="${escape(value)}"${selected ? ' selected' : ''}>${escape(label)}</option>`;
  const categories = Object.keys(baseline.categories);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  form.innerHTML = `
    <p id="baseline-summary">Baseline ${baseline.year} 基数 (scope ${escape(baseline.scope)}) from last year's
      <span id="baseline-cases">${baseline.pooled.cases}</span> closed trial cases; weights
      dossier ${baseline.weights.dossier} / transcript ${baseline.weights.transcript} / judgment ${baseline.weights.judgment};
      digest <code id="baseline-digest">${escape(baseline.digest)}</code></p>
    <div id="baseline-averages">${table(['averages 平均页数', 'cases', 'dossier 卷宗', 'transcript 笔录', 'judgment 文书'], [
      ['pooled 全院', baseline.pooled.cases, baseline.pooled.averages.dossier, baseline.pooled.averages.transcript, baseline.pooled.averages.judgment],
      ...Object.entries(baseline.categories).map(([k, b]) => [k, b.cases, b.averages.dossier, b.averages.transcript, b.averages.judgment]),
    ])}</div>
    <h3>One case 单案计算</h3>
    <form id="sc-form" autocomplete="off">
      <label>Case type 案件类型 <select id="sc-type">${Object.entries(config.caseTypes ?? {})
        .map(([k, t]) => option(k, `${t.label ?? k} (${k}${t.category ? `, ${t.category}` : ''})`)).join('')}</select></label>
      <label>Category 类别 <select id="sc-category">${option('', '(from the case type 按案件类型)')}${categories.map((k) => option(k)).join('')}</select></label>
      <label>Procedure 程序 <select id="sc-procedure">${option('', '(none: 1)')}${Object.keys(config.procedures ?? {}).map((k) => option(k, k, k === 'ordinary')).join('')}</select></label>
      <label>Complexity 繁简 <select id="sc-complexity">${option('', '(none: 1)')}${Object.keys(config.complexity ?? {}).map((k) => option(k, k, k === 'simple')).join('')}</select></label>
      ${COMPONENTS.map(([k, zh], i) => `<label>${k[0].toUpperCase()}${k.slice(1)} pages ${zh}页数
        <input id="sc-${k}" inputmode="numeric" size="6" value="${[40, 4, 7][i]}"></label>`).join('')}
    </form>
    <div id="sc-case-result" class="result"></div>
    <h3>Per judge and targets 法官合计与目标</h3>
    <label>Sample: this year's trial cases filed through month 样本：本年截至
      <select id="sc-through">${months.slice(0, 11).map((m) => option(m, `${m} 月`, m === 3)).join('')}</select>
      (drawn by the example court's assignment, counted as closed)</label>
    <label>Goal on last year's output 目标系数 <input id="sc-goal" value="1.05" size="6"></label>
    <button id="sc-sample-button" type="button">Per-judge totals and targets 计算法官合计与目标</button>`;
  result.innerHTML = '<div id="sc-sample-result"></div>';
  const caseResult = form.querySelector('#sc-case-result');
  const sampleResult = result.querySelector('#sc-sample-result');
  const $ = (id) => form.querySelector(id);

  // ---- one case, live -------------------------------------------------------
  const readCase = () => {
    const c = { id: 'form', caseType: $('#sc-type').value };
    for (const key of ['category', 'procedure', 'complexity']) {
      const v = $(`#sc-${key}`).value;
      if (v !== '') c[key] = v;
    }
    c.pages = {};
    for (const [k] of COMPONENTS) {
      const v = $(`#sc-${k}`).value.trim();
      if (v !== '') c.pages[k] = v; // a numeric string; the core checks it
    }
    return c;
  };
  const renderCase = (c) => {
    const e = c.explanation;
    const components = e.components
      ? table(['component 项', 'pages 页数', 'average 平均', 'weight 权重', 'used 参与'],
        e.components.map((t) => [t.component, t.pages, t.average, t.weight, t.used ? 'yes' : 'no (zero average)']))
      : '';
    return `<p>Standard cases 标准案件数: <b id="sc-value">${escape(c.standard)}</b>
        (${escape(c.caseType)}, ${escape(c.category ?? '')}; averages <span id="sc-averages">${escape(e.averages ?? 'fixed score')}</span>)</p>
      <p>Formula 计算式: <code id="sc-formula">${escape(e.formula)}</code></p>
      <div id="sc-explanation">${components}
        ${table(['coefficient 系数', 'value'], [
          ['conversion 转换系数', e.coefficients.conversion], ['base weight 基础权重', e.coefficients.baseWeight],
          ['procedure 程序', e.coefficients.procedure], ['complexity 繁简', e.coefficients.complexity],
          ...(e.weightSum !== undefined ? [['weight sum W 权重和', e.weightSum]] : []),
          ...(e.fixed !== undefined ? [['fixed score 固定分值', e.fixed]] : []),
          ...(e.unrounded !== undefined ? [['unrounded 未舍入', e.unrounded]] : []),
        ])}</div>`;
  };
  const compute = () => {
    try {
      const out = shenguan.standardCases({ config, baseline, cases: [readCase()] });
      caseResult.innerHTML = renderCase(out.cases[0]);
    } catch (err) {
      showError(caseResult, err);
    }
  };
  $('#sc-form').addEventListener('input', compute);
  $('#sc-form').addEventListener('change', compute);
  $('#sc-form').addEventListener('submit', (e) => { e.preventDefault(); compute(); });
  compute();

  // ---- a sample of this year's cases per judge, and the targets --------------
  let seed;
  const sample = async () => {
    sampleResult.textContent = 'Computing… 计算中';
    try {
      seed ??= await sampleSeed();
      const through = Number($('#sc-through').value);
      const cutoff = `${TARGET_YEAR}-${String(through + 1).padStart(2, '0')}-01`;
      const done = intake.filter((c) => isTrial(c) && c.filedOn < cutoff);
      // A sample draw, no beacon: only who handles which case matters here.
      const run = { court: court.court, judges: court.judges, cases: done.map(asAssignCase), seed, beacon: { kind: 'none' }, committedAt: `${TARGET_YEAR}-01-01T00:00:00Z` };
      run.commitment = shenguan.commitRun(run).commitment;
      const entries = shenguan.assign(run).trimEnd().split('\n').slice(1).map((line) => JSON.parse(line));
      const handling = new Map(entries.filter((e) => e.caseId !== null).map((e) => [e.caseId, e.judges[0]]));
      const thisYear = shenguan.standardCases({ config, baseline, cases: done.map((c) => asStandardCase(c, handling.get(c.id))) });
      const lastYear = shenguan.standardCases({ config, baseline, cases: closed.filter(isTrial).map((c) => asStandardCase(c)) });
      const trialJudges = court.judges.filter((j) => j.department !== 'enforcement');
      const departments = court.departments.filter((d) => d.id !== 'enforcement')
        .map((d) => ({ id: d.id, judges: trialJudges.filter((j) => j.department === d.id).map((j) => j.id) }));
      const actual = Object.fromEntries(thisYear.judges.map((j) => [j.judge, j.standard]));
      const targets = shenguan.standardTargets({
        year: TARGET_YEAR,
        lastYear: { totalStandard: lastYear.total, judges: trialJudges.length, intake: closed.filter(isTrial).length },
        expectedIntake: intake.filter(isTrial).length,
        goal: $('#sc-goal').value.trim(),
        departments,
        progress: { throughMonth: through, actual },
      });
      const byJudge = new Map(thisYear.judges.map((j) => [j.judge, j]));
      const name = new Map(court.judges.map((j) => [j.id, j.name]));
      const deptName = new Map(court.departments.map((d) => [d.id, d.name]));
      const monthHeaders = months.map((m) => `${m}月`);
      sampleResult.innerHTML = `
        <p id="sc-sample-summary">Sample 样本: <b id="sc-sample-count">${thisYear.count}</b> trial cases filed through month ${through},
          drawn with seed <code>${seed.slice(0, 16)}…</code> = <b id="sc-sample-total">${escape(thisYear.total)}</b> standard cases
          (baseline digest <code>${escape(thisYear.baseline.digest.slice(0, 16))}…</code>).</p>
        <p id="sc-targets-summary">Last year 上年: ${escape(lastYear.total)} standard cases by ${trialJudges.length} trial judges,
          ${targets.lastYearIntake} cases (last year's closed trial cases, taken as its intake) → ${escape(targets.perJudgeAverageLastYear)} per judge;
          expected intake ${targets.expectedIntake}, goal ×${escape(targets.goal)} →
          basic target 基本任务 <b id="sc-basic-target">${escape(targets.basicTarget)}</b> per judge.</p>
        <div id="sc-monthly">${table(['monthly target 月度目标', ...monthHeaders], [
          ['per judge 每名法官', ...targets.monthly],
          ...targets.departments.map((d) => [`${deptName.get(d.department) ?? d.department} (${d.judges})`, ...d.monthly]),
        ])}</div>
        <div id="sc-judges">${table(['judge 法官', 'department 部门', 'cases 案件', 'standard 标准案件', 'target 目标',
          `target to month ${through}`, '% to date', '% of year', 'remaining 尚需'],
        targets.judges.map((t) => [
          `${t.judge} ${name.get(t.judge) ?? ''}`, deptName.get(t.department) ?? t.department, byJudge.get(t.judge)?.cases ?? 0,
          t.progress.actual, t.target, t.progress.targetToDate, t.progress.percentToDate ?? '—', t.progress.percentOfTarget ?? '—',
          t.progress.remaining,
        ]))}</div>
        <div id="sc-departments">${table(['department 部门', 'judges', 'target 目标', 'actual 已结', '% to date', 'remaining'],
          targets.departments.map((d) => [deptName.get(d.department) ?? d.department, d.judges, d.target,
            d.progress?.actual ?? '—', d.progress?.percentToDate ?? '—', d.progress?.remaining ?? '—']))}</div>`;
    } catch (err) {
      showError(sampleResult, err);
    }
  };
  $('#sc-sample-button').addEventListener('click', sample);
}
