// The inspector CLI (pkg/bin/cli.mjs, the package's `shenguan` bin) run as a
// child process on a small run: pass, a tampered ledger (first difference
// with expected and found, exit 1), a ledger that does not parse (exit 1),
// bad input (exit 2), the progress bar, and the audit, head and commit
// subcommands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as inputs from '../bench/limits-inputs.mjs';

const shenguan = createRequire(import.meta.url)('../pkg/node/shenguan.js');
const cli = fileURLToPath(new URL('../pkg/bin/cli.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shenguan-cli-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const runText = inputs.assignment(shenguan, { judges: 30, cases: 2_500, departments: 3 });
const run = JSON.parse(runText);
const ledger = shenguan.assign(run);
const { head } = shenguan.verifyHead({ inputs: run, head: '' });
const file = (name, text) => { const path = join(dir, name); writeFileSync(path, text); return path; };
const inputsFile = file('inputs.json', runText);
const ledgerFile = file('ledger.ndjson', ledger);

// Entry 5 handed to another judge of its pool, the line still canonical.
const lines = ledger.split('\n');
const entry5 = JSON.parse(lines[6]);
const other = entry5.seats[0].pool.map(([judge]) => judge).find((j) => j !== entry5.judges[0]);
const tampered = lines.map((line, i) => (i === 6 ? line.replace(`"judges":["${entry5.judges[0]}"]`, `"judges":["${other}"]`) : line)).join('\n');
assert.notEqual(tampered, ledger);
const tamperedFile = file('tampered.ndjson', tampered);

const shenguanCli = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('verify: pass prints the chain head and exits 0', () => {
  const r = shenguanCli('verify', inputsFile, ledgerFile);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^pass: the ledger is the replay of the inputs, 2500 entries$/m);
  assert.match(r.stdout, new RegExp(`^chain head: ${head}$`, 'm'));
  assert.equal(r.stderr, ''); // no progress bar: stderr is not a terminal
});

test('verify: a tampered entry prints the first difference with expected and found and exits 1', () => {
  const r = shenguanCli('verify', inputsFile, tamperedFile);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^FAIL/m);
  assert.match(r.stdout, /^first difference: entry 5, judges$/m);
  assert.match(r.stdout, new RegExp(`^  expected: \\["${entry5.judges[0]}"\\]$`, 'm'));
  assert.match(r.stdout, new RegExp(`^  found:    \\["${other}"\\]$`, 'm'));
  assert.match(r.stdout, /hash chain broken at entry 5/);
  assert.match(r.stdout, new RegExp(`^chain head \\(replay\\): ${head}$`, 'm'));
  const json = shenguanCli('verify', '--json', inputsFile, tamperedFile);
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), shenguan.verifyLedger({ inputs: run, ledger: tampered }));
});

test('verify: a line that does not parse is a mismatch (exit 1) with its code, path and line', () => {
  const broken = file('broken.ndjson', ledger.replace('"index":3,', '"index": 3,'));
  const r = shenguanCli('verify', inputsFile, broken);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /MALFORMED_LEDGER at 'ledger\.entries\[3\]'/);
  assert.match(r.stderr, /分案记录无法解析/);
});

test('bad input exits 2: a missing file, inputs that are not JSON, inputs refused by the engine, usage', () => {
  const missing = shenguanCli('verify', inputsFile, join(dir, 'nothing.ndjson'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read ledger/);
  const notJson = shenguanCli('verify', file('bad.json', '{"judges": ['), ledgerFile);
  assert.equal(notJson.status, 2);
  assert.match(notJson.stderr, /MALFORMED_JSON at 'judges'/);
  const wrongCommitment = shenguanCli('verify', file('recommitted.json', JSON.stringify({ ...run, commitment: '0'.repeat(64) })), ledgerFile);
  assert.equal(wrongCommitment.status, 2);
  assert.match(wrongCommitment.stderr, /COMMITMENT_MISMATCH at '(inputs\.)?commitment'/);
  for (const args of [[], ['verify', inputsFile], ['frobnicate'], ['verify', '--fast', inputsFile, ledgerFile]]) {
    const r = shenguanCli(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /usage: shenguan/);
  }
});

test('--progress draws the bar on stderr, ending at 100%', () => {
  const r = shenguanCli('verify', '--progress', inputsFile, ledgerFile);
  assert.equal(r.status, 0);
  const frames = r.stderr.split('\r').filter(Boolean);
  assert.ok(frames.length >= 2, r.stderr);
  assert.match(frames.at(-1), /^verify \[#{30}\] 100% 2,500\/2,500\n$/);
});

test('head, commit and audit', () => {
  const printed = shenguanCli('head', inputsFile);
  assert.equal(printed.status, 0);
  assert.equal(printed.stdout, `chain head: ${head} (2500 entries)\n`);
  assert.equal(shenguanCli('head', inputsFile, head.toUpperCase()).status, 0);
  const wrong = shenguanCli('head', inputsFile, 'ab'.repeat(32));
  assert.equal(wrong.status, 1);
  assert.match(wrong.stdout, /^FAIL/);

  const committed = shenguanCli('commit', '--json', inputsFile);
  assert.equal(committed.status, 0);
  assert.deepEqual(JSON.parse(committed.stdout), shenguan.commitRun(run));
  assert.match(shenguanCli('commit', inputsFile).stdout, new RegExp(`^commitment: ${run.commitment}$`, 'm'));

  const audited = shenguanCli('audit', inputsFile, ledgerFile);
  assert.equal(audited.status, 0, audited.stderr);
  assert.match(audited.stdout, /^verification: pass, 2500 entries$/m);
  assert.match(audited.stdout, /^entries: 2500 \(draws 2500,/m);
  assert.match(audited.stdout, /^position test: chi-square/m);
  const auditJson = shenguanCli('audit', '--json', inputsFile, tamperedFile);
  assert.equal(auditJson.status, 1);
  assert.deepEqual(JSON.parse(auditJson.stdout), shenguan.auditLedger({ inputs: run, ledger: tampered }));
});
