// Conferences (docs/twilio-behaviour.md §3.8, §8): participants with mute, hold, coaching, start and end rules; status callback
// events configured by the first participant; and an audio model saying who hears whom, so coaching and hold
// can be checked (a coach is heard only by the coached call; a held participant neither hears nor is heard).
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import { newSid, rfc2822 } from '../rest-common.js';
import { Signal } from './call-control.js';
import type { Recording, RecordingStore } from './recordings.js';
import type { Call, HttpMethod, Params, RecordSettings } from './types.js';

/**
 * What the conferences need of the voice engine (which owns this store): its clock, account and callback
 * sender. An interface so the store does not import the engine that builds it.
 */
export interface ConferenceHost {
  readonly clock: TimerClock;
  readonly accountSid: string;
  readonly recordings: RecordingStore;
  notify(correlationId: string, url: string, method: HttpMethod, params: Params): void;
}

export interface ParticipantOptions {
  readonly label?: string;
  readonly muted?: boolean;
  readonly beep?: string;
  readonly startConferenceOnEnter?: boolean;
  readonly endConferenceOnExit?: boolean;
  readonly waitUrl?: string;
  readonly waitMethod?: HttpMethod;
  readonly coaching?: boolean;
  readonly callSidToCoach?: string;
  readonly statusCallback?: string;
  readonly statusCallbackMethod?: HttpMethod;
  readonly statusCallbackEvent?: readonly string[];
  /** `<Conference record="record-from-start">` or `ConferenceRecord`: the conference's own recording. */
  readonly record?: RecordSettings;
}

export interface Participant {
  readonly call: Call;
  readonly conference: Conference;
  readonly label?: string;
  muted: boolean;
  hold: boolean;
  holdUrl?: string;
  holdMethod: HttpMethod;
  coaching: boolean;
  callSidToCoach?: string;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  waitUrl?: string;
  waitMethod: HttpMethod;
  status: 'connected' | 'complete';
  readonly dateCreated: number;
  dateUpdated: number;
  /** Fired on any change the participant's call must react to (start, hold, leave). */
  changed: Signal;
}

export interface Conference {
  readonly sid: string;
  readonly friendlyName: string;
  status: 'init' | 'in-progress' | 'completed';
  readonly dateCreated: number;
  dateUpdated: number;
  readonly participants: Map<string, Participant>;
  statusCallback?: {
    readonly url: string;
    readonly method: HttpMethod;
    readonly events: ReadonlySet<string>;
  };
  sequence: number;
  reasonConferenceEnded?: string;
  callSidEndingConference?: string;
  /** The first participant that asked for a conference recording sets how it is made. */
  record?: RecordSettings;
  recording?: Recording;
}

export class ConferenceStore {
  readonly conferences = new Map<string, Conference>();

  constructor(private readonly engine: ConferenceHost) {}

  /** The live participant a call is, if any. */
  participantOf(call: Call): Participant | undefined {
    const conf = call.conferenceSid ? this.conferences.get(call.conferenceSid) : undefined;
    const p = conf?.participants.get(call.sid);
    return p && p.status === 'connected' && conf?.status !== 'completed' ? p : undefined;
  }

  active(friendlyName: string): Conference | undefined {
    for (const c of this.conferences.values())
      if (c.friendlyName === friendlyName && c.status !== 'completed') return c;
    return undefined;
  }

