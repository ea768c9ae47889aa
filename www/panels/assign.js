// <shenguan-assign>: the office's drawing. Judges and cases come from the
// court's spreadsheets (or the example court); the seed is committed and the
// commitment shown before the draw; the draw runs in the background thread,
// and its ledger is shown, charted, exported and handed to <shenguan-verify>.
import { h, fill, fillInParts, button, fileField, table, showError, download } from '../dom.js';
import { t, applyI18n } from '../i18n.js';
import { worker, progressBar } from '../core.js';
import { figure } from '../chart.js';
import { DRAW_ROWS } from '../ledger-views.js';
import { exportButtons } from '../export.js';
import { importFile, loadExampleCourt, courtContext } from '../spreadsheet.js';

const randomSeed = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');

class ShenguanAssign extends HTMLElement {
  connectedCallback() {
    if (this.built) return;
    this.built = true;
    this.data = { court: '', departments: null, judges: null, cases: null };
    this.courtName = h('input', { class: 'court-name', size: 28, placeholder: '某某市某某区人民法院' });
    this.progress = progressBar();
    this.size = h('p', { class: 'court-size' });
    this.seed = h('input', { class: 'seed', size: 66, spellcheck: 'false', value: randomSeed() });
    this.committedAt = h('input', { class: 'committed-at', size: 22, spellcheck: 'false', value: `${new Date().toISOString().slice(0, 19)}Z` });
    this.commitment = h('div', { class: 'commitment-box', 'aria-live': 'polite' });
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.append(
      h('p', { class: 'intro', 'data-i18n': 'assignIntro' }),
      h('div', { class: 'fields' },
        fileField('judgesFile', '.csv,.xlsx', (f) => this.importInto('judges', f)),
        fileField('casesFile', '.csv,.xlsx', (f) => this.importInto('cases', f)),
        button('loadExample', () => this.loadExample(), { class: 'load-example' })),
      h('div', { class: 'fields' }, h('label', { class: 'field' }, h('span', { 'data-i18n': 'court' }), this.courtName)),
      this.size,
      h('div', { class: 'fields' },
        h('label', { class: 'field' }, h('span', { 'data-i18n': 'seed' }), this.seed),
        h('label', { class: 'field' }, h('span', { 'data-i18n': 'committedAt' }), this.committedAt)),
      h('div', { class: 'actions' },
        button('newSeed', () => { this.seed.value = randomSeed(); fill(this.commitment); }, { class: 'new-seed' }),
        button('commit', () => this.commit(), { class: 'commit-button' }),
        button('assign', () => this.assign(), { class: 'assign-button' })),
      this.commitment,
      this.progress.el,
      this.result);
    applyI18n(this);
    document.addEventListener('shenguan-lang', () => { this.showSize(); this.rendered?.(); });
  }

  async importInto(kind, file) {
    if (!file) return;
    try {
      const { departments, config } = await courtContext();
      const imported = await importFile(kind, file, { departments, config });
      this.data[kind] = imported[kind];
      this.showSize();
      fill(this.result);
    } catch (err) {
      showError(this.result, err);
    }
  }

  async loadExample() {
    try {
      Object.assign(this.data, await loadExampleCourt());
      this.courtName.value = this.data.court;
      this.showSize();
      fill(this.result);
    } catch (err) {
      showError(this.result, err);
    }
  }

  showSize() {
    const { judges, cases } = this.data;
    fill(this.size, judges || cases ? t('courtSize', { court: this.courtName.value, judges: judges?.length ?? 0, cases: cases?.length ?? 0 }) : '');
  }

  /** The run as the core takes it; the page names no beacon (its ledger says so). */
  run() {
    const { judges, cases } = this.data;
    return { court: this.courtName.value.trim(), judges: judges ?? [], cases: cases ?? [], seed: this.seed.value.trim(), beacon: { kind: 'none' }, committedAt: this.committedAt.value.trim() };
  }

  async commit() {
    try {
      const committed = await worker().commitRun(this.run());
      fill(this.commitment, h('p', {}, t('commitment'), '：', h('code', { class: 'commitment' }, committed.commitment)));
      return committed.commitment;
    } catch (err) {
      showError(this.commitment, err);
      return null;
    }
  }

  async assign() {
    try {
      const run = this.run();
      run.commitment = (await worker().commitRun(run)).commitment;
      // The ledger comes back with what is shown of it, picked out in the background thread.
      const view = await this.progress.run((options) => worker().draw(run, options));
      const { ledger } = view;
      this.rendered = () => this.show(view);
      this.rendered();
      this.ledger = ledger;
      this.dispatchEvent(new CustomEvent('shenguan-run', { bubbles: true, composed: true, detail: { inputs: run, ledger, departments: this.data.departments } }));
    } catch (err) {
      this.rendered = null;
      showError(this.result, err);
    }
  }

  show({ entries, sample, count, head }) {
    const headers = ['#', t('caseId'), t('judgesCol'), t('eligible'), t('pool'), t('pChosen'), t('lowEntropy')];
    const rows = entries.map((e) => {
      const seat = e.seats?.[0];
      const chosen = seat?.pool.find(([judge]) => judge === seat.chosen);
      return [e.index, e.caseId ?? '', e.judges.join(' '), seat?.eligible ?? '', seat?.pool.length ?? '', chosen?.[3] ?? '', seat?.lowEntropy ?? ''];
    });
    // The first seat whose judges had different chances, as an example of what every entry records.
    const seat = sample?.seats[0];
    const chart = h('div');
    // The summary and the table first, then the chart in a task of its own (fillInParts).
    return fillInParts(this.result, [() => [
      h('p', { class: 'assign-summary' }, t('assigned', { n: count }), ' ', h('code', { class: 'head' }, head)),
      chart,
      h('div', { class: 'actions' }, button('downloadLedger', () => download('ledger.ndjson', this.ledger, 'application/x-ndjson'), { class: 'download-ledger' })),
      exportButtons('ledger', () => ({ kind: 'ledger', data: this.ledger }), this.result),
      table(headers, rows, { class: 'ledger-table' }),
      h('p', {}, t('firstRows', { n: DRAW_ROWS }))],
    () => seat && chart.replaceWith(figure({ title: t('seatChart', { index: sample.index, case: sample.caseId }), height: 260,
      categories: seat.pool.map(([judge]) => judge), bars: [{ name: t('probability'), values: seat.pool.map((p) => p[3]) }] }))]);
  }
}

customElements.define('shenguan-assign', ShenguanAssign);
