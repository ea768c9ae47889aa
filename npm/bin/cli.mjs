#!/usr/bin/env node
// The inspector's command line: `npx shenguan verify INPUTS LEDGER` and its
// siblings `audit`, `head` and `commit` (docs/cli.md). Exit codes: 0 pass,
// 1 the ledger or head does not match the replay, 2 bad input or usage.
import { createReadStream, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

const shenguan = createRequire(import.meta.url)('../node/shenguan.js');

const USAGE = `usage: shenguan <command> [--json] [--progress] ...
  verify INPUTS LEDGER   replay INPUTS and compare LEDGER with it line by line (streamed)
  audit  INPUTS LEDGER   verify, then report on the draws (auditLedger)
  head   INPUTS [HEAD]   replay INPUTS and print its chain head; compare with HEAD if given
  commit INPUTS          validate a run and print the commitment to publish before its beacon round
INPUTS is the run's published inputs (JSON), LEDGER its ledger (one JSON line per entry).
--json prints the engine's report as JSON; --progress draws a progress bar on stderr
(drawn by default when stderr is a terminal).
Exit codes: 0 pass, 1 mismatch, 2 bad input or usage.`;

const EXIT = { pass: 0, mismatch: 1, bad: 2 };

class Usage extends Error {}

function parse(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  for (const flag of flags) if (!['--json', '--progress', '--help'].includes(flag)) throw new Usage(`unknown option ${flag}`);
  const [command, ...args] = argv.filter((a) => !a.startsWith('--'));
  return { command, args, json: flags.has('--json'), progress: flags.has('--progress') || Boolean(process.stderr.isTTY), help: flags.has('--help') };
}

/** A progress bar on stderr, redrawn at most every 100 ms and at the end of each pass. */
function progressBar(enabled) {
  if (!enabled) return { update() {}, end() {} };
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update({ phase, done, total }) {
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      const filled = total > 0 ? Math.round((width * done) / total) : width;
      const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
      const line = `\r${phase.padEnd(6)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
      writeSync(2, line);
      drawn = true;
    },
    end() {
      if (drawn) writeSync(2, '\n');
      drawn = false;
    },
  };
}

function readText(path, what) {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw Object.assign(new Error(`cannot read ${what} ${path}: ${e.message}`), { exit: EXIT.bad });
  }
}

/** Call `fn` with the core's progress reports drawn on `bar`. */
function withBar(bar, fn) {
  try {
    return shenguan.withProgress((phase, done, total) => bar.update({ phase, done, total }), fn);
  } finally {
    bar.end();
  }
}

const show = (value) => JSON.stringify(value);

async function verify([inputsPath, ledgerPath], options) {
  if (!inputsPath || !ledgerPath) throw new Usage('verify needs INPUTS and LEDGER');
  const inputs = readText(inputsPath, 'inputs');
  const bar = progressBar(options.progress);
  const verifier = new shenguan.LedgerVerifier(inputs);
  // Streamed: memory does not grow with the ledger's length.
  try {
    for await (const part of createReadStream(ledgerPath, { highWaterMark: 1 << 20 })) {
      shenguan.withProgress((phase, done, total) => bar.update({ phase, done, total }), () => verifier.push(part));
    }
  } catch (e) {
    bar.end();
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') throw Object.assign(new Error(`cannot read ledger ${ledgerPath}: ${e.message}`), { exit: EXIT.bad });
    throw e;
  }
  const report = withBar(bar, () => verifier.finish());
  if (options.json) {
    console.log(show(report));
  } else if (report.ok) {
    console.log(`pass: the ledger is the replay of the inputs, ${report.entries} entries`);
    console.log(`chain head: ${report.head}`);
  } else {
    console.log('FAIL: the ledger differs from the replay of the inputs');
    const d = report.firstDifference;
    if (d) {
      console.log(`first difference: ${d.index === null ? 'header' : `entry ${d.index}`}, ${d.field}`);
      console.log(`  expected: ${show(d.expected)}`);
      console.log(`  found:    ${show(d.found)}`);
    }
    if (!report.chain.ok) console.log(`ledger's own hash chain broken at entry ${report.chain.firstBroken}: ${report.chain.problem}`);
    console.log(`entries: ${report.entries} in the ledger, ${report.expectedEntries} in the replay`);
    console.log(`chain head (replay): ${report.head}`);
  }
  return report.ok ? EXIT.pass : EXIT.mismatch;
}

function audit([inputsPath, ledgerPath], options) {
  if (!inputsPath || !ledgerPath) throw new Usage('audit needs INPUTS and LEDGER');
  const inputs = readText(inputsPath, 'inputs');
  const ledger = readText(ledgerPath, 'ledger');
  const report = withBar(progressBar(options.progress), () => shenguan.auditLedger(`{"inputs":${inputs},"ledger":${JSON.stringify(ledger)}}`));
  const v = report.verification;
  if (options.json) {
    console.log(show(report));
  } else {
    console.log(v.ok ? `verification: pass, ${v.entries} entries` : `verification: FAIL (first difference ${show(v.firstDifference)})`);
    console.log(`chain head: ${v.head}`);
    const c = report.counts;
    console.log(`entries: ${c.entries} (draws ${c.draws}, redraws ${c.redraws}, designated ${c.designated}, reassigned ${c.reassigned}, availability ${c.availability}); manual share ${c.manualShare}`);
    console.log(`warnings: ${report.flags.warnings.join(', ') || 'none'}`);
    console.log(`seats above the probability ceiling: ${report.flags.aboveCeilingCount}`);
    console.log(`absences around draws: ${report.flags.absencesAroundDraws.length}`);
    console.log(`low-entropy seats: ${report.lowEntropy.count} of ${report.lowEntropy.seats}; largest probability ${report.lowEntropy.maxProbability}`);
    const p = report.positionBias;
    console.log(`position test: chi-square ${p.chiSquare} on ${p.degreesOfFreedom} degrees of freedom (5% critical ${p.critical5pct}): ${p.biased ? 'BIASED' : 'not biased'}`);
  }
  return v.ok ? EXIT.pass : EXIT.mismatch;
}

function head([inputsPath, published], options) {
  if (!inputsPath) throw new Usage('head needs INPUTS');
  const inputs = readText(inputsPath, 'inputs');
  const report = withBar(progressBar(options.progress), () => shenguan.verifyHead(`{"inputs":${inputs},"head":${JSON.stringify(published ?? '')}}`));
  if (options.json) console.log(show(published === undefined ? { entries: report.entries, head: report.head } : report));
  else if (published === undefined) console.log(`chain head: ${report.head} (${report.entries} entries)`);
  else console.log(`${report.ok ? 'pass: the published head is the replay\'s' : 'FAIL: the published head differs from the replay\'s'}\nchain head (replay): ${report.head} (${report.entries} entries)`);
  return published === undefined || report.ok ? EXIT.pass : EXIT.mismatch;
}

function commit([inputsPath], options) {
  if (!inputsPath) throw new Usage('commit needs INPUTS');
  const report = shenguan.commitRun(readText(inputsPath, 'inputs'));
  if (options.json) {
    console.log(show(report));
  } else {
    console.log(`commitment: ${report.commitment}`);
    console.log(`inputs digest: ${report.inputsDigest}`);
    console.log(`beacon: ${show(report.beacon)}${report.roundTime === null ? '' : `, published at ${new Date(report.roundTime * 1000).toISOString().replace('.000', '')}`}`);
    console.log(`committed at: ${report.committedAt}`);
    console.log(`warnings: ${report.warnings.join(', ') || 'none'}`);
  }
  return EXIT.pass;
}

const COMMANDS = { verify, audit, head, commit };

async function main(argv) {
  let options;
  try {
    options = parse(argv);
    if (options.help) {
      console.log(USAGE);
      return EXIT.pass;
    }
    const command = COMMANDS[options.command];
    if (!command) throw new Usage(options.command ? `unknown command ${options.command}` : 'no command');
    return await command(options.args, options);
  } catch (e) {
    if (e instanceof Usage) {
      console.error(`shenguan: ${e.message}\n${USAGE}`);
      return EXIT.bad;
    }
    if (e.exit !== undefined) {
      console.error(`shenguan: ${e.message}`);
      return e.exit;
    }
    if (e.code && e.messageZh) {
      // A coded error of the engine: the inputs or the ledger cannot be read as what they claim to be.
      const line = e.details?.line ? ` (line ${e.details.line})` : '';
      console.error(`shenguan: ${e.code} at '${e.path}'${line}: ${e.message}\n  ${e.messageZh}`);
      if (options?.json) console.log(show({ error: { code: e.code, path: e.path, message: e.message, messageZh: e.messageZh, details: e.details } }));
      // A ledger whose lines do not parse is not the published one: a mismatch, not a usage problem.
      return e.code === 'MALFORMED_LEDGER' ? EXIT.mismatch : EXIT.bad;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
