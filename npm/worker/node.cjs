// `require('shenguan/worker')` in Node: the same client as node.mjs, whose
// ES module is loaded on the first call (CommonJS cannot load it at once).
'use strict';

const CALLS = ['assign', 'verifyLedger', 'verifyHead', 'auditLedger', 'score', 'standardCasesBulk'];

exports.createWorkerClient = function createWorkerClient(options) {
  const ready = import('./node.mjs').then((m) => m.createWorkerClient(options));
  const client = { terminate: () => { ready.then((c) => c.terminate()); } };
  for (const op of [...CALLS, ...(options?.calls ?? [])]) client[op] = (input, callOptions) => ready.then((c) => c[op](input, callOptions));
  return client;
};
