// `make demo`: the main job on the bundled example court (fictional).
// Commits the run before its drand round, assigns the year's 2,000 cases with
// weights in standard cases, verifies the assignment by replay, shows that
// tampering and input grinding are caught, audits the ledger, continues the
// next day, and scores the judges. Uses only the built package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const shenguan = require('../pkg/full/node.cjs');
const load = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

const court = load('./court/judges.json');
const intake = load('./court/cases.json');
const deptName = Object.fromEntries(court.departments.map((d) => [d.id, d.name]));
const line = (s = '') => console.log(s);
const context = {};
const heading = (s) => { line(); line(`== ${s}`); };
const canonical = (v) => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}` : JSON.stringify(v));
const time = (f) => { const t = process.hrtime.bigint(); const v = f(); return [v, Number(process.hrtime.bigint() - t) / 1e6]; };

line(`shenguan ${shenguan.version()} — ${court.court}`);
line(`${court.judges.length} judges in ${court.departments.length} departments, ${intake.length} cases filed this year`);

// ---- 1. Standard cases: each case's weight ---------------------------------
const weights = standardCaseWeights();

// ---- 2. Random, balanced assignment -----------------------------------------
heading('随机分案 Random, balanced assignment');
// The round the run will use is named before it exists: a real drand quicknet
// round, pinned in examples/court/beacon.json so the demo runs offline.
const drand = load('./court/beacon.json');
const seed = createHash('sha256').update('示例区法院 2026 分案种子').digest('hex');

const judges = court.judges.map(({ id, name, department, caseTypes, role, share, load, availability, region }) =>
  ({ id, name, department, caseTypes, role, share, load, availability, region }));
const cases = intake.map((c) => ({
  id: c.id, caseType: c.caseType, department: c.department, weight: weights.get(c.id) ?? '1',
  hard: c.hard ?? false, leaderExcluded: c.leaderExcluded ?? false, recuse: c.recuse ?? [],
  panelSize: c.panelSize ?? 1, filedOn: c.filedOn,
}));
const events = cases.map((c) => ({ kind: 'draw', caseId: c.id }));
// A division chief takes over a partnership case within 7 days of filing (指定分案).
const takeover = cases.find((c) => c.caseType === 'partnership');
const chief = judges.find((j) => j.department === takeover.department && j.role === 'divisionChief');
events[cases.indexOf(takeover)] = {
  kind: 'designate', caseId: takeover.id, judgeId: chief.id, approver: '副院长（示例）',
  reason: { code: 'chiefTakeoverWithin7Days' }, time: `${takeover.filedOn}T10:00:00+08:00`,
};
// The judge on leave comes back in July.
const onLeave = judges.find((j) => j.availability === 'onLeave');
const july = cases.findIndex((c) => c.filedOn >= '2026-07-01');
events.splice(july, 0, { kind: 'availability', judgeId: onLeave.id, availability: 'available', time: '2026-07-01T08:00:00+08:00', approver: '政治部（示例）' });

const beacon = { kind: 'drand', network: 'quicknet', round: drand.round };
const unpublished = { court: court.court, judges, cases, events, seed, beacon, committedAt: drand.committedAt };
const committed = shenguan.commitRun(unpublished);
line(`1. commitment published at ${drand.committedAt}, before drand quicknet round ${drand.round} exists:`);
line(`   ${committed.commitment}`);
line(`   (it binds the seed, every judge, load, case, event and that round; the round is out at Unix time ${committed.roundTime})`);
const input = { ...unpublished, commitment: committed.commitment, beaconValue: { round: drand.round, signature: drand.signature } };
const [ledger, ms] = time(() => shenguan.assign(input));
const [header, ...entries] = ledger.trimEnd().split('\n').map((l) => JSON.parse(l));
line(`2. round ${drand.round} is out; its BLS signature checks against the pinned quicknet key (signatureChecked: ${header.beacon.signatureChecked})`);
line(`   ${entries.length} ledger entries in ${ms.toFixed(0)} ms, ${(ledger.length / entries.length).toFixed(0)} bytes each on average; header warnings: ${header.warnings.length ? header.warnings.join(', ') : 'none'}`);

const audit = shenguan.auditLedger({ inputs: input, ledger });
line(`draws ${audit.counts.draws}, designated ${audit.counts.designated}, availability changes ${audit.counts.availability} (manual share ${audit.counts.manualShare})`);
line(`low-entropy seats ${audit.lowEntropy.count} of ${audit.lowEntropy.seats}; seats above the court ceiling of ${audit.flags.probabilityCeiling}: ${audit.flags.aboveCeilingCount}; absences around draws: ${audit.flags.absencesAroundDraws.length}`);
line(`position bias: chi-square ${audit.positionBias.chiSquare} with ${audit.positionBias.degreesOfFreedom} df (5% critical ${audit.positionBias.critical5pct}) -> ${audit.positionBias.biased ? 'BIASED' : 'no bias detected'}`);
line();
line('judges  seats  spread: final / worst (standard cases)  department');
for (const d of court.departments) {
  const members = audit.judges.filter((j) => j.department === d.id);
  const seats = members.reduce((s, j) => s + j.drawn + j.manual, 0);
  const spread = audit.loadSpread[d.id];
  line(`${String(members.length).padStart(6)}  ${String(seats).padStart(5)}  ${`${spread.finalSpread} / ${spread.worst}`.padEnd(38)}  ${d.name}`);
}
line();
line('judge  role             share  cases  expected  load (standard cases)  load ÷ share  name');
for (const j of audit.judges.filter((_, i) => i % 4 === 0)) {
  const judge = judges.find((k) => k.id === j.judge);
  line(`${j.judge}   ${judge.role.padEnd(15)}  ${judge.share.padStart(5)}  ${String(j.drawn + j.manual).padStart(5)}  ${j.expected.padStart(8)}  ${j.load.padStart(21)}  ${j.normalisedLoad.padStart(12)}  ${judge.name}`);
}
line('(every fourth judge shown)');

// ---- 3. Verification by replay ------------------------------------------------
heading('验证 Verification by replay');
const [report, verifyMs] = time(() => shenguan.verifyLedger({ inputs: input, ledger }));
line(`replay of ${report.entries} entries from the published inputs, revealed seed and beacon: ${report.ok ? 'identical' : 'DIFFERENT'} (${verifyMs.toFixed(0)} ms)`);
line(`chain head to publish (the next run names it as previousHead): ${report.head}`);
const victim = entries[1234];
const other = victim.seats[0].pool.find(([judge]) => judge !== victim.seats[0].chosen)[0];
const forgedEntries = entries.map((e) => (e === victim ? { ...e, judges: [other], seats: [{ ...e.seats[0], chosen: other }] } : e));
const forged = [header, ...forgedEntries].map(canonical).join('\n') + '\n';
const caught = shenguan.verifyLedger({ inputs: input, ledger: forged });
line(`moving case ${victim.caseId} by hand to ${other}: ${caught.ok ? 'NOT caught' : `caught at entry ${caught.firstDifference.index}, member "${caught.firstDifference.field}"`}`);
const chain = shenguan.verifyChain({ ledger: forged });
line(`hash chain alone (no inputs needed): ${chain.ok ? 'intact' : `broken at entry ${chain.firstBroken} (${chain.problem}; ${chain.problemZh})`}`);
const ground = { ...input, cases: [...input.cases].reverse() };
try {
  shenguan.assign(ground);
} catch (err) {
  line(`re-ordering the cases after the commitment to try another outcome: refused, ${err.code} (${err.messageZh})`);
}

// The next day: a recusal found in a case drawn yesterday, and a transfer.
const next = shenguan.carryForward(input);
const recused = entries.find((e) => e.kind === 'draw' && e.judges.length === 1 && e.seats[0].eligible > 3);
const moved = entries.find((e) => e.kind === 'draw' && e !== recused && e.judges.length === 1 && e.seats[0].eligible > 3 && e.caseId > recused.caseId);
const sameDept = (id) => judges.find((j) => j.id === id).department;
const successor = judges.find((j) => j.department === sameDept(moved.judges[0]) && j.role === 'judge' && j.id !== moved.judges[0] && j.availability === 'available');
const dayTwo = {
  court: court.court, judges: next.judges, previousHead: next.previousHead, seed: createHash('sha256').update('示例区法院 次日分案种子').digest('hex'),
  beacon: { kind: 'none' }, committedAt: '2026-12-02T01:00:00Z',
  cases: [recused, moved].map((e) => ({ ...cases.find((c) => c.id === e.caseId), assigned: e.judges })),
  events: [
    { kind: 'recuse', caseId: recused.caseId, judgeId: recused.judges[0], approver: '院长（示例）', reason: { code: 'statutoryRecusal' }, time: '2026-12-02T09:00:00+08:00' },
    { kind: 'reassign', caseId: moved.caseId, judgeId: successor.id, approver: '副院长（示例）', reason: { code: 'transfer' }, time: '2026-12-02T10:00:00+08:00' },
  ],
};
dayTwo.commitment = shenguan.commitRun(dayTwo).commitment;
const dayTwoLedger = shenguan.assign(dayTwo);
const dayTwoReport = shenguan.verifyLedger({ inputs: dayTwo, ledger: dayTwoLedger });
line(`next day, one more run chained to this one (previousHead): recusal in ${recused.caseId}, transfer of ${moved.caseId}: ${dayTwoReport.ok ? 'verified' : 'NOT verified'}; its header warns ${JSON.parse(dayTwoLedger.split('\n')[0]).warnings.join(', ')} (no beacon was named)`);

// ---- 4. Targets and progress; performance scoring ------------------------------
progressSection(entries);
scoreJudges();

line();
line('To open the page: make serve, then visit http://127.0.0.1:8080/www/');

function standardCaseWeights() {
  heading('标准案件 Standard cases');
  const config = load('./court/standard-config.json');
  const trial = (c) => c.category !== 'enforcement';
  const asStandardCase = (c, judge) => ({
    id: c.id, caseType: c.caseType, category: c.category, procedure: c.procedure, complexity: c.complexity, pages: c.pages,
    ...(judge ? { judge, department: c.department } : {}),
  });
  const closed = load('./court/closed-last-year.json');
  const baseline = shenguan.computeBaseline({ year: 2025, scope: 'perCategory', config, cases: closed.filter(trial).map((c) => asStandardCase(c)) });
  line(`baseline 2025 (digest ${baseline.digest.slice(0, 16)}…), weights dossier ${baseline.weights.dossier} / transcript ${baseline.weights.transcript} / judgment ${baseline.weights.judgment}:`);
  for (const [category, b] of Object.entries(baseline.categories)) {
    line(`  ${category.padEnd(15)} ${String(b.cases).padStart(5)} cases, average pages ${b.averages.dossier} / ${b.averages.transcript} / ${b.averages.judgment}`);
  }
  const [weights, ms] = time(() => shenguan.standardCaseWeights({ config, baseline, cases: intake.filter(trial).map((c) => asStandardCase(c)) }));
  const values = Object.values(weights.weights).map(Number);
  line(`this year's ${values.length} trial cases weigh ${Math.min(...values)} to ${Math.max(...values)} standard cases (computed in ${ms.toFixed(0)} ms); these are the assignment weights`);
  context.standard = { config, baseline, asStandardCase, trial, closed };
  return new Map(Object.entries(weights.weights));
}

