// Every route under random paths, queries, bodies and callers (signed-in agent and admin, no or forged
// session, signed, unsigned and forged Twilio webhooks): no input gets a 5xx, and a signed voice webhook
// always answers TwiML. A fixed seed and a few hundred inputs keep CI reproducible and quick; `npm run fuzz`
// runs the same property over many more.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../http/harness.js';
import { appRoutes, describeInput, fuzzInput, type RouteSpec, sendOne, sessionKeeper } from './route-fuzz.js';

const SEED = 190_404;
const RUNS = 400;

let h: Harness;
let routes: RouteSpec[];
beforeAll(async () => {
  h = await createHarness({ channels: true });
  routes = appRoutes(h.app);
});
afterAll(() => h.stop());

describe('every route under random input', () => {
  it('enumerates the routes of the app', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /twilio/voice');
  });

  it('never answers 5xx, and voice webhooks always answer TwiML', async () => {
    const keeper = sessionKeeper(h);
    await fc.assert(
      fc.asyncProperty(fuzzInput(routes), async (input) => {
        const outcome = await sendOne(h, input, keeper.tokens);
        await keeper.after(input);
        if (outcome.problem) throw new Error(`${outcome.route}: ${outcome.problem}\n${describeInput(input)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000);
});
