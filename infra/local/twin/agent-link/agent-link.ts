// The local stand-in for the browser SDKs' connections (Voice SDK Device and TaskRouter Worker): one
// WebSocket per page, authenticated by the same Access Token our API mints for Twilio. It carries what
// those SDKs would: incoming calls (accept, reject, hang up), call connected/ended, the worker's
// reservation and activity events. Like the Worker SDK's setWorkerOfflineIfDisconnected (reference
// §4.12), a worker whose last page goes away is moved out of an available activity, and its ringing
// calls stop ringing it, so TaskRouter offers the task to the next agent. A page that is closed, reloaded
// or told to stop takes its live calls with it, as the Voice SDK's calls end with their page; a socket that
// merely broke (a network drop, close code 1006) leaves them up, as the SDK's media outlives its signalling.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { TaskRouterEngine } from '../taskrouter/engine.js';
import type { EventRecord } from '../taskrouter/event-record.js';
import type { VoiceEngine } from '../voice/engine.js';
import type { PartyEvent, PartyRegistry } from '../voice/parties.js';
import { type VerifiedToken, verifyAccessToken } from './access-token.js';
import { type BrowserMessage, parseBrowserMessage, type ServerMessage } from './messages.js';

export interface AgentLinkDeps {
  readonly accountSid: string;
  /** API key SID -> secret, for verifying Access Tokens. */
  readonly signingKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly voice: VoiceEngine;
  readonly parties: PartyRegistry;
  readonly taskrouter: TaskRouterEngine;
}

interface Session {
  readonly socket: WebSocket;
  readonly token: VerifiedToken;
  /** The Worker SDK's setWorkerOfflineIfDisconnected (default true). */
  readonly offlineIfDisconnected: boolean;
}

export const AGENT_LINK_PATH = '/twin/agent-link';

/** Close codes of a page that went away on purpose: closed by the page (1000) or unloaded (1001). */
const PAGE_GONE = new Set([1000, 1001]);

