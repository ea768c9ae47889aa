// <shenguan-verify>: verify a published run and audit it. The inputs and the
// ledger are files, read straight into the background thread; the verdict,
// the audit's figures and its charts all come from the core's reports.
import { h, fill, fillInParts, button, fileField, table, pagedTable, showError } from '../dom.js';
import { t, applyI18n } from '../i18n.js';
import { worker, progressBar } from '../core.js';
import { figure } from '../chart.js';
import { exportButtons } from '../export.js';

class ShenguanVerify extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.files = { inputs: null, ledger: null };
    this.progress = progressBar();
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.append(
      h('p', { class: 'intro', 'data-i18n': 'verifyIntro' }),
      h('div', { class: 'fields' },
        fileField('inputsFile', '.json,application/json', (f) => { this.files.inputs = f; }),
        fileField('ledgerFile', '.ndjson,.jsonl,.txt', (f) => { this.files.ledger = f; })),
      h('div', { class: 'actions' },
        button('verify', () => this.verify(), { class: 'verify-button' }),
        button('audit', () => this.audit(), { class: 'audit-button' })),
      this.progress.el,
      this.result);
    applyI18n(this);
    // A run drawn in <shenguan-assign> on the same page can be verified here at once.
    document.addEventListener('shenguan-run', (e) => {
      const { inputs, ledger, departments } = e.detail;
      this.files = { inputs, ledger };
      if (departments) this.departments = new Map(departments.map((d) => [d.id, d.name ?? d.id]));
    });
    document.addEventListener('shenguan-lang', () => this.rendered?.());
  }

  /** Inputs and ledger as given: a File from the pickers or text handed over by the assign panel. */
  input() {
    const { inputs, ledger } = this.files;
    if (!inputs || !ledger) throw { code: 'MISSING_FILE', message: t('needFiles'), messageZh: t('needFiles') };
    return { inputs, ledger };
  }

  async verify() {
    try {
      const input = this.input();
      const report = await this.progress.run((options) => worker().verifyLedger(input, options));
      this.rendered = () => this.showVerdict(report);
      this.rendered();
    } catch (err) {
      this.rendered = null;
      showError(this.result, err);
    }
  }

  showVerdict(report) {
    const d = report.firstDifference;
    fill(this.result,
      report.ok
        ? h('p', { class: 'ok verdict' }, t('identical', { n: report.entries }))
        : h('p', { class: 'bad verdict' }, t('differs', { where: d.index === null ? t('header') : t('entryN', { n: d.index }), field: d.field })),
      h('p', {}, t('headToPublish'), '：', h('code', { class: 'head' }, report.head)),
      d ? table(['', t('value')], [[t('expectedVal'), JSON.stringify(d.expected)], [t('foundVal'), JSON.stringify(d.found)]]) : null);
  }

  async audit() {
    try {
      const input = this.input();
      const report = await this.progress.run((options) => worker().auditLedger(input, options));
      // Each judge's load at the spread's samples, picked out of the ledger in the background thread.
      const judges = Object.fromEntries(Object.keys(report.loadSpread).map((dept) => [dept,
        report.judges.filter((j) => j.department === dept).map((j) => j.judge)]));
      const indices = Object.values(report.loadSpread)[0]?.series.map(([index]) => index) ?? [];
      const loads = await this.progress.run((options) => worker().loadSeries({ ledger: input.ledger, indices, departments: judges }, options));
      this.rendered = () => this.showAudit(report, loads);
      await this.rendered();
    } catch (err) {
      this.rendered = null;
      showError(this.result, err);
    }
  }

  /**
   * One department's chart: each judge's load over the run with the
   * department's band (the worker's series), or the core's spread series
   * when no judge of the department was drawn.
   */
  loadFigure(a, dept, loads) {
    const spread = a.loadSpread[dept];
    const categories = spread.series.map(([index]) => String(index));
    const title = `${t('loadChart', { dept: this.departmentName(dept) })} ${t('spreadCaption', { final: spread.finalSpread, worst: spread.worst, at: spread.worstAt })}`;
    const { lines, low, high } = loads[dept];
    if (lines.length === 0) {
      return figure({ title, width: 420, height: 260, categories, class: 'load-chart', lines: [{ name: t('spread'), values: spread.series.map(([, s]) => s) }] });
    }
    return figure({ title, width: 590, height: 300, categories, class: 'load-chart', band: { name: t('band'), low, high }, lines });
  }

  departmentName(id) {
    return this.departments?.get(id) ?? id;
  }

  showAudit(a, loads) {
    const c = a.counts;
    const p = a.positionBias;
    const judgeRows = a.judges.map((j) => [j.judge, this.departmentName(j.department), j.drawn, j.expected, j.manual, j.load, j.normalisedLoad]);
    const judgeHeaders = [t('judge'), t('department'), t('drawn'), t('expected'), t('manual'), t('load'), t('normalisedLoad')];
    const departments = Object.keys(a.loadSpread);
    const charts = h('div', { class: 'charts' });
    // The figures and the table first, then one chart a task (fillInParts).
    return fillInParts(this.result, [
      () => [
        a.verification ? (a.verification.ok
          ? h('p', { class: 'ok verdict' }, t('identical', { n: a.verification.entries }))
          : h('p', { class: 'bad verdict' }, t('differs', { where: t('entryN', { n: a.verification.firstDifference?.index }), field: a.verification.firstDifference?.field }))) : null,
        h('p', { class: 'audit-summary' }, t('auditSummary', { draws: c.draws, availability: c.availability, designated: c.designated,
          reassigned: c.reassigned, redraws: c.redraws, manual: c.manualShare, low: a.lowEntropy.count, seats: a.lowEntropy.seats })),
        h('p', { class: `position-test ${p.biased ? 'bad' : ''}` }, t('positionTest', { chi: p.chiSquare, df: p.degreesOfFreedom, crit: p.critical5pct, verdict: t(p.biased ? 'biased' : 'notBiased') })),
        charts,
        exportButtons('audit', () => ({ kind: 'audit', data: a }), this.result),
        pagedTable(judgeHeaders, judgeRows, { class: 'audit-judges' })],
      () => charts.append(figure({ title: t('drawnVsExpected'), categories: a.judges.map((j) => j.judge),
        bars: [{ name: t('drawn'), values: a.judges.map((j) => j.drawn) }],
        lines: [{ name: t('expected'), values: a.judges.map((j) => j.expected), pointsOnly: true, color: '#b8455a' }] })),
      () => charts.append(figure({ title: t('positionBins'), categories: p.bins.map(([pos]) => String(pos + 1)), height: 240, width: 420,
        bars: [{ name: t('observed'), values: p.bins.map(([, observed]) => observed) }],
        lines: [{ name: t('expected'), values: p.bins.map(([, , expected]) => expected), pointsOnly: true, color: '#b8455a' }] })),
      ...departments.map((dept) => () => charts.append(this.loadFigure(a, dept, loads)))]);
  }
}

customElements.define('shenguan-verify', ShenguanVerify);
