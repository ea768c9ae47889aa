// What the page shows of a ledger, picked out of it in the background thread
// (www/engine-worker.js) so the page's own thread only renders. Nothing here
// computes a figure: every number is one the core wrote into the ledger.

/** Entries of a drawn ledger the assign panel lists. */
export const DRAW_ROWS = 30;

/** The ledger's entry lines (without the header), parsed lazily by the callers. */
const entryLines = (ledger) => ledger.trimEnd().split('\n').slice(1);

/** A seat whose judges had different chances: an example of what every entry records. */
const hasUnequalPool = (entry) => new Set(entry.seats?.[0]?.pool.map((p) => p[3])).size > 1;

/**
 * A drawn ledger with what the assign panel shows of it: the entry count and
 * chain head, the first DRAW_ROWS entries, the first entry whose seat had
 * unequal chances (or else the first with a seat), and each case's handling
 * judge (the first judge of its last entry).
 */
export function drawView(ledger) {
  const lines = entryLines(ledger);
  const entries = lines.slice(0, DRAW_ROWS).map((line) => JSON.parse(line));
  let sample = null;
  const handling = new Map();
  for (let i = 0; i < lines.length; i++) {
    const entry = i < DRAW_ROWS ? entries[i] : JSON.parse(lines[i]);
    if (!sample && hasUnequalPool(entry)) sample = entry;
    if (entry.caseId !== null && entry.caseId !== undefined) handling.set(entry.caseId, entry.judges[0]);
  }
  return {
    ledger,
    count: lines.length,
    head: lines.length ? JSON.parse(lines.at(-1)).hash : null,
    entries,
    sample: sample ?? entries.find((e) => e.seats?.length) ?? null,
    handling: [...handling],
  };
}

/**
 * Each judge's load at the sampled entries `indices`, as the ledger's pools
 * record it (the value at the judge's last draw at or before each sample),
 * per department ({ id: [judge] }) with the lowest and highest of its judges
 * at each sample (the chart's band). Progress: entries read, phase 'loads'.
 */
export function loadSeries({ ledger, indices, departments }, progress = () => {}) {
  const lines = entryLines(ledger);
  const last = new Map();
  const series = new Map();
  let k = 0;
  for (let i = 0; i < lines.length && k < indices.length; i++) {
    if (i % 5000 === 0) progress('loads', i, lines.length);
    const entry = JSON.parse(lines[i]);
    for (const seat of entry.seats ?? []) for (const [judge, load] of seat.pool) last.set(judge, load);
    for (; k < indices.length && entry.index >= indices[k]; k++) {
      for (const [judge, load] of last) {
        if (!series.has(judge)) series.set(judge, Array(indices.length).fill(null));
        series.get(judge)[k] = load;
      }
    }
  }
  progress('loads', lines.length, lines.length);
  const pick = (values, better) => values.reduce((x, y) => (x === null || better(Number(y), Number(x)) ? y : x), null);
  return Object.fromEntries(Object.entries(departments).map(([dept, judges]) => {
    const lines = judges.filter((j) => series.has(j)).map((j) => ({ name: j, values: series.get(j) }));
    const at = (better) => indices.map((_, s) => pick(lines.map((l) => l.values[s]).filter((v) => v !== null), better));
    return [dept, { lines, low: at((y, x) => y < x), high: at((y, x) => y > x) }];
  }));
}
