// Writes pkg/package.json for the layout in docs/package.md: conditional
// exports per build, the wasm files as their own subpaths, fallbacks for
// tools that read no `exports`, and the worker and bin when they are built.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const cargo = readFileSync('Cargo.toml', 'utf8');
const version = cargo.match(/^version = "(.*)"/m)[1];

const entries = (dir) => ({
  types: `./${dir}/index.d.ts`,
  node: { import: `./${dir}/node.mjs`, require: `./${dir}/node.cjs` },
  browser: `./${dir}/index.js`,
  worker: `./${dir}/index.js`,
  import: `./${dir}/index.js`,
  require: `./${dir}/node.cjs`,
  default: `./${dir}/index.js`,
});

const exports = { '.': entries('full') };
for (const build of ['assign', 'standard', 'score']) exports[`./${build}`] = entries(build);
exports['./wasm'] = './full/shenguan_bg.wasm';
for (const build of ['assign', 'standard', 'score']) exports[`./${build}/wasm`] = `./${build}/shenguan_bg.wasm`;
exports['./legacy'] = './full/legacy.js';
for (const build of ['assign', 'standard', 'score']) exports[`./${build}/legacy`] = `./${build}/legacy.js`;
const files = ['full', 'assign', 'standard', 'score', 'README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE'];
if (existsSync('pkg/worker')) {
  exports['./worker'] = {
    types: './worker/index.d.ts',
    node: { import: './worker/node.mjs', require: './worker/node.cjs' },
    default: './worker/index.js',
  };
  // The worker side, for a worker script of one's own (docs/worker.md).
  exports['./worker/serve'] = { types: './worker/serve.d.mts', default: './worker/serve.mjs' };
  files.push('worker');
}
if (existsSync('pkg/import.mjs')) {
  // Spreadsheet files in and out (docs/import.md); `engine` is the full build.
  exports['./import'] = { types: './import.d.mts', default: './import.mjs' };
  files.push('import.mjs', 'import.d.mts', 'xlsx.mjs');
}
exports['./package.json'] = './package.json';

const pkg = {
  name: 'shenguan',
  version,
  description: 'Auditable random case assignment, standard cases and judge performance scoring (WebAssembly)',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  files,
  exports,
  main: './full/node.cjs',
  module: './full/index.js',
  // webpack 4 reads this first for web targets; the page passes the wasm URL to init.
  browser: './full/legacy.js',
  types: './full/index.d.ts',
  sideEffects: false,
  engines: { node: '>=18' },
};
if (existsSync('pkg/bin')) {
  pkg.bin = { shenguan: './bin/shenguan.mjs' };
  files.push('bin');
}
writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
