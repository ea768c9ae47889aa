// The entry for tools that cannot parse the import meta-property (webpack 4, Vue CLI 4):
// the functions, and an `init` that must be told where the wasm is, since
// nothing here can find the file next to it. See docs/package.md.
import initGlue from './shenguan.js';

export * from './shenguan.js';

/**
 * Load the WebAssembly: `input` is its URL (or a Response, a
 * WebAssembly.Module or its bytes), or wasm-bindgen's `{ module_or_path }`.
 * Calling it again returns at once.
 */
let loaded = null;

export default async function init(input) {
  if (loaded) return loaded;
  if (input === undefined) {
    throw new TypeError('shenguan: this entry has no default wasm URL; call init(url) with the URL of shenguan_bg.wasm (docs/package.md)');
  }
  const plain = input !== null && Object.getPrototypeOf(input) === Object.prototype;
  // Kept only once it succeeds: after a failed load (a wrong URL) init can be called again.
  loaded = await initGlue(plain ? input : { module_or_path: input });
  return loaded;
}
export { init };
