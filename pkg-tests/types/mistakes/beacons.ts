// A beacon reference names its network; a beacon value is a drand round or lottery numbers, never both.
import type { BeaconRef, BeaconValue } from 'shenguan';

// expect-error TS2322: Property 'network' is missing
export const noNetwork: BeaconRef = { kind: 'drand', round: 1000 };
// expect-error TS2322: Type '"mainnet"' is not assignable to type '"default" | "quicknet"'
export const wrongNetwork: BeaconRef = { kind: 'drand', network: 'mainnet', round: 1000 };
// expect-error TS2322: Types of property 'values' are incompatible
export const mixed: BeaconValue = { round: 1000, signature: 'ab'.repeat(48), values: ['3'] };
