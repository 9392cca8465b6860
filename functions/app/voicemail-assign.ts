// Giving a voicemail to an agent: the message moves to the agent's box and its open callback task goes
// with it. Supervisors and admins assign to any agent; an agent takes a message from one of their boxes
// into their own.
import { isLead, type User } from '../domain/model.js';
import { ForbiddenError, UnprocessableError } from '../domain/problems.js';
import { mailboxOf } from '../domain/voicemail-box.js';
import { type VoicemailDeps, type VoicemailView, viewOf, visibleVoicemail } from './voicemails.js';
import { unwrap } from './write-result.js';

/** Idempotent: a message already in the agent's box is returned as it is. */
export async function assignVoicemail(
  deps: VoicemailDeps,
  user: User,
  sid: string,
  agentId: string,
): Promise<VoicemailView> {
  const { store } = deps;
  const v = await visibleVoicemail(deps, user, sid);
  if (!isLead(user.roles) && agentId !== user.id)
    throw new ForbiddenError('Agents take a voicemail into their own box; supervisors assign to others.');
  // Taking a message into one's own box needs nobody else's record; giving it away needs an active agent.
  if (agentId !== user.id) {
    const target = await store.users.get(agentId);
    if (!target || target.disabled || !target.roles.includes('agent'))
      throw new UnprocessableError('not-an-agent', `"${agentId}" is not an active agent.`);
  }
  if (v.agentId === agentId) return viewOf(deps, v);
  const moved = unwrap(
    await store.voicemails.update(v.recordingSid, v.version, { agentId }),
    'voicemail',
    v.recordingSid,
  );
  // The callback follows the message, unless someone is already calling back.
  const task = v.taskId ? await store.tasks.get(v.taskId) : undefined;
  if (task?.status === 'open' && task.assigneeId !== agentId)
    unwrap(await store.tasks.update(task.id, task.version, { assigneeId: agentId }), 'task', task.id);
  await store.audit.append({
    actor: user.id,
    action: 'voicemail.assigned',
    target: v.recordingSid,
    detail: { from: mailboxOf(v), to: mailboxOf(moved) },
  });
  return viewOf(deps, moved);
}
