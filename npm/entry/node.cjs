// Node, require: the glue reads the wasm with fs and instantiates it as it
// loads, so the functions work at once and `init` has nothing left to do.
'use strict';
const glue = require('./shenguan.node.cjs');

/** Kept so the same code runs in Node and in browsers; resolves at once. */
async function init() {}
/** Kept for the same reason; does nothing in Node. */
function initSync() {}

module.exports = Object.assign({}, glue, { init, initSync, default: init });
Object.defineProperty(module.exports, '__esModule', { value: true });
