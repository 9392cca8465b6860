// Work that is not a call (an SMS conversation, a fax) becomes a TaskRouter task on the provisioned
// workspace and workflow. Attributes carry `channel` so the workflow can send it to agents on that
// TaskChannel (sms) or skill (fax/back-office).
import type { TaskRouting } from '../domain/channel-ports.js';
import type { Store } from '../domain/ports.js';
import { NotProvisionedError } from '../domain/problems.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../domain/routing/provisioned.js';
import type { TaskRouterPort } from '../domain/taskrouter-port.js';

export function createWorkRouting(deps: {
  readonly store: Store;
  readonly taskrouter: TaskRouterPort;
}): TaskRouting {
  return {
    async createTask(input) {
      const sids = await deps.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
      if (!sids?.workspaceSid) throw new NotProvisionedError('TaskRouter routing');
      const task = await deps.taskrouter.createTask(sids.workspaceSid, {
        workflowSid: sids.workflowSid,
        taskChannel: input.taskChannel,
        attributes: input.attributes,
        ...(input.timeoutSeconds ? { timeoutSeconds: input.timeoutSeconds } : {}),
      });
      return task.sid;
    },
    async endTask(taskSid, reason) {
      const sids = await deps.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
      if (!sids?.workspaceSid) throw new NotProvisionedError('TaskRouter routing');
      const task = await deps.taskrouter.task(sids.workspaceSid, taskSid);
      if (!task) return;
      const assignmentStatus =
        task.status === 'pending' || task.status === 'reserved'
          ? 'canceled'
          : task.status === 'assigned' || task.status === 'wrapping'
            ? 'completed'
            : undefined;
      if (assignmentStatus)
        await deps.taskrouter.updateTask(sids.workspaceSid, taskSid, { assignmentStatus, reason });
    },
  };
}
