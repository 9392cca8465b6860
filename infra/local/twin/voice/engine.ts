// The voice engine: the calls, their statuses and status callbacks, fetching and running TwiML documents with
// the fallback URL (docs/twilio-behaviour.md §1), and the bridges between legs. Verbs live in ./verbs/, one file per verb.
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { TaskRouterPort, TwinContext, WebhookResult } from '../ports.js';
import { newSid } from '../rest-common.js';
import { type AudioTiming, DEFAULT_AUDIO_TIMING } from './audio-length.js';
import { BusyTracker } from './busy-tracker.js';
import { CallControl, Signal } from './call-control.js';
import { callParams, statusCallbackParams } from './call-params.js';
import { ConferenceStore } from './conferences.js';
import type { PartyRegistry } from './parties.js';
import type { PhoneNumberStore } from './phone-numbers.js';
import { QueueStore } from './queues.js';
import { RecordingStore } from './recordings.js';
import {
  type Call,
  type CallDirection,
  type CallEvent,
  type CallStatus,
  type DocMode,
  FINAL_STATUSES,
  type Flow,
  type Heard,
  type HttpMethod,
  type LoadedDocument,
  type Navigation,
  type Params,
  type RecordSettings,
  type StatusCallbackConfig,
} from './types.js';
import type { XmlElement } from './xml.js';

/** Clock time that audio and queue-music loops take (audio-length.ts documents the audio estimates). */
export interface Timing extends AudioTiming {
  /** A waitUrl/holdUrl document that used no clock time waits this long before it is fetched again. */
  readonly loopFloorMs: number;
}
export const DEFAULT_TIMING: Timing = { ...DEFAULT_AUDIO_TIMING, loopFloorMs: 5_000 };
export const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

export interface VoiceEngineDeps {
  readonly ctx: TwinContext;
  readonly numbers: PhoneNumberStore;
  readonly parties: PartyRegistry;
  /** The TaskRouter engine, once wired (it is built after the voice engine, with its VoicePort). */
  readonly taskRouter: () => TaskRouterPort | undefined;
  /** The twin's own base URL (where /api is served), for RecordingUrl and media links. */
  readonly baseUrl: () => string;
  readonly timing?: Partial<Timing>;
  /** Runs TwiML documents on this engine's calls (call-runner.ts, verbs/run-verbs.ts). */
  readonly documents: DocumentFunctions;
}

/**
 * The document runners, handed in by whoever builds the engine: they drive the engine (answer, bridge, end
 * calls through it), so the engine cannot import them; verbs reach them through `run`, `load` and
 * `runDocument` below.
 */
export interface DocumentFunctions {
  readonly runCall: (engine: VoiceEngine, call: Call, nav: Navigation, primary: boolean) => Promise<void>;
  readonly loadDocument: (
    engine: VoiceEngine,
    call: Call,
    nav: Navigation,
    useFallback: boolean,
    extra?: Params,
  ) => Promise<LoadedDocument | undefined>;
  readonly runDocument: (
    engine: VoiceEngine,
    call: Call,
    verbs: readonly XmlElement[],
    docUrl: string | undefined,
    mode: DocMode,
    until?: Signal,
  ) => Promise<Flow>;
}

export interface CallInit {
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly status: CallStatus;
  readonly parentCallSid?: string;
  readonly statusCallback?: StatusCallbackConfig;
  readonly fallback?: { readonly url: string; readonly method: HttpMethod };
  readonly applicationSid?: string;
  readonly extraParams?: Params;
  readonly recordCall?: RecordSettings;
}

export interface Bridge {
  readonly a: Call;
  readonly b: Call;
  readonly startedAt: number;
  endedAt?: number;
  /** Legs with no document of their own, hung up when the other side ends. */
  readonly passive: ReadonlySet<string>;
  readonly ended: Signal;
}

export class VoiceEngine {
  readonly calls = new Map<string, Call>();
  readonly queues: QueueStore;
  readonly conferences: ConferenceStore;
  readonly recordings: RecordingStore;
  readonly busy = new BusyTracker();
  readonly timing: Timing;
  private readonly bridges = new Map<string, Bridge>();
  private readonly endHooks = new Map<string, Array<(call: Call) => void>>();

