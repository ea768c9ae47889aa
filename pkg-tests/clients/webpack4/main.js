// The page webpack 4 builds, written as docs/package.md tells a Vue CLI 4
// project: `shenguan` through the package's `browser` field (legacy.js, no
// import.meta), each engine's legacy.js by path, and each wasm emitted by
// file-loader, whose URL `init` is given.
import init, * as shenguan from 'shenguan';
import * as assign from 'shenguan/assign/legacy.js';
import * as standard from 'shenguan/standard/legacy.js';
import * as score from 'shenguan/score/legacy.js';
import shenguanWasm from 'shenguan/full/shenguan_bg.wasm';
import assignWasm from 'shenguan/assign/shenguan_bg.wasm';
import standardWasm from 'shenguan/standard/shenguan_bg.wasm';
import scoreWasm from 'shenguan/score/shenguan_bg.wasm';
import { runAllChecks, showOnPage } from './checks.mjs';

async function main() {
  await Promise.all([init(shenguanWasm), assign.default(assignWasm), standard.default(standardWasm), score.default(scoreWasm)]);
  return runAllChecks(shenguan, { assign, standard, score });
}
showOnPage(main());
