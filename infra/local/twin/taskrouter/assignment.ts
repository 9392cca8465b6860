// The assignment callback (docs/twilio-behaviour.md §4.8): a signed POST to the workflow's assignment_callback_url when a
// reservation is created; a JSON reply with an instruction is carried out, an empty body or {} waits.
import { type Core, now, track, type Workspace } from './core.js';
import { carryOut, instructionFromJson } from './instructions.js';
import type { Reservation } from './model.js';

export function assignmentParams(core: Core, ws: Workspace, r: Reservation): Record<string, string> {
  const task = r.task;
  return {
    Timestamp: String(Math.floor(now(core) / 1000)),
    AccountSid: core.deps.account.accountSid,
    WorkspaceSid: ws.sid,
    WorkflowSid: task.workflow?.sid ?? '',
    TaskQueueSid: r.queue.sid,
    WorkerSid: r.worker.sid,
    WorkerAttributes: r.worker.attributesJson,
    TaskSid: task.sid,
    TaskAttributes: task.attributesJson,
    TaskAge: String(Math.floor((now(core) - task.dateCreated) / 1000)),
    TaskPriority: String(task.priority),
    ReservationSid: r.sid,
  };
}

export function sendAssignmentCallback(core: Core, ws: Workspace, r: Reservation): void {
  const wf = r.task.workflow;
  const url = wf?.assignmentCallbackUrl;
  if (!url) return;
  const params = assignmentParams(core, ws, r);
  const correlationId = r.task.sid;
  const log = (summary: string, code?: number) =>
    core.deps.log?.append({ kind: 'error', correlationId, summary, ...(code ? { code } : {}) });
  const run = async () => {
    const result = await core.deps.webhooks.send({
      url,
      method: 'POST',
      params,
      correlationId,
      ...(wf.fallbackAssignmentCallbackUrl
        ? { fallbackUrl: wf.fallbackAssignmentCallbackUrl, fallbackMethod: 'POST' as const }
        : {}),
    });
    // A failed callback leaves the reservation pending: it is accepted through REST or times out.
    if (!result.ok)
      return log(`Assignment callback to ${url} failed with HTTP ${result.status}`, result.errorCode);
    const body = result.body.trim();
    if (!body) return;
    let doc: unknown;
    try {
      doc = JSON.parse(body);
    } catch {
      return log(`Assignment callback reply is not JSON: ${body.slice(0, 100)}`, 40005);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
      return log('Assignment callback reply is not a JSON object', 40005);
    if (Object.keys(doc).length === 0) return;
    if (!('instruction' in doc)) return log('Assignment callback reply has no instruction', 40005);
    if (r.status !== 'pending') return;
    await carryOut(core, ws, r, instructionFromJson(doc as Record<string, unknown>));
  };
  track(core, run(), correlationId);
}