  constructor(readonly deps: VoiceEngineDeps) {
    this.timing = { ...DEFAULT_TIMING, ...deps.timing };
    this.queues = new QueueStore(() => this.clock.now());
    this.recordings = new RecordingStore(this);
    this.conferences = new ConferenceStore(this);
  }

  get ctx(): TwinContext {
    return this.deps.ctx;
  }
  get clock(): TimerClock {
    return this.deps.ctx.clock;
  }
  get accountSid(): string {
    return this.deps.ctx.account.accountSid;
  }

  createCall(init: CallInit): Call {
    const now = this.clock.now();
    const call: Call = {
      sid: newSid('CA'),
      from: init.from,
      to: init.to,
      direction: init.direction,
      ...(init.parentCallSid ? { parentCallSid: init.parentCallSid } : {}),
      dateCreated: now,
      dateUpdated: now,
      status: init.status,
      sequence: 0,
      heard: [],
      waitingFor: 'nothing',
      extraParams: init.extraParams ?? {},
      control: undefined as unknown as CallControl,
      ...(init.statusCallback ? { statusCallback: init.statusCallback } : {}),
      ...(init.fallback ? { fallback: init.fallback } : {}),
      ...(init.applicationSid ? { applicationSid: init.applicationSid } : {}),
      ...(init.recordCall ? { recordCall: init.recordCall } : {}),
    };
    (call as { control: CallControl }).control = new CallControl(this.clock, (w) => {
      call.waitingFor = w;
    });
    this.calls.set(call.sid, call);
    this.event(call, `call created ${call.direction} ${call.from} -> ${call.to}`);
    return call;
  }

  params(call: Call): Record<string, string> {
    return callParams(this.accountSid, call);
  }

  event(call: Call, summary: string, detail?: Record<string, unknown>): void {
    this.ctx.log.append({ kind: 'event', correlationId: call.sid, summary, ...(detail ? { detail } : {}) });
  }

  error(call: Call, code: number, summary: string, detail?: Record<string, unknown>): void {
    this.ctx.log.append({
      kind: 'error',
      correlationId: call.sid,
      code,
      summary,
      ...(detail ? { detail } : {}),
    });
  }

  heard(call: Call, item: Omit<Heard, 'at'>): void {
    call.heard.push({ ...item, at: this.clock.now() });
  }

  /** A webhook whose answer matters (TwiML); tracked so `idle()` waits for it. */
  send(
    call: Call,
    url: string,
    method: HttpMethod,
    params: Params,
    fallbackUrl?: string,
  ): Promise<WebhookResult> {
    return this.busy.track(
      call.sid,
      this.ctx.webhooks.send({
        url,
        method,
        params,
        correlationId: call.sid,
        ...(fallbackUrl ? { fallbackUrl } : {}),
      }),
    );
  }

  /** A callback whose answer Twilio ignores (status, recording status). */
  notify(correlationId: string, url: string, method: HttpMethod, params: Params): void {
    void this.busy.track(
      correlationId,
      this.ctx.webhooks.send({ url, method, params, correlationId }),
      'notification',
    );
  }

  statusEvent(call: Call, event: CallEvent, callStatus: string, extra: Params = {}): void {
    const cb = call.statusCallback;
    if (!cb?.events.has(event)) return;
    this.notify(
      call.sid,
      cb.url,
      cb.method,
      statusCallbackParams(this.accountSid, call, callStatus, this.clock.now(), extra),
    );
  }

  setStatus(call: Call, status: CallStatus): void {
    call.status = status;
    call.dateUpdated = this.clock.now();
    if (status === 'ringing') this.statusEvent(call, 'ringing', 'ringing');
  }

  answer(call: Call): void {
    if (call.status === 'in-progress' || this.isEnded(call)) return;
    call.startTime = this.clock.now();
    this.setStatus(call, 'in-progress');
    this.statusEvent(call, 'answered', 'in-progress');
    if (call.recordCall) this.recordings.startCallRecording(call, call.recordCall);
  }

  isEnded(call: Call): boolean {
    return FINAL_STATUSES.includes(call.status);
  }

