// Wrap-up per hotline, kept by admins on the console: how long an agent wraps up after a call, and the
// wrap-up codes the desk offers. The flow's own codes (flows/*.ts) are the start: admins add codes,
// relabel any and hide some. A hidden code is no longer offered but stays listed, so calls that recorded
// it still read its label; a code the desk records by itself can never be hidden.
import { type Disposition, TRANSFERRED } from './disposition.js';

export const WRAP_UP_SETTING = 'wrap-up';

/** Long enough to type a note, short enough that a forgotten wrap-up does not keep an agent from callers. */
export const WRAP_UP_SECONDS = { min: 5, max: 900 } as const;
export const DISPOSITION_LABEL_LENGTH = { min: 1, max: 40 } as const;
/** A hotline's list stays short enough to pick from. */
export const MAX_DISPOSITIONS = 40;
/** Codes the desk records without the agent choosing them: a transfer hands the call on as `transferred`. */
export const DESK_DISPOSITIONS: readonly string[] = [TRANSFERRED];

export interface ListedDisposition extends Disposition {
  /** No longer offered for new calls; still the label of calls that recorded it. */
  readonly hidden?: boolean;
}

export interface HotlineWrapUp {
  /** Seconds of wrap-up after a call; the routing's `wrapUpSeconds` when absent. */
  readonly seconds?: number;
  /** Every code of the hotline, in the order the desk offers them; the flow's list when absent. */
  readonly dispositions?: readonly ListedDisposition[];
}

export interface WrapUpSetting {
  /** By flow name. */
  readonly hotlines: Readonly<Record<string, HotlineWrapUp>>;
}

/**
 * Every code a hotline knows, hidden ones included: the console's list, then any code of the flow the
 * list leaves out (a code added to the flow after the list was saved), so a flow's code is never lost.
 */
export function listedDispositions(
  flowCodes: readonly Disposition[],
  rule: HotlineWrapUp | undefined,
): readonly ListedDisposition[] {
  const listed = rule?.dispositions;
  if (!listed) return flowCodes;
  const known = new Set(listed.map((d) => d.code));
  return [...listed, ...flowCodes.filter((d) => !known.has(d.code))];
}

/** The codes the desk offers on a new call. */
export function offeredDispositions(listed: readonly ListedDisposition[]): readonly Disposition[] {
  return listed.filter((d) => !d.hidden).map(({ code, label }) => ({ code, label }));
}

/** The hotline's wrap-up time in seconds. */
export function wrapUpSecondsOf(rule: HotlineWrapUp | undefined, builtIn: number): number {
  return rule?.seconds ?? builtIn;
}
