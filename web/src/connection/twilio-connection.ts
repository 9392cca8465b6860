// The Twilio implementation: the Voice SDK Device rings and carries the call, the TaskRouter Worker
// carries reservations and activity changes (docs/twilio-behaviour.md §4.12, §9). Both SDKs are loaded on first use
// only, so the local mode never downloads them. Tokens are renewed when the SDKs ask
// (Device `tokenWillExpire`, Worker `tokenExpired`); a Device that lost its registration (a sleeping
// tab, a network change: the most common complaint about hosted softphones) registers again with backoff.
import { type BackoffOptions, backoffDelay } from './backoff.js';
import { createEmitter } from './emitter.js';
import type {
  AgentConnection,
  AgentToken,
  LinkState,
  ReservationEventName,
  Timers,
  TokenFetcher,
} from './types.js';
import { realTimers } from './types.js';

type Handler = (...args: never[]) => void;

/** What we use of `@twilio/voice-sdk`'s Call. */
export interface SdkCall {
  readonly parameters: Record<string, string>;
  readonly customParameters: Map<string, string>;
  accept(): void;
  reject(): void;
  disconnect(): void;
  on(event: string, handler: Handler): unknown;
}
/** What we use of `@twilio/voice-sdk`'s Device. */
export interface SdkDevice {
  readonly state: string;
  register(): Promise<void>;
  updateToken(token: string): void;
  destroy(): void;
  on(event: string, handler: Handler): unknown;
}
/** What we use of `twilio-taskrouter`'s Reservation and Worker. */
export interface SdkReservation {
  readonly sid: string;
  readonly task: { readonly sid: string; readonly attributes: Record<string, unknown> };
  on(event: string, handler: Handler): unknown;
}
export interface SdkWorker {
  readonly activity?: { readonly name: string };
  updateToken(token: string): void;
  disconnect(): void;
  on(event: string, handler: Handler): unknown;
}
export interface TwilioSdks {
  readonly Device: new (token: string, options: Record<string, unknown>) => SdkDevice;
  readonly Worker: new (token: string, options: Record<string, unknown>) => SdkWorker;
}

export interface TwilioConnectionOptions {
  readonly token: AgentToken;
  readonly fetchToken: TokenFetcher;
  /** Loads the SDKs; the default imports them lazily. Tests pass fakes. */
  readonly loadSdks?: () => Promise<TwilioSdks>;
  readonly timers?: Timers;
  readonly backoff?: BackoffOptions;
}

const RESERVATION_EVENTS: readonly ReservationEventName[] = [
  'accepted',
  'rejected',
  'timeout',
  'canceled',
  'rescinded',
  'completed',
  'wrapup',
];
/** Voice SDK codes for an expired or invalid token (AccessTokenExpired 20104, JWT expired 31205). */
const TOKEN_ERRORS = new Set([20101, 20104, 31204, 31205]);

export async function loadTwilioSdks(): Promise<TwilioSdks> {
  const [voice, taskrouter] = await Promise.all([import('@twilio/voice-sdk'), import('twilio-taskrouter')]);
  // twilio-taskrouter ships a UMD bundle: the Worker is on the module or on its default export.
  const tr = taskrouter as unknown as { Worker?: unknown; default?: { Worker?: unknown } };
  const Worker = tr.Worker ?? tr.default?.Worker;
  if (!Worker) throw new Error('twilio-taskrouter has no Worker export');
  return { Device: voice.Device as unknown as TwilioSdks['Device'], Worker: Worker as TwilioSdks['Worker'] };
}

