// The agent desktop and supervisor console routes (docs/agent-api.md; /api/openapi.json has the schemas).
import type { Disposition } from '../../functions/domain/disposition.js';
import type { BlacklistRequest } from '../../functions/domain/model.js';
import { call } from './api.js';
import type { PushTicket } from './connection/push.js';
import type { AgentToken } from './connection/types.js';

/** `On call` is derived by the server while my call is live; the others are TaskRouter activities. */
export type AgentState = 'Available' | 'Busy' | 'Break' | 'Wrap-up' | 'Offline' | 'On call';

export interface CurrentCall {
  readonly taskSid: string;
  readonly callSid: string;
  readonly conferenceSid?: string;
  readonly agentCallSid?: string;
  /** When my leg was answered (ISO): the call timer counts from it, not from page load. */
  readonly connectedAt?: string;
  readonly onHold: boolean;
  readonly muted: boolean;
  readonly participants: readonly { callSid: string; label?: string; hold: boolean; muted: boolean }[];
  /** A supervisor I hear: whispering to me alone, or barged in for everyone. */
  readonly supervisor?: { readonly id: string; readonly mode: 'whisper' | 'barge' };
  readonly transfer?: TransferView;
  readonly customer?: CallCustomer;
}

/** Who a call is with, as the server knows it (a call I placed, a callback, a reload). */
export interface CallCustomer {
  readonly number?: string;
  readonly customerId?: string;
  readonly ticketNumber?: string;
}

/** A transfer of my call under way: one I started (sender) or one that brought it to me (receiver). */
export interface TransferView {
  readonly taskSid: string;
  readonly role: 'sender' | 'receiver';
  readonly mode: 'warm' | 'cold';
  readonly status: 'offered' | 'accepted' | 'declined' | 'no-answer' | 'completed' | 'canceled';
  readonly fromAgent: string;
  readonly toAgent?: string;
  readonly queue?: string;
  readonly notes?: string;
}

export interface AgentReservation {
  readonly reservationSid: string;
  readonly taskSid: string;
  readonly status: string;
  readonly queue?: string;
  readonly callSid?: string;
  readonly from?: string;
  readonly vip?: string;
  /** A pending offer's task attributes (what the IVR found). */
  readonly taskAttributes?: Readonly<Record<string, unknown>>;
}

export interface AgentStatus {
  readonly agentId: string;
  readonly workerSid: string;
  readonly state: string;
  readonly available: boolean;
  readonly breakReason?: string;
  readonly since?: string;
  readonly wrapUpEndsAt?: string;
  readonly skills: readonly string[];
  readonly allSkills: readonly string[];
  readonly reservations: readonly AgentReservation[];
  readonly call?: CurrentCall;
  /** The customer's call of my callback (which has no conference) or of the task I am wrapping up. */
  readonly taskCall?: {
    readonly taskSid: string;
    readonly callSid?: string;
    readonly customer?: CallCustomer;
  };
  /** My call with a colleague: live while ringing or in progress, then its outcome for a moment. */
  readonly internalCall?: InternalCall;
  readonly heartbeatExpiresAt?: string;
  /** The center's clock when the server answered (a simulated clock locally need not be the browser's). */
  readonly at?: string;
}

export interface InternalCall {
  readonly role: 'caller' | 'callee';
  readonly peer: { readonly id: string; readonly name: string; readonly number: string };
  readonly status: 'ringing' | 'in-progress' | 'declined' | 'no-answer' | 'ended' | 'failed';
  readonly since: string;
}

export type TransferTarget =
  | { readonly type: 'agent'; readonly agentId: string }
  | { readonly type: 'queue'; readonly queue: string }
  | { readonly type: 'number'; readonly number: string };

