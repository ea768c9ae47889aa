// Runs test vectors through the browser build, step by step as
// pkg-tests/vectors.test.mjs does in Node: `expected` is compared after a JSON
// round trip, `expectedError` by code and path. Each step's output is also
// returned as JSON text so the runner can compare it again on its side.

/** Canonical JSON text (keys sorted) of JSON data: equal text ⇔ deep-equal data. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Runs one step; returns {ok, problem?, output?}. */
export function runStep(shenguan, step) {
  const fn = shenguan[step.function];
  if (typeof fn !== 'function') return { ok: false, problem: `export ${step.function} missing` };
  let output;
  try {
    output = JSON.parse(JSON.stringify(fn(step.input)));
  } catch (err) {
    if (!step.expectedError) return { ok: false, problem: `threw ${err.code ?? err.name}: ${err.message}` };
    for (const key of ['code', 'path']) {
      if (key in step.expectedError && err[key] !== step.expectedError[key]) {
        return { ok: false, problem: `error ${key} ${JSON.stringify(err[key])}, expected ${JSON.stringify(step.expectedError[key])}` };
      }
    }
    // Further problems, when the vector lists them: code and path of each, in order.
    const more = JSON.stringify((err.more ?? []).map((m) => ({ code: m.code, path: m.path })));
    if ('more' in step.expectedError && more !== JSON.stringify(step.expectedError.more)) {
      return { ok: false, problem: `error more ${more}, expected ${JSON.stringify(step.expectedError.more)}` };
    }
    if ('moreOmitted' in step.expectedError && err.moreOmitted !== step.expectedError.moreOmitted) {
      return { ok: false, problem: `error moreOmitted ${err.moreOmitted}, expected ${step.expectedError.moreOmitted}` };
    }
    return { ok: true, error: { code: err.code, path: err.path } };
  }
  if (step.expectedError) return { ok: false, problem: `returned a result, expected error ${step.expectedError.code}` };
  const same = canonical(output) === canonical(step.expected);
  return { ok: same, problem: same ? undefined : 'output differs from expected', output: JSON.stringify(output) };
}

/** Fetches every vector file (paths relative to the server root) and runs all steps. */
export async function runVectors(shenguan, files) {
  const steps = [];
  for (const file of files) {
    const response = await fetch(`/${file}`);
    if (!response.ok) {
      steps.push({ file, index: 0, function: '(fetch)', ok: false, problem: `HTTP ${response.status}` });
      continue;
    }
    const vector = await response.json();
    (vector.steps ?? [vector]).forEach((step, index) => {
      steps.push({ file, index, function: step.function, ...runStep(shenguan, step) });
    });
  }
  return { files: files.length, steps: steps.length, passed: steps.filter((s) => s.ok).length, results: steps };
}

/** The browser's ledger text for a fixture court. */
export async function assignFixture(shenguan, path) {
  const inputs = await (await fetch(`/${path}`)).json();
  return shenguan.assign(inputs);
}

/** The fixture's ledger written in small parts and verified as they come. */
export async function streamFixture(shenguan, path) {
  const inputs = await (await fetch(`/${path}`)).json();
  const writer = new shenguan.LedgerWriter(inputs, 300);
  const verifier = new shenguan.LedgerVerifier(inputs);
  for (let part = writer.next(); part !== undefined; part = writer.next()) verifier.push(new TextEncoder().encode(part));
  return verifier.finish();
}
