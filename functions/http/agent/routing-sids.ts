// The TaskRouter SIDs provisioning stored as the `taskrouter` setting (workspace, workflow, activities by
// name, queues by name, workers by agent id), read by the agent desk. Same shape as the IVR's reader.
import type { Store } from '../../domain/ports.js';
import { HttpProblem } from '../errors.js';

export interface RoutingSids {
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly activities: Readonly<Record<string, string>>;
  readonly queues: Readonly<Record<string, string>>;
  readonly workers: Readonly<Record<string, string>>;
  /** TwiML App for the Voice SDK's outgoing calls, when provisioning made one. */
  readonly applicationSid?: string;
}

export const ROUTING_SETTING_NAME = 'taskrouter';

export class NotProvisionedError extends HttpProblem {
  override readonly name = 'NotProvisionedError';
  constructor(what: string) {
    super(409, 'not-provisioned', `${what} is not provisioned yet: run the TaskRouter provisioning first.`);
  }
}

export async function routingSids(store: Store): Promise<RoutingSids> {
  const sids = await store.settings.get<RoutingSids>(ROUTING_SETTING_NAME);
  if (!sids?.workspaceSid) throw new NotProvisionedError('TaskRouter routing');
  return sids;
}

export function workerSidOf(sids: RoutingSids, agentId: string): string {
  const sid = sids.workers[agentId];
  if (!sid) throw new NotProvisionedError(`A TaskRouter worker for "${agentId}"`);
  return sid;
}

export function activitySid(sids: RoutingSids, name: string): string {
  const sid = sids.activities[name];
  if (!sid) throw new NotProvisionedError(`The "${name}" activity`);
  return sid;
}