export interface WaitingCall {
  readonly taskSid: string;
  readonly callSid?: string;
  readonly queue?: string;
  readonly from?: string;
  readonly customerId?: string;
  readonly vip: string;
  readonly priority: number;
  readonly waitSeconds: number;
  readonly status: string;
  readonly ringingAgentId?: string;
  readonly reservationSid?: string;
  /** A text or fax waiting, not a caller. */
  readonly channel?: 'sms' | 'fax';
}

export interface MissedCall {
  readonly callSid: string;
  readonly taskSid?: string;
  readonly from: string;
  readonly at: string;
  /** HH:MM:SS in the center's time zone. */
  readonly time: string;
  readonly reason: 'timeout' | 'declined' | 'disconnected';
  readonly outcome: string;
  readonly queue?: string;
}

export interface QueueBoard {
  readonly queue: string;
  readonly waiting: number;
  readonly longestWaitSeconds: number;
  readonly availableAgents: number;
  readonly answeredToday: number;
  readonly abandonedToday: number;
  /** Offers that rang out or were declined today. */
  readonly missedToday: number;
  /** The queue's service-level threshold in seconds. */
  readonly serviceLevelSeconds: number;
  readonly serviceLevelToday: number | null;
}

export interface AgentBoard {
  readonly agentId: string;
  readonly name?: string;
  readonly workerSid: string;
  /** Available, Ringing, On call, Wrap-up, Missed, Away or Offline. */
  readonly state: string;
  /** The TaskRouter activity (Away says which: Busy or Break). */
  readonly activity?: string;
  readonly since?: string;
  readonly secondsInState?: number;
  readonly breakReason?: string;
  readonly online: boolean;
  /** Offers missed today (on the wallboard). */
  readonly missedToday?: number;
  readonly call?: {
    taskSid: string;
    /** Only a live call (not ringing, not in wrap-up, not a direct callback) can be listened to. */
    status: 'live' | 'ringing' | 'wrapping';
    direct?: boolean;
    callSid?: string;
    from?: string;
    queue?: string;
  };
}

export interface Wallboard {
  readonly at: string;
  readonly queues: readonly QueueBoard[];
  readonly agents: readonly AgentBoard[];
}

/** As the API returns it: the server's own type. */
export type { BlacklistRequest };

/** What I have typed about a call and not saved yet; kept by the server per agent and call. */
export interface CallDraftFields {
  readonly disposition?: string;
  readonly notes?: string;
  readonly ticket?: Readonly<Record<string, string>>;
  readonly pop?: Readonly<Record<string, string | boolean>>;
}

export type MonitorMode = 'monitor' | 'whisper' | 'barge';

