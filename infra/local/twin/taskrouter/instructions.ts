// Reservation instructions (docs/twilio-behaviour.md §4.7-4.8): accept, reject, dequeue, call, redirect, conference,
// read from an assignment callback's JSON reply or a REST update, and carried out through the VoicePort.
import { type Core, invalidParam, type Workspace } from './core.js';
import type { Reservation } from './model.js';
import { acceptReservation, endReservation, notPending } from './reservations.js';
import { cancelTask } from './task-endings.js';

type Fields = Readonly<Record<string, string>>;
export type Instruction =
  | { readonly kind: 'accept' }
  | { readonly kind: 'reject'; readonly activitySid?: string }
  | { readonly kind: 'dequeue' | 'call' | 'redirect' | 'conference'; readonly fields: Fields };

const KINDS = ['accept', 'reject', 'dequeue', 'call', 'redirect', 'conference'] as const;

/** `post_work_activity_sid` -> `PostWorkActivitySid`. */
function pascal(key: string): string {
  return key.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** An assignment callback reply: `{"instruction":"dequeue","from":...}` with snake_case fields. */
export function instructionFromJson(doc: Readonly<Record<string, unknown>>): Instruction {
  const kind = String(doc.instruction ?? '');
  if (!(KINDS as readonly string[]).includes(kind)) throw invalidParam(`Unknown instruction '${kind}'`);
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc))
    if (k !== 'instruction' && v !== undefined && v !== null)
      fields[pascal(k)] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (kind === 'accept') return { kind };
  if (kind === 'reject') return { kind, ...(fields.ActivitySid ? { activitySid: fields.ActivitySid } : {}) };
  return { kind: kind as 'dequeue', fields };
}

/** A REST update: `Instruction=dequeue&DequeueFrom=...` (prefixes dropped, as in the JSON form). */
export function instructionFromRest(kind: string, params: Fields): Instruction {
  const prefix = { dequeue: 'Dequeue', call: 'Call', redirect: 'Redirect' }[kind] ?? '';
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(params))
    if (prefix && k.startsWith(prefix)) fields[k.slice(prefix.length)] = v;
    else if (!prefix && k !== 'Instruction' && k !== 'ReservationStatus') fields[k] = v;
  if (kind === 'accept') return { kind };
  if (kind === 'reject')
    return { kind, ...(params.WorkerActivitySid ? { activitySid: params.WorkerActivitySid } : {}) };
  if (!(KINDS as readonly string[]).includes(kind)) throw invalidParam(`Unknown Instruction '${kind}'`);
  return { kind: kind as 'dequeue', fields };
}

const truthy = (v: string | undefined) => ['true', '1', 'yes'].includes((v ?? '').toLowerCase());

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** Carries out an instruction on a pending reservation; voice outcomes arrive later via callbacks. */
export async function carryOut(core: Core, ws: Workspace, r: Reservation, instr: Instruction): Promise<void> {
  if (r.status !== 'pending') throw notPending(r);
  if (instr.kind === 'accept') return acceptReservation(core, ws, r);
  if (instr.kind === 'reject') return endReservation(core, ws, r, 'rejected', instr.activitySid);
  const voice = core.voice;
  if (!voice)
    throw invalidParam(`The ${instr.kind} instruction needs the voice engine, which is not attached`);
  const f = instr.fields;
  const task = r.task;
  const attrs = task.attributes;
  const postWork = f.PostWorkActivitySid;
  if (postWork) {
    if (!ws.activities.has(postWork)) throw invalidParam(`Activity ${postWork} does not exist`);
    task.postWorkActivitySid = postWork;
  }
  const to = f.To ?? str(r.worker.attributes.contact_uri);
  // [K] without an explicit caller ID the agent sees the caller's number.
  const from = f.From ?? str(attrs.from) ?? str(attrs.to) ?? '';
  const acceptIfPending = () => {
    if (r.status === 'pending') acceptReservation(core, ws, r);
  };
  const onOutcome = (outcome: 'bridged' | 'no-answer' | 'caller-gone') => {
    if (outcome === 'bridged') return acceptIfPending();
    // An agent leg nobody answers is not a reject: the reservation stays pending until the workflow's
    // task_reservation_timeout ends it (reservation.timeout, worker to the timeout activity, §4.7).
    // A caller who left ends the task.
    if (outcome === 'caller-gone' && (task.status === 'pending' || task.status === 'reserved'))
      cancelTask(core, ws, task, 'hangup');
  };
  const registerCancel = (cancel: () => void) => {
    if (r.status === 'pending') r.cancelRing = cancel;
    else cancel();
  };
  const callSid = str(attrs.call_sid);
  if (instr.kind === 'dequeue' || instr.kind === 'conference') {
    if (!callSid)
      throw invalidParam(`The ${instr.kind} instruction needs a Task created by <Enqueue> (call_sid)`);
    if (!to) throw invalidParam(`The ${instr.kind} instruction needs To or the worker's contact_uri`);
  }
  if (instr.kind === 'dequeue' || instr.kind === 'conference')
    r.instruction = { kind: instr.kind, fields: f };
  if (instr.kind === 'dequeue') {
    const timeout = f.Timeout ? Number(f.Timeout) : undefined;
    await voice.dequeue({
      callSid: callSid as string,
      reservationSid: r.sid,
      to: to as string,
      from,
      ...(timeout !== undefined && Number.isFinite(timeout) ? { timeoutSeconds: timeout } : {}),
      ...(f.Record ? { record: f.Record } : {}),
      ...(f.StatusCallbackUrl ? { statusCallbackUrl: f.StatusCallbackUrl } : {}),
      ...(f.StatusCallbackEvent ? { statusCallbackEvents: f.StatusCallbackEvent } : {}),
      registerCancel,
      onOutcome,
    });
    return;
  }
  if (instr.kind === 'conference') {
    await voice.conference({
      callSid: callSid as string,
      reservationSid: r.sid,
      taskSid: task.sid,
      to: to as string,
      from,
      params: f,
      isPending: () => r.status === 'pending',
      registerCancel,
      onOutcome: (outcome, conferenceSid) => {
        // [K] TaskRouter records the conference on the task, which transfers rely on (error 40149).
        if (outcome === 'bridged' && conferenceSid) {
          task.attributes = { ...task.attributes, conference: { sid: conferenceSid } };
          task.attributesJson = JSON.stringify(task.attributes);
        }
        onOutcome(outcome);
      },
    });
    return;
  }
  if (!f.Url) throw invalidParam(`The ${instr.kind} instruction needs a Url`);
  if (instr.kind === 'call') {
    if (!to || !from)
      throw invalidParam('The call instruction needs From and To (or the worker contact_uri)');
    const timeout = f.Timeout ? Number(f.Timeout) : undefined;
    await voice.call({
      from,
      to,
      url: f.Url,
      ...(timeout !== undefined && Number.isFinite(timeout) ? { timeoutSeconds: timeout } : {}),
      ...(f.StatusCallbackUrl ? { statusCallbackUrl: f.StatusCallbackUrl } : {}),
    });
  } else {
    const target = f.CallSid ?? callSid;
    if (!target) throw invalidParam('The redirect instruction needs CallSid');
    await voice.redirect(target, f.Url, f.Method === 'GET' ? 'GET' : 'POST');
  }
  if (truthy(f.Accept)) acceptIfPending();
}
