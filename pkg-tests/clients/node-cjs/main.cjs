// Node, CommonJS: `require` of the installed package, the full build and each engine's own.
const shenguan = require('shenguan');
const engines = { assign: require('shenguan/assign'), standard: require('shenguan/standard'), score: require('shenguan/score') };

async function main() {
  const { runAllChecks } = await import('./checks.mjs');
  console.log(JSON.stringify(await runAllChecks(shenguan, engines)));
}
main().catch((err) => { console.error(err); process.exitCode = 1; });
