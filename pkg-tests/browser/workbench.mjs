// Browser tests of the workbench page (www/): every panel driven like a
// clerk would, its figures compared with the Node build's, the strict CSP,
// no request leaving 127.0.0.1, a 100k-entry ledger verified without
// freezing the tab, and a screenshot of each panel (target/screenshots/).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadavg, availableParallelism } from 'node:os';

const SHOTS = 'target/screenshots';
const DATA = 'target/browser';

/** A raw GET (the path sent as is, unlike fetch), resolving to the status code. */
const rawGet = (port, path) => new Promise((resolve, reject) => {
  const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => { res.resume(); resolve(res.statusCode); });
  req.on('error', reject);
  req.end();
});

const SHEETS = 'examples/court/spreadsheets';

/** The example court's run from its spreadsheets, read in Node by the package's import.mjs, as the page reads them. */
async function exampleRun(root, node, seed, committedAt) {
  const { importFile } = await import(pathToFileURL(join(root, 'pkg/import.mjs')).href);
  const court = JSON.parse(readFileSync(join(root, 'examples/court/judges.json'), 'utf8'));
  const config = JSON.parse(readFileSync(join(root, 'examples/court/standard-config.json'), 'utf8'));
  const read = (kind, file) => importFile(node, readFileSync(join(root, SHEETS, file)), file, { kind, departments: court.departments, config });
  const { judges } = await read('judges', 'judges.xlsx');
  const { cases } = await read('cases', 'cases.xlsx');
  return { court: court.court, judges, cases, seed, beacon: { kind: 'none' }, committedAt };
}

/** A run of `count` cases on the example court (its intake repeated), and its ledger file, written once. */
async function bigRun(root, node, count) {
  const inputsFile = join(root, DATA, `run-${count}.json`);
  const ledgerFile = join(root, DATA, `ledger-${count}.ndjson`);
  if (existsSync(inputsFile) && existsSync(ledgerFile)) return { inputsFile, ledgerFile, inputs: JSON.parse(readFileSync(inputsFile, 'utf8')) };
  const base = await exampleRun(root, node, '3c'.repeat(32), '2026-01-01T00:00:00Z');
  const cases = Array.from({ length: count }, (_, i) => ({ ...base.cases[i % base.cases.length], id: `${base.cases[i % base.cases.length].id}#${Math.floor(i / base.cases.length)}` }));
  const inputs = { ...base, cases };
  inputs.commitment = node.commitRun(inputs).commitment;
  const writer = new node.LedgerWriter(inputs, 1 << 20);
  const parts = [];
  for (let part = writer.next(); part !== undefined; part = writer.next()) parts.push(part);
  writer.free();
  writeFileSync(inputsFile, JSON.stringify(inputs));
  writeFileSync(ledgerFile, parts.join(''));
  return { inputsFile, ledgerFile, inputs };
}

/** The page must never freeze longer than this (the longest main-thread task, ms). */
const CALM_MS = 100;

/**
 * The longest main-thread task (ms, as the longtask observer reports it)
 * from the start of `action` until the page has painted twice after it.
 */
async function longestTaskOnce(page, action) {
  await page.evaluate(() => {
    window.longTasks = [];
    window.longTaskObserver?.disconnect();
    window.longTaskObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); });
    window.longTaskObserver.observe({ type: 'longtask' });
  });
  await action();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  return page.evaluate(() => { window.longTaskObserver.disconnect(); return Math.max(0, ...window.longTasks); });
}

/**
 * The longest main-thread task of `action` (repeatable), logged under `what`.
 * A task is wall-clock time, so other processes on a shared machine stretch
 * it: an action over CALM_MS is run once more, both figures and the load
 * average are logged, and the lower counts. A page that really blocks fails
 * both times.
 */
