// `npm run fuzz`: the property of routes.fuzz.test.ts over many more inputs (default 12,000; `npm run fuzz
// -- 20000 42` for a count and a seed). Unlike fc.assert it does not stop at the first failure: it sends
// every input, counts statuses per route and every 5xx or non-TwiML voice answer, prints the figures and
// writes them to bench-results/fuzz.json. Exits non-zero if any input broke the property.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { createHarness } from '../http/harness.js';
import { appRoutes, describeInput, fuzzInput, sendOne, sessionKeeper } from './route-fuzz.js';

const inputs = Number(process.argv[2] ?? 12_000);
const seed = Number(process.argv[3] ?? 190_404);

const h = await createHarness({ channels: true });
const routes = appRoutes(h.app);
const keeper = sessionKeeper(h);
const perRoute: Record<string, { inputs: number; statuses: Record<string, number> }> = {};
const failures: { route: string; problem: string; input: string }[] = [];
let serverErrors = 0;
const started = performance.now();
// One sample of the same arbitrary the test asserts over, from the same kind of fixed seed.
const sample = fc.sample(fuzzInput(routes), { seed, numRuns: inputs });
for (const [n, input] of sample.entries()) {
  const outcome = await sendOne(h, input, keeper.tokens);
  await keeper.after(input);
  const row = perRoute[outcome.route] ?? { inputs: 0, statuses: {} };
  perRoute[outcome.route] = row;
  row.inputs += 1;
  row.statuses[outcome.status] = (row.statuses[outcome.status] ?? 0) + 1;
  if (outcome.status >= 500) serverErrors += 1;
  if (outcome.problem)
    failures.push({ route: outcome.route, problem: outcome.problem, input: describeInput(input) });
  if ((n + 1) % 2000 === 0)
    console.log(`  ${n + 1} inputs, ${serverErrors} 5xx, ${failures.length} failures`);
}
const durationMs = Math.round(performance.now() - started);
await h.stop();

const byStatus: Record<string, number> = {};
for (const row of Object.values(perRoute))
  for (const [status, count] of Object.entries(row.statuses))
    byStatus[status] = (byStatus[status] ?? 0) + count;
const untouched = routes.map((r) => `${r.method} ${r.path}`).filter((r) => !perRoute[r]);

const result = {
  inputs,
  seed,
  durationMs,
  routes: routes.length,
  serverErrors,
  propertyFailures: failures.length,
  byStatus,
  untouchedRoutes: untouched,
  perRoute: Object.fromEntries(Object.entries(perRoute).sort(([a], [b]) => a.localeCompare(b))),
  failures: failures.slice(0, 50),
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/fuzz.json', `${JSON.stringify(result, null, 2)}\n`);

console.log(
  `fuzz: ${inputs} inputs over ${routes.length} routes in ${(durationMs / 1000).toFixed(1)} s (seed ${seed})`,
);
console.log(
  `  statuses: ${Object.entries(byStatus)
    .map(([s, c]) => `${s}×${c}`)
    .join(' ')}`,
);
console.log(
  `  5xx: ${serverErrors}; property failures: ${failures.length}; routes never drawn: ${untouched.length}`,
);
for (const f of failures.slice(0, 10))
  console.log(`  ✗ ${f.route}: ${f.problem}\n    ${f.input.slice(0, 400)}`);
console.log('  written to bench-results/fuzz.json');
if (failures.length > 0) process.exitCode = 1;
