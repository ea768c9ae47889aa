// The page: reads forms, calls the package, shows results. Every rule and
// number comes from the WebAssembly core; this file only moves values around.
import init, * as shenguan from '../pkg/full/index.js';
import { mountStandard } from './standard.js';
import { mountScoring } from './scoring.js';

const $ = (id) => document.getElementById(id);
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Show a thrown ShenguanError (code, path, both languages) or any other error. */
export function showError(target, err) {
  target.innerHTML = `<div class="error"><b>${escape(err.code ?? 'ERROR')}</b>${err.path ? ` at <code>${escape(err.path)}</code>` : ''}<br>${escape(err.message)}<br>${escape(err.messageZh ?? '')}${
    (err.more ?? []).map((m) => `<br><b>${escape(m.code)}</b> at <code>${escape(m.path)}</code>: ${escape(m.message)} / ${escape(m.messageZh)}`).join('')}${
    err.moreOmitted ? `<br>… ${escape(err.moreOmitted)} more problems not listed / 另有 ${escape(err.moreOmitted)} 个问题未列出` : ''}</div>`;
}

/** A table from rows of cells; cells that look numeric are right-aligned. */
export function table(headers, rows) {
  const cell = (c) => `<td${/^-?[\d.]+$/.test(String(c)) ? ' class="num"' : ''}>${escape(c)}</td>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Canonical JSON (docs/canonical-json.md), to write an edited ledger line back. */
const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}` : JSON.stringify(v));

export const fetchJson = async (path) => (await fetch(path)).json();

function readFileInto(input, textarea) {
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (file) textarea.value = await file.text();
  });
}

