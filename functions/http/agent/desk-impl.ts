// Builds the AgentDesk from the app's dependencies: each concern in its own module (token, state and
// presence, call controls, queue, supervisor, blacklist requests), composed here.
import type { AppDeps } from '../deps.js';
import { HttpProblem } from '../errors.js';
import { mintAccessToken } from './access-token.js';
import type { AgentDesk } from './desk.js';

const pending = (what: string) => async (): Promise<never> => {
  throw new HttpProblem(409, 'not-implemented', `${what} is not implemented yet (issue 5, in progress).`);
};

export function createAgentDesk(deps: AppDeps): AgentDesk {
  const { store, clock } = deps;
  return {
    async token(user, ttlSeconds) {
      const sids = await store.settings.get<import('./routing-sids.js').RoutingSids>('taskrouter');
      return mintAccessToken({ ...deps, user, sids, nowMs: clock.now() }, ttlSeconds);
    },
    status: pending('agent.status'),
    setState: pending('agent.setState'),
    endWrapUp: pending('agent.endWrapUp'),
    setSkills: pending('agent.setSkills'),
    heartbeat: pending('agent.heartbeat'),
    accept: pending('agent.accept'),
    reject: pending('agent.reject'),
    hold: pending('agent.hold'),
    mute: pending('agent.mute'),
    transfer: pending('agent.transfer'),
    conference: pending('agent.conference'),
    leave: pending('agent.leave'),
    hangup: pending('agent.hangup'),
    dial: pending('agent.dial'),
    missedCalls: pending('agent.missedCalls'),
    queue: pending('queue.list'),
    pick: pending('queue.pick'),
    wrapUpNotes: pending('calls.wrapUp'),
    requestBlacklist: pending('blacklist.request'),
    wallboard: pending('supervisor.wallboard'),
    monitor: pending('supervisor.monitor'),
    takeOver: pending('supervisor.takeOver'),
    forceHangup: pending('supervisor.hangup'),
    forceState: pending('supervisor.forceState'),
    blacklistRequests: pending('supervisor.blacklistRequests'),
    decideBlacklist: pending('supervisor.decideBlacklist'),
  };
}
