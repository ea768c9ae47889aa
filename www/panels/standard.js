// <shenguan-standard>: standard cases (标准案件) and targets. Last year's
// closed cases give the baseline; this year's closed cases, each with its
// judge, become standard cases per judge; the targets and each judge's
// progress come from standardTargets, month by month. Every number is the
// core's; the page picks the cases of each month and renders.
import { h, fill, fillInParts, button, fileField, pagedTable, showError } from '../dom.js';
import { t, applyI18n } from '../i18n.js';
import { core, worker, progressBar } from '../core.js';
import { figure, heatmap } from '../chart.js';
import { exportButtons } from '../export.js';
import { importFile, loadExampleStandard } from '../spreadsheet.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const COMPONENTS = ['dossier', 'transcript', 'judgment'];

/**
 * Cases as standardCasesBulk's parallel arrays (distinct kinds, page counts,
 * judges by index), so the per-judge totals are computed in the background
 * thread; null when a case lacks a page count (standardCases then decides).
 */
function bulkInput(config, baseline, cases) {
  if (!cases.every((c) => COMPONENTS.every((k) => c.pages?.[k] !== undefined))) return null;
  const kinds = new Map();
  const judges = new Map();
  const input = { config, baseline, kinds: [], kind: [], dossier: [], transcript: [], judgment: [], judgeIds: [], judge: [] };
  for (const c of cases) {
    const kind = { caseType: c.caseType, category: c.category, procedure: c.procedure, complexity: c.complexity };
    const key = JSON.stringify(kind);
    if (!kinds.has(key)) { kinds.set(key, kinds.size); input.kinds.push(Object.fromEntries(Object.entries(kind).filter(([, v]) => v !== undefined))); }
    if (!judges.has(c.judge)) { judges.set(c.judge, judges.size); input.judgeIds.push(c.judge ?? ''); }
    input.kind.push(kinds.get(key));
    for (const k of COMPONENTS) input[k].push(c.pages[k]);
    input.judge.push(judges.get(c.judge));
  }
  if (cases.some((c) => c.judge === undefined)) { delete input.judgeIds; delete input.judge; }
  return input;
}

const monthEnd = (year, month) => `${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`;

