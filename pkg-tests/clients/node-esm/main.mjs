// Node, ES modules: `import` of the installed package.
import * as shenguan from 'shenguan';
import { runChecks } from './checks.mjs';

const full = { assign: shenguan, standard: shenguan, score: shenguan };
console.log(JSON.stringify({ shenguan: await runChecks(full) }));
