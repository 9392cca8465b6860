// Creating TaskRouter tasks for work that is not a call (an SMS conversation, a fax) through the Twilio
// client: the workspace and workflow are found by name once and cached. Attributes carry `channel` so the
// workflow can send them to agents on that TaskChannel (sms) or skill (fax/back-office).
import type { TaskRouting } from '../../domain/channel-ports.js';
import type { TwilioClient } from './client.js';

export interface TwilioTaskRoutingOptions {
  /** @default the only (or first) workspace */
  readonly workspaceName?: string;
  /** @default the first workflow of the workspace */
  readonly workflowName?: string;
}

export function createTwilioTaskRouting(
  client: TwilioClient,
  options: TwilioTaskRoutingOptions = {},
): TaskRouting {
  let target: Promise<{ workspaceSid: string; workflowSid: string }> | undefined;
  async function resolve() {
    const workspaces = await client.taskrouter.v1.workspaces.list({ limit: 50 });
    const ws = workspaces.find((w) => !options.workspaceName || w.friendlyName === options.workspaceName);
    if (!ws) throw new Error(`no TaskRouter workspace ${options.workspaceName ?? ''}`.trim());
    const flows = await client.taskrouter.v1.workspaces(ws.sid).workflows.list({ limit: 50 });
    const wf = flows.find((w) => !options.workflowName || w.friendlyName === options.workflowName);
    if (!wf) throw new Error(`no TaskRouter workflow in ${ws.friendlyName}`);
    return { workspaceSid: ws.sid, workflowSid: wf.sid };
  }
  return {
    async createTask(input) {
      target ??= resolve().catch((err: unknown) => {
        target = undefined;
        throw err;
      });
      const { workspaceSid, workflowSid } = await target;
      const task = await client.taskrouter.v1.workspaces(workspaceSid).tasks.create({
        workflowSid,
        attributes: JSON.stringify(input.attributes),
        taskChannel: input.taskChannel,
        ...(input.timeoutSeconds ? { timeout: input.timeoutSeconds } : {}),
      });
      return task.sid;
    },
  };
}
