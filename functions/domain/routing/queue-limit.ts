// The queue's length limit counts callers left waiting. Twilio's queue holds every caller not yet with an
// agent, including those whose call is ringing a free agent (a reserved task): counting those would turn
// callers away in a rush while agents sit free, so they are taken off before the limit is applied.

/**
 * The `maxQueueSize` given to `<Enqueue>`: only a ceiling on Twilio's queue, so that Twilio never turns a
 * caller away itself (the queue TaskRouter's Enqueue uses defaults to 100, fewer than callers plus free
 * agents in a busy hour); the limit on waiting callers is applied by {@link beyondQueueLimit}.
 */
export const ENQUEUE_MAX_QUEUE_SIZE = 5000;

export interface QueueNow {
  /** Callers in the queue now, the one just joining included: its TaskRouter tasks not yet with an agent. */
  readonly inQueue: number;
  /** Of those, callers being offered to an agent: TaskRouter tasks in the `reserved` status. */
  readonly offered: number;
  /** The queue's limit on callers waiting (the console's queues setting, else flows/routing.ts). */
  readonly maxWaiting: number;
}

/** Whether the caller just joining makes more callers wait than the limit allows. */
export function beyondQueueLimit(q: QueueNow): boolean {
  const waiting = Math.max(0, q.inQueue - q.offered);
  return waiting > q.maxWaiting;
}
