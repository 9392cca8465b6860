// TaskRouter's workspace events into the history: queued, answered and abandoned calls, and the time each
// agent spent in each activity (functions/domain/history/taskrouter.ts says how).
import { historyFromTaskRouter } from '../../domain/history/taskrouter.js';
import type { Center } from '../center.js';

export async function recordTaskRouterHistory(
  center: Center,
  type: string,
  params: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const attributes = parseAttributes(params.TaskAttributes);
  const callSid = typeof attributes.call_sid === 'string' ? attributes.call_sid : undefined;
  // A caller who pressed for a callback or voicemail left the queue by choice; the app wrote down how.
  const leftByChoice =
    type === 'task.canceled' && callSid
      ? (await center.store.keys.get({ kind: 'queue-exit', callSid })) !== undefined
      : false;
  let activityNames: Record<string, string> | undefined;
  if (type === 'worker.activity.update' && !params.WorkerPreviousActivityName) {
    const sids = await center.provisioned().catch(() => undefined);
    activityNames = Object.fromEntries(
      Object.entries(sids?.activities ?? {}).map(([name, sid]) => [sid, name]),
    );
  }
  // A completed call's times are worked out from what the history holds of it.
  const callEvents =
    type === 'task.completed' && callSid ? await center.store.events.ofCall(callSid) : undefined;
  await center.history.record(
    historyFromTaskRouter({
      type,
      params,
      attributes,
      leftByChoice,
      ...(callEvents ? { callEvents } : {}),
      activityName: (sid) => activityNames?.[sid],
    }),
  );
}

function parseAttributes(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
