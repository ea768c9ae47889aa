// The page Vite and webpack 5 build: runs the checks through the full build
// and through each engine's own, and shows the results for the runner.
import init, * as shenguan from 'shenguan';
import * as assign from 'shenguan/assign';
import * as standard from 'shenguan/standard';
import * as score from 'shenguan/score';
import { runAllChecks, showOnPage } from '../checks.mjs';

showOnPage(init().then(() => runAllChecks(shenguan, { assign, standard, score })));
