// The supervisor's callback list: open callbacks and outbound calls due within a week, read page by page
// from GET /api/tasks/due (oldest first, so overdue ones lead), and how each row reads.
import type { Task, TaskKind, TaskPatch } from '../api.js';

export const CALLBACK_WINDOW_MS = 7 * 86_400_000;
/** Open tasks read at most; a center with more due this week needs a report, not a list. */
export const CALLBACK_CAP = 500;
const PAGE_LIMIT = 100; // the API's largest page

const LISTED: readonly TaskKind[] = ['callback', 'outbound-call'];

export interface TaskPage {
  readonly items: readonly Task[];
  readonly cursor?: string;
}

export type DuePage = (before: string, limit: number, cursor?: string) => Promise<TaskPage>;

/** What became of a change: taken, refused as stale (409, list reloaded), or refused otherwise. */
export type ChangeOutcome = 'ok' | 'conflict' | 'error';
/** Sends `patch` with the version of `task` the supervisor saw. */
export type Change = (label: string, task: Task, patch: Omit<TaskPatch, 'version'>) => Promise<ChangeOutcome>;

export interface CallbackList {
  readonly items: readonly Task[];
  /** True when the cap stopped the reading before the last page. */
  readonly truncated: boolean;
}

/** Open callbacks and outbound calls due before `nowMs` + 7 days, earliest first, reading at most `cap` tasks. */
export async function loadCallbacks(
  page: DuePage,
  nowMs: number,
  cap: number = CALLBACK_CAP,
): Promise<CallbackList> {
  const before = new Date(nowMs + CALLBACK_WINDOW_MS).toISOString();
  const read: Task[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(before, Math.min(PAGE_LIMIT, cap - read.length), cursor);
    read.push(...next.items);
    cursor = next.cursor;
  } while (cursor && read.length < cap);
  return { items: callbackRows(read), truncated: cursor !== undefined };
}

/** The rows to show: open tasks of the listed kinds, earliest due first (ties keep their order). */
export function callbackRows(tasks: readonly Task[]): Task[] {
  return tasks
    .filter((t) => t.status === 'open' && LISTED.includes(t.kind))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

export function isOverdue(task: Pick<Task, 'dueAt'>, nowMs: number): boolean {
  return Date.parse(task.dueAt) < nowMs;
}

/**
 * A note's first line (why the call is owed) and, when there are more, its last: the dialler appends
 * one line per attempt ("attempt 2: busy"), so the last is the latest outcome.
 */
export function noteLines(note: string | undefined): { readonly reason: string; readonly latest?: string } {
  const lines = (note ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [reason = '', ...rest] = lines;
  const latest = rest.at(-1);
  return latest === undefined ? { reason } : { reason, latest };
}
