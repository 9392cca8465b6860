// Follow-up reminders (客户回复提醒): when a task of mine that a person must act on comes due (an open task
// without automatic dialling: the center rings me itself for those), the desk reminds me once, until I act
// on it or dismiss it. Dismissals last for the browser tab, so a reload does not nag again.
import type { Task } from '../api.js';

/** Open tasks of mine due by `nowMs` that the center will not dial itself and I have not dismissed. */
export function dueReminders(tasks: readonly Task[], nowMs: number, dismissed: ReadonlySet<string>): Task[] {
  return tasks
    .filter((t) => t.status === 'open' && !t.autoDial && Date.parse(t.dueAt) <= nowMs && !dismissed.has(t.id))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** Reminders not shown before: the ones to announce with a system notification. */
export function newlyDue(due: readonly Task[], announced: ReadonlySet<string>): Task[] {
  return due.filter((t) => !announced.has(t.id));
}

const DISMISSED = 'cc-dismissed-reminders';

export function loadDismissed(storage: Pick<Storage, 'getItem'>): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(DISMISSED) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveDismissed(storage: Pick<Storage, 'setItem'>, ids: ReadonlySet<string>): void {
  // The newest 200 are plenty: a task leaves the list once it is done.
  storage.setItem(DISMISSED, JSON.stringify([...ids].slice(-200)));
}
