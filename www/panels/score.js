// <shenguan-score-form>: performance scoring (绩效评分). A rule set and the
// judges' evaluation values (a spreadsheet or the example court's) are scored
// as a batch in the background thread: table, distribution of totals and
// grades, export. One judge's evaluation form is then filled in and scored
// live with scoreOne against the batch's statistics. Every figure is the core's.
import { h, fill, fillInParts, nextTask, button, fileField, clearFileField, pagedTable, showError, errorBox } from '../dom.js';
import { t, applyI18n, currentLang } from '../i18n.js';
import { core, worker, progressBar, fetchJson, exampleUrl } from '../core.js';
import { figure } from '../chart.js';
import { exportButtons } from '../export.js';
import { importFile, exampleFile } from '../spreadsheet.js';

/** The example rule sets: the example court's, with its evaluation sheet, and four styles with a population in examples/court/scoring-inputs.json. */
const RULE_SETS = [
  { file: 'demo-court', sheet: 'evaluations.xlsx', zh: '示例法院考核办法', en: 'The example court’s rules' },
  { file: 'yunnan-style', population: 'yunnan', zh: '云南式（院领导）', en: 'Yunnan style (leaders)' },
  { file: 'kunming-style', population: 'kunming', zh: '昆明式（法官）', en: 'Kunming style (judges)' },
  { file: 'shenzhen-style', population: 'shenzhen', zh: '深圳式（分区）', en: 'Shenzhen style (zones)' },
  { file: 'spc-style', population: 'spc', zh: '最高法式（合理区间）', en: 'SPC style (in range)' },
];

/** One explanation node as nested <details>, in the page's language: the
 * core's formula and note (formulaZh/noteZh in Chinese), the population its
 * statistics came from, inputs, values, clause, children. */
function explain(ruleSet, node, depth = 0) {
  const en = currentLang() === 'en';
  const terms = (list, caption) => (list?.length ? h('div', {}, t(caption), '：', list.map((x, i) => [i ? '；' : '', h('code', {}, `${x.name} = ${x.value ?? '?'}`)])) : null);
  const outcome = node.kind === 'grade' ? gradeLabel(ruleSet, node.outcome) : node.outcome && t(`outcome_${node.outcome}`);
  const formula = en ? node.formula : node.formulaZh ?? node.formula;
  const note = en ? node.note : node.noteZh ?? node.note;
  return h('details', { open: depth === 0, dataset: { kind: node.kind, id: node.id } },
    h('summary', {}, `${t(`node_${node.kind}`)} ${node.label ?? node.id}：`, h('b', {}, node.value ?? '—'), outcome ? `（${outcome}）` : ''),
    formula ? h('div', { class: 'formula' }, t('formula'), '：', h('code', {}, formula)) : null,
    node.population ? h('div', { class: 'population' }, t('population'), '：', en ? node.population.label : node.population.labelZh) : null,
    terms(node.inputs, 'inputs'), terms(node.steps, 'values'),
    node.clause ? h('div', {}, t('clause'), '：', h('code', {}, node.clause)) : null,
    note ? h('div', { class: 'note' }, note) : null,
    (node.children ?? []).map((c) => explain(ruleSet, c, depth + 1)));
}

/** A grade as the rule set names it (its id in English). */
const gradeLabel = (ruleSet, id) => (id === undefined || id === null ? '—'
  : currentLang() === 'en' ? id : ruleSet.grades?.levels?.find((g) => g.id === id)?.name ?? id);

