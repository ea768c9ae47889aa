// The page's words, Chinese first, English on the toggle. Elements carry
// `data-i18n="key"` (text) or `data-i18n-label="key"` (aria-label); panels
// that build text call `t(key)` and re-render on the `shenguan-lang` event.
const words = {
  title: ['审管工作台', 'Shenguan workbench'],
  tagline: ['所有计算均在本机浏览器中完成，数据不离开本机。', 'Everything runs in this browser; no data leaves this machine.'],
  langToggle: ['English', '中文'],
  langToggleLabel: ['切换为英文界面', 'Switch the interface to Chinese'],
  tabsLabel: ['审管办任务', "The office's tasks"],
  tabAssign: ['分案', 'Assignment'],
  tabVerify: ['验证与审计', 'Verify and audit'],
  tabStandard: ['标准案件与目标', 'Standard cases and targets'],
  tabScore: ['绩效评分', 'Performance scoring'],
  loading: ['正在载入…', 'Loading…'],
  ready: ['已就绪', 'ready'],
  failed: ['载入失败', 'Failed to load'],
  print: ['打印', 'Print'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportXlsx: ['导出 XLSX', 'Export XLSX'],
  cancel: ['取消', 'Cancel'],
  cancelled: ['已取消', 'Cancelled'],
  progress: ['进度', 'Progress'],
  loadExample: ['载入示例法院', 'Load the example court'],
  errorAt: ['位置', 'at'],
  showMore: ['显示更多', 'Show more'],
  rowsShown: ['已显示 {shown} / {total} 行（导出可得全表）', 'Showing {shown} of {total} rows (export for the whole table)'],
  moreProblems: ['另有 {n} 个问题未列出', '{n} more problems not listed'],
  // 分案
  assignIntro: ['先承诺随机种子与输入并公布承诺值，再分案。本页不取信标（门户应指定未来的 drand 轮次）。', 'Commit to a seed and the inputs, publish the commitment, then draw. This page names no beacon (a portal names a future drand round).'],
  judgesFile: ['法官名册（CSV/XLSX）', 'Judges (CSV/XLSX)'],
  casesFile: ['待分案件（CSV/XLSX）', 'Cases to assign (CSV/XLSX)'],
  seed: ['随机种子', 'Seed'],
  newSeed: ['生成种子', 'New seed'],
  committedAt: ['承诺时间（UTC）', 'Committed at (UTC)'],
  commit: ['承诺', 'Commit'],
  commitment: ['请先公布承诺值', 'Publish this commitment before drawing'],
  assign: ['分案', 'Assign'],
  court: ['法院', 'Court'],
  courtSize: ['{court}：{judges} 名法官，{cases} 件案件', '{court}: {judges} judges, {cases} cases'],
  assigned: ['分案记录 {n} 条，链头', '{n} ledger entries; chain head'],
  caseId: ['案号', 'Case'],
  judgesCol: ['承办人/合议庭', 'Judges'],
  eligible: ['符合条件', 'Eligible'],
  pool: ['候选人数', 'Pool'],
  pChosen: ['中选概率', 'p(chosen)'],
  lowEntropy: ['低熵', 'Low entropy'],
  firstRows: ['（仅列前 {n} 条）', '(first {n} entries)'],
  seatChart: ['第 {index} 条 {case} 的候选池与概率', 'Pool and probabilities of entry {index}, {case}'],
  entry: ['条目', 'Entry'],
  probability: ['概率', 'Probability'],
  downloadLedger: ['下载分案记录', 'Download the ledger'],
  // 验证与审计
  verifyIntro: ['选择公布的输入（含揭示的种子）与分案记录文件。文件直接读入后台线程，逐条重放并比对。', 'Choose the published inputs (with the revealed seed) and the ledger file. Files go straight to a background thread that replays and compares every draw.'],
  inputsFile: ['分案输入（JSON）', 'Run inputs (JSON)'],
  ledgerFile: ['分案记录（NDJSON）', 'Ledger (NDJSON)'],
  verify: ['验证', 'Verify'],
  audit: ['审计', 'Audit'],
  identical: ['✓ 复核一致：全部 {n} 条记录逐一重放相同。', '✓ Identical: all {n} entries replay exactly.'],
  differs: ['✗ 记录与重放结果不一致：{where}，字段「{field}」。', '✗ Differs at {where}, member “{field}”.'],
  header: ['记录头', 'the header'],
  entryN: ['第 {n} 条', 'entry {n}'],
  headToPublish: ['应公布的链头', 'Chain head to publish'],
  expectedVal: ['重放结果', 'expected'],
  foundVal: ['记录所载', 'found'],
  value: ['值', 'value'],
  needFiles: ['请先选择输入与分案记录文件。', 'Choose the inputs and the ledger first.'],
  auditSummary: ['{draws} 次抽签，{availability} 次可用性变更，{designated} 次指定，{reassigned} 次改派，{redraws} 次重抽（人工占比 {manual}）；低熵席位 {low}/{seats}。', '{draws} draws, {availability} availability changes, {designated} designated, {reassigned} re-assigned, {redraws} re-draws (manual share {manual}); {low} low-entropy seats of {seats}.'],
  positionTest: ['抽签位置检验：χ² = {chi}（自由度 {df}，5% 临界值 {crit}）{verdict}', 'Position test: χ² = {chi} ({df} degrees of freedom, 5% critical {crit}) {verdict}'],
  biased: ['— 提示偏倚', '— flagged biased'],
  notBiased: ['— 未见偏倚', '— not flagged'],
  drawnVsExpected: ['各法官实抽与期望', 'Drawn versus expected per judge'],
  positionBins: ['中选位置分布（实际与期望）', 'Chosen positions (observed and expected)'],
  loadChart: ['{dept}：各法官负荷随分案进程', '{dept}: each judge’s load over the run'],
  spreadCaption: ['（离散度 {final}，最大 {worst}，见第 {at} 条）', '(spread {final}, worst {worst} at entry {at})'],
  judge: ['法官', 'Judge'],
  department: ['部门', 'Department'],
  drawn: ['实抽', 'Drawn'],
  expected: ['期望', 'Expected'],
  manual: ['人工', 'Manual'],
  load: ['负荷', 'Load'],
  normalisedLoad: ['负荷 ÷ 份额', 'Load ÷ share'],
  spread: ['离散度', 'Spread'],
  observed: ['实际', 'Observed'],
  position: ['位置', 'Position'],
  band: ['部门范围（最低—最高）', 'Department range (min–max)'],
  // 标准案件
  standardIntro: ['以上年已结案件的卷宗、庭审笔录、裁判文书页数计算基数，再折算本年案件的标准案件数与各法官目标进度。', "Last year's closed cases (dossier, transcript and judgment pages) give the baseline; this year's cases become standard cases, and each judge's progress is set against the targets."],
  closedFile: ['上年已结案件（CSV/XLSX）', "Last year's closed cases (CSV/XLSX)"],
  currentFile: ['本年已结案件（CSV/XLSX）', "This year's closed cases (CSV/XLSX)"],
  goal: ['目标系数', 'Goal on last year'],
  dataCounts: ['上年已结审判案件 {closed} 件 / 本年审判案件 {current} 件', "last year's closed trial cases {closed} / this year's trial cases {current}"],
  throughMonth: ['统计截至月份', 'Through month'],
  compute: ['计算', 'Compute'],
  baselineLine: ['{year} 年基数（{n} 件上年已结审判案件），摘要', '{year} baseline from {n} closed trial cases; digest'],
  basicTarget: ['人均基本任务', 'Basic target per judge'],
  standardTotal: ['标准案件合计', 'Standard cases in all'],
  cases: ['案件', 'Cases'],
  standard: ['标准案件', 'Standard cases'],
  target: ['全年目标', 'Target'],
  targetToDate: ['截至本月目标', 'Target to date'],
  pctToDate: ['进度 %', '% to date'],
  pctOfYear: ['全年 %', '% of year'],
  remaining: ['尚需', 'Remaining'],
  progressChart: ['各法官目标进度（截至 {m} 月）', 'Progress against targets per judge (through month {m})'],
  monthlyChart: ['月度目标（人均）', 'Monthly target per judge'],
  heatmapChart: ['各法官逐月目标进度（%）', 'Progress against targets per judge and month (%)'],
  monthlyTarget: ['月度目标', 'Monthly target'],
  noFile: ['未选择文件', 'No file chosen'],
  chooseFile: ['选择文件', 'Choose a file'],
  month: ['月', 'Month'],
  actual: ['已完成', 'Actual'],
  // 绩效评分
  scoreIntro: ['选择考核规则与评分数据表，批量评分后可逐人查看或填写评分表。', 'Choose a rule set and the evaluation values; score the batch, then look at or fill in one judge’s form.'],
  ruleSet: ['考核规则', 'Rule set'],
  valuesFile: ['考核数据（CSV/XLSX）', 'Evaluation values (CSV/XLSX)'],
  scoreBatch: ['批量评分', 'Score the batch'],
  total: ['总分', 'Total'],
  grade: ['等次', 'Grade'],
  rank: ['名次', 'Rank'],
  name: ['姓名', 'Name'],
  totalsChart: ['总分分布', 'Distribution of totals'],
  gradesChart: ['等次分布', 'Grades'],
  count: ['人数', 'Judges'],
  formFor: ['评分表', 'Evaluation form'],
  startFrom: ['起始', 'Start from'],
  blankForm: ['空白表', 'a blank form'],
  missing: ['尚缺 {n} 项', 'Still missing {n}'],
  veto: ['一票否决', 'Veto'],
  noVeto: ['无一票否决情形', 'No veto applies'],
  officeBatch: ['考核办批量结果：总分 {total}，等次 {grade}', "The office's batch: total {total}, grade {grade}"],
  // the explanation tree (the core's node kinds and outcomes, docs/scoring.md)
  formula: ['公式', 'formula'],
  population: ['统计总体', 'population'],
  inputs: ['输入', 'inputs'],
  values: ['取值', 'values'],
  clause: ['条款', 'clause'],
  node_judge: ['法官', 'judge'],
  node_group: ['指标组', 'group'],
  node_indicator: ['指标', 'indicator'],
  node_credit: ['折算案件', 'credit'],
  node_adjustment: ['加扣分', 'adjustment'],
  node_veto: ['一票否决', 'veto'],
  node_check: ['办案要求', 'check'],
  node_grade: ['等次', 'grade'],
  outcome_bonus: ['加分', 'bonus'],
  outcome_deduction: ['扣分', 'deduction'],
  outcome_triggered: ['触发', 'triggered'],
  outcome_notTriggered: ['未触发', 'not triggered'],
  outcome_pass: ['达到', 'pass'],
  outcome_fail: ['未达到', 'fail'],
  outcome_incomplete: ['数据不全', 'incomplete'],
};

let lang = (typeof localStorage !== 'undefined' && localStorage.getItem('shenguan-lang')) || 'zh';

export const currentLang = () => lang;

/** The word for `key` in the current language, with `{name}` filled from `vars`. */
export function t(key, vars = {}) {
  const entry = words[key];
  const text = entry ? entry[lang === 'en' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** Fill every `data-i18n` and `data-i18n-label` element under `root`. */
export function applyI18n(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem('shenguan-lang', lang); } catch { /* private mode: the choice lasts this visit */ }
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  applyI18n(document);
  document.dispatchEvent(new CustomEvent('shenguan-lang', { detail: lang }));
}
