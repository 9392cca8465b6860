// Identifiers that sort by creation time (so listings come out in order) and never collide.
import { randomBytes } from 'node:crypto';

/** 10 base-32 chars of milliseconds + 10 random chars, e.g. `01kmx3y8q2a7f9c0v1bz`. */
export function timeSortableId(nowMs: number): string {
  const time = nowMs.toString(32).padStart(10, '0');
  const rand = BigInt(`0x${randomBytes(7).toString('hex')}`)
    .toString(32)
    .padStart(11, '0')
    .slice(-10);
  return `${time}${rand}`;
}
