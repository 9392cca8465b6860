// An agent calls a colleague by agent number: the caller's own client rings first (the desk answers it),
// then `<Dial><Client>` rings the colleague's softphone with who is calling as custom parameters. Both are
// Busy while it rings and lasts, so TaskRouter offers neither a customer meanwhile; the call leaves no
// call record and no recording, so reports count only customers. Busy, away, offline and unknown
// colleagues are refused before anything rings.
import {
  AGENT_NUMBER_PATTERN,
  agentNumberOf,
  type InternalCall,
  internalCallOf,
  isLive,
  matchAgentNumber,
} from '../../domain/internal-call.js';
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import type { WorkerView } from '../../domain/taskrouter-port.js';
import type { Center } from '../center.js';
import { providerStep } from '../provider-step.js';
import type { CallFinder } from './calls.js';
import { finishInternalCall, saveInternalCall } from './internal-call-status.js';
import { agentWorker } from './workers.js';

/** How long the colleague's softphone rings before the call gives up. */
const RING_SECONDS = 30;

/** The user an agent number names, or a 404 the desk says in its own words. */
export async function colleagueByNumber(center: Center, number: string): Promise<User> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await center.store.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    users.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const match = matchAgentNumber(users, number);
  if (match.ok) return match.user;
  if (match.reason === 'ambiguous')
    throw new HttpProblem(
      409,
      'agent-number-shared',
      `Agent number ${number} belongs to more than one user.`,
    );
  throw new HttpProblem(404, 'unknown-agent-number', `No agent has the number ${number}.`, { number });
}

/** Whether the agent is taken: a call of theirs, an offer ringing them, or an internal call. */
async function engaged(center: Center, calls: CallFinder, sids: ProvisionedRouting, worker: WorkerView) {
  const internal = internalCallOf(worker.attributes);
  if (internal && isLive(internal)) return true;
  const [call, reservations] = await Promise.all([
    calls.find(worker.name, sids),
    center.taskrouter.reservations(sids.workspaceSid, worker.sid),
  ]);
  return call !== undefined || reservations.some((r) => r.status === 'pending' || r.status === 'accepted');
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);

export async function callColleague(
  center: Center,
  calls: CallFinder,
  user: User,
  body: { readonly number: string },
): Promise<{ readonly callSid: string; readonly agentId: string }> {
  const sids = await center.routing(user.id);
  const number = body.number.trim();
  if (!AGENT_NUMBER_PATTERN.test(number))
    throw new HttpProblem(400, 'bad-request', 'An agent number is 2-8 digits.', { field: 'number' });
  const colleague = await colleagueByNumber(center, number);
  if (colleague.id === user.id) throw new HttpProblem(422, 'self-call', 'That is your own number.');
  if (!sids.workers[colleague.id])
    throw new HttpProblem(404, 'unknown-agent-number', `No agent has the number ${number}.`, { number });
  const [mine, theirs] = await Promise.all([
    agentWorker(center, sids, user.id),
    agentWorker(center, sids, colleague.id),
  ]);
  if (mine.activity === 'Wrap-up' || (await engaged(center, calls, sids, mine)))
    throw new HttpProblem(409, 'caller-busy', 'Finish your current call and its wrap-up first.');
  if (theirs.activity === 'Offline')
    throw new HttpProblem(409, 'agent-offline', `Agent ${number} is signed out.`, { agentId: colleague.id });
  if (theirs.activity !== 'Available' || (await engaged(center, calls, sids, theirs)))
    throw new HttpProblem(409, 'colleague-busy', `Agent ${number} is busy (${theirs.activity}).`, {
      agentId: colleague.id,
      activity: theirs.activity,
    });

  const now = center.clock.now();
  const id = String(now);
  const since = new Date(now).toISOString();
  const held = (role: InternalCall['role'], peer: User, restore: string): InternalCall => ({
    id,
    role,
    peer: { id: peer.id, name: peer.name, number: agentNumberOf(peer) },
    status: 'ringing',
    restore,
    since,
  });
  const base = center.config.webhookBaseUrl;
  // Which call and agents a callback concerns travels in its URL (XML-escaped inside the TwiML).
  const url = (path: 'status' | 'dial-end', leg?: 'caller' | 'callee') =>
    `${base}/twilio/internal-call/${path}?id=${id}&amp;caller=${encodeURIComponent(user.id)}&amp;callee=${encodeURIComponent(colleague.id)}${leg ? `&amp;leg=${leg}` : ''}`;
  try {
    // Busy with the call noted, pending offers turned down: nothing is offered to either while it rings.
    const busy = { name: 'Busy', rejectPending: true } as const;
    await providerStep('busy for internal call', async () => {
      await saveInternalCall(center, sids, theirs, held('callee', user, theirs.activity), busy);
      await saveInternalCall(center, sids, mine, held('caller', colleague, mine.activity), busy);
    });
    // The Dial's action settles the outcome (declined, unanswered, ended) and hangs my leg up.
    const twiml =
      `<Response><Dial callerId="client:${escapeXml(user.id)}" timeout="${RING_SECONDS}" action="${url('dial-end')}">` +
      `<Client statusCallback="${url('status', 'callee')}" statusCallbackEvent="answered">` +
      `<Identity>${escapeXml(colleague.id)}</Identity>` +
      '<Parameter name="internalCall" value="1"/>' +
      `<Parameter name="callerName" value="${escapeXml(user.name)}"/>` +
      `<Parameter name="callerNumber" value="${escapeXml(agentNumberOf(user))}"/>` +
      '</Client></Dial></Response>';
    const call = await providerStep('ring me', () =>
      center.telephony.createCall({
        from: `client:${colleague.id}`,
        to: `client:${user.id}`,
        twiml,
        statusCallback: url('status', 'caller').replaceAll('&amp;', '&'),
      }),
    );
    return { callSid: call.sid, agentId: colleague.id };
  } catch (err) {
    await finishInternalCall(center, { id, caller: user.id, callee: colleague.id }, 'failed').catch(
      () => undefined,
    );
    throw err;
  }
}
