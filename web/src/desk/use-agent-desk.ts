// The agent desktop's live state in one hook: token and connection (either implementation), the
// heartbeat, the server's view of my state (polled and refreshed on every event), the offered
// reservation, the ringing and live call, and what the screen pop is about. The server decides state;
// this hook only shows it and asks for changes. Only the tab that owns the phone connects; another tab of
// the same browser shows the server's view read-only until the agent takes the phone over there.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isWorkItem } from '../../../functions/domain/taskrouter-port.js';
import { startHeartbeat } from '../connection/heartbeat.js';
import { openConnection } from '../connection/open-connection.js';
import { electPhoneOwner, type PhoneOwnership, type PhoneRole } from '../connection/phone-owner.js';
import { openPushChannel, type PushChannel } from '../connection/push.js';
import { pushBus, usePollInterval, usePushed } from '../connection/push-bus.js';
import type { AgentConnection, IncomingCall, LinkState } from '../connection/types.js';
import { type AgentStatus, deskApi } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { type CallFindings, findingsOf } from './offer.js';
import { startRinging, stopRinging } from './ringer.js';

export interface Offer {
  readonly reservationSid: string;
  readonly taskSid: string;
  readonly findings: CallFindings;
  readonly since: number;
  /** Known from the server's status, not from this page's own offer event: its ring went with a reload. */
  readonly lostRing?: boolean;
}

/** The call the screen pop is about; kept through wrap-up until the agent finishes. */
export interface PopContext {
  readonly taskSid?: string;
  readonly callSid?: string;
  readonly findings: CallFindings;
}

export interface DeskState {
  readonly link: LinkState;
  readonly mode?: 'twilio' | 'local';
  readonly heartbeatMisses: number;
  readonly status?: AgentStatus;
  readonly offer?: Offer;
  readonly ringing?: IncomingCall;
  readonly liveCallSid?: string;
  readonly pop?: PopContext;
  readonly error?: string;
  /** The center's clock minus the browser's, from the last status: timers count in the center's time. */
  readonly clockOffsetMs: number;
  /** Whether this tab owns the phone link; unknown for the moment the election takes. */
  readonly role?: PhoneRole;
}

/** How often the server's view is read while the push channel is down (while it is up, only on a push). */
const POLL_MS = 3000;
/** How long a dropped leg must stay dropped, across two statuses, before the desk dials itself back in. */
const CONFIRM_DROP_MS = 1000;