// Work closed through October, against each judge's target.
function progressSection(entries) {
  heading('任务目标 Targets and progress (cases filed through October counted as closed)');
  const { config, baseline, asStandardCase, trial, closed } = context.standard;
  const handling = new Map();
  for (const e of entries) if (e.caseId !== null) handling.set(e.caseId, e.judges[0]);
  const done = intake.filter((c) => trial(c) && c.filedOn < '2026-11-01');
  const result = shenguan.standardCases({ config, baseline, cases: done.map((c) => asStandardCase(c, handling.get(c.id))) });
  const example = result.cases.find((c) => c.caseType === 'partnership') ?? result.cases[0];
  line(`closed: ${result.count} trial cases = ${result.total} standard cases; e.g. ${example.id} (${example.caseType}): ${example.standard}`);
  line(`  why: ${example.explanation.formula}`);
  const lastYear = shenguan.standardCases({ config, baseline, cases: closed.filter(trial).map((c) => asStandardCase(c, c.judge)) });
  const trialJudges = judges.filter((j) => j.department !== 'enforcement');
  const departments = court.departments.filter((d) => d.id !== 'enforcement')
    .map((d) => ({ id: d.id, judges: trialJudges.filter((j) => j.department === d.id).map((j) => j.id) }));
  const actual = Object.fromEntries(result.judges.map((j) => [j.judge, j.standard]));
  const targets = shenguan.standardTargets({
    year: 2026, lastYear: { totalStandard: lastYear.total, judges: trialJudges.length, intake: closed.filter(trial).length },
    expectedIntake: intake.filter(trial).length, goal: '1.05', departments, progress: { throughMonth: 10, actual },
  });
  line(`basic yearly target per judge ${targets.basicTarget} standard cases (last year's average ${targets.perJudgeAverageLastYear}, goal ×${targets.goal}); monthly ${targets.monthly.slice(0, 3).join(', ')}, …`);
  line();
  line('judge  role             closed (standard)  target  % of year  % to date  name');
  for (const t of targets.judges.filter((_, i) => i % 3 === 0)) {
    const judge = judges.find((j) => j.id === t.judge);
    line(`${t.judge}   ${judge.role.padEnd(15)}  ${t.progress.actual.padStart(17)}  ${targets.basicTarget.padStart(6)}  ${String(t.progress.percentOfTarget).padStart(9)}  ${String(t.progress.percentToDate).padStart(9)}  ${judge.name}`);
  }
  line('(every third trial judge shown; the same target for every judge, as in Shapingba; leaders\' shares apply to assignment, not to this target)');
  for (const d of targets.departments) line(`  ${deptName[d.department ?? d.id].padEnd(8, '　')} target ${d.target}, closed ${d.progress?.actual ?? '-'} (${d.progress?.percentToDate ?? '-'}% of the target to date)`);
  const enforcement = intake.filter((c) => c.category === 'enforcement' && c.closing);
  const enf = shenguan.enforcementCases({ config, cases: enforcement.map((c) => ({ id: c.id, judge: handling.get(c.id), department: c.department, closing: c.closing, approved: c.approved })) });
  line(`enforcement standard: ${enf.cases.length} closed cases counted = ${enf.total}; ${enf.unapproved.length} without the required approval listed, not counted`);
  context.closedStandard = actual;
}

