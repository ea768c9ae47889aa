// Node, import: the same instance as `require` (node.cjs), with the names
// written out, since Node cannot list the exports of a CommonJS module
// built at run time. The export list is filled in by scripts/build-pkg.sh.
import glue from './node.cjs';

export const { init, initSync } = glue;
export default init;
/* exports of this build */
