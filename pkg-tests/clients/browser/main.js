// The page both bundlers build: runs the checks and shows the results as
// JSON in <pre id="results"> (or the error in <pre id="failure">).
import * as shenguan from 'shenguan';
import { runChecks } from '../checks.mjs';

async function main() {
  const full = { assign: shenguan, standard: shenguan, score: shenguan };
  return { shenguan: await runChecks(full) };
}
main().then(
  (results) => { document.getElementById('results').textContent = JSON.stringify(results); },
  (err) => { document.getElementById('failure').textContent = String(err && err.stack || err); },
);