  join(
    call: Call,
    friendlyName: string,
    o: ParticipantOptions,
  ): Participant | { error: number; message: string } {
    const now = this.engine.clock.now();
    let conf = this.active(friendlyName);
    if (o.coaching && (!o.callSidToCoach || !conf?.participants.has(o.callSidToCoach))) {
      return { error: 13240, message: `coach target ${o.callSidToCoach ?? ''} is not in the conference` };
    }
    if (o.label && conf && [...conf.participants.values()].some((p) => p.label === o.label)) {
      return { error: 16025, message: `participant label ${o.label} is taken` };
    }
    if (!conf) {
      conf = {
        sid: newSid('CF'),
        friendlyName,
        status: 'init',
        dateCreated: now,
        dateUpdated: now,
        participants: new Map(),
        sequence: 0,
      };
      this.conferences.set(conf.sid, conf);
    }
    // The first participant's callback settings win; later ones are ignored (docs/twilio-behaviour.md §3.8).
    if (!conf.participants.size && !conf.statusCallback && o.statusCallback) {
      conf.statusCallback = {
        url: o.statusCallback,
        method: o.statusCallbackMethod ?? 'POST',
        events: new Set(o.statusCallbackEvent ?? ['start', 'end']),
      };
    }
    if (!conf.record && o.record) conf.record = o.record;
    const p: Participant = {
      call,
      conference: conf,
      ...(o.label ? { label: o.label } : {}),
      muted: o.muted ?? false,
      hold: false,
      holdMethod: 'GET',
      coaching: o.coaching ?? false,
      ...(o.callSidToCoach ? { callSidToCoach: o.callSidToCoach } : {}),
      startConferenceOnEnter: o.startConferenceOnEnter ?? true,
      endConferenceOnExit: o.endConferenceOnExit ?? false,
      ...(o.waitUrl !== undefined ? { waitUrl: o.waitUrl } : {}),
      waitMethod: o.waitMethod ?? 'POST',
      status: 'connected',
      dateCreated: now,
      dateUpdated: now,
      changed: new Signal(),
    };
    conf.participants.set(call.sid, p);
    call.conferenceSid = conf.sid;
    this.emit(conf, 'join', 'participant-join', p);
    this.maybeStart(conf);
    return p;
  }

  private maybeStart(conf: Conference): void {
    const ps = [...conf.participants.values()];
    if (conf.status !== 'init' || ps.length < 2 || !ps.some((p) => p.startConferenceOnEnter)) return;
    conf.status = 'in-progress';
    conf.dateUpdated = this.engine.clock.now();
    this.emit(conf, 'start', 'conference-start');
    // Recording begins when the first two participants are bridged, so wait music is never in it (§3.8).
    const first = ps[0];
    if (conf.record && first)
      conf.recording = this.engine.recordings.startConferenceRecording(first.call, conf.sid, conf.record);
    for (const p of ps) poke(p);
  }

  leave(p: Participant, reason: string): void {
    const conf = p.conference;
    if (!conf.participants.has(p.call.sid)) return;
    conf.participants.delete(p.call.sid);
    p.status = 'complete';
    p.dateUpdated = this.engine.clock.now();
    if (p.call.conferenceSid === conf.sid) p.call.conferenceSid = undefined;
    this.emit(conf, 'leave', 'participant-leave', p, {
      ParticipantCallStatus: p.call.status,
      ReasonParticipantLeft: reason,
    });
    poke(p);
    if (conf.status === 'completed') return;
    if (p.endConferenceOnExit) {
      this.end(conf, 'participant-with-end-conference-on-exit-left', p);
    } else if (!conf.participants.size) this.end(conf, 'last-participant-left', p);
  }

  end(conf: Conference, reason: string, by?: Participant): void {
    if (conf.status === 'completed') return;
    conf.status = 'completed';
    conf.reasonConferenceEnded = reason;
    if (by) conf.callSidEndingConference = by.call.sid;
    conf.dateUpdated = this.engine.clock.now();
    for (const p of [...conf.participants.values()]) this.leave(p, 'conference_ended_via_api');
    if (conf.recording && conf.record)
      this.engine.recordings.finishConferenceRecording(conf.recording, conf.record);
    this.emit(conf, 'end', 'conference-end', undefined, {
      ReasonConferenceEnded: reason,
      Reason: reason,
      ...(by ? { CallSidEndingConference: by.call.sid } : {}),
      ...(by?.label ? { ParticipantLabelEndingConference: by.label } : {}),
    });
  }

