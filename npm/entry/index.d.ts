// Types of every entry of a build (index.js, legacy.js, node.mjs, node.cjs).
export * from './shenguan.js';
import type { InitInput } from './shenguan.js';

/**
 * Load the WebAssembly. In browsers, workers and bundlers it fetches
 * `shenguan_bg.wasm` next to the module unless given its URL (or a Response,
 * module or bytes); in Node it resolves at once. Calling it again is harmless.
 */
declare function init(input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
export default init;
export { init };
