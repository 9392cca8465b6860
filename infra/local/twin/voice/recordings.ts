// Recordings (docs/twilio-behaviour.md §5): made by <Record>, <Dial record>, Calls.create Record=true and conferences; their
// status callbacks with RecordingSource/RecordingChannels, media URLs, and soft delete kept for 40 days.

import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import { newSid, rfc2822 } from '../rest-common.js';
import type { Call, HttpMethod, Params, RecordSettings } from './types.js';

/**
 * What the recordings need of the voice engine (which owns this store): its clock, account, public base
 * URL and callback sender. An interface so the store does not import the engine that builds it.
 */
export interface RecordingHost {
  readonly clock: TimerClock;
  readonly accountSid: string;
  readonly deps: { readonly baseUrl: () => string };
  notify(correlationId: string, url: string, method: HttpMethod, params: Params): void;
}

export type RecordingSource = RecordSettings['source'];

export interface Recording {
  readonly sid: string;
  readonly callSid: string;
  readonly conferenceSid?: string;
  readonly dateCreated: number;
  readonly startTime: number;
  dateUpdated: number;
  duration: number;
  status: 'in-progress' | 'completed' | 'absent' | 'deleted';
  readonly channels: 1 | 2;
  readonly source: RecordingSource;
  readonly track: 'inbound' | 'outbound' | 'both';
}

export interface RecordingCallback {
  readonly url?: string;
  readonly method: HttpMethod;
  readonly events: readonly string[];
}

export class RecordingStore {
  readonly recordings = new Map<string, Recording>();
  private readonly live = new Map<string, { rec: Recording; settings: RecordSettings }>();

  constructor(private readonly engine: RecordingHost) {}

  mediaUrl(sid: string): string {
    return `${this.engine.deps.baseUrl().replace(/\/+$/, '')}/api/2010-04-01/Accounts/${this.engine.accountSid}/Recordings/${sid}`;
  }

  /** Records a span that already ended (a <Record>, a bridge) and sends its status callback. */
  complete(input: {
    readonly call: Call;
    readonly conferenceSid?: string;
    readonly startMs: number;
    readonly endMs: number;
    readonly channels: 1 | 2;
    readonly source: RecordingSource;
    readonly callback?: RecordingCallback;
  }): Recording {
    const rec = this.begin(input.call, input.source, input.channels, input.startMs, input.conferenceSid);
    this.finish(rec, input.endMs, input.callback);
    return rec;
  }

  begin(
    call: Call,
    source: RecordingSource,
    channels: 1 | 2,
    startMs: number,
    conferenceSid?: string,
  ): Recording {
    const rec: Recording = {
      sid: newSid('RE'),
      callSid: call.parentCallSid ?? call.sid,
      ...(conferenceSid ? { conferenceSid } : {}),
      dateCreated: startMs,
      startTime: startMs,
      dateUpdated: startMs,
      duration: -1,
      status: 'in-progress',
      channels,
      source,
      track: 'both',
    };
    this.recordings.set(rec.sid, rec);
    return rec;
  }

  finish(rec: Recording, endMs: number, callback?: RecordingCallback): void {
    rec.duration = Math.max(0, Math.round((endMs - rec.startTime) / 1000));
    rec.status = 'completed';
    rec.dateUpdated = endMs;
    const events = callback?.events.length ? callback.events : ['completed'];
    if (callback?.url && events.includes('completed')) {
      this.engine.notify(rec.callSid, callback.url, callback.method, this.callbackParams(rec));
    }
  }

  callbackParams(rec: Recording): Params {
    return {
      AccountSid: this.engine.accountSid,
      ...(rec.conferenceSid ? { ConferenceSid: rec.conferenceSid } : { CallSid: rec.callSid }),
      RecordingSid: rec.sid,
      RecordingUrl: this.mediaUrl(rec.sid),
      RecordingStatus: rec.status,
      RecordingDuration: String(rec.duration),
      RecordingChannels: String(rec.channels),
      RecordingStartTime: rfc2822(rec.startTime),
      RecordingSource: rec.source,
      RecordingTrack: rec.track,
    };
  }

  /** Parameters a Dial/Record action or a completed status callback carries for a recording. */
  actionParams(rec: Recording): Params {
    return {
      RecordingUrl: this.mediaUrl(rec.sid),
      RecordingSid: rec.sid,
      RecordingDuration: String(rec.duration),
    };
  }

  startCallRecording(call: Call, settings: RecordSettings): void {
    const rec = this.begin(call, settings.source, settings.channels, this.engine.clock.now());
    this.live.set(call.sid, { rec, settings });
    this.announceStart(rec, settings);
  }

  /** A conference recording runs from the conference's start to its end (docs/twilio-behaviour.md §3.8). */
  startConferenceRecording(call: Call, conferenceSid: string, settings: RecordSettings): Recording {
    const rec = this.begin(call, 'Conference', 1, this.engine.clock.now(), conferenceSid);
    this.announceStart(rec, settings);
    return rec;
  }

  finishConferenceRecording(rec: Recording, settings: RecordSettings): void {
    if (rec.status !== 'in-progress') return;
    this.finish(rec, this.engine.clock.now(), callbackOf(settings));
  }

  /** `in-progress` is sent only when asked for; the default event list is `completed` (§5.2). */
  private announceStart(rec: Recording, settings: RecordSettings): void {
    if (settings.statusCallback && settings.statusCallbackEvents.includes('in-progress'))
      this.engine.notify(rec.callSid, settings.statusCallback, settings.statusCallbackMethod, {
        ...this.callbackParams(rec),
        RecordingDuration: '0',
      });
  }

  finishCallRecording(call: Call): Params {
    const entry = this.live.get(call.sid);
    if (!entry) return {};
    this.live.delete(call.sid);
    const { rec, settings } = entry;
    this.finish(rec, this.engine.clock.now(), callbackOf(settings));
    return this.actionParams(rec);
  }

  /** Recordings running for the whole call (Calls.create Record=true): call SID -> recording and settings. */
  liveCallRecordings(): ReadonlyMap<string, { readonly rec: Recording; readonly settings: RecordSettings }> {
    return this.live;
  }

  /** A restarted twin carries on a call's recording; it finishes when the call ends. */
  keepRecording(callSid: string, rec: Recording, settings: RecordSettings): void {
    this.live.set(callSid, { rec, settings });
  }

  softDelete(rec: Recording): void {
    rec.status = 'deleted';
    rec.dateUpdated = this.engine.clock.now();
  }
}

function callbackOf(settings: RecordSettings): RecordingCallback {
  return {
    ...(settings.statusCallback ? { url: settings.statusCallback } : {}),
    method: settings.statusCallbackMethod,
    events: settings.statusCallbackEvents,
  };
}
