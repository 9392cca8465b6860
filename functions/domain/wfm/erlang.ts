// Erlang B and C: how many lines or agents a given traffic needs. Erlang B by its recursion (no
// factorials, so it stays finite for thousands of erlangs); Erlang C derived from it.
import { type Checked, checkRange, type InputProblem } from './checks.js';

/** Blocking probability of `lines` servers offered `erlangs` of traffic, by B(n) = A·B(n-1)/(n + A·B(n-1)). */
export function erlangB(erlangs: number, lines: number): number {
  let b = 1;
  for (let n = 1; n <= lines; n++) b = (erlangs * b) / (n + erlangs * b);
  return b;
}

/** Probability that a call waits, with `agents` > `erlangs`; 1 when the queue would grow without end. */
export function erlangCFromB(erlangs: number, agents: number, b: number): number {
  if (agents <= erlangs) return 1;
  return (agents * b) / (agents - erlangs * (1 - b));
}

export function erlangC(erlangs: number, agents: number): number {
  return erlangCFromB(erlangs, agents, erlangB(erlangs, agents));
}

export interface ErlangCInput {
  readonly calls: number;
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
  readonly targetSeconds: number;
  readonly targetServiceLevel: number; // 0..1, e.g. 0.8 answered within targetSeconds
  readonly shrinkage: number; // 0..1, share of paid time not on the phones
}

export interface Staffing {
  readonly erlangs: number;
  readonly agents: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly occupancy: number;
  readonly waitProbability: number;
  readonly staff: number; // agents to schedule once shrinkage is allowed for
}

// Beyond this the inputs are surely wrong (and the search would take long): no center staffs more.
export const MAX_AGENTS = 100_000;

/** Traffic no center staffs for: refused before the search, which would otherwise run for ages. */
export function trafficProblem(field: string, erlangs: number): InputProblem | undefined {
  if (erlangs < MAX_AGENTS) return undefined;
  return {
    field,
    message: `${field} give ${Math.round(erlangs)} erlangs (calls × AHT / interval); the planner stops at ${MAX_AGENTS}`,
  };
}

export function checkErlangCInput(input: ErlangCInput): Checked<ErlangCInput> {
  const checked = checkRange(input, [
    ['calls', 0, 1_000_000, 'inclusive'],
    ['intervalSeconds', 60, 86_400, 'inclusive'],
    ['ahtSeconds', 1, 86_400, 'inclusive'],
    ['targetSeconds', 0, 86_400, 'inclusive'],
    ['targetServiceLevel', 0, 1, 'exclusive'],
    ['shrinkage', 0, 1, 'upper-exclusive'],
  ]);
  if (!checked.ok) return checked;
  const problem = trafficProblem('calls', (input.calls * input.ahtSeconds) / input.intervalSeconds);
  return problem ? { ok: false, problems: [problem] } : checked;
}

function serviceLevel(erlangs: number, agents: number, c: number, input: ErlangCInput): number {
  return 1 - c * Math.exp((-(agents - erlangs) * input.targetSeconds) / input.ahtSeconds);
}

/**
 * The fewest agents whose service level meets the target (and more agents than erlangs, or the queue
 * never empties), with what they give. Inputs are assumed checked by checkErlangCInput.
 */
export function staffFor(input: ErlangCInput): Staffing {
  const erlangs = (input.calls * input.ahtSeconds) / input.intervalSeconds;
  if (erlangs === 0) {
    return { erlangs, agents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, waitProbability: 0, staff: 0 };
  }
  // Walk n upwards carrying the B recursion along, so each step costs one update.
  let b = 1;
  let n = 0;
  const first = Math.floor(erlangs) + 1;
  for (; n < first; ) {
    n++;
    b = (erlangs * b) / (n + erlangs * b);
  }
  for (;;) {
    const c = erlangCFromB(erlangs, n, b);
    const sl = serviceLevel(erlangs, n, c, input);
    if (sl >= input.targetServiceLevel || n >= MAX_AGENTS) {
      return {
        erlangs,
        agents: n,
        serviceLevel: sl,
        asaSeconds: (c * input.ahtSeconds) / (n - erlangs),
        occupancy: erlangs / n,
        waitProbability: c,
        staff: Math.ceil(n / (1 - input.shrinkage) - 1e-9),
      };
    }
    n++;
    b = (erlangs * b) / (n + erlangs * b);
  }
}

export interface ErlangBInput {
  readonly erlangs: number;
  readonly blocking: number;
}

export function checkErlangBInput(input: ErlangBInput): Checked<ErlangBInput> {
  return checkRange(input, [
    ['erlangs', 0, 100_000, 'inclusive'],
    ['blocking', 0, 1, 'exclusive'],
  ]);
}

/** The fewest lines whose blocking probability is at or under the target. */
export function linesFor(input: ErlangBInput): { readonly lines: number; readonly blocking: number } {
  let b = 1;
  let n = 0;
  while (b > input.blocking && n < MAX_AGENTS) {
    n++;
    b = (input.erlangs * b) / (n + input.erlangs * b);
  }
  return { lines: n, blocking: b };
}