  /** REST participant update (docs/twilio-behaviour.md §8.2); fires mute/hold/modify events. */
  update(
    p: Participant,
    changes: Partial<
      Pick<
        Participant,
        | 'muted'
        | 'hold'
        | 'holdUrl'
        | 'holdMethod'
        | 'coaching'
        | 'callSidToCoach'
        | 'endConferenceOnExit'
        | 'waitUrl'
        | 'waitMethod'
      >
    >,
  ): void {
    const conf = p.conference;
    const before = { ...p };
    Object.assign(p, changes);
    if (changes.coaching === false) p.callSidToCoach = undefined;
    p.dateUpdated = this.engine.clock.now();
    if (changes.muted !== undefined && changes.muted !== before.muted) {
      this.emit(conf, 'mute', p.muted ? 'participant-mute' : 'participant-unmute', p);
    }
    if (changes.hold !== undefined && changes.hold !== before.hold) {
      this.emit(conf, 'hold', p.hold ? 'participant-hold' : 'participant-unhold', p);
      poke(p);
    }
    if (
      (changes.coaching !== undefined && changes.coaching !== before.coaching) ||
      (changes.endConferenceOnExit !== undefined &&
        changes.endConferenceOnExit !== before.endConferenceOnExit) ||
      (changes.waitUrl !== undefined && changes.waitUrl !== before.waitUrl)
    ) {
      this.emit(conf, 'modify', 'participant-modify', p);
    }
  }

  /** Who hears whom right now: listener CallSid -> speaker CallSids. */
  hears(conf: Conference): Record<string, string[]> {
    const ps = [...conf.participants.values()];
    const out: Record<string, string[]> = {};
    for (const listener of ps) {
      out[listener.call.sid] =
        conf.status !== 'in-progress' || listener.hold
          ? []
          : ps
              .filter((s) => s !== listener && !s.hold && !s.muted)
              .filter((s) => !s.coaching || s.callSidToCoach === listener.call.sid)
              .map((s) => s.call.sid);
    }
    return out;
  }

  /**
   * A participant dialled in through the REST API never got in (no answer, busy, failed, canceled): the
   * conference still reports it leaving, with `ParticipantCallStatus` and `participant_add_failed`
   * (docs/twilio-behaviour.md §3.8 lists both values for participant-leave).
   */
  addFailed(conf: Conference, call: Call, options: ParticipantOptions, callStatus: string): void {
    if (conf.status === 'completed') return;
    this.emit(conf, 'leave', 'participant-leave', undefined, {
      CallSid: call.sid,
      Muted: String(options.muted ?? false),
      Hold: 'false',
      Coaching: String(options.coaching ?? false),
      EndConferenceOnExit: String(options.endConferenceOnExit ?? false),
      StartConferenceOnEnter: String(options.startConferenceOnEnter ?? true),
      ...(options.label ? { ParticipantLabel: options.label } : {}),
      ParticipantCallStatus: callStatus,
      ReasonParticipantLeft: 'participant_add_failed',
    });
  }

  private emit(conf: Conference, group: string, event: string, p?: Participant, extra: Params = {}): void {
    const cb = conf.statusCallback;
    if (!cb?.events.has(group)) return;
    const params: Record<string, string> = {
      ConferenceSid: conf.sid,
      FriendlyName: conf.friendlyName,
      AccountSid: this.engine.accountSid,
      SequenceNumber: String(conf.sequence++),
      Timestamp: rfc2822(this.engine.clock.now()),
      StatusCallbackEvent: event,
      ...(p
        ? {
            CallSid: p.call.sid,
            Muted: String(p.muted),
            Hold: String(p.hold),
            Coaching: String(p.coaching),
            EndConferenceOnExit: String(p.endConferenceOnExit),
            StartConferenceOnEnter: String(p.startConferenceOnEnter),
            ...(p.label ? { ParticipantLabel: p.label } : {}),
            ...(p.callSidToCoach ? { CallSidToCoach: p.callSidToCoach } : {}),
          }
        : {}),
      ...extra,
    };
    this.engine.notify(conf.sid, cb.url, cb.method, params);
  }
}

function poke(p: Participant): void {
  p.changed.fire();
}
