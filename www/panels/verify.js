// <shenguan-verify>: verify a published run and audit it. The inputs and the
// ledger are files, read straight into the background thread; the verdict,
// the audit's figures and its charts all come from the core's reports.
import { h, fill, button, fileField, table, showError } from '../dom.js';
import { t, applyI18n } from '../i18n.js';
import { worker, progressBar } from '../core.js';
import { figure } from '../chart.js';
import { exportButtons } from '../export.js';

/** Ledgers up to this size are read on the page too, for each judge's load over the run. */
const LOAD_SERIES_BYTES = 2 << 20;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The ledger's entries as [index, [[judge, load], ...]] (what each pool recorded), parsed a few hundred lines a task. */
async function poolLoads(ledgerText) {
  const lines = ledgerText.split('\n');
  const out = [];
  for (let i = 1; i < lines.length; i++) {
    if (i % 300 === 0) await nextTask();
    if (!lines[i]) continue;
    const entry = JSON.parse(lines[i]);
    out.push([entry.index, (entry.seats ?? []).flatMap((seat) => seat.pool.map(([judge, load]) => [judge, load]))]);
  }
  return out;
}

/**
 * Each judge's load at the sampled entries, as the ledger's pools record it
 * (the value at the judge's last draw at or before each sample): no sums, only
 * the core's own figures picked out of the ledger.
 */
function loadsAt(entries, indices) {
  const last = new Map();
  const series = new Map();
  let k = 0;
  for (const [index, pools] of entries) {
    if (k >= indices.length) break;
    for (const [judge, load] of pools) last.set(judge, load);
    while (k < indices.length && index >= indices[k]) {
      for (const [judge, load] of last) {
        if (!series.has(judge)) series.set(judge, Array(indices.length).fill(null));
        series.get(judge)[k] = load;
      }
      k++;
    }
  }
  return series;
}

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
      const { ledger } = input;
      const size = typeof ledger === 'string' ? ledger.length : ledger.size;
      const text = size <= LOAD_SERIES_BYTES ? (typeof ledger === 'string' ? ledger : await ledger.text()) : null;
      const pools = text === null ? null : await poolLoads(text);
      this.rendered = () => this.showAudit(report, pools);
      this.rendered();
    } catch (err) {
      this.rendered = null;
      showError(this.result, err);
    }
  }

  /** One department's chart: each judge's load over the run with the department's band, or (ledger too large to read here) the core's spread series. */
  loadFigure(a, dept, pools) {
    const spread = a.loadSpread[dept];
    const indices = spread.series.map(([index]) => index);
    const title = t('loadChart', { dept: this.departmentName(dept) });
    const caption = t('spreadCaption', { final: spread.finalSpread, worst: spread.worst, at: spread.worstAt });
    if (pools === null) {
      return figure({ title: `${title} ${caption}`, width: 420, height: 260, categories: indices.map(String),
        lines: [{ name: t('spread'), values: spread.series.map(([, s]) => s) }] });
    }
    const judges = a.judges.filter((j) => j.department === dept).map((j) => j.judge);
    const loads = loadsAt(pools, indices);
    const lines = judges.filter((j) => loads.has(j)).map((j) => ({ name: j, values: loads.get(j) }));
    const at = (pick) => indices.map((_, k) => {
      const values = lines.map((l) => l.values[k]).filter((v) => v !== null);
      return values.length ? values.reduce((x, y) => (pick(Number(y), Number(x)) ? y : x)) : null;
    });
    return figure({ title: `${title} ${caption}`, width: 590, height: 300, categories: indices.map(String),
      band: { name: t('band'), low: at((y, x) => y < x), high: at((y, x) => y > x) }, lines });
  }

  departmentName(id) {
    return this.departments?.get(id) ?? id;
  }

  showAudit(a, pools = null) {
    const c = a.counts;
    const p = a.positionBias;
    const judgeRows = a.judges.map((j) => [j.judge, j.department, j.drawn, j.expected, j.manual, j.load, j.normalisedLoad]);
    const judgeHeaders = [t('judge'), t('department'), t('drawn'), t('expected'), t('manual'), t('load'), t('normalisedLoad')];
    const departments = Object.keys(a.loadSpread);
    fill(this.result,
      a.verification ? (a.verification.ok
        ? h('p', { class: 'ok verdict' }, t('identical', { n: a.verification.entries }))
        : h('p', { class: 'bad verdict' }, t('differs', { where: t('entryN', { n: a.verification.firstDifference?.index }), field: a.verification.firstDifference?.field }))) : null,
      h('p', { class: 'audit-summary' }, t('auditSummary', { draws: c.draws, availability: c.availability, designated: c.designated,
        reassigned: c.reassigned, redraws: c.redraws, manual: c.manualShare, low: a.lowEntropy.count, seats: a.lowEntropy.seats })),
      h('p', { class: `position-test ${p.biased ? 'bad' : ''}` }, t('positionTest', { chi: p.chiSquare, df: p.degreesOfFreedom, crit: p.critical5pct, verdict: t(p.biased ? 'biased' : 'notBiased') })),
      h('div', { class: 'charts' },
        figure({ title: t('drawnVsExpected'), categories: a.judges.map((j) => j.judge),
          bars: [{ name: t('drawn'), values: a.judges.map((j) => j.drawn) }],
          lines: [{ name: t('expected'), values: a.judges.map((j) => j.expected), pointsOnly: true, color: '#b8455a' }] }),
        figure({ title: t('positionBins'), categories: p.bins.map(([pos]) => String(pos + 1)), height: 240, width: 420,
          bars: [{ name: t('observed'), values: p.bins.map(([, observed]) => observed) }],
          lines: [{ name: t('expected'), values: p.bins.map(([, , expected]) => expected), pointsOnly: true, color: '#b8455a' }] }),
        departments.map((dept) => this.loadFigure(a, dept, pools))),
      exportButtons('audit', () => ({ kind: 'audit', data: a }), this.result),
      table(judgeHeaders, judgeRows, { class: 'audit-judges' }));
  }
}

customElements.define('shenguan-verify', ShenguanVerify);