export function createAgentLink(deps: AgentLinkDeps) {
  const wss = new WebSocketServer({ noServer: true });
  const byIdentity = new Map<string, Set<Session>>();
  const unregister = new Map<string, () => void>();

  const send = (socket: WebSocket, message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const sessionsOf = (identity: string) => byIdentity.get(identity) ?? new Set<Session>();
  const broadcast = (identity: string, message: ServerMessage) => {
    for (const s of sessionsOf(identity)) send(s.socket, message);
  };

  const stopPartyEvents = deps.parties.subscribe((event: PartyEvent) => {
    const address = event.type === 'ring' ? event.ring.to : event.to;
    if (!address.startsWith('client:')) return;
    const identity = address.slice('client:'.length);
    if (!byIdentity.has(identity)) return;
    broadcast(identity, toServerMessage(event));
  });

  const stopTaskRouterEvents = deps.taskrouter.subscribe((workspaceSid: string, event: EventRecord) => {
    const workerSid = event.fields.WorkerSid;
    if (!workerSid) return;
    for (const sessions of byIdentity.values()) {
      for (const s of sessions) {
        if (s.token.workerSid !== workerSid || s.token.workspaceSid !== workspaceSid) continue;
        const message = workerMessage(event);
        if (message) send(s.socket, message);
      }
    }
  });

  function attach(session: Session): void {
    const { identity } = session.token;
    const sessions = byIdentity.get(identity) ?? new Set<Session>();
    sessions.add(session);
    byIdentity.set(identity, sessions);
    if (session.token.incomingAllowed && !unregister.has(identity)) {
      // Rings wait for the browser; the dial's own timeout ends a ring nobody answers.
      unregister.set(identity, deps.parties.register(`client:${identity}`, { policy: 'ring' }));
    }
  }

  function detach(session: Session, code: number): void {
    const { identity } = session.token;
    const sessions = sessionsOf(identity);
    sessions.delete(session);
    if (sessions.size > 0) return;
    if (PAGE_GONE.has(code)) endLiveCalls(`client:${identity}`);
    byIdentity.delete(identity);
    unregister.get(identity)?.();
    unregister.delete(identity);
    // A call ringing this page now has no device: reject it so the caller is offered to someone else.
    for (const ring of [...deps.parties.ringing.values()])
      if (ring.to === `client:${identity}`) ring.reject();
    if (session.offlineIfDisconnected) setWorkerOffline(session.token);
  }

  /** The page's calls end: the conference sees its participant leave and carries on without it. */
  function endLiveCalls(address: string): void {
    for (const call of [...deps.voice.calls.values()])
      if ((call.to === address || call.from === address) && call.status === 'in-progress')
        deps.voice.end(call, 'completed');
  }

  function setWorkerOffline(token: VerifiedToken): void {
    if (!token.workspaceSid || !token.workerSid) return;
    try {
      const ws = deps.taskrouter.workspace(token.workspaceSid);
      const worker = ws.workers.get(token.workerSid);
      if (!worker?.activity.available) return;
      const offline = [...ws.activities.values()].find((a) => !a.available && a.friendlyName === 'Offline');
      const target = offline ?? (ws.defaultActivity.available ? undefined : ws.defaultActivity);
      if (target) {
        deps.taskrouter.updateWorker(ws.sid, worker.sid, {
          activitySid: target.sid,
          rejectPendingReservations: true,
        });
      }
    } catch {
      // The workspace or worker went away meanwhile: nothing to move.
    }
  }

  function onMessage(session: Session, message: BrowserMessage): void {
    const mine = `client:${session.token.identity}`;
    switch (message.type) {
      case 'ping':
        send(session.socket, { type: 'pong', at: deps.now() });
        return;
      case 'accept':
      case 'reject': {
        const ring = deps.parties.ringing.get(message.callSid);
        if (!ring || ring.to !== mine) {
          send(session.socket, { type: 'error', message: `call ${message.callSid} is not ringing you` });
        } else if (message.type === 'accept') ring.answer();
        else ring.reject();
        return;
      }
      case 'hangup': {
        const call = deps.voice.calls.get(message.callSid);
        if (!call || (call.to !== mine && call.from !== mine)) {
          send(session.socket, { type: 'error', message: `call ${message.callSid} is not yours` });
        } else if (!deps.voice.isEnded(call)) deps.voice.end(call, 'completed');
        return;
      }
    }
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const check = verifyAccessToken(url.searchParams.get('token') ?? '', {
      accountSid: deps.accountSid,
      keys: deps.signingKeys,
      nowMs: deps.now(),
    });
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!check.ok) {
        send(ws, { type: 'error', code: check.code, message: check.message });
        ws.close(4000 + (check.code % 1000), check.message.slice(0, 100));
        return;
      }
      const session: Session = {
        socket: ws,
        token: check.token,
        offlineIfDisconnected: url.searchParams.get('setWorkerOfflineIfDisconnected') !== 'false',
      };
      attach(session);
      ws.on('message', (data) => {
        const parsed = parseBrowserMessage(String(data));
        if (parsed.ok) onMessage(session, parsed.message);
        else send(ws, { type: 'error', message: parsed.message });
      });
      ws.on('close', (code) => detach(session, code));
      const { identity, workerSid } = check.token;
      send(ws, { type: 'ready', identity, ...(workerSid ? { workerSid } : {}) });
    });
  }

  return {
    path: AGENT_LINK_PATH,
    handleUpgrade,
    /** Identities with at least one page connected. */
    connected: () => [...byIdentity.keys()],
    close(): Promise<void> {
      stopPartyEvents();
      stopTaskRouterEvents();
      for (const sessions of byIdentity.values()) for (const s of sessions) s.socket.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

export type AgentLink = ReturnType<typeof createAgentLink>;

function toServerMessage(event: PartyEvent): ServerMessage {
  switch (event.type) {
    case 'ring':
      return {
        type: 'incoming',
        callSid: event.ring.callSid,
        from: event.ring.from,
        to: event.ring.to,
        parameters: event.ring.customParameters,
      };
    case 'ring-ended':
      // Answered is the Device's "accept": the page's call is now live (bridged or running TwiML).
      return event.outcome === 'answered'
        ? { type: 'connected', callSid: event.callSid }
        : { type: 'ring-ended', callSid: event.callSid, outcome: event.outcome };
    case 'connected':
      return { type: 'bridged', callSid: event.callSid, peerCallSid: event.peerCallSid };
    case 'ended':
      return { type: 'disconnected', callSid: event.callSid };
  }
}

/** The Worker SDK's events, from the workspace events that concern this worker (docs/twilio-behaviour.md §4.9, §4.12). */
function workerMessage(event: EventRecord): ServerMessage | undefined {
  const f = event.fields;
  if (event.type.startsWith('reservation.') && f.ReservationSid) {
    let attributes: unknown = {};
    try {
      attributes = JSON.parse(f.TaskAttributes ?? '{}');
    } catch {
      // leave empty: the engine always sends JSON
    }
    return {
      type: 'reservation',
      event: event.type.slice('reservation.'.length),
      reservationSid: f.ReservationSid,
      taskSid: f.TaskSid ?? '',
      taskQueueSid: f.TaskQueueSid ?? '',
      taskAttributes: attributes,
    };
  }
  if (event.type === 'worker.activity.update') {
    return {
      type: 'activity',
      activitySid: f.WorkerActivitySid ?? '',
      activityName: f.WorkerActivityName ?? '',
    };
  }
  return undefined;
}
