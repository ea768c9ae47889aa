// The calls every client makes through its own way of loading the package:
// one function of each engine and one thrown error. `runChecks` takes the
// package's exports and returns plain results for the runner to compare;
// the runner also checks them against figures worked out by hand.

const judges = ['J1', 'J2', 'J3'].map((id) => ({ id, department: 'civil', caseTypes: ['contract'], role: 'judge', share: 1 }));
const cases = ['C1', 'C2', 'C3', 'C4'].map((id) => ({ id, caseType: 'contract', department: 'civil' }));
const run = { court: 'client check', judges, cases, seed: '5a'.repeat(32), beacon: { kind: 'none' }, committedAt: '2026-03-02T00:00:00Z' };

// pooled averages 100 / 10 / 10 pages, weights 0.15 / 0.25 / 0.60:
// 200 / 10 / 10 pages → 0.15 × 2 + 0.25 × 1 + 0.60 × 1 = 1.15 standard cases.
const standardInput = {
  config: { caseTypes: { contract: { category: 'civil' } } },
  baseline: { year: 2025, pooled: { averages: { dossier: '100', transcript: '10', judgment: '10' } } },
  cases: [{ id: 'S1', caseType: 'contract', judge: 'J1', pages: { dossier: 200, transcript: 10, judgment: 10 } }],
};

// One indicator scored as it is (direct), weight 100 % in one group of 100 %: the total is the value.
const scoreInput = {
  ruleSet: {
    id: 'client-check', version: '1',
    indicators: [{ id: 'quality', method: { type: 'direct' } }],
    groups: [{ id: 'all', weight: 100, indicators: [{ indicator: 'quality', weight: 100 }] }],
  },
  judges: [{ id: 'J1', values: { quality: '87.5' } }],
  detail: 'summary',
};

/**
 * `engines` maps each engine to the module that provides it: the full build
 * for all three, or `shenguan/assign`, `shenguan/standard`, `shenguan/score`.
 */
export async function runChecks(engines) {
  const modules = [...new Set(Object.values(engines))];
  // The one API everywhere: an async `init`, default and named, harmless to repeat (docs/package.md).
  for (const m of modules) {
    if (typeof m.default !== 'function' || typeof m.init !== 'function') throw new Error('no init export');
    await m.default();
    await m.init();
  }
  const { commitRun, assign, verifyLedger, isShenguanError } = engines.assign;
  const { commitment } = commitRun(run);
  const inputs = { ...run, commitment };
  const ledger = assign(inputs);
  const verified = verifyLedger({ inputs, ledger });
  const standard = engines.standard.standardCases(standardInput);
  const scored = engines.score.score(scoreInput);
  let error = null;
  try {
    assign({ ...inputs, seed: 'not hex' });
  } catch (e) {
    error = { guard: typeof isShenguanError === 'function' ? isShenguanError(e) : 'missing', code: e.code, path: e.path, hasZh: typeof e.messageZh === 'string' && e.messageZh.length > 0 };
  }
  return {
    versions: [...new Set(modules.map((m) => m.version()))],
    ledgerLines: ledger.trimEnd().split('\n').length,
    verify: { ok: verified.ok, entries: verified.entries, head: verified.head },
    standard: { total: standard.total, count: standard.count },
    score: { total: scored.judges[0].total },
    error,
  };
}

/**
 * The checks through both ways of importing, keyed as the runner prints them:
 * `full` (the `shenguan` module) for every engine, then `engines`, each
 * engine's own module.
 */
export async function runAllChecks(full, engines) {
  return {
    shenguan: await runChecks({ assign: full, standard: full, score: full }),
    'shenguan/assign, /standard, /score': await runChecks(engines),
  };
}

/** A browser client's results as JSON in <pre id="results">, or its error in <pre id="failure">, where the runner reads them. */
export function showOnPage(results) {
  results.then(
    (all) => { document.getElementById('results').textContent = JSON.stringify(all); },
    (err) => { document.getElementById('failure').textContent = String(err && err.stack || err); },
  );
}

/** The results every client must give (the head and version are compared across clients). */
export const expected = {
  ledgerLines: 1 + cases.length,
  verify: { ok: true, entries: cases.length },
  standard: { total: '1.15', count: 1 },
  score: { total: '87.50' },
  error: { guard: true, code: 'MALFORMED_SEED', path: 'seed', hasZh: true },
};
