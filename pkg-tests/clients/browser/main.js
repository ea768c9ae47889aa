// The page both bundlers build: runs the checks through the full build and
// through each engine's own, and shows the results as JSON in
// <pre id="results"> (or the error in <pre id="failure">).
import init, * as shenguan from 'shenguan';
import * as assign from 'shenguan/assign';
import * as standard from 'shenguan/standard';
import * as score from 'shenguan/score';
import { runChecks } from '../checks.mjs';

async function main() {
  await init();
  return {
    shenguan: await runChecks({ assign: shenguan, standard: shenguan, score: shenguan }),
    'shenguan/assign, /standard, /score': await runChecks({ assign, standard, score }),
  };
}
main().then(
  (results) => { document.getElementById('results').textContent = JSON.stringify(results); },
  (err) => { document.getElementById('failure').textContent = String(err && err.stack || err); },
);
