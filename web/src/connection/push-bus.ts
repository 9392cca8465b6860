// What the push channel heard, for every part of the page: whether it is up, and a count per topic that
// grows with each change pushed (and with each reconnect, when everything may have changed). Panels key
// their loads on the count and poll only while the channel is down.
import { useSyncExternalStore } from 'react';
import { PUSH_TOPICS, type PushTopic } from '../../../functions/domain/push-topics.js';

/** How often a panel polls while the channel is up: a safety net for a push lost on the way. */
export const PUSHED_POLL_MS = 10 * 60 * 1000;

let up = false;
let counts: Readonly<Record<PushTopic, number>> = Object.fromEntries(
  PUSH_TOPICS.map((t) => [t, 0]),
) as Record<PushTopic, number>;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export const pushBus = {
  isUp: () => up,
  setUp(next: boolean) {
    if (next === up) return;
    up = next;
    // Back up: whatever changed while it was down was not pushed, so every topic counts as changed.
    if (next) counts = Object.fromEntries(PUSH_TOPICS.map((t) => [t, counts[t] + 1])) as typeof counts;
    emit();
  },
  changed(topics: readonly PushTopic[]) {
    const next = { ...counts };
    for (const t of topics) if (t in next) next[t] += 1;
    counts = next;
    emit();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Grows each time `topic` was pushed (or the channel came back up). */
export function usePushed(topic: PushTopic): number {
  return useSyncExternalStore(pushBus.subscribe, () => counts[topic]);
}

export function usePushUp(): boolean {
  return useSyncExternalStore(pushBus.subscribe, () => up);
}

/** The interval to poll at: `fallbackMs` while the channel is down, the safety net while it is up. */
export function usePollInterval(fallbackMs: number): number {
  return usePushUp() ? Math.max(fallbackMs, PUSHED_POLL_MS) : fallbackMs;
}