async function longestTask(page, what, action) {
  // The observer reports only tasks over 50 ms, so 0 means none reached 50 ms.
  const said = (ms) => (ms ? `longest main-thread task ${ms.toFixed(0)} ms` : 'no main-thread task over 50 ms');
  const first = await longestTaskOnce(page, action);
  if (first < CALM_MS) {
    console.log(`       ${what}: ${said(first)}`);
    return { what, ms: first };
  }
  const load = loadavg()[0].toFixed(1);
  const again = await longestTaskOnce(page, action);
  console.log(`       ${what}: ${said(first)}, then ${said(again)} (machine load average ${load} on ${availableParallelism()} cores)`);
  return { what, ms: Math.min(first, again) };
}

/** Requires a measured action's longest task under CALM_MS. */
function assertCalm({ what, ms }) {
  assert.ok(ms < CALM_MS, `${what}: the longest main-thread task took ${ms.toFixed(0)} ms`);
}

export async function workbenchTests({ browser, base, server, root, node, check }) {
  mkdirSync(join(root, SHOTS), { recursive: true });
  // The example court's spreadsheets, written from its JSON by the import format's own generator when absent.
  if (!existsSync(join(root, SHEETS, 'judges.xlsx'))) execFileSync('node', ['examples/court/spreadsheets.mjs'], { cwd: root, stdio: 'inherit' });
  mkdirSync(join(root, DATA), { recursive: true });
  const port = server.address().port;

  await check('serve: malformed URLs, dotfiles and repository files are refused, and the server lives on', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/.git/config', '/www/../.git/config', '/%2e%2e/Cargo.toml', '/www/%2e%2e/Cargo.toml',
      '/src/lib.rs', '/Cargo.toml', '/scripts/serve.mjs', '/www/..%2f..%2fCargo.toml', '/pkg/../Makefile']) {
      assert.equal(await rawGet(port, path), 404, path);
    }
    assert.equal(await rawGet(port, '/www/'), 200);
    assert.equal(await rawGet(port, '/pkg/full/index.js'), 200);
    assert.equal(server.address().address, '127.0.0.1');
  });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  // Record CSP violations from the first script on.
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const text = async (selector) => (await page.textContent(selector)).trim();
  const shot = (name) => page.screenshot({ path: join(root, SHOTS, `${name}.png`), fullPage: true });

  await page.goto(`${base}/www/`);
  await page.waitForSelector('#status[data-ready="true"]');

  await check('page: Chinese first, four task tabs, English on the toggle', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.deepEqual(await page.$$eval('[role="tab"]', (tabs) => tabs.map((x) => x.textContent.trim())), ['分案', '验证与审计', '标准案件与目标', '绩效评分']);
    await page.click('#lang-toggle');
    assert.equal(await text('#tab-verify'), 'Verify and audit');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await shot('page-en');
    await page.click('#lang-toggle');
    assert.equal(await text('#tab-verify'), '验证与审计');
  });

  await check('page: tabs by keyboard (arrows, Home, End) and every control has an accessible name', async () => {
    await page.focus('#tab-assign');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-verify');
    assert.equal(await page.isVisible('shenguan-verify'), true);
    assert.equal(await page.isVisible('shenguan-assign'), false);
    await page.keyboard.press('End');
    assert.equal(await page.getAttribute('#tab-score', 'aria-selected'), 'true');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-assign', 'aria-selected'), 'true');
    const unnamed = await page.$$eval('button, input, select, textarea, [role="tab"]', (els) => els.filter((el) => {
      const label = el.getAttribute('aria-label') || el.closest('label')?.textContent.trim() || (el.labels?.[0]?.textContent.trim());
      const own = el.tagName === 'BUTTON' ? el.textContent.trim() : '';
      return !(label || own);
    }).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unnamed, []);
  });

  // ---- 分案 ---------------------------------------------------------------------
  let run;
  let ledger;
  await check('分案: the example court committed and drawn in the background equals the Node ledger', async () => {
    await page.click('#tab-assign');
    const loading = await longestTask(page, 'loading the example court (2,000 cases from its XLSX)', async () => {
      await page.click('shenguan-assign .load-example');
      await page.waitForFunction(() => document.querySelector('shenguan-assign .court-size').textContent.includes('2000'));
    });
    await page.click('shenguan-assign .commit-button');
    const seed = await page.inputValue('shenguan-assign .seed');
    const committedAt = await page.inputValue('shenguan-assign .committed-at');
    run = await exampleRun(root, node, seed, committedAt);
    const commitment = node.commitRun(run).commitment;
    assert.equal(await text('shenguan-assign .commitment'), commitment);
    run.commitment = commitment;
    ledger = node.assign(run);
    const drawing = await longestTask(page, 'drawing 2,000 cases', async () => {
      await page.click('shenguan-assign .assign-button');
      await page.waitForSelector('shenguan-assign .assign-summary');
      await page.waitForSelector('shenguan-assign .result:not([aria-busy])');
    });
    assert.equal(await text('shenguan-assign .assign-summary .head'), JSON.parse(ledger.trimEnd().split('\n').at(-1)).hash);
    assert.match(await text('shenguan-assign .assign-summary'), /2000/);
    assert.equal(await page.$$eval('shenguan-assign svg.chart rect.bar', (r) => r.length) > 1, true, 'the seat chart has bars');
    await shot('assign');
    assertCalm(loading);
    assertCalm(drawing);
  });

  await check('分案: the ledger exports as CSV and XLSX (the core\'s table, read back equal) and downloads as NDJSON equal to Node\'s', async () => {
    const { readSpreadsheet } = await import(pathToFileURL(join(root, 'pkg/import.mjs')).href);
    const table = node.exportTable({ kind: 'ledger', data: ledger });
    for (const format of ['csv', 'xlsx']) {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`shenguan-assign .export-${format}`)]);
      assert.equal(file.suggestedFilename(), `ledger.${format}`);
      const grid = await readSpreadsheet(readFileSync(await file.path()), `ledger.${format}`);
      assert.deepEqual(grid[0], table.columns);
      assert.equal(grid.length, table.rows.length + 1);
      assert.deepEqual(grid[5], table.rows[4].map(String));
    }
    const [nd] = await Promise.all([page.waitForEvent('download'), page.click('shenguan-assign .download-ledger')]);
    assert.equal(readFileSync(await nd.path(), 'utf8'), ledger);
  });

  await check('分案: a court\'s own files chosen in the page (judges as Excel\'s GB18030 CSV, cases as CSV) give the same run', async () => {
    await page.fill('shenguan-assign .court-name', run.court);
    await page.evaluate(() => Object.assign(document.querySelector('shenguan-assign').data, { judges: null, cases: null }));
    await page.setInputFiles('shenguan-assign input[type=file] >> nth=0', join(root, SHEETS, 'judges-gb18030.csv'));
    await page.setInputFiles('shenguan-assign input[type=file] >> nth=1', join(root, SHEETS, 'cases.csv'));
    await page.waitForFunction(() => document.querySelector('shenguan-assign').data.cases?.length > 0 && document.querySelector('shenguan-assign').data.judges?.length > 0);
    const data = await page.evaluate(() => { const { judges, cases } = document.querySelector('shenguan-assign').data; return { judges, cases }; });
    assert.deepEqual(data.judges, run.judges);
    assert.deepEqual(data.cases, run.cases);
  });

  // ---- 验证与审计 -----------------------------------------------------------------
  await check('验证与审计: the drawn run verifies identical; the audit equals Node\'s, with its charts', async () => {
    await page.click('#tab-verify');
    const verifying = await longestTask(page, 'verifying the 2,000-case ledger', async () => {
      await page.click('shenguan-verify .verify-button');
      await page.waitForSelector('shenguan-verify .verdict');
    });
    assert.match(await text('shenguan-verify .verdict'), /复核一致/);
    const auditing = await longestTask(page, 'auditing the 2,000-case ledger', async () => {
      await page.click('shenguan-verify .audit-button');
      await page.waitForSelector('shenguan-verify .audit-summary');
      await page.waitForSelector('shenguan-verify .result:not([aria-busy])');
    });
    const audit = node.auditLedger({ inputs: run, ledger });
    assert.match(await text('shenguan-verify .position-test'), new RegExp(`χ² = ${audit.positionBias.chiSquare.replace('.', '\\.')}`));
    const rows = await page.$$eval('shenguan-verify .audit-judges tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    // Departments by the court's names (刑事审判庭), as the charts' titles name them.
    const { departments } = JSON.parse(readFileSync(join(root, 'examples/court/judges.json'), 'utf8'));
    const departmentName = new Map(departments.map((d) => [d.id, d.name ?? d.id]));
    assert.deepEqual(rows, audit.judges.map((j) => [j.judge, departmentName.get(j.department), String(j.drawn), j.expected, String(j.manual), j.load, j.normalisedLoad]));
    assert.equal(await page.$$eval('shenguan-verify svg.chart', (s) => s.length), 2 + Object.keys(audit.loadSpread).length);
    await shot('verify-audit');
    assertCalm(verifying);
    assertCalm(auditing);
  });

  await check('验证与审计: files chosen in the page; a tampered ledger differs at its entry', async () => {
    const entries = ledger.trimEnd().split('\n');
    const at = entries.findIndex((line, i) => i > 0 && JSON.parse(line).seats?.[0]?.pool.length > 1);
    const entry = JSON.parse(entries[at]);
    const other = entry.seats[0].pool.find(([j]) => j !== entry.seats[0].chosen)[0];
    entries[at] = entries[at].replaceAll(`"${entry.seats[0].chosen}"`, `"${other}"`);
    writeFileSync(join(root, DATA, 'run.json'), JSON.stringify(run));
    writeFileSync(join(root, DATA, 'tampered.ndjson'), `${entries.join('\n')}\n`);
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=0', join(root, DATA, 'run.json'));
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=1', join(root, DATA, 'tampered.ndjson'));
    await page.click('shenguan-verify .verify-button');
    await page.waitForFunction(() => document.querySelector('shenguan-verify .verdict')?.classList.contains('bad'));
    const expected = node.verifyLedger({ inputs: run, ledger: `${entries.join('\n')}\n` });
    assert.match(await text('shenguan-verify .verdict'), new RegExp(`第 ${expected.firstDifference.index} 条`));
  });

  await check('验证与审计: a malformed inputs file is a coded error, and the panel works on', async () => {
    writeFileSync(join(root, DATA, 'broken.json'), '{ "court": not json');
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=0', join(root, DATA, 'broken.json'));
    await page.click('shenguan-verify .verify-button');
    await page.waitForSelector('shenguan-verify .error');
    // The core parses the file and names the member it could not read.
    assert.equal(await text('shenguan-verify .error .code'), 'INVALID_INPUT');
    assert.equal(await text('shenguan-verify .error .path'), 'inputs.court');
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=0', join(root, DATA, 'run.json'));
    await page.click('shenguan-verify .verify-button');
    await page.waitForSelector('shenguan-verify .verdict.bad');
  });

  await check('验证与审计: a 100,000-entry ledger verifies in the background, progress moving, no main-thread task over 100 ms', async () => {
    const big = await bigRun(root, node, 100_000);
    // The observer does see a long task: a 150 ms busy loop on the main thread is reported.
    const seen = await page.evaluate(() => new Promise((resolve) => {
      const durations = [0];
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) durations.push(e.duration); });
      observer.observe({ type: 'longtask' });
      setTimeout(() => { const until = performance.now() + 150; while (performance.now() < until) { /* busy */ } }, 10);
      setTimeout(() => { observer.disconnect(); resolve(Math.max(...durations)); }, 1000);
    }));
    assert.ok(seen >= 140, `the longtask observer saw ${seen} ms`);
    await page.evaluate(() => {
      window.longest = 0;
      window.progressSeen = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); })
        .observe({ type: 'longtask', buffered: false });
      const bar = document.querySelector('shenguan-verify progress');
      new MutationObserver(() => window.progressSeen.push(`${bar.closest('.progress').dataset.phase}:${bar.value}/${bar.max}`))
        .observe(bar, { attributes: true });
    });
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=0', big.inputsFile);
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=1', big.ledgerFile);
    const started = Date.now();
    await page.click('shenguan-verify .verify-button');
    await page.waitForFunction(() => document.querySelector('shenguan-verify .verdict.ok'), null, { timeout: 300_000 });
    const seconds = (Date.now() - started) / 1000;
    assert.match(await text('shenguan-verify .verdict'), /100000/);
    const { longest, progressSeen } = await page.evaluate(() => ({ longest: window.longest, progressSeen: window.progressSeen }));
    const distinct = new Set(progressSeen);
    console.log(`       100k ledger: verdict after ${seconds.toFixed(1)} s, longest main-thread task ${longest.toFixed(0)} ms, ${distinct.size} progress states`);
    assert.ok(longest < 100, `longest task ${longest} ms`);
    assert.ok([...distinct].filter((s) => s.startsWith('read')).length > 1, 'the reading progress moved');
    assert.ok([...distinct].filter((s) => !s.startsWith('read') && !s.startsWith('start')).length > 1, `the replay progress moved: ${[...distinct].slice(-5)}`);
  });

  await check('验证与审计: the 100,000-entry ledger audited in the background, each judge\'s load charted from the worker\'s series, no main-thread task over 100 ms', async () => {
    const big = await bigRun(root, node, 100_000);
    const started = Date.now();
    const auditing = await longestTask(page, 'auditing the 100,000-entry ledger', async () => {
      await page.click('shenguan-verify .audit-button');
      await page.waitForSelector('shenguan-verify .audit-summary', { timeout: 300_000 });
      await page.waitForSelector('shenguan-verify .result:not([aria-busy])');
    });
    console.log(`       100k audit: report shown after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.match(await text('shenguan-verify .verdict'), /100000/);
    assert.equal(await page.$$eval('shenguan-verify .audit-judges tbody tr', (trs) => trs.length), big.inputs.judges.length);
    // Every department's chart has a line per judge (the worker's series), not only the spread.
    const lines = await page.$$eval('shenguan-verify svg.chart.load-chart', (charts) => charts.map((c) => c.querySelectorAll('polyline.line').length));
    assert.ok(lines.length > 0 && lines.every((n) => n > 1), `lines per load chart: ${lines}`);
    await shot('verify-audit-100k');
    assertCalm(auditing);
  });

  await check('验证与审计: cancelling a long verification stops it and the panel works on', async () => {
    await page.click('shenguan-verify .verify-button');
    await page.waitForFunction(() => Number(document.querySelector('shenguan-verify progress').value) > 0);
    await page.click('shenguan-verify .progress button');
    await page.waitForSelector('shenguan-verify .error');
    assert.equal(await text('shenguan-verify .error .code'), 'CANCELLED');
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=0', join(root, DATA, 'run.json'));
    await page.setInputFiles('shenguan-verify input[type=file] >> nth=1', join(root, DATA, 'tampered.ndjson'));
    await page.click('shenguan-verify .verify-button');
    await page.waitForSelector('shenguan-verify .verdict.bad');
  });

  // ---- 标准案件与目标 ---------------------------------------------------------------
  await check('标准案件与目标: the example court\'s baseline, per-judge progress and targets equal Node\'s', async () => {
    await page.click('#tab-standard');
    const loading = await longestTask(page, 'loading the example court\'s standard-case data (its sheets and its draw)', async () => {
      await page.click('shenguan-standard .load-example');
      await page.waitForFunction(() => document.querySelector('shenguan-standard').data?.closed?.length > 0);
    });
    const computing = await longestTask(page, 'computing standard cases and targets through March', async () => {
      await page.click('shenguan-standard .compute-button');
      await page.waitForSelector('shenguan-standard .standard-judges');
      await page.waitForSelector('shenguan-standard .result:not([aria-busy])');
    });
    const data = await page.evaluate(async () => {
      const el = document.querySelector('shenguan-standard');
      const { config, closed, current, year, departments, lastYearJudges, expectedIntake, courtDepartments } = el.data;
      return { config, closed, current, year, departments, lastYearJudges, expectedIntake, courtDepartments };
    });
    const closed = data.closed.map(({ judge, department, ...c }) => c);
    const baseline = node.computeBaseline({ year: data.year - 1, scope: 'perCategory', config: data.config, cases: closed });
    assert.equal(await text('shenguan-standard .baseline-digest'), baseline.digest);
    const lastYear = node.standardCases({ config: data.config, baseline, cases: closed });
    const done = data.current.filter((c) => c.closedOn < '2026-04-01').map(({ closedOn, ...c }) => c);
    const out = node.standardCases({ config: data.config, baseline, cases: done });
    const targets = node.standardTargets({ year: data.year, lastYear: { totalStandard: lastYear.total, judges: data.lastYearJudges, intake: data.closed.length },
      expectedIntake: data.expectedIntake, goal: '1.05', departments: data.departments,
      progress: { throughMonth: 3, actual: Object.fromEntries(out.judges.map((j) => [j.judge, j.standard])) } });
    assert.equal(await text('shenguan-standard .basic-target'), targets.basicTarget);
    assert.equal(await text('shenguan-standard .standard-total'), out.total);
    const rows = await page.$$eval('shenguan-standard .standard-judges tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.deepEqual(rows.map((r) => [r[0], r[3], r[4], r[5], r[8]]),
      targets.judges.map((j) => [j.judge, j.progress.actual, j.target, j.progress.targetToDate, j.progress.remaining]));
    assert.equal(await page.$$eval('shenguan-standard svg.chart', (s) => s.length), 4);
    await shot('standard');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('shenguan-standard .export-xlsx')]);
    const { readSpreadsheet } = await import(pathToFileURL(join(root, 'pkg/import.mjs')).href);
    const grid = await readSpreadsheet(readFileSync(await xlsx.path()), 'targets.xlsx');
    const table = node.exportTable({ kind: 'targets', data: targets, departments: data.courtDepartments });
    assert.deepEqual(grid[0], table.columns);
    assert.equal(grid.length, targets.judges.length + 1);
    assertCalm(loading);
    assertCalm(computing);
  });

  await check('标准案件与目标: a bad cell of a court\'s sheet is reported by row and column in Chinese, nothing imported, and the panel works on', async () => {
    const before = await page.evaluate(() => document.querySelector('shenguan-standard').data.closed.length);
    const digest = await text('shenguan-standard .baseline-digest');
    for (const file of ['closed-cases-bad.xlsx', 'closed-cases-bad.csv']) {
      await page.evaluate(() => document.querySelector('shenguan-standard .result').replaceChildren());
      await page.setInputFiles('shenguan-standard input[type=file] >> nth=0', join(root, SHEETS, file));
      await page.waitForSelector('shenguan-standard .result .error');
      assert.equal(await text('shenguan-standard .error .code'), 'INVALID_CELL', file);
      assert.match(await text('shenguan-standard .error .message'), /^第 12 行「卷宗页数」/, file);
      assert.equal(await page.evaluate(() => document.querySelector('shenguan-standard').data.closed.length), before, 'nothing imported');
    }
    await shot('standard-bad-row');
    await page.setInputFiles('shenguan-standard input[type=file] >> nth=0', join(root, SHEETS, 'closed-cases.csv'));
    await page.waitForFunction(() => document.querySelector('shenguan-standard .data-status').textContent.startsWith('closed-cases.csv'));
    await page.click('shenguan-standard .compute-button');
    await page.waitForSelector('shenguan-standard .standard-judges');
    assert.equal(await text('shenguan-standard .baseline-digest'), digest, 'the same cases from the CSV give the same baseline');
  });

  // ---- 绩效评分 -----------------------------------------------------------------
  const scoreRows = () => page.$$eval('shenguan-score-form .score-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  await check('绩效评分: the example court\'s evaluation sheet scored in the background equals Node\'s, and exports', async () => {
    await page.click('#tab-score');
    const scoring = await longestTask(page, 'scoring the example court\'s batch', async () => {
      await page.click('shenguan-score-form .load-example');
      await page.click('shenguan-score-form .score-button');
      await page.waitForSelector('shenguan-score-form .score-table');
      await page.waitForSelector('shenguan-score-form .batch:not([aria-busy])');
    });
    const { importFile, readSpreadsheet } = await import(pathToFileURL(join(root, 'pkg/import.mjs')).href);
    const ruleSet = JSON.parse(readFileSync(join(root, 'examples/rulesets/demo-court.json'), 'utf8'));
    const { judges } = await importFile(node, readFileSync(join(root, SHEETS, 'evaluations.xlsx')), 'evaluations.xlsx', { kind: 'evaluations', ruleSet });
    const batch = node.score({ ruleSet, judges, detail: 'summary' });
    const gradeName = new Map(ruleSet.grades.levels.map((g) => [g.id, g.name]));
    assert.deepEqual((await scoreRows()).map((r) => [r[0], r[2], r[3]]), batch.judges.map((j) => [j.id, j.total ?? '—', gradeName.get(j.grade) ?? j.grade ?? '—']));
    assert.equal(await page.$$eval('shenguan-score-form svg.chart', (s) => s.length), 2);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('shenguan-score-form .export-csv')]);
    const grid = await readSpreadsheet(readFileSync(await csv.path()), 'scores.csv');
    const table = node.exportTable({ kind: 'scoreTable', data: node.scoreTable({ ruleSet, judges }), ruleSet });
    assert.deepEqual(grid, [table.columns, ...table.rows]);
    await shot('score-batch');
    await page.setInputFiles('shenguan-score-form input[type=file]', join(root, SHEETS, 'evaluations.csv'));
    await page.waitForFunction(() => !document.querySelector('shenguan-score-form .score-table'));
    await page.click('shenguan-score-form .score-button');
    await page.waitForSelector('shenguan-score-form .score-table');
    assert.deepEqual((await scoreRows()).map((r) => [r[0], r[2]]), batch.judges.map((j) => [j.id, j.total ?? '—']), 'the CSV scores as the XLSX');
    assertCalm(scoring);
  });

  await check('绩效评分: a batch of 1,000 judges (a CSV) scores in the background equal to Node\'s, its table a page at a time, no main-thread task over 100 ms', async () => {
    // The example court's evaluation sheet, its judges repeated under new ids with their values varied.
    const [header, ...lines] = readFileSync(join(root, SHEETS, 'evaluations.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const cells = lines[i % lines.length].split(',');
      cells[0] = `K${String(i + 1).padStart(4, '0')}`;
      cells[3] = (Number(cells[3]) + (i % 17) / 10).toFixed(2);
      return cells.join(',');
    });
    const file = join(root, DATA, 'evaluations-1000.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    await page.selectOption('shenguan-score-form .rule-set', '0');
    await page.waitForFunction(() => !document.querySelector('shenguan-score-form .score-table'));
    const importing = await longestTask(page, 'importing 1,000 judges\' evaluations (CSV)', async () => {
      await page.setInputFiles('shenguan-score-form input[type=file]', file);
      await page.waitForFunction(() => document.querySelector('shenguan-score-form .batch').textContent.includes('evaluations-1000.csv'));
    });
    const scoring = await longestTask(page, 'scoring a batch of 1,000 judges', async () => {
      await page.click('shenguan-score-form .score-button');
      await page.waitForSelector('shenguan-score-form .score-table');
      await page.waitForSelector('shenguan-score-form .batch:not([aria-busy])');
    });
    const { importFile } = await import(pathToFileURL(join(root, 'pkg/import.mjs')).href);
    const ruleSet = JSON.parse(readFileSync(join(root, 'examples/rulesets/demo-court.json'), 'utf8'));
    const { judges } = await importFile(node, readFileSync(file), 'evaluations-1000.csv', { kind: 'evaluations', ruleSet });
    const batch = node.score({ ruleSet, judges, detail: 'summary' });
    const shown = await scoreRows();
    assert.ok(shown.length < 1000, `the table shows a first page, not ${shown.length} rows`);
    assert.deepEqual(shown.map((r) => [r[0], r[2]]), batch.judges.slice(0, shown.length).map((j) => [j.id, j.total ?? '—']));
    const more = await longestTask(page, 'showing the next page of the 1,000 judges', async () => {
      await page.click('shenguan-score-form .show-more');
      await page.waitForFunction((n) => document.querySelectorAll('shenguan-score-form .score-table tbody tr').length > n, shown.length);
    });
    const next = await scoreRows();
    assert.deepEqual(next.map((r) => [r[0], r[2]]), batch.judges.slice(0, next.length).map((j) => [j.id, j.total ?? '—']));
    await shot('score-1000');
    assertCalm(importing);
    assertCalm(scoring);
    assertCalm(more);
  });

  await check('绩效评分: another rule set\'s batch equals Node\'s; the form reproduces a judge (Yunnan Y3 101.55)', async () => {
    await page.selectOption('shenguan-score-form .rule-set', '1');
    await page.waitForFunction(() => !document.querySelector('shenguan-score-form .score-table'));
    assert.equal(await text('shenguan-score-form .file-name'), '未选择文件', 'the file chosen before no longer applies');
    await page.click('shenguan-score-form .score-button');
    await page.waitForSelector('shenguan-score-form .score-table');
    await page.waitForSelector('shenguan-score-form .batch:not([aria-busy])');
    const ruleSet = JSON.parse(readFileSync(join(root, 'examples/rulesets/yunnan-style.json'), 'utf8'));
    const population = JSON.parse(readFileSync(join(root, 'examples/court/scoring-inputs.json'), 'utf8')).yunnan;
    const batch = node.score({ ruleSet, ...population, detail: 'summary' });
    const rows = await scoreRows();
    const gradeName = new Map(ruleSet.grades.levels.map((g) => [g.id, g.name]));
    assert.deepEqual(rows.map((r) => [r[0], r[2], r[3]]), batch.judges.map((j) => [j.id, j.total ?? '—', gradeName.get(j.grade)]));
    assert.equal(await page.$$eval('shenguan-score-form svg.chart', (s) => s.length), 2);
    await page.selectOption('shenguan-score-form .example-judge', 'Y3');
    await page.waitForFunction(() => document.querySelector('shenguan-score-form .form-total')?.textContent === '101.55');
    await page.selectOption('shenguan-score-form .example-judge', 'Y5');
    await page.waitForFunction(() => document.querySelector('shenguan-score-form .form-total')?.textContent === '92.70');
    assert.match(await text('shenguan-score-form .vetoes'), /违纪违法/);
    // The explanation speaks Chinese: the core's formulaZh, the node kinds and the grade's name.
    const y5 = node.scoreOne({ ruleSet, judge: population.judges.find((j) => j.id === 'Y5'), statistics: batch.statistics }).judge.explanation;
    assert.equal(await text('shenguan-score-form .explanation > details > .formula code'), y5.formulaZh);
    assert.match(await text('shenguan-score-form .explanation > details > summary'), /^法官 /);
    const gradeNode = await text('shenguan-score-form .explanation details[data-kind="grade"] > summary');
    assert.ok(gradeNode.startsWith('等次 ') && gradeNode.includes(`（${gradeName.get(y5.children.find((c) => c.kind === 'grade').outcome)}）`), gradeNode);
    await shot('score');
    await page.fill('shenguan-score-form [data-indicator="documentQuality"]', 'ninety');
    await page.waitForSelector('shenguan-score-form .form-result .error');
    await page.fill('shenguan-score-form [data-indicator="documentQuality"]', '90');
    await page.waitForFunction(() => document.querySelector('shenguan-score-form .form-total')?.textContent === '92.70');
  });

  await check('print: the results print without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('shenguan-score-form .score-button'), false);
    assert.equal(await page.isVisible('[role="tablist"]'), false);
    assert.equal(await page.isVisible('shenguan-score-form .score-table'), true);
    await shot('score-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await check('CSP: nothing violated it while the panels ran; an injected inline script does not run', async () => {
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injectedRan = true';
      document.body.append(s);
      const el = document.createElement('div');
      el.innerHTML = '<img src="x" onerror="window.injectedRan = true">';
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 200));
      return window.injectedRan === true;
    });
    assert.equal(ran, false);
    assert.ok((await page.evaluate(() => window.cspViolations)).some((v) => v.startsWith('script-src')), 'the blocked script was reported');
  });

  await check('no request left 127.0.0.1 and no uncaught errors', async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(pageErrors, []);
  });
  await context.close();
}
