// Reconciliation: brings the center's records back in step with the telephony provider after a crash, a
// lost webhook or an outage. Open call records are checked against the provider's view: ended calls are
// closed with their real end, calls the provider no longer knows are closed as lost, live ones are left
// alone; finished recordings that never reached us are copied as the recording callback would have, and
// TaskRouter work whose call is over is released (reconcile-tasks.ts). Safe to run at any time, twice.
import type { JobQueue, RecordingJob } from '../domain/jobs.js';
import type { CallRecord } from '../domain/model.js';
import type { CallView, RecordingView } from '../domain/telephony-port.js';
import type { Center } from './center.js';
import { type OverCall, releaseAgents, settleTasks, type TaskCounts } from './reconcile-tasks.js';

/** The status a call record gets when the provider no longer knows the call at all. */
export const LOST_STATUS = 'lost';

const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);
/** Recording states that still change: the call waits for them before it is closed. */
const UNSETTLED = new Set(['in-progress', 'paused', 'processing']);
const PAGE = 100;

export interface ReconcileReport extends TaskCounts {
  /** Open call records looked at. */
  readonly checked: number;
  /** Closed with the provider's end. */
  readonly closed: number;
  /** Closed as lost: the provider does not know them. */
  readonly lost: number;
  /** Still live at the provider, left alone. */
  readonly live: number;
  /** Ended, but a recording is still being made or processed: closed on a later run. */
  readonly waiting: number;
  /** The provider could not be asked (an outage): left open for the next run. */
  readonly unreachable: number;
  /** Finished recordings we had not stored, handed to the recordings worker. */
  readonly recordingsQueued: number;
}

export type ReconcileDeps = Center & { readonly jobs: JobQueue };

type Counts = { -readonly [K in keyof ReconcileReport]: number };

export async function reconcile(deps: ReconcileDeps): Promise<ReconcileReport> {
  const counts: Counts = {
    checked: 0,
    closed: 0,
    lost: 0,
    live: 0,
    waiting: 0,
    unreachable: 0,
    recordingsQueued: 0,
    tasksCanceled: 0,
    tasksWrapped: 0,
    agentsReleased: 0,
  };
  const over: OverCall[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.calls.open({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const call of page.items) {
      counts.checked++;
      const outcome = await reconcileCall(deps, call).catch((err: unknown) => {
        deps.logger.warn('reconcile: provider not reachable for a call', {
          callSid: call.callSid,
          error: String(err),
        });
        return { kind: 'unreachable' as const, queued: 0 };
      });
      counts[outcome.kind]++;
      counts.recordingsQueued += outcome.queued;
      if (outcome.kind === 'closed' || outcome.kind === 'lost') over.push(call);
    }
    cursor = page.cursor;
  } while (cursor);

  const tasks = await settleTasks(deps).catch((err: unknown) => {
    // Before TaskRouter is provisioned, or during its outage: the calls are done, the tasks wait.
    deps.logger.warn('reconcile: TaskRouter tasks not checked', { error: String(err) });
    return { tasksCanceled: 0, tasksWrapped: 0 };
  });
  const agentsReleased = await releaseAgents(deps, over);
  const report: ReconcileReport = { ...counts, ...tasks, agentsReleased };
  // A run that changed nothing (live calls looked at and left alone) is the usual case every few
  // minutes: kept out of the default logs.
  const changed =
    report.closed + report.lost + report.recordingsQueued + report.tasksCanceled + report.tasksWrapped;
  const level = changed + report.agentsReleased + report.unreachable > 0 ? 'info' : 'debug';
  deps.logger[level]('reconcile done', { ...report });
  return report;
}

type CallOutcome = { readonly kind: 'closed' | 'lost' | 'live' | 'waiting'; readonly queued: number };

async function reconcileCall(deps: ReconcileDeps, call: CallRecord): Promise<CallOutcome> {
  const view = await deps.telephony.call(call.callSid);
  if (view && !FINAL.has(view.status)) return { kind: 'live', queued: 0 };
  const recordings = view ? await deps.telephony.recordings(call.callSid) : [];
  const queued = await queueFinishedRecordings(deps, call, recordings);
  if (recordings.some((r) => UNSETTLED.has(r.status))) return { kind: 'waiting', queued };
  if (!view) {
    await deps.store.calls.update(call.callSid, { status: LOST_STATUS, endedAt: lastKnown(call) });
    return { kind: 'lost', queued };
  }
  await deps.store.calls.update(call.callSid, endOf(call, view, deps.clock.now()));
  return { kind: 'closed', queued };
}

/** The provider's end of a call, and its answer time when our record missed it. */
function endOf(call: CallRecord, view: CallView, nowMs: number) {
  return {
    status: view.status,
    endedAt: view.endedAt ?? new Date(nowMs).toISOString(),
    ...(view.startedAt && !call.answeredAt && view.status === 'completed'
      ? { answeredAt: view.startedAt }
      : {}),
  };
}

/** The last moment the record says the call was seen: its last change, never before it started. */
function lastKnown(call: CallRecord): string {
  const seen = [call.startedAt, call.answeredAt, call.updatedAt].filter((t): t is string => Boolean(t));
  return new Date(Math.max(...seen.map((t) => Date.parse(t)))).toISOString();
}

/** Completed recordings the store does not hold, queued as the recording status callback queues them. */
async function queueFinishedRecordings(
  deps: ReconcileDeps,
  call: CallRecord,
  recordings: readonly RecordingView[],
): Promise<number> {
  let queued = 0;
  for (const r of recordings) {
    if (r.status !== 'completed' || (await deps.store.recordings.get(r.sid))) continue;
    const job: RecordingJob = {
      kind: 'recording',
      recordingSid: r.sid,
      callSid: call.callSid,
      ...(r.conferenceSid ? { conferenceSid: r.conferenceSid } : {}),
      // As the callback route decides: the IVR's <Record> is a voicemail stored under its RecordingSid.
      ...(r.source === 'RecordVerb' ? { voicemailId: r.sid } : {}),
      status: r.status,
      durationSeconds: r.durationSeconds,
      channels: r.channels,
      source: r.source,
      ...(r.startedAt ? { startedAt: r.startedAt } : {}),
      receivedAt: new Date(deps.clock.now()).toISOString(),
    };
    await deps.jobs.send(job);
    queued++;
  }
  return queued;
}
