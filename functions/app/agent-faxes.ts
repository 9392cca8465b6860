// Faxes routed to an agent. Like a text, a fax is the agent's at once (the assignment accepts it and the task
// is completed on acceptance): the desk lists it, with who sent it and the customer or intake ticket it was
// filed under, until the agent marks it finished. Reading the PDF goes through a short-lived URL, on the
// audit log; an agent opens and finishes only the faxes routed to them, a supervisor or admin any.
import type { MediaStore } from '../domain/channel-ports.js';
import { isLead, type User } from '../domain/model.js';
import { ForbiddenError, NotFoundError } from '../domain/problems.js';
import type { Center, CenterBasics } from './center.js';
import { heldList } from './held-work.js';

export interface AgentFax {
  readonly id: string;
  readonly from: string;
  readonly receivedAt: string;
  readonly pages?: number;
  readonly customerId?: string;
  readonly ticketNumber?: string;
  /** When it became theirs (ISO). */
  readonly since: string;
}

const held = heldList<AgentFax>('agent-faxes', (f) => f.id);

export const faxesOf = held.list;

/**
 * The fax `faxId` routed to `agentId` by task `taskSid`: theirs from now on. A fax already finished, or a
 * task that is not the fax's own (replayed), takes nothing.
 */
export async function assignFax(
  center: Pick<Center, 'store' | 'clock' | 'publish'>,
  input: { readonly agentId: string; readonly faxId: string; readonly taskSid: string },
): Promise<boolean> {
  const { store } = center;
  const fax = await store.faxes.get(input.faxId);
  if (!fax || fax.doneAt || (fax.taskSid && fax.taskSid !== input.taskSid)) return false;
  const since = new Date(center.clock.now()).toISOString();
  // Only these fields: the intake may still be recording the task on the fax.
  await store.faxes.update(fax.id, { agentId: input.agentId, assignedAt: since });
  // Routed again (the first agent never finished it): it leaves the first desk, which is told so.
  if (fax.agentId && fax.agentId !== input.agentId && (await held.remove(center, fax.agentId, fax.id)))
    await center.publish({ agentId: fax.agentId }, ['me']);
  await held.add(center, input.agentId, {
    id: fax.id,
    from: fax.from,
    receivedAt: fax.receivedAt,
    since,
    ...(fax.pages ? { pages: fax.pages } : {}),
    ...(fax.customerId ? { customerId: fax.customerId } : {}),
    ...(fax.ticketNumber ? { ticketNumber: fax.ticketNumber } : {}),
  });
  await store.audit.append({
    actor: 'system',
    action: 'fax.assigned',
    target: fax.id,
    detail: { agentId: input.agentId, taskSid: input.taskSid },
  });
  await center.publish({ agentId: input.agentId }, ['me']);
  return true;
}

async function faxFor(deps: CenterBasics, user: User, faxId: string) {
  const fax = await deps.store.faxes.get(faxId);
  if (!fax) throw new NotFoundError('fax', faxId);
  if (!isLead(user.roles) && fax.agentId !== user.id)
    throw new ForbiddenError(
      `Fax "${faxId}" was not routed to you; agents open only their own faxes, supervisors any.`,
    );
  return fax;
}

/** A URL the browser reads the fax's PDF from, valid a few minutes; every opening is audited. */
export async function faxDocument(
  deps: CenterBasics & { readonly media: MediaStore; readonly playbackTtlSeconds: number },
  user: User,
  faxId: string,
): Promise<{ readonly url: string; readonly expiresInSeconds: number }> {
  const fax = await faxFor(deps, user, faxId);
  const url = await deps.media.presignGet(fax.s3Key, deps.playbackTtlSeconds);
  await deps.store.audit.append({ actor: user.id, action: 'fax.viewed', target: fax.id, detail: {} });
  return { url, expiresInSeconds: deps.playbackTtlSeconds };
}

/** The fax is dealt with: it leaves the desk of the agent it was routed to. Finishing it again changes nothing. */
export async function finishFax(
  center: Pick<Center, 'config' | 'store' | 'clock' | 'logger' | 'publish'>,
  user: User,
  faxId: string,
): Promise<void> {
  const fax = await faxFor(center, user, faxId);
  const holder = fax.agentId;
  const listed = holder ? await held.remove(center, holder, fax.id) : false;
  if (!fax.doneAt) {
    await center.store.faxes.update(fax.id, {
      doneAt: new Date(center.clock.now()).toISOString(),
      doneBy: user.id,
    });
    await center.store.audit.append({
      actor: user.id,
      action: 'fax.done',
      target: fax.id,
      detail: holder ? { agentId: holder } : {},
    });
  }
  if (holder && listed) await center.publish({ agentId: holder }, ['me']);
}
