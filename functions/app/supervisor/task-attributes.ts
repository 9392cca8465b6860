// The attributes of the tasks waiting in the live queue, fetched once per task. TaskRouter's task list
// leaves attributes out, and fetching every waiting task on every poll of every agent grows with the queue.
import type { Attributes, TaskRouterPort } from '../../domain/taskrouter-port.js';

export interface AttributeCache {
  /** The task's attributes: fetched the first time it is asked for, then kept; empty if it is gone. */
  of(workspaceSid: string, taskSid: string): Promise<Attributes>;
  /** Forgets every task but these (the ones still waiting), so the cache is as long as the queue. */
  keep(taskSids: ReadonlySet<string>): void;
}

/**
 * What the queue shows of a caller (their call, number, customer, VIP level) is written when the call is
 * enqueued and never changes while it waits: a pick adds attributes of its own and leaves those alone.
 * So a kept copy is as good as a fresh fetch for as long as the task waits.
 */
export function createAttributeCache(taskrouter: TaskRouterPort): AttributeCache {
  const kept = new Map<string, Promise<Attributes>>();
  return {
    of(workspaceSid, taskSid) {
      const known = kept.get(taskSid);
      if (known) return known;
      const fetched = taskrouter.task(workspaceSid, taskSid).then(
        (t) => t?.attributes ?? {},
        () => undefined,
      );
      // Polls that meet a new task together share one fetch; a failed or empty one is tried again next poll.
      const attributes = fetched.then((a) => {
        if (!a || Object.keys(a).length === 0) kept.delete(taskSid);
        return a ?? {};
      });
      kept.set(taskSid, attributes);
      return attributes;
    },
    keep(taskSids) {
      for (const sid of kept.keys()) if (!taskSids.has(sid)) kept.delete(sid);
    },
  };
}