function scoreJudges() {
  heading('审判绩效 Performance scoring (fictional quality indicators; the rule set is an example, not law)');
  const ruleSet = load('./rulesets/demo-court.json');
  const scored = judges.filter((j) => ['judge', 'divisionChief', 'deputyChief'].includes(j.role) && j.department !== 'enforcement');
  // Quality indicators are not in the example data: derive fixed fictional values from each judge's id.
  const fictional = (id, salt, lo, hi) => lo + (createHash('sha256').update(id + salt).digest()[0] / 255) * (hi - lo);
  const forms = scored.map((j) => ({
    id: j.id, role: j.role,
    values: {
      standardCases: context.closedStandard[j.id] ?? '0',
      averageTrialDays: Math.round(fictional(j.id, 'days', 45, 110)),
      timelyRate: fictional(j.id, 'rate', 0.92, 1).toFixed(3),
    },
  }));
  const [result, ms] = time(() => shenguan.score({ ruleSet, judges: forms }));
  line(`rule set ${result.ruleSet.id} v${result.ruleSet.version} (digest ${result.ruleSet.digest.slice(0, 16)}…), ${result.judges.length} judges scored in ${ms.toFixed(0)} ms`);
  const grades = {};
  for (const j of result.judges) grades[j.grade] = (grades[j.grade] ?? 0) + 1;
  line(`grades: ${Object.entries(grades).map(([g, n]) => `${g} ${n}`).join(', ')}`);
  // The same figures as one row per judge: what an office exports to a spreadsheet.
  const [sheet, sheetMs] = time(() => shenguan.scoreTable({ ruleSet, judges: forms }));
  const cell = (c) => (Array.isArray(c) ? c.join(';') : c ?? '');
  line(`as a table (scoreTable, ${sheetMs.toFixed(0)} ms): ${sheet.table.rows.length} rows × ${sheet.table.columns.length} columns, first lines as CSV:`);
  for (const row of [sheet.table.columns, ...sheet.table.rows.slice(0, 2)]) line(`  ${row.map(cell).join(',')}`);
  line('judge  role             total  grade      rank  name');
  for (const j of [...result.judges].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)).slice(0, 8)) {
    const judge = judges.find((k) => k.id === j.id);
    line(`${j.id}   ${judge.role.padEnd(15)}  ${String(j.total).padStart(6)}  ${String(j.grade).padEnd(9)}  ${String(j.rank ?? '-').padStart(4)}  ${judge.name}`);
  }
  const one = shenguan.scoreOne({ ruleSet, judge: { ...forms[0], values: { ...forms[0].values, timelyRate: null } }, statistics: result.statistics });
  line(`a form filled in part (timelyRate left empty) says what is missing: ${one.judge.missing.map((m) => m.path).join(', ')}`);
}
