// The center's numbers as this deployment has them: the `numbers` a deploy was given (HOTLINES), each with
// the flow it runs, or, with none configured (the local stack), the demo numbers of flows/numbers.ts.

import { flows } from '../../flows/index.js';
import { HOTLINE_NUMBERS, type HotlineNumber } from '../../flows/numbers.js';
import type { AppConfig } from '../config.js';
import type { HandlerIssue } from '../domain/problems.js';

type NumbersConfig = Pick<AppConfig, 'hotlines' | 'channels'>;

/**
 * Every number of the center, first the one callbacks and texts default to. A deployed number takes the
 * name and the blacklist behaviour of the demo line that runs the same flow.
 */
export function hotlinesOf(config: Pick<AppConfig, 'hotlines'>): readonly HotlineNumber[] {
  if (!config.hotlines?.length) return HOTLINE_NUMBERS;
  return config.hotlines.map((h) => {
    const like = HOTLINE_NUMBERS.find((n) => n.flow === h.flow);
    return {
      number: h.number,
      name: like ? `${like.name} ${h.number}` : `${h.flow} ${h.number}`,
      flow: h.flow,
      blocked: like?.blocked ?? 'message',
    };
  });
}

/** The line a number is, or the first line when it is none of them (a caller id the policy adds). */
export function lineOf(lines: readonly HotlineNumber[], number: string | undefined): HotlineNumber {
  const first = lines[0];
  if (!first) throw new Error('the center has no numbers');
  return lines.find((n) => n.number === number) ?? first;
}

/** The caller id a callback shows when the request names none: the configured one, else the SMS sender. */
export function callbackCallerId(config: NumbersConfig): string {
  return (
    config.channels?.callbackCallerId ??
    config.channels?.smsFrom ??
    lineOf(hotlinesOf(config), undefined).number
  );
}

/** A settings body names a hotline by its flow's name: the issue for a name that is none, else undefined. */
export function unknownHotline(path: string, flow: string): HandlerIssue | undefined {
  if (flows[flow]) return undefined;
  return {
    path,
    code: 'unknown-hotline',
    message: `is not a hotline; known: ${Object.keys(flows).join(', ')}`,
  };
}
