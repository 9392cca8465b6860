// POST to a Reservation, by either path (docs/twilio-behaviour.md §4.7): ReservationStatus (accepted, rejected, wrapping,
// completed) or Instruction with its parameters; list filters shared by both reservation lists.
import { type FormParams, param } from '../../rest-common.js';
import type { Workspace } from '../core.js';
import type { TaskRouterEngine } from '../engine.js';
import { instructionFromRest } from '../instructions.js';
import type { Reservation } from '../model.js';
import { endReservation } from '../reservations.js';
import { finishTask } from '../task-endings.js';
import { invalid } from './paging.js';

function flat(params: FormParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(params)) {
    const v = param(params, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export async function updateReservation(
  engine: TaskRouterEngine,
  ws: Workspace,
  r: Reservation,
  p: FormParams,
): Promise<void> {
  const status = param(p, 'ReservationStatus');
  const instruction = param(p, 'Instruction');
  if (instruction) return engine.instruct(ws.sid, r.sid, instructionFromRest(instruction, flat(p)));
  if (!status) throw invalid('ReservationStatus or Instruction is required');
  if (status === 'accepted') return engine.instruct(ws.sid, r.sid, { kind: 'accept' });
  if (status === 'rejected') {
    const activitySid = param(p, 'WorkerActivitySid');
    return endReservation(engine.core, ws, r, 'rejected', activitySid);
  }
  if (status === 'wrapping' || status === 'completed') {
    const task = r.task;
    const ok =
      status === 'wrapping' ? r.status === 'accepted' : r.status === 'accepted' || r.status === 'wrapping';
    if (!ok) throw invalid(`Reservation ${r.sid} is ${r.status} and cannot move to ${status}`);
    // The task moves with its accepted reservation, as through the Task resource.
    if (task.status !== status) finishTask(engine.core, ws, task, status);
    return;
  }
  throw invalid(`ReservationStatus ${status} cannot be set; use accepted, rejected, wrapping or completed`);
}

export function filterReservations(list: readonly Reservation[], p: FormParams): Reservation[] {
  const status = param(p, 'ReservationStatus');
  const worker = param(p, 'WorkerSid');
  return list.filter((r) => (!status || r.status === status) && (!worker || r.worker.sid === worker));
}