  onEnd(call: Call, hook: (call: Call) => void): void {
    const list = this.endHooks.get(call.sid) ?? [];
    list.push(hook);
    this.endHooks.set(call.sid, list);
  }

  /** Ends a call (idempotent): interrupts whatever it was doing, runs end hooks, sends `completed`. */
  end(call: Call, status: CallStatus = 'completed'): void {
    if (this.isEnded(call)) return;
    call.endTime = this.clock.now();
    call.status = status;
    call.dateUpdated = call.endTime;
    call.waitingFor = 'nothing';
    call.control.interrupt({ type: 'hangup' });
    this.event(call, `call ended ${status}`);
    const hooks = this.endHooks.get(call.sid) ?? [];
    this.endHooks.delete(call.sid);
    for (const hook of hooks) hook(call);
    this.endBridge(call);
    const extra = call.recordCall ? this.recordings.finishCallRecording(call) : {};
    this.statusEvent(call, 'completed', status, extra);
  }

  redirect(call: Call, nav: Navigation): void {
    if (this.isEnded(call)) return;
    this.event(call, 'redirected', nav.kind === 'url' ? { url: nav.url } : { twiml: nav.twiml });
    call.control.interrupt({ type: 'redirect', nav });
  }

  bridge(a: Call, b: Call, passive: readonly string[]): Bridge {
    const bridge: Bridge = {
      a,
      b,
      startedAt: this.clock.now(),
      passive: new Set(passive),
      ended: new Signal(),
    };
    this.bridges.set(a.sid, bridge);
    this.bridges.set(b.sid, bridge);
    a.bridgedTo = b.sid;
    b.bridgedTo = a.sid;
    this.event(a, `bridged with ${b.sid}`);
    this.deps.parties.emit({ type: 'connected', callSid: b.sid, to: b.to, peerCallSid: a.sid });
    return bridge;
  }

  bridgeOf(call: Call): Bridge | undefined {
    return this.bridges.get(call.sid);
  }

  /** Ends the bridge `call` is in: the other side carries on, or hangs up if it has no document. */
  endBridge(call: Call): void {
    const bridge = this.bridges.get(call.sid);
    if (!bridge || bridge.endedAt !== undefined) return;
    bridge.endedAt = this.clock.now();
    this.bridges.delete(bridge.a.sid);
    this.bridges.delete(bridge.b.sid);
    bridge.a.bridgedTo = undefined;
    bridge.b.bridgedTo = undefined;
    bridge.ended.fire();
    for (const leg of [bridge.a, bridge.b]) {
      if (leg !== call && bridge.passive.has(leg.sid)) this.end(leg, 'completed');
    }
  }

  /** Runs a call's documents from `nav` until it hangs up; `primary` marks the number's voice URL (fallback). */
  run(call: Call, nav: Navigation, primary = false): Promise<void> {
    return this.deps.documents.runCall(this, call, nav, primary);
  }

  /** Fetches and checks a document; undefined when it (and its fallback) failed. */
  load(
    call: Call,
    nav: Navigation,
    useFallback: boolean,
    extra: Params = {},
  ): Promise<LoadedDocument | undefined> {
    return this.deps.documents.loadDocument(this, call, nav, useFallback, extra);
  }

  /** Runs the verbs of a document on a call; `until` stops it when the state it serves changes. */
  runDocument(
    call: Call,
    verbs: readonly XmlElement[],
    docUrl: string | undefined,
    mode: DocMode,
    until?: Signal,
  ): Promise<Flow> {
    return this.deps.documents.runDocument(this, call, verbs, docUrl, mode, until);
  }

  /** Absolute URL for `target` relative to the current document; undefined when there is no base. */
  resolveUrl(base: string | undefined, target: string): string | undefined {
    try {
      return new URL(target, base).toString();
    } catch {
      return undefined;
    }
  }

  idle(id?: string): Promise<void> {
    return this.busy.idle(id);
  }

  /** For REST handlers: the caller may be the webhook of a status callback still in flight. */
  idleButNotifications(id?: string): Promise<void> {
    return this.busy.idleButNotifications(id);
  }
}
