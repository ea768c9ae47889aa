// Node, CommonJS: `require` of the installed package.
const shenguan = require('shenguan');

async function main() {
  const { runChecks } = await import('./checks.mjs');
  const full = { assign: shenguan, standard: shenguan, score: shenguan };
  console.log(JSON.stringify({ shenguan: await runChecks(full) }));
}
main().catch((err) => { console.error(err); process.exitCode = 1; });
