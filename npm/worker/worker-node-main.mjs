// The worker_threads script: loads the Node build and runs the calls
// createWorkerClient sends.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { serve } from './serve.mjs';

const shenguan = createRequire(import.meta.url)('../node/shenguan.js');
parentPort.on('message', (message) => serve(shenguan, message, (reply) => parentPort.postMessage(reply)));