export function createTwilioConnection(options: TwilioConnectionOptions): AgentConnection {
  const timers = options.timers ?? realTimers;
  const emitter = createEmitter();
  const calls = new Map<string, SdkCall>();
  let token = options.token;
  let state: LinkState = 'offline';
  let device: SdkDevice | undefined;
  let worker: SdkWorker | undefined;
  let deviceReady = false;
  let workerReady = false;
  let stopped = true;
  let attempt = 0;
  let registerTimer: unknown;
  let refreshing: Promise<void> | undefined;

  const setState = (next: LinkState, detail?: string) => {
    if (next === state) return;
    state = next;
    emitter.emit({ type: 'state', state: next, ...(detail ? { detail } : {}) });
  };
  const settle = (detail?: string) => {
    if (stopped) return;
    if (deviceReady && workerReady) {
      attempt = 0;
      setState('online');
    } else setState(state === 'connecting' ? 'connecting' : 'reconnecting', detail);
  };

  /** One refresh at a time, whichever SDK asked; both get the new token. */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      try {
        token = await options.fetchToken();
        device?.updateToken(token.token);
        worker?.updateToken(token.token);
      } catch (error) {
        emitter.emit({ type: 'error', message: `token refresh failed: ${(error as Error).message}` });
        timers.setTimeout(() => void refresh(), backoffDelay(1, options.backoff));
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  function scheduleRegister(): void {
    if (stopped) return;
    timers.clearTimeout(registerTimer);
    registerTimer = timers.setTimeout(() => void register(), backoffDelay(attempt++, options.backoff));
  }

  async function register(): Promise<void> {
    if (stopped || !device) return;
    try {
      await device.register();
    } catch (error) {
      emitter.emit({ type: 'error', message: `register failed: ${(error as Error).message}` });
      scheduleRegister();
    }
  }

  function watchCall(call: SdkCall): void {
    const callSid = call.parameters.CallSid ?? '';
    calls.set(callSid, call);
    call.on('accept', () => emitter.emit({ type: 'connected', callSid }));
    call.on('disconnect', () => {
      calls.delete(callSid);
      emitter.emit({ type: 'disconnected', callSid });
    });
    call.on('cancel', () => {
      calls.delete(callSid);
      emitter.emit({ type: 'ring-ended', callSid, outcome: 'canceled' });
    });
    call.on('reject', () => {
      calls.delete(callSid);
      emitter.emit({ type: 'ring-ended', callSid, outcome: 'rejected' });
    });
    emitter.emit({
      type: 'incoming',
      call: {
        callSid,
        from: call.parameters.From ?? '',
        to: call.parameters.To ?? '',
        parameters: Object.fromEntries(call.customParameters ?? new Map()),
      },
    });
  }

  function watchReservation(reservation: SdkReservation): void {
    const emit = (event: ReservationEventName) =>
      emitter.emit({
        type: 'reservation',
        event,
        reservationSid: reservation.sid,
        taskSid: reservation.task.sid,
        taskAttributes: reservation.task.attributes ?? {},
      });
    for (const event of RESERVATION_EVENTS) reservation.on(event, () => emit(event));
    emit('created');
  }

  async function open(): Promise<void> {
    const sdks = await (options.loadSdks ?? loadTwilioSdks)();
    if (stopped) return;
    device = new sdks.Device(token.token, {
      // Ask for a new token 60 s ahead rather than the default 10 s: a slow API must not cost a call.
      tokenRefreshMs: 60_000,
      closeProtection: true,
      allowIncomingWhileBusy: false,
    });
    device.on('registered', () => {
      deviceReady = true;
      settle();
    });
    device.on('unregistered', () => {
      deviceReady = false;
      settle('softphone unregistered');
      scheduleRegister();
    });
    device.on('incoming', (call: SdkCall) => watchCall(call));
    device.on('tokenWillExpire', () => void refresh());
    device.on('error', (error: { code?: number; message?: string }) => {
      emitter.emit({
        type: 'error',
        message: error.message ?? 'softphone error',
        ...(error.code ? { code: error.code } : {}),
      });
      if (error.code && TOKEN_ERRORS.has(error.code)) void refresh();
    });

    worker = new sdks.Worker(token.token, {
      closeExistingSessions: false,
      // A reload, a route change or a short network drop must not take the agent Offline: the server's
      // heartbeat sweep does that after a minute of silence, on the center's clock.
      setWorkerOfflineIfDisconnected: false,
    });
    worker.on('ready', () => {
      workerReady = true;
      settle();
    });
    worker.on('disconnected', () => {
      workerReady = false;
      settle('worker disconnected');
    });
    worker.on('tokenExpired', () => void refresh());
    worker.on('activityUpdated', (w: SdkWorker) =>
      emitter.emit({ type: 'activity', activityName: w.activity?.name ?? '' }),
    );
    worker.on('reservationCreated', (r: SdkReservation) => watchReservation(r));
    worker.on('error', (error: { code?: number; message?: string }) =>
      emitter.emit({ type: 'error', message: error.message ?? 'worker error' }),
    );
    await register();
  }

  return {
    mode: 'twilio',
    get identity() {
      return token.identity;
    },
    get state() {
      return state;
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      setState('connecting');
      try {
        await open();
      } catch (error) {
        emitter.emit({
          type: 'error',
          message: `could not load the Twilio SDKs: ${(error as Error).message}`,
        });
        setState('offline', 'SDK not loaded');
      }
    },
    accept: (callSid) => calls.get(callSid)?.accept(),
    reject: (callSid) => calls.get(callSid)?.reject(),
    hangup: (callSid) => calls.get(callSid)?.disconnect(),
    nudge() {
      if (stopped || !device || device.state === 'registered' || device.state === 'registering') return;
      timers.clearTimeout(registerTimer);
      void register();
    },
    on: emitter.on,
    stop() {
      if (stopped) return;
      stopped = true;
      timers.clearTimeout(registerTimer);
      device?.destroy();
      worker?.disconnect();
      device = undefined;
      worker = undefined;
      calls.clear();
      setState('offline');
    },
  };
}