class ShenguanStandard extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.data = {};
    this.progress = progressBar();
    this.goal = h('input', { class: 'goal', size: 6, value: '1.05', inputmode: 'decimal' });
    this.through = h('select', { class: 'through' }, MONTHS.map((m) => h('option', { value: m, selected: m === 3 }, String(m))));
    this.status = h('p', { class: 'data-status' });
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.append(
      h('p', { class: 'intro', 'data-i18n': 'standardIntro' }),
      h('div', { class: 'fields' },
        fileField('closedFile', '.csv,.xlsx', (f) => this.importInto('closedCases', f, 'closed')),
        fileField('currentFile', '.csv,.xlsx', (f) => this.importInto('closedCases', f, 'current')),
        button('loadExample', () => this.loadExample(), { class: 'load-example' })),
      this.status,
      h('div', { class: 'fields' },
        h('label', { class: 'field' }, h('span', { 'data-i18n': 'goal' }), this.goal),
        h('label', { class: 'field' }, h('span', { 'data-i18n': 'throughMonth' }), this.through)),
      h('div', { class: 'actions' }, button('compute', () => this.compute(), { class: 'compute-button' })),
      this.progress.el,
      this.result);
    applyI18n(this);
    document.addEventListener('shenguan-lang', () => this.rendered?.());
  }

  async importInto(kind, file, slot) {
    if (!file) return;
    try {
      // A court's own files are read with the example court's configuration, departments and judges.
      if (!this.data.config) this.data = await this.progress.run((options) => loadExampleStandard((run) => worker().draw(run, options)));
      const { config, courtDepartments } = this.data;
      const imported = await importFile(kind, file, { config, departments: courtDepartments });
      this.data[slot] = imported.cases.filter((c) => c.category !== 'enforcement').map((c) => ({ ...c, closedOn: c.closedOn ?? c.filedOn }));
      fill(this.status, `${file.name}: ${this.data[slot].length}`);
      fill(this.result);
    } catch (err) {
      showError(this.result, err);
    }
  }

  async loadExample() {
    try {
      // The example court's cases have no judge yet: its own draw (in the background thread) names them.
      this.data = await this.progress.run((options) => loadExampleStandard((run) => worker().draw(run, options)));
      fill(this.status, `${this.data.court}：${t('dataCounts', { closed: this.data.closed.length, current: this.data.current.length })}`);
      fill(this.result);
    } catch (err) {
      showError(this.result, err);
    }
  }

  /** Per-judge totals of `cases` ({ total, judges: [{ judge, cases, standard }] }), in the background thread when it can be. */
  async totals(shenguan, config, baseline, cases, options) {
    const bulk = bulkInput(config, baseline, cases);
    if (!bulk) return shenguan.standardCases({ config, baseline, cases });
    const out = await worker().standardCasesBulk(bulk, options);
    return { total: out.total, judges: out.judges ?? [] };
  }

  async compute() {
    try {
      const shenguan = await core();
      const { config, closed, current, year, departments, lastYearJudges } = this.data;
      const through = Number(this.through.value);
      const baseline = await worker().computeBaseline({ year: year - 1, scope: 'perCategory', config, cases: closed.map(({ judge, department, ...c }) => c) });
      const lastYear = await this.progress.run((options) => this.totals(shenguan, config, baseline, closed.map(({ judge, department, ...c }) => c), options));
      const targetsThrough = async (month) => {
        const done = current.filter((c) => c.closedOn < monthEnd(year, month));
        const out = await this.progress.run((options) => this.totals(shenguan, config, baseline, done.map(({ closedOn, ...c }) => c), options));
        const targets = shenguan.standardTargets({
          year, lastYear: { totalStandard: lastYear.total, judges: lastYearJudges, intake: closed.length },
          expectedIntake: this.data.expectedIntake, goal: this.goal.value.trim(), departments,
          progress: { throughMonth: month, actual: Object.fromEntries(out.judges.map((j) => [j.judge, j.standard])) },
        });
        return { out, targets };
      };
      const byMonth = [];
      for (const m of MONTHS.filter((month) => month <= through)) byMonth.push(await targetsThrough(m));
      this.rendered = () => this.show(baseline, lastYear, byMonth, through);
      await this.rendered();
    } catch (err) {
      this.rendered = null;
      showError(this.result, err);
    }
  }

  show(baseline, lastYear, byMonth, through) {
    const { out, targets } = byMonth.at(-1);
    const cases = new Map(out.judges.map((j) => [j.judge, j.cases]));
    const deptName = (id) => this.data.departmentNames?.[id] ?? id;
    const headers = [t('judge'), t('department'), t('cases'), t('standard'), t('target'), t('targetToDate'), t('pctToDate'), t('pctOfYear'), t('remaining')];
    this.targets = targets;
    const rows = targets.judges.map((j) => [j.judge, deptName(j.department), cases.get(j.judge) ?? 0, j.progress.actual, j.target,
      j.progress.targetToDate, j.progress.percentToDate ?? '—', j.progress.percentOfTarget ?? '—', j.progress.remaining]);
    const deptNames = targets.departments.map((d) => d.department);
    const charts = h('div', { class: 'charts' });
    // The figures and the table first, then one chart a task (fillInParts).
    return fillInParts(this.result, [() => [
      h('p', { class: 'baseline-line' }, t('baselineLine', { year: baseline.year, n: baseline.pooled.cases }), ' ', h('code', { class: 'baseline-digest' }, baseline.digest)),
      h('p', {}, t('standardTotal'), '：', h('b', { class: 'standard-total' }, out.total), '；', t('basicTarget'), '：', h('b', { class: 'basic-target' }, targets.basicTarget)),
      charts,
      exportButtons('standard-targets', () => ({ kind: 'targets', data: this.targets, departments: this.data.courtDepartments }), this.result),
      pagedTable(headers, rows, { class: 'standard-judges' })],
    () => charts.append(figure({ title: t('progressChart', { m: through }), categories: targets.judges.map((j) => j.judge),
      bars: [{ name: t('actual'), values: targets.judges.map((j) => j.progress.actual) }],
      lines: [{ name: t('targetToDate'), values: targets.judges.map((j) => j.progress.targetToDate), pointsOnly: true, color: '#b8455a' }] })),
    () => charts.append(figure({ title: `${t('pctToDate')}（${t('department')} × ${t('month')}）`, categories: byMonth.map((_, i) => `${i + 1}${t('month')}`), width: 420, height: 260,
      lines: deptNames.map((d) => ({ name: deptName(d), values: byMonth.map((m) => m.targets.departments.find((x) => x.department === d)?.progress?.percentToDate ?? null) })) })),
    () => charts.append(heatmap({ title: t('heatmapChart'), rows: targets.judges.map((j) => j.judge), cols: byMonth.map((_, i) => `${i + 1}${t('month')}`),
      values: targets.judges.map((j) => byMonth.map((m) => m.targets.judges.find((x) => x.judge === j.judge)?.progress.percentToDate ?? null)) })),
    () => charts.append(figure({ title: t('monthlyChart'), categories: MONTHS.map((m) => `${m}${t('month')}`), width: 420, height: 260,
      bars: [{ name: t('monthlyTarget'), values: targets.monthly }] }))]);
  }
}

customElements.define('shenguan-standard', ShenguanStandard);
