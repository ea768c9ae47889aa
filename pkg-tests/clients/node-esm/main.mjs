// Node, ES modules: `import` of the installed package, the full build and each engine's own.
import init, * as shenguan from 'shenguan';
import * as assign from 'shenguan/assign';
import * as standard from 'shenguan/standard';
import * as score from 'shenguan/score';
import { runAllChecks } from './checks.mjs';

await init();
console.log(JSON.stringify(await runAllChecks(shenguan, { assign, standard, score })));