export function useAgentDesk(enabled: boolean) {
  const [state, setState] = useState<DeskState>({
    link: 'connecting',
    heartbeatMisses: 0,
    clockOffsetMs: 0,
  });
  // Read through a ref: the connection's callbacks must not be rebuilt (and the line reopened) when the
  // language changes.
  const { errorText } = useErrorText();
  const say = useRef(errorText);
  say.current = errorText;
  const connection = useRef<AgentConnection | undefined>(undefined);
  /** Calls to our own client that we expect (we accepted, picked or dialled): answered without a second click. */
  const expectCallUntil = useRef(0);
  /** My legs of calls with colleagues: no customer on them, so no screen pop and no wrap-up after. */
  const expectInternalUntil = useRef(0);
  const internalLegs = useRef(new Set<string>());
  const patch = useCallback((p: Partial<DeskState>) => setState((s) => ({ ...s, ...p })), []);
  const ownership = useRef<PhoneOwnership | undefined>(undefined);
  const role = state.role;
  const owner = role === 'owner';

  useEffect(() => {
    if (!enabled) return;
    const election = electPhoneOwner((next) =>
      setState((s) =>
        // A read-only tab offers nothing: the owner's tab rings and answers.
        next === 'owner' ? { ...s, role: next } : { ...s, role: next, offer: undefined, ringing: undefined },
      ),
    );
    ownership.current = election;
    return () => {
      election.stop();
      ownership.current = undefined;
    };
  }, [enabled]);

  // Reads overlap (pushes, polls, clicks): one that was sent before the newest one already shown may
  // carry the state from before a click, so only a read newer than the shown one replaces it.
  const reads = useRef({ sent: 0, shown: 0 });
  const refresh = useCallback(async () => {
    const read = ++reads.current.sent;
    try {
      const status = await deskApi.me();
      if (read < reads.current.shown) return;
      reads.current.shown = read;
      setState((s) => {
        // A pending reservation the server knows of but the link did not announce (page reloaded).
        const pending =
          s.role === 'owner'
            ? status.reservations.find((r) => r.status === 'pending' && !isWorkItem(r.taskAttributes ?? {}))
            : undefined;
        const offer =
          s.offer &&
          status.reservations.some(
            (r) => r.reservationSid === s.offer?.reservationSid && r.status === 'pending',
          )
            ? s.offer
            : pending
              ? {
                  reservationSid: pending.reservationSid,
                  taskSid: pending.taskSid,
                  findings: {
                    ...(s.offer?.reservationSid === pending.reservationSid ? s.offer.findings : {}),
                    ...findingsOf(pending.taskAttributes ?? {}, pending.from),
                  },
                  since: s.offer?.since ?? Date.now(),
                  lostRing: true,
                }
              : undefined;
        const clockOffsetMs = status.at ? Date.parse(status.at) - Date.now() : s.clockOffsetMs;
        // An offer this page did not see arrive (it reloaded while the call rang) pops what the IVR found;
        // one that ended unanswered with no call of mine leaves no pop behind.
        const gone =
          s.offer && !offer && !status.call && s.pop?.taskSid === s.offer.taskSid && !s.pop.callSid;
        const pop = gone
          ? undefined
          : (s.pop ??
            (offer && offer !== s.offer ? { taskSid: offer.taskSid, findings: offer.findings } : undefined));
        return { ...s, status, offer, pop, clockOffsetMs, error: undefined };
      });
    } catch (error) {
      patch({ error: say.current(error) });
    }
  }, [patch]);

  useEffect(() => {
    if (!enabled || !owner) return;
    let cancelled = false;
    let stopHeartbeat: (() => void) | undefined;
    void (async () => {
      try {
        const token = await deskApi.token();
        if (cancelled) return;
        const conn = await openConnection(token, deskApi.token);
        if (cancelled) return;
        connection.current = conn;
        patch({ mode: conn.mode });
        conn.on((event) => {
          if (event.type !== 'error' && event.type !== 'state') pushBus.tellOtherTabs(['me']);
          switch (event.type) {
            case 'state':
              patch({ link: event.state });
              if (event.state === 'online') void refresh();
              return;
            case 'reservation':
              if (event.event === 'created' && isWorkItem(event.taskAttributes)) {
                // A text or fax is mine at once (the assignment accepts it): nothing rings, no offer.
              } else if (event.event === 'created') {
                const findings = findingsOf(event.taskAttributes);
                setState((s) => ({
                  ...s,
                  offer: {
                    reservationSid: event.reservationSid,
                    taskSid: event.taskSid,
                    findings,
                    since: Date.now(),
                  },
                  pop: { taskSid: event.taskSid, findings },
                }));
                startRinging(findings.from ?? 'Incoming call', findings.customerName ?? findings.queue ?? '');
              } else {
                setState((s) => {
                  if (s.offer?.reservationSid !== event.reservationSid || event.event === 'created') return s;
                  // An offer that ended unanswered (rang out, declined, canceled) leaves no pop behind: the
                  // caller never reached this desk.
                  const unanswered =
                    event.event !== 'accepted' && s.pop?.taskSid === s.offer.taskSid && !s.pop.callSid;
                  return { ...s, offer: undefined, ...(unanswered ? { pop: undefined } : {}) };
                });
                if (event.event !== 'accepted') stopRinging();
              }
              void refresh();
              return;
            case 'incoming': {
              const internal = isInternal(event.call) || Date.now() < expectInternalUntil.current;
              if (internal) internalLegs.current.add(event.call.callSid);
              if (Date.now() < expectCallUntil.current) {
                expectCallUntil.current = 0;
                expectInternalUntil.current = 0;
                conn.accept(event.call.callSid);
                return;
              }
              patch({ ringing: event.call });
              const p = event.call.parameters;
              startRinging(
                internal ? (p.callerName ?? event.call.from) : event.call.from,
                (internal ? p.callerNumber : p.customerName) ?? '',
              );
              return;
            }
            case 'ring-ended':
              stopRinging();
              setState((s) => {
                if (s.ringing?.callSid !== event.callSid) return s;
                // A callback that rang out unanswered starts no call: the customer it named is not on the
                // desk, so neither is its pop (it would wait there for a call that never comes).
                const unanswered = event.outcome !== 'answered' && !s.liveCallSid;
                const stale = unanswered && s.pop?.findings.callback && !s.pop.callSid;
                return { ...s, ringing: undefined, ...(stale ? { pop: undefined } : {}) };
              });
              return;
            case 'connected':
              stopRinging();
              setState((s) => ({
                ...s,
                liveCallSid: event.callSid,
                offer: undefined,
                ringing: undefined,
                pop: internalLegs.current.has(event.callSid)
                  ? s.pop
                  : (s.pop ?? { callSid: event.callSid, findings: findingsOf({}, s.ringing?.from) }),
              }));
              void refresh();
              return;
            case 'disconnected':
              setState((s) => (s.liveCallSid === event.callSid ? { ...s, liveCallSid: undefined } : s));
              void refresh();
              return;
            case 'activity':
              void refresh();
              return;
            case 'error':
              patch({ error: event.message });
              return;
          }
        });
        await conn.start();
        stopHeartbeat = startHeartbeat({
          // The open push channel of this, the phone's page, is the agent's presence; beat only without it.
          beat: () => (pushBus.isUp() ? Promise.resolve() : deskApi.heartbeat()),
          onStatus: (misses) => patch({ heartbeatMisses: misses }),
        }).stop;
      } catch (error) {
        patch({ link: 'offline', error: say.current(error) });
      }
    })();
    return () => {
      cancelled = true;
      stopHeartbeat?.();
      stopRinging();
      connection.current?.stop();
      connection.current = undefined;
      // Handed to another tab (or signed out): nothing rings or is live on this page any more.
      setState((s) => ({ ...s, link: 'offline', ringing: undefined, liveCallSid: undefined }));
    };
  }, [enabled, owner, patch, refresh]);

  // The push channel: every tab has one; the phone's tab says so, which makes it the agent's presence.
  const push = useRef<PushChannel | undefined>(undefined);
  useEffect(() => {
    if (!enabled || role === undefined) return;
    const channel = openPushChannel({
      ticket: deskApi.pushTicket,
      phone: role === 'owner',
      onChanged: pushBus.changed,
      onState: pushBus.setUp,
    });
    push.current = channel;
    return () => {
      channel.stop();
      push.current = undefined;
    };
  }, [enabled, role]);
  const pushedMe = usePushed('me');
  const pollMs = usePollInterval(POLL_MS, false);
  useEffect(() => {
    if (enabled && pushedMe > 0) void refresh();
  }, [enabled, pushedMe, refresh]);

  // The server's view is shown in every tab, the owner's and the read-only ones.
  useEffect(() => {
    if (!enabled) return;
    const wake = () => {
      connection.current?.nudge();
      push.current?.nudge();
      void refresh();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') wake();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', wake);
    const poll = setInterval(() => void refresh(), pollMs);
    void refresh();
    return () => {
      clearInterval(poll);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', wake);
    };
  }, [enabled, refresh, pollMs]);

  // My leg of a call I still hold dropped (this page reloaded, or took the phone over from another tab):
  // the customer is on hold for a minute; dial me back in once, without a click.
  const status = state.status;
  const droppedCall =
    owner &&
    state.link === 'online' &&
    !state.ringing &&
    !state.liveCallSid &&
    status?.call &&
    !status.call.agentCallSid
      ? status.call.callSid
      : undefined;
  const autoRejoined = useRef(new Set<string>());
  const rejoin = useCallback(async () => {
    expectCallUntil.current = Date.now() + 60_000;
    try {
      await deskApi.rejoin();
    } catch (error) {
      // Nothing was dialled: the next ring is an offer for the agent to take, not this call coming back.
      expectCallUntil.current = 0;
      patch({ error: say.current(error) });
    }
    await refresh();
  }, [patch, refresh]);
  const dropSeen = useRef<{ readonly callSid: string; readonly at: number } | undefined>(undefined);
  useEffect(() => {
    if (!droppedCall || !status) {
      dropSeen.current = undefined;
      return;
    }
    // A call I am being dialled into (accepted, picked, dialled) has no leg of mine yet either: not a drop.
    if (autoRejoined.current.has(droppedCall) || Date.now() < expectCallUntil.current) return;
    // One status can catch a call between my leg leaving it and the call letting me go (a transfer I
    // completed, a call I left): only a drop a later status confirms is one, and dials me back in.
    const seen = dropSeen.current;
    if (seen?.callSid !== droppedCall) {
      dropSeen.current = { callSid: droppedCall, at: Date.now() };
      const again = setTimeout(() => void refresh(), CONFIRM_DROP_MS);
      return () => clearTimeout(again);
    }
    if (Date.now() - seen.at < CONFIRM_DROP_MS) return;
    autoRejoined.current.add(droppedCall);
    void rejoin();
  }, [droppedCall, status, rejoin, refresh]);

  const clearPop = useCallback(() => patch({ pop: undefined }), [patch]);
  const setPop = useCallback((pop: PopContext) => patch({ pop }), [patch]);

  const expectCall = () => {
    expectCallUntil.current = Date.now() + 60_000;
  };

  return {
    state,
    refresh,
    expectCall,
    /** The customer's call I am on but no longer connected to; `rejoin` dials me back in. */
    droppedCall,
    rejoin,
    /** This tab is read-only: another tab owns the phone. */
    readOnly: role === 'standby',
    /** "Use here": this tab takes the phone; the one that had it goes read-only. */
    takeOver() {
      ownership.current?.takeOver();
    },
    /**
     * Accept the offered call. When the assignment already rings my client (a dequeue), answering that
     * ring accepts the reservation; otherwise the server accepts it and rings me, and we answer then.
     */
    async acceptOffer() {
      const offer = state.offer;
      if (!offer) return;
      stopRinging();
      const ringing = state.ringing;
      setState((s) => ({
        ...s,
        offer: undefined,
        ringing: undefined,
        pop: s.pop ?? { taskSid: offer.taskSid, findings: offer.findings },
      }));
      if (ringing) {
        connection.current?.accept(ringing.callSid);
      } else {
        expectCall();
        let result: Awaited<ReturnType<typeof deskApi.accept>>;
        try {
          result = await deskApi.accept(offer.reservationSid, offer.lostRing ? { ringAgain: true } : {});
        } catch (error) {
          // Nothing will ring for this: a ring in the next minute is an offer to take, not answered blind.
          expectCallUntil.current = 0;
          throw error;
        }
        if (result.callSid) {
          const callSid = result.callSid;
          setState((s) => ({
            ...s,
            pop: { ...(s.pop ?? { findings: offer.findings }), taskSid: offer.taskSid, callSid },
          }));
        }
      }
      await refresh();
    },
    async rejectOffer() {
      const offer = state.offer;
      if (!offer) return;
      stopRinging();
      const ringing = state.ringing;
      patch({ offer: undefined, ringing: undefined, pop: undefined });
      if (ringing) connection.current?.reject(ringing.callSid);
      await deskApi.reject(offer.reservationSid).catch(() => {});
      await refresh();
    },
    answerRinging() {
      const ringing = state.ringing;
      if (!ringing) return;
      stopRinging();
      connection.current?.accept(ringing.callSid);
      if (isInternal(ringing)) {
        patch({ ringing: undefined });
        return;
      }
      setState((s) => {
        const findings = findingsOf(ringing.parameters, ringing.from);
        // A callback's reservation rings me after it was accepted: its offer named the customer, while the
        // ring comes from our own hotline number. What the offer found stays.
        const offered = s.pop && !s.pop.callSid && s.pop.taskSid ? s.pop : undefined;
        return {
          ...s,
          pop: offered
            ? { ...offered, callSid: ringing.callSid, findings: { ...findings, ...offered.findings } }
            : { callSid: ringing.callSid, findings },
        };
      });
    },
    declineRinging() {
      const ringing = state.ringing;
      if (!ringing) return;
      stopRinging();
      connection.current?.reject(ringing.callSid);
      // A declined callback starts no call: its pop goes with the ring.
      setState((s) => ({
        ...s,
        ringing: undefined,
        ...(s.pop?.findings.callback && !s.pop.callSid ? { pop: undefined } : {}),
      }));
    },
    hangupLeg() {
      if (state.liveCallSid) connection.current?.hangup(state.liveCallSid);
    },
    /** Rings a colleague by agent number: my own client rings first and is answered without a click. */
    async callColleague(number: string) {
      expectCallUntil.current = Date.now() + 60_000;
      expectInternalUntil.current = Date.now() + 60_000;
      try {
        const { callSid } = await deskApi.internalCall(number);
        internalLegs.current.add(callSid);
      } catch (error) {
        expectCallUntil.current = 0;
        expectInternalUntil.current = 0;
        throw error;
      } finally {
        await refresh();
      }
    },
    clearPop,
    setPop,
  };
}

export type AgentDesk = ReturnType<typeof useAgentDesk>;

/** A colleague calling me (the server's <Dial><Client> says so in its custom parameters). */
export const isInternal = (call: IncomingCall): boolean => call.parameters.internalCall === '1';
