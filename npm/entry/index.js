// Browsers, workers and bundlers: the functions, and an `init` that loads
// the wasm next to this file unless given another source.
import initFrom from './legacy.js';

export * from './legacy.js';

/** Load the WebAssembly (once; later calls return at once). */
export default function init(input) {
  // The form Vite, webpack 5, Rollup and esbuild recognise as an asset.
  return initFrom(input ?? new URL('./shenguan_bg.wasm', import.meta.url));
}
export { init };
