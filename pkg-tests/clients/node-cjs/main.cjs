// Node, CommonJS: `require` of the installed package, the full build and each engine's own.
const shenguan = require('shenguan');
const engines = { assign: require('shenguan/assign'), standard: require('shenguan/standard'), score: require('shenguan/score') };

async function main() {
  const { runChecks } = await import('./checks.mjs');
  console.log(JSON.stringify({
    shenguan: await runChecks({ assign: shenguan, standard: shenguan, score: shenguan }),
    'shenguan/assign, /standard, /score': await runChecks(engines),
  }));
}
main().catch((err) => { console.error(err); process.exitCode = 1; });
