// Role-matrix rows for the agent desk and supervisor console routes. The harness has no
// TaskRouter provisioning and no API key, so routes that need them answer 409 once past the guard;
// that is enough here: the guard's 401/403 is what the matrix checks. Behaviour is in test/e2e/agent/.
export type MatrixRole = 'agent' | 'supervisor' | 'admin';

export interface MatrixRow {
  readonly op: string;
  readonly method: string;
  readonly path: () => string;
  readonly body?: () => unknown;
  readonly roles: readonly MatrixRole[];
  readonly ok: number;
}

const ALL: readonly MatrixRole[] = ['agent', 'supervisor', 'admin'];
const LEADS: readonly MatrixRole[] = ['supervisor', 'admin'];
const WR = `WR${'a'.repeat(32)}`;
const WT = `WT${'a'.repeat(32)}`;
const CA = `CA${'a'.repeat(32)}`;

const row = (
  op: string,
  method: string,
  path: string,
  ok: number,
  body?: unknown,
  roles = ALL,
): MatrixRow => ({
  op,
  method,
  path: () => path,
  ...(body !== undefined ? { body: () => body } : {}),
  roles,
  ok,
});

export const AGENT_ROWS: readonly MatrixRow[] = [
  row('agent.token', 'POST', '/api/agent/token', 409, {}),
  row('agent.status', 'GET', '/api/agent/me', 409),
  row('agent.setState', 'POST', '/api/agent/state', 409, { state: 'Break', reason: 'lunch' }),
  row('agent.endWrapUp', 'POST', '/api/agent/wrap-up/end', 409),
  row('agent.setSkills', 'PUT', '/api/agent/skills', 409, { skills: ['claims'] }),
  row('agent.heartbeat', 'POST', '/api/agent/heartbeat', 409),
  row('agent.accept', 'POST', `/api/agent/reservations/${WR}/accept`, 409),
  row('agent.reject', 'POST', `/api/agent/reservations/${WR}/reject`, 409),
  row('agent.hold', 'POST', '/api/agent/call/hold', 409, { hold: true }),
  row('agent.mute', 'POST', '/api/agent/call/mute', 409, { muted: true }),
  row('agent.transfer', 'POST', '/api/agent/call/transfer', 409, {
    mode: 'cold',
    target: { type: 'queue', queue: 'claims' },
  }),
  row('agent.completeTransfer', 'POST', '/api/agent/call/transfer/complete', 409),
  row('agent.cancelTransfer', 'POST', '/api/agent/call/transfer/cancel', 409),
  row('agent.conference', 'POST', '/api/agent/call/conference', 409, {
    target: { type: 'agent', agentId: 'sup1' },
  }),
  row('agent.leave', 'POST', '/api/agent/call/leave', 409),
  row('agent.hangup', 'POST', '/api/agent/call/hangup', 409),
  row('agent.rejoin', 'POST', '/api/agent/call/rejoin', 409),
  row('agent.dial', 'POST', '/api/agent/dial', 409, { to: '+8613800001111' }),
  row('agent.internalCall', 'POST', '/api/agent/internal-call', 409, { number: '1002' }),
  row('agent.missedCalls', 'GET', '/api/agent/missed-calls', 409),
  row('agent.texts', 'GET', '/api/agent/texts', 200),
  row('queue.list', 'GET', '/api/queue', 409),
  row('queue.pick', 'POST', `/api/queue/${WT}/pick`, 409),
  row('calls.wrapUp', 'POST', `/api/calls/${CA}/wrap-up`, 404, { disposition: 'resolved' }),
  row('calls.dispositions', 'GET', `/api/calls/${CA}/dispositions`, 404),
  // No campaign call by that SID: every role may ask, and is told so.
  row('calls.campaign', 'GET', `/api/calls/${CA}/campaign`, 404),
  row('calls.campaignAnswers', 'POST', `/api/calls/${CA}/campaign-answers`, 404, {
    answers: { solved: true },
  }),
  row('drafts.get', 'GET', `/api/agent/drafts/${CA}`, 404),
  row('drafts.save', 'PUT', `/api/agent/drafts/${CA}`, 404, { notes: 'half a thought' }),
  row('drafts.discard', 'DELETE', `/api/agent/drafts/${CA}`, 204),
  row('blacklist.request', 'POST', '/api/blacklist-requests', 201, {
    phone: '+8613900000000',
    reason: 'abusive caller',
  }),
  row('supervisor.wallboard', 'GET', '/api/supervisor/wallboard', 409, undefined, LEADS),
  row('supervisor.monitor', 'POST', `/api/supervisor/calls/${CA}/monitor`, 409, { mode: 'monitor' }, LEADS),
  row('supervisor.takeOver', 'POST', `/api/supervisor/calls/${CA}/take-over`, 409, undefined, LEADS),
  row('supervisor.hangup', 'POST', `/api/supervisor/calls/${CA}/hangup`, 409, undefined, LEADS),
  row('supervisor.forceState', 'POST', '/api/supervisor/agents/1001/state', 409, { state: 'Busy' }, LEADS),
  row('supervisor.blacklistRequests', 'GET', '/api/supervisor/blacklist-requests', 200, undefined, LEADS),
  row(
    'supervisor.decideBlacklist',
    'POST',
    '/api/supervisor/blacklist-requests/nope',
    404,
    { decision: 'approve' },
    LEADS,
  ),
  row('whitelist.list', 'GET', '/api/supervisor/whitelist', 200, undefined, LEADS),
  row(
    'whitelist.add',
    'POST',
    '/api/supervisor/whitelist',
    200,
    { phone: '+8613900000001', note: 'VIP' },
    LEADS,
  ),
  row('whitelist.remove', 'DELETE', '/api/supervisor/whitelist/%2B8613900000002', 404, undefined, LEADS),
];