async function main() {
  await init();
  $('status').textContent = `shenguan ${shenguan.version()} ready 已就绪`;
  $('status').dataset.ready = 'true';
  readFileInto($('inputs-file'), $('inputs'));
  readFileInto($('ledger-file'), $('ledger'));

  $('load-example').onclick = async () => {
    const inputs = await fetchJson('../tests/fixtures/small-court.json');
    $('inputs').value = JSON.stringify(inputs, null, 1);
    $('ledger').value = shenguan.assign(inputs);
    $('verify-result').textContent = 'Example loaded: a small court, its commitment, seed and beacon, and its ledger (one line per entry).';
  };

  $('tamper').onclick = () => {
    try {
      const [header, ...entries] = $('ledger').value.trimEnd().split('\n').map((l) => JSON.parse(l));
      const entry = entries.find((e) => e.seats.length > 0 && e.seats[0].pool.length > 1);
      const [other] = entry.seats[0].pool.find(([judge]) => judge !== entry.seats[0].chosen);
      entry.seats[0].chosen = other;
      entry.judges[0] = other;
      $('ledger').value = [header, ...entries].map(canonical).join('\n') + '\n';
      $('verify-result').textContent = `Case ${entry.caseId} now says ${other}. Verify to see whether it is caught.`;
    } catch (err) {
      showError($('verify-result'), err);
    }
  };

  $('verify-button').onclick = () => {
    try {
      const report = shenguan.verifyLedger(`{"inputs":${$('inputs').value},"ledger":${JSON.stringify($('ledger').value)}}`);
      const d = report.firstDifference;
      const header = JSON.parse($('ledger').value.split('\n')[0]);
      const link = header.previousHead ? ` It continues the run whose head is <code>${escape(header.previousHead)}</code> 接续上一次分案的链头.` : '';
      $('verify-result').innerHTML = report.ok
        ? `<p class="ok" id="verify-verdict">✓ Identical: all ${report.entries} entries replay exactly. 复核一致。</p>
           <p>Chain head to publish 链头: <code>${escape(report.head)}</code>.${link}</p>`
        : `<p class="bad" id="verify-verdict">✗ Differs at ${d.index === null ? 'the header' : `entry ${d.index}`}, member “${escape(d.field)}”. 记录与重放结果不一致。</p>
           ${table(['', 'value'], [['expected 重放', JSON.stringify(d.expected)], ['found 记录', JSON.stringify(d.found)]])}
           <p>Hash chain alone: ${report.chain?.ok ? 'intact' : `broken at entry ${report.chain?.firstBroken} (${escape(report.chain?.problem)}; ${escape(report.chain?.problemZh)})`}</p>`;
    } catch (err) {
      showError($('verify-result'), err);
    }
  };

  $('audit-button').onclick = () => {
    try {
      const a = shenguan.auditLedger(`{"inputs":${$('inputs').value},"ledger":${JSON.stringify($('ledger').value)}}`);
      const f = a.flags;
      $('verify-result').innerHTML = `<p id="audit-flags">Flags 提示: warnings ${escape(f.warnings.join(', ') || 'none 无')};
        ${f.aboveCeilingCount} seats above the court ceiling ${escape(f.probabilityCeiling)} 单席概率超上限;
        ${f.absencesAroundDraws.length} judges made unavailable around draws and restored soon after 抽签前后临时不可用.</p>
        <p>${a.verification.ok ? '<span class="ok">ledger verified</span>' : '<span class="bad">ledger differs from the replay</span>'};
        ${a.counts.draws} draws, ${a.counts.availability} availability changes, ${a.counts.designated} designated, ${a.counts.reassigned} re-assigned, ${a.counts.redraws} re-draws (manual share ${a.counts.manualShare});
        ${a.lowEntropy.count} low-entropy seats of ${a.lowEntropy.seats}; position chi-square ${a.positionBias.chiSquare} (5% critical ${a.positionBias.critical5pct}).</p>
        ${table(['judge', 'department', 'drawn', 'expected', 'manual', 'load', 'load ÷ share'],
          a.judges.map((j) => [j.judge, j.department, j.drawn, j.expected, j.manual, j.load, j.normalisedLoad]))}`;
    } catch (err) {
      showError($('verify-result'), err);
    }
  };

  const court = await fetchJson('../examples/court/judges.json');
  const intake = await fetchJson('../examples/court/cases.json');
  $('court-size').textContent = `${court.court}, ${court.judges.length} judges, ${intake.length} cases`;
  const randomSeed = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
  $('seed').value = randomSeed();
  $('new-seed').onclick = () => { $('seed').value = randomSeed(); $('assign-result').textContent = ''; };
  // This page has no beacon source: the example run names none, and its
  // ledger says so (NO_BEACON). A portal names a future drand round instead.
  const exampleRun = () => {
    const cases = intake.map((c) => ({ id: c.id, caseType: c.caseType, department: c.department, hard: c.hard ?? false,
      leaderExcluded: c.leaderExcluded ?? false, recuse: c.recuse ?? [], panelSize: c.panelSize ?? 1, filedOn: c.filedOn }));
    return { court: court.court, judges: court.judges, cases, seed: $('seed').value, beacon: { kind: 'none' }, committedAt: $('committed-at').value };
  };
  $('committed-at').value = new Date().toISOString().slice(0, 19) + 'Z';
  $('commit').onclick = () => {
    try {
      const committed = shenguan.commitRun(exampleRun());
      $('assign-result').innerHTML = `<p>Publish this commitment before drawing 请先公布承诺值: <code id="commitment">${escape(committed.commitment)}</code>
        (warnings 提示: ${escape(committed.warnings.join(', '))})</p>`;
    } catch (err) {
      showError($('assign-result'), err);
    }
  };
  $('assign-button').onclick = () => {
    try {
      const run = exampleRun();
      run.commitment = shenguan.commitRun(run).commitment;
      const started = performance.now();
      const ledger = shenguan.assign(run);
      const ms = performance.now() - started;
      const entries = ledger.trimEnd().split('\n').slice(1).map((l) => JSON.parse(l));
      const rows = entries.slice(0, 30).map((e) => {
        const seat = e.seats[0];
        const chosen = seat?.pool.find(([judge]) => judge === seat.chosen);
        return [e.index, e.caseId, e.judges.join(' '), seat?.eligible ?? '', seat?.pool.length ?? '', chosen?.[3] ?? '', seat?.lowEntropy ?? ''];
      });
      $('assign-result').innerHTML = `<p id="assign-summary">${entries.length} cases assigned in ${ms.toFixed(0)} ms; chain head <code>${entries.at(-1).hash.slice(0, 16)}…</code></p>
        ${table(['#', 'case 案号', 'judges 承办人/合议庭', 'eligible', 'pool', 'p(chosen)', 'low entropy'], rows)}<p>(first 30 entries)</p>`;
    } catch (err) {
      showError($('assign-result'), err);
    }
  };

  mountStandard(shenguan, $('standard-form'), $('standard-result'));
  mountScoring(shenguan, $('scoring-form'), $('scoring-result'));
}

main().catch((err) => { $('status').textContent = `Failed to load: ${err.message}`; });
