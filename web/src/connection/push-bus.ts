// What the push channel heard, for every part of the page: whether it is up, and a count per topic that
// grows with each change pushed (and with each reconnect, when everything may have changed). Panels key
// their loads on the count and poll only while the channel is down.
import { useSyncExternalStore } from 'react';
import {
  PUSH_TOPICS,
  PUSHED_PANEL_POLL_MS,
  PUSHED_POLL_MS,
  type PushTopic,
} from '../../../functions/domain/push-topics.js';

let up = false;

// The phone's tab hears the Worker and Voice SDKs directly; it tells the browser's other (read-only) tabs
// that the agent's state changed, since the center pushes only what it does itself.
const CHANNEL = 'cc-desk-changes';
const siblings: BroadcastChannel | undefined =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
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
  /** Tells the other tabs of this browser that `topics` changed (they read them again). */
  tellOtherTabs(topics: readonly PushTopic[]) {
    siblings?.postMessage(topics);
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

/**
 * The interval to poll at: `fallbackMs` while the channel is down, the safety net while it is up (the
 * agent's own state more often than the side panels).
 */
export function usePollInterval(fallbackMs: number, panel = true): number {
  const safety = panel ? PUSHED_PANEL_POLL_MS : PUSHED_POLL_MS;
  return usePushUp() ? Math.max(fallbackMs, safety) : fallbackMs;
}

if (siblings)
  siblings.onmessage = (event: MessageEvent<unknown>) => {
    if (Array.isArray(event.data))
      pushBus.changed(event.data.filter((t): t is PushTopic => PUSH_TOPICS.includes(t as PushTopic)));
  };
