// The AgentDesk the agent and supervisor routes call: each method is one use case of functions/app,
// composed here once per app.

import { textsNamed } from '../../app/agent-texts.js';
import { createBlacklistRequests } from '../../app/blacklist-requests.js';
import { createCenter } from '../../app/center.js';
import { createAgentState } from '../../app/desk/agent-state.js';
import { createCallControls } from '../../app/desk/call-controls.js';
import { createCallFinder } from '../../app/desk/calls.js';
import { dialCustomer } from '../../app/desk/dial.js';
import { callDispositions } from '../../app/desk/dispositions.js';
import { callColleague } from '../../app/desk/internal-call.js';
import { createRejoin } from '../../app/desk/rejoin.js';
import { createReservations } from '../../app/desk/reservations.js';
import { tookPart } from '../../app/desk/transfers.js';
import { saveWrapUpNotes } from '../../app/desk/wrap-up-notes.js';
import { hotlinesOf } from '../../app/hotlines.js';
import { runScheduledJob } from '../../app/run-scheduled.js';
import { createLiveCalls } from '../../app/supervisor/live-calls.js';
import { createLiveQueue } from '../../app/supervisor/live-queue.js';
import { createWallboard } from '../../app/supervisor/wallboard.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { ROUTING_SETTING } from '../../domain/routing/provisioned.js';
import type { AppDeps } from '../deps.js';
import { mintAccessToken } from './access-token.js';
import type { AgentDesk } from './desk.js';

export function createAgentDesk(deps: AppDeps): AgentDesk {
  const center = createCenter(deps, runScheduledJob);
  const calls = createCallFinder(center);
  const state = createAgentState(center, calls);
  const reservations = createReservations(center);
  const controls = createCallControls(center, calls);
  const queue = createLiveQueue(center);
  const wallboard = createWallboard(center);
  const live = createLiveCalls(center, calls, state, () => wallboard.invalidate());
  const blacklist = createBlacklistRequests(deps);

  return {
    async token(user, ttlSeconds) {
      const sids = await deps.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
      return mintAccessToken({ ...deps, user, sids, nowMs: deps.clock.now() }, ttlSeconds);
    },
    status: state.status,
    async setState(user, body) {
      return state.status(user, await state.changeState(user, user.id, body.state, body.reason));
    },
    async endWrapUp(user) {
      return state.status(user, await state.changeState(user, user.id, 'Available'));
    },
    setSkills: state.setSkills,
    heartbeat: state.heartbeat,
    accept: reservations.accept,
    reject: reservations.reject,
    missedCalls: reservations.missedCalls,
    texts: (user) => textsNamed(center.store, user.id),
    hold: controls.hold,
    mute: controls.mute,
    transfer: controls.transfer,
    completeTransfer: controls.completeTransfer,
    cancelTransfer: controls.cancelTransfer,
    conference: controls.conference,
    leave: controls.leave,
    hangup: controls.hangup,
    rejoin: createRejoin(center, calls),
    dial: (user, body) => dialCustomer(center, user, body),
    internalCall: (user, body) => callColleague(center, calls, user, body),
    queue: () => queue.list(),
    pick: queue.pick,
    dispositions: (callSid) => callDispositions(deps.store, hotlinesOf(deps.config), callSid),
    wrapUpNotes: (user, callSid, body) =>
      saveWrapUpNotes(deps, hotlinesOf(deps.config), user, callSid, body, () =>
        tookPart(center, user, callSid),
      ),
    requestBlacklist: blacklist.request,
    wallboard: () => wallboard.read(),
    monitor: live.monitor,
    takeOver: live.takeOver,
    forceHangup: live.hangup,
    forceState: live.forceState,
    blacklistRequests: () => blacklist.pending(),
    decideBlacklist: blacklist.decide,
  };
}
