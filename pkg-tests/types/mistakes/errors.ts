// Thrown errors: narrowed with isShenguanError, codes checked against the list.
import { assign, isShenguanError } from 'shenguan';
import type { AssignmentInput } from 'shenguan';

export function tryAssign(inputs: AssignmentInput): string {
  try {
    return assign(inputs);
  } catch (err) {
    // expect-error TS18046: 'err' is of type 'unknown'
    console.log(err.messageZh);
    if (!isShenguanError(err)) throw err;
    // expect-error TS2367: This comparison appears to be unintentional
    if (err.code === 'INVALID_INPUTS') return err.path;
    // expect-error TS2551: Property 'messageCn' does not exist on type 'ShenguanError'. Did you mean 'message'?
    return err.messageCn;
  }
}