class ShenguanScoreForm extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.progress = progressBar();
    this.ruleSelect = h('select', { class: 'rule-set', onchange: () => this.exampleValues() },
      RULE_SETS.map((r, i) => h('option', { value: i }, r.zh)));
    this.batchResult = h('div', { class: 'result batch', 'aria-live': 'polite' });
    this.form = h('div', { class: 'judge-form' });
    this.formResult = h('div', { class: 'result form-result', 'aria-live': 'polite' });
    this.append(
      h('p', { class: 'intro', 'data-i18n': 'scoreIntro' }),
      h('div', { class: 'fields' },
        h('label', { class: 'field' }, h('span', { 'data-i18n': 'ruleSet' }), this.ruleSelect),
        this.valuesField = fileField('valuesFile', '.csv,.xlsx', (f) => this.importValues(f)),
        button('loadExample', () => this.exampleValues(), { class: 'load-example' })),
      h('div', { class: 'actions' }, button('scoreBatch', () => this.scoreBatch(), { class: 'score-button' })),
      this.progress.el, this.batchResult,
      h('h3', { 'data-i18n': 'formFor' }), this.form, this.formResult);
    applyI18n(this);
    document.addEventListener('shenguan-lang', () => {
      const en = document.documentElement.lang === 'en';
      [...this.ruleSelect.options].forEach((o, i) => { o.textContent = en ? RULE_SETS[i].en : RULE_SETS[i].zh; });
      this.rendered?.();
    });
  }

  /** The chosen rule set with its example values (the file chosen before no longer applies). */
  exampleValues() {
    clearFileField(this.valuesField);
    return this.loadRuleSet();
  }

  async loadRuleSet() {
    const chosen = RULE_SETS[Number(this.ruleSelect.value)];
    try {
      const ruleSet = await fetchJson(exampleUrl(`rulesets/${chosen.file}.json`));
      // The example court's values come from its evaluation sheet, read like any court's.
      const population = chosen.sheet
        ? { judges: (await importFile('evaluations', await exampleFile(chosen.sheet), { ruleSet })).judges }
        : (await fetchJson(exampleUrl('court/scoring-inputs.json')))[chosen.population];
      this.state = { ruleSet, population, batch: null };
      fill(this.batchResult, `${ruleSet.name ?? ruleSet.id}: ${this.state.population.judges.length}`);
      fill(this.form);
      fill(this.formResult);
    } catch (err) {
      showError(this.batchResult, err);
    }
  }

  async importValues(file) {
    if (!file) return;
    try {
      if (!this.state) await this.loadRuleSet();
      const imported = await importFile('evaluations', file, { ruleSet: this.state.ruleSet });
      this.state.population = { ...this.state.population, judges: imported.judges };
      this.state.batch = null;
      fill(this.batchResult, `${file.name}: ${this.state.population.judges.length}`);
    } catch (err) {
      showError(this.batchResult, err);
    }
  }

  async scoreBatch() {
    try {
      if (!this.state) await this.loadRuleSet();
      const { ruleSet, population } = this.state;
      this.state.batch = await this.progress.run((options) => worker().score({ ruleSet, ...population, detail: 'summary' }, options));
      this.rendered = async () => { await this.showBatch(); await nextTask(); this.buildForm(); };
      await this.rendered();
    } catch (err) {
      this.rendered = null;
      showError(this.batchResult, err);
    }
  }

  showBatch() {
    const { batch, ruleSet } = this.state;
    const judges = batch.judges;
    const headers = ['ID', t('name'), t('total'), t('grade'), t('rank')];
    const rows = judges.map((j) => [j.id, j.name ?? '', j.total ?? '—', gradeLabel(ruleSet, j.grade), j.rank ?? '—']);
    const ranked = [...judges].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    const grades = [...new Set(judges.map((j) => j.grade ?? '—'))];
    const gradeNames = grades.map((g) => gradeLabel(ruleSet, g));
    const charts = h('div', { class: 'charts' });
    // The table first, then one chart a task (a thousand judges are a thousand bars).
    return fillInParts(this.batchResult, [
      () => [charts,
        exportButtons('scores', async () => {
          const { population } = this.state;
          return { kind: 'scoreTable', data: await worker().scoreTable({ ruleSet, judges: population.judges, ...(population.baselines ? { baselines: population.baselines } : {}) }), ruleSet };
        }, this.batchResult),
        pagedTable(headers, rows, { class: 'score-table' })],
      () => charts.append(figure({ title: t('totalsChart'), categories: ranked.map((j) => j.name ?? j.id), height: 260, bars: [{ name: t('total'), values: ranked.map((j) => j.total) }] })),
      () => charts.append(figure({ title: t('gradesChart'), categories: gradeNames, width: 360, height: 260,
        bars: [{ name: t('count'), values: grades.map((g) => judges.filter((j) => (j.grade ?? '—') === g).length) }] }))]);
  }

  buildForm() {
    const { ruleSet, population } = this.state;
    this.example = h('select', { class: 'example-judge', onchange: () => this.fillFrom() },
      h('option', { value: '' }, t('blankForm')), population.judges.map((j) => h('option', { value: j.id }, `${j.id} ${j.name ?? ''}`)));
    const fields = ruleSet.indicators.filter((ind) => !ind.credit).map((ind) => {
      const input = ind.type === 'boolean'
        ? h('select', { dataset: { indicator: ind.id } }, h('option', { value: '' }, '—'), h('option', { value: 'false' }, '否 no'), h('option', { value: 'true' }, '是 yes'))
        : h('input', { dataset: { indicator: ind.id }, inputmode: 'decimal', size: 10 });
      return h('label', { class: 'field' }, h('span', {}, ind.name ?? ind.id), input);
    });
    fill(this.form,
      h('label', { class: 'field' }, h('span', { 'data-i18n': 'startFrom' }, t('startFrom')), this.example),
      h('fieldset', { class: 'indicators', oninput: () => this.update(), onchange: () => this.update() }, h('legend', {}, ruleSet.name ?? ruleSet.id), fields));
    this.update();
  }

  fillFrom() {
    const judge = this.state.population.judges.find((j) => j.id === this.example.value);
    for (const input of this.form.querySelectorAll('[data-indicator]')) {
      const v = judge?.values[input.dataset.indicator];
      input.value = v === undefined || v === null ? '' : String(v);
    }
    this.update();
  }

  /** The form as the core's JudgeForm: the chosen judge's context, empty fields null. */
  readJudge() {
    const base = this.state.population.judges.find((j) => j.id === this.example.value);
    const judge = { id: base?.id ?? 'form', values: {} };
    for (const key of ['name', 'role', 'zone', 'court']) if (base?.[key] !== undefined) judge[key] = base[key];
    if (!base && this.state.population.judges[0]?.role) judge.role = this.state.population.judges[0].role;
    if (!base && this.state.population.judges[0]?.zone) judge.zone = this.state.population.judges[0].zone;
    for (const input of this.form.querySelectorAll('[data-indicator]')) {
      const raw = input.value.trim();
      judge.values[input.dataset.indicator] = raw === '' ? null : raw === 'true' ? true : raw === 'false' ? false : raw;
    }
    return judge;
  }

  async update() {
    // In a task of its own: a form of a thousand judges' choices is a task's worth already.
    await nextTask();
    const { ruleSet, batch } = this.state;
    try {
      const judge = this.readJudge();
      const out = (await core()).scoreOne({ ruleSet, judge, statistics: batch.statistics }).judge;
      const missing = new Set((out.missing ?? []).filter((m) => m.kind === 'value').map((m) => m.indicator));
      for (const input of this.form.querySelectorAll('[data-indicator]')) input.classList.toggle('missing', missing.has(input.dataset.indicator));
      const office = batch.judges.find((j) => j.id === judge.id);
      fill(this.formResult,
        out.complete
          ? h('p', {}, t('total'), ' ', h('b', { class: 'form-total' }, out.total), '，', t('grade'), ' ', h('b', { class: 'form-grade' }, gradeLabel(ruleSet, out.grade)))
          : h('p', { class: 'missing' }, t('missing', { n: out.missing.length })),
        out.complete ? h('div', { class: 'vetoes' }, out.vetoes.length
          ? out.vetoes.map((v) => h('p', { class: 'bad' }, `${t('veto')}：${v.name ?? v.id} → ${gradeLabel(ruleSet, v.grade)}：${currentLang() === 'en' ? v.reason : v.reasonZh}`))
          : h('p', {}, t('noVeto'))) : null,
        office ? h('p', { class: 'office-line' }, t('officeBatch', { total: office.total, grade: gradeLabel(ruleSet, office.grade) })) : null,
        out.complete ? null : h('ul', { class: 'missing-list' }, out.missing.map((m) => h('li', {}, ruleSet.indicators.find((i) => i.id === m.indicator)?.name ?? m.indicator))),
        out.explanation ? h('div', { class: 'explanation' }, explain(ruleSet, out.explanation)) : null);
    } catch (err) {
      fill(this.formResult, errorBox(err));
    }
  }
}

customElements.define('shenguan-score-form', ShenguanScoreForm);
