// The TaskRouter reads and writes the desk repeats: an agent's worker, an activity change by name, a task
// that must exist. Refusals become the center's own (providerStep).
import { HttpProblem } from '../../domain/problems.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import type { TaskView, WorkerView } from '../../domain/taskrouter-port.js';
import { activitySid, type Center, workerSidOf } from '../center.js';
import { providerStep } from '../provider-step.js';

export async function agentWorker(
  center: Center,
  sids: ProvisionedRouting,
  agentId: string,
): Promise<WorkerView> {
  const w = await providerStep('worker', () =>
    center.taskrouter.worker(sids.workspaceSid, workerSidOf(sids, agentId)),
  );
  if (!w) throw new HttpProblem(404, 'not-found', `worker: no TaskRouter worker for "${agentId}"`);
  return w;
}

export async function setActivity(
  center: Center,
  sids: ProvisionedRouting,
  workerSid: string,
  name: string,
  rejectPending: boolean,
): Promise<void> {
  await center.taskrouter.updateWorker(sids.workspaceSid, workerSid, {
    activitySid: activitySid(sids, name),
    ...(rejectPending ? { rejectPendingReservations: true } : {}),
  });
}

export async function existingTask(
  center: Center,
  sids: ProvisionedRouting,
  taskSid: string,
): Promise<TaskView> {
  const t = await providerStep('task', () => center.taskrouter.task(sids.workspaceSid, taskSid));
  if (!t) throw new HttpProblem(404, 'not-found', `task: ${taskSid} does not exist`);
  return t;
}
