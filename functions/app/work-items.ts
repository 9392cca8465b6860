// Work that is not a call (a text conversation, a fax), routed by TaskRouter: the assignment gives it to the
// agent at once and the task is completed when TaskRouter reports the acceptance, so it holds no channel
// and keeps nobody busy; the desk lists it until the agent finishes it.
import { assignFax } from './agent-faxes.js';
import { assignText } from './agent-texts.js';
import type { Center } from './center.js';

/** Gives the work item the task carries to `agentId`; false when there is nothing (left) to give. */
export async function assignWorkItem(
  center: Pick<Center, 'store' | 'clock' | 'publish'>,
  agentId: string,
  taskSid: string,
  attributes: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const from = typeof attributes.from === 'string' ? attributes.from : undefined;
  if (attributes.type === 'sms' && from) return assignText(center, { agentId, phone: from, taskSid });
  if (attributes.type === 'fax' && typeof attributes.fax_id === 'string')
    return assignFax(center, { agentId, faxId: attributes.fax_id, taskSid });
  return false;
}

/** A text or fax task accepted for an agent: completed at once, so it holds no channel and no agent busy. */
export async function completeWorkItem(
  center: Pick<Center, 'provisioned' | 'taskrouter' | 'logger'>,
  taskSid: string,
) {
  try {
    const p = await center.provisioned();
    await center.taskrouter.updateTask(p.workspaceSid, taskSid, {
      assignmentStatus: 'completed',
      reason: 'taken by the agent',
    });
  } catch (err) {
    // Left assigned, the reconciliation of tasks ends it; the conversation is the agent's either way.
    center.logger.error('work item not completed', { taskSid, error: String(err) });
  }
}
