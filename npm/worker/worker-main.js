// The Web Worker script (a module worker): loads the browser build and
// runs the calls createWorkerClient sends.
import init, * as shenguan from '../web/shenguan.js';
import { serve } from './serve.mjs';

const ready = init();
self.onmessage = async (event) => {
  await ready;
  serve(shenguan, event.data, (reply) => self.postMessage(reply));
};