export const deskApi = {
  token: () => call<AgentToken>('POST', '/agent/token', {}),
  pushTicket: () => call<PushTicket>('POST', '/push'),
  me: () => call<AgentStatus>('GET', '/agent/me'),
  setState: (state: 'Available' | 'Busy' | 'Break' | 'Offline', reason?: string) =>
    call<AgentStatus>('POST', '/agent/state', { state, ...(reason ? { reason } : {}) }),
  endWrapUp: () => call<AgentStatus>('POST', '/agent/wrap-up/end'),
  setSkills: (skills: readonly string[]) => call<AgentStatus>('PUT', '/agent/skills', { skills }),
  heartbeat: () => call<{ expiresAt: string; state?: string }>('POST', '/agent/heartbeat'),
  accept: (reservationSid: string, body: { ringAgain?: boolean } = {}) =>
    call<{ callSid?: string; conference?: string; work?: { channel: 'sms' | 'fax'; phone?: string } }>(
      'POST',
      `/agent/reservations/${reservationSid}/accept`,
      body,
    ),
  reject: (reservationSid: string) => call<void>('POST', `/agent/reservations/${reservationSid}/reject`, {}),
  hold: (hold: boolean) => call<unknown>('POST', '/agent/call/hold', { hold }),
  mute: (muted: boolean) => call<unknown>('POST', '/agent/call/mute', { muted }),
  transfer: (mode: 'cold' | 'warm', target: TransferTarget, notes?: string) =>
    call<unknown>('POST', '/agent/call/transfer', { mode, target, ...(notes ? { notes } : {}) }),
  completeTransfer: () => call<unknown>('POST', '/agent/call/transfer/complete'),
  cancelTransfer: () => call<unknown>('POST', '/agent/call/transfer/cancel'),
  conference: (target: TransferTarget) => call<unknown>('POST', '/agent/call/conference', { target }),
  leave: () => call<unknown>('POST', '/agent/call/leave'),
  hangup: () => call<unknown>('POST', '/agent/call/hangup'),
  rejoin: () => call<unknown>('POST', '/agent/call/rejoin'),
  dial: (to: string, callerId?: string) =>
    call<{ callSid: string }>('POST', '/agent/dial', { to, ...(callerId ? { callerId } : {}) }),
  /** Ring a colleague by agent number (their extension or id); my own client rings first. */
  internalCall: (number: string) =>
    call<{ callSid: string; agentId: string }>('POST', '/agent/internal-call', { number }),
  missedCalls: () => call<{ items: MissedCall[] }>('GET', '/agent/missed-calls'),
  queue: () => call<{ items: WaitingCall[] }>('GET', '/queue'),
  pick: (taskSid: string) => call<unknown>('POST', `/queue/${taskSid}/pick`),
  dispositions: (callSid: string) =>
    call<{ hotline: string; hotlineName: string; flow: string; dispositions: Disposition[] }>(
      'GET',
      `/calls/${callSid}/dispositions`,
    ),
  wrapUpNotes: (callSid: string, body: { disposition?: string; notes?: string }) =>
    call<unknown>('POST', `/calls/${callSid}/wrap-up`, body),
  draft: (callSid: string) => call<CallDraftFields>('GET', `/agent/drafts/${callSid}`),
  saveDraft: (callSid: string, draft: CallDraftFields) =>
    call<CallDraftFields>('PUT', `/agent/drafts/${callSid}`, draft),
  discardDraft: (callSid: string) => call<void>('DELETE', `/agent/drafts/${callSid}`),
  requestBlacklist: (phone: string, reason: string, callSid?: string) =>
    call<BlacklistRequest>('POST', '/blacklist-requests', { phone, reason, ...(callSid ? { callSid } : {}) }),
};

export const supervisorApi = {
  wallboard: () => call<Wallboard>('GET', '/supervisor/wallboard'),
  monitor: (callSid: string, mode: MonitorMode) =>
    call<unknown>('POST', `/supervisor/calls/${callSid}/monitor`, { mode }),
  takeOver: (callSid: string) => call<unknown>('POST', `/supervisor/calls/${callSid}/take-over`),
  hangup: (callSid: string) => call<void>('POST', `/supervisor/calls/${callSid}/hangup`),
  forceState: (agentId: string, state: 'Available' | 'Busy' | 'Offline') =>
    call<AgentBoard>('POST', `/supervisor/agents/${encodeURIComponent(agentId)}/state`, { state }),
  blacklistRequests: () => call<{ items: BlacklistRequest[] }>('GET', '/supervisor/blacklist-requests'),
  decide: (id: string, decision: 'approve' | 'reject') =>
    call<BlacklistRequest>('POST', `/supervisor/blacklist-requests/${encodeURIComponent(id)}`, { decision }),
  whitelist: () => call<{ items: WhitelistEntry[] }>('GET', '/supervisor/whitelist'),
  whitelistAdd: (phone: string, note: string) =>
    call<WhitelistEntry>('POST', '/supervisor/whitelist', { phone, note }),
  whitelistRemove: (phone: string) =>
    call<{ removed: string }>('DELETE', `/supervisor/whitelist/${encodeURIComponent(phone)}`),
};

/** A whitelisted number: never blocked, never turned away by a full queue. */
export interface WhitelistEntry {
  readonly phone: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}
