// The run-time half of the `ShenguanError` type: every export of every build
// throws a JS `Error` named "ShenguanError" carrying the fields below (see
// src/wasm/mod.rs, `to_js_error`). The test is by shape, not `instanceof`, so
// it holds for errors from any build of the package, from another realm
// (an iframe) and for errors rebuilt after crossing a worker boundary.

/**
 * True when `e` is an error thrown by shenguan.
 * @param {unknown} e
 * @returns {boolean}
 */
export function isShenguanError(e) {
  if (typeof e !== 'object' || e === null) return false;
  const fields = /** @type {Record<string, unknown>} */ (e);
  return fields.name === 'ShenguanError'
    && typeof fields.code === 'string'
    && typeof fields.path === 'string'
    && typeof fields.message === 'string'
    && typeof fields.messageZh === 'string'
    && Array.isArray(fields.more)
    && typeof fields.moreOmitted === 'number';
}
