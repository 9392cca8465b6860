// The voice twin's records as plain JSON and back: calls (with where their main document stands), queues
// and their members, conferences and their participants, and recordings. Restoring only rebuilds the
// records; resume.ts then sets the live calls going again.
import { CallControl, Signal } from './call-control.js';
import type { Conference, Participant } from './conferences.js';
import type { VoiceEngine } from './engine.js';
import type { CallQueue, QueueMember } from './queues.js';
import type { Recording } from './recordings.js';
import type { Call, CallEvent, CallPosition, Heard, RecordSettings } from './types.js';
import type { XmlElement } from './xml.js';

/** What a caller heard is for the sim views; the newest entries are enough after a restart. */
const HEARD_KEPT = 50;

type SavedCall = Omit<Call, 'control' | 'statusCallback' | 'position' | 'heard'> & {
  readonly heard: readonly Heard[];
  readonly statusCallback?: {
    readonly url: string;
    readonly method: 'GET' | 'POST';
    readonly events: CallEvent[];
  };
  readonly position?: {
    readonly nav: CallPosition['nav'];
    readonly doc?: { readonly url?: string; readonly verbs: readonly XmlElement[] };
    readonly index?: number;
  };
};

interface SavedMember {
  readonly callSid: string;
  readonly enqueuedAt: number;
  readonly state: QueueMember['state'];
  readonly taskSid?: string;
  readonly leftAt?: number;
}

type SavedQueue = Omit<CallQueue, 'members' | 'joined'> & { readonly members: readonly SavedMember[] };

type SavedParticipant = Omit<Participant, 'call' | 'conference' | 'changed'> & { readonly callSid: string };

type SavedConference = Omit<Conference, 'participants' | 'statusCallback'> & {
  readonly participants: readonly SavedParticipant[];
  readonly statusCallback?: {
    readonly url: string;
    readonly method: 'GET' | 'POST';
    readonly events: string[];
  };
};

export interface VoiceState {
  readonly calls: readonly SavedCall[];
  readonly queues: readonly SavedQueue[];
  readonly conferences: readonly SavedConference[];
  readonly recordings: readonly Recording[];
  /** Calls.create Record=true recordings still running: they end with their call. */
  readonly liveRecordings: readonly {
    readonly callSid: string;
    readonly recordingSid: string;
    readonly settings: RecordSettings;
  }[];
}

export function snapshotVoice(engine: VoiceEngine): VoiceState {
  return {
    calls: [...engine.calls.values()].map(saveCall),
    queues: [...engine.queues.queues.values()].map(({ joined: _, members, ...q }) => ({
      ...q,
      members: members.map((m) => ({
        callSid: m.call.sid,
        enqueuedAt: m.enqueuedAt,
        state: m.state,
        ...(m.taskSid ? { taskSid: m.taskSid } : {}),
        ...(m.leftAt !== undefined ? { leftAt: m.leftAt } : {}),
      })),
    })),
    conferences: [...engine.conferences.conferences.values()].map(
      ({ participants, statusCallback, ...c }) => ({
        ...c,
        ...(statusCallback
          ? { statusCallback: { ...statusCallback, events: [...statusCallback.events] } }
          : {}),
        participants: [...participants.values()].map(({ call, conference: _, changed: __, ...p }) => ({
          ...p,
          callSid: call.sid,
        })),
      }),
    ),
    recordings: [...engine.recordings.recordings.values()],
    liveRecordings: [...engine.recordings.liveCallRecordings()].map(([callSid, { rec, settings }]) => ({
      callSid,
      recordingSid: rec.sid,
      settings,
    })),
  };
}

function saveCall(call: Call): SavedCall {
  const { control: _, statusCallback, position, heard, ...rest } = call;
  return {
    ...rest,
    heard: heard.slice(-HEARD_KEPT),
    ...(statusCallback ? { statusCallback: { ...statusCallback, events: [...statusCallback.events] } } : {}),
    ...(position && !engineEnded(call)
      ? {
          position: {
            nav: position.nav,
            ...(position.doc
              ? { doc: { ...(position.doc.url ? { url: position.doc.url } : {}), verbs: position.doc.verbs } }
              : {}),
            ...(position.index !== undefined ? { index: position.index } : {}),
          },
        }
      : {}),
  };
}

function engineEnded(call: Call): boolean {
  return call.endTime !== undefined;
}

/** Rebuilds the records in an engine that has none yet; nothing runs until the calls are resumed. */
export function restoreVoice(engine: VoiceEngine, state: VoiceState): void {
  for (const saved of state.calls) {
    const { statusCallback, position, heard, ...rest } = saved;
    const call: Call = {
      ...rest,
      heard: [...heard],
      extraParams: { ...saved.extraParams },
      control: undefined as unknown as CallControl,
      ...(statusCallback
        ? { statusCallback: { ...statusCallback, events: new Set(statusCallback.events) } }
        : {}),
      ...(position
        ? {
            position: {
              nav: position.nav,
              ...(position.doc ? { doc: { url: position.doc.url, verbs: position.doc.verbs } } : {}),
              ...(position.index !== undefined ? { index: position.index } : {}),
            },
          }
        : {}),
    };
    (call as { control: CallControl }).control = new CallControl(engine.clock, (w) => {
      call.waitingFor = w;
    });
    // Nothing waits on the restored call until it resumes; what it waits for is set again then.
    call.waitingFor = 'nothing';
    engine.calls.set(call.sid, call);
  }
  const callOf = (sid: string) => engine.calls.get(sid);
  for (const saved of state.queues) {
    const { members, ...q } = saved;
    const queue: CallQueue = { ...q, members: [], joined: new Signal() };
    for (const m of members) {
      const call = callOf(m.callSid);
      if (!call) continue;
      queue.members.push({
        call,
        queue,
        enqueuedAt: m.enqueuedAt,
        state: m.state,
        changed: new Signal(),
        ...(m.taskSid ? { taskSid: m.taskSid } : {}),
        ...(m.leftAt !== undefined ? { leftAt: m.leftAt } : {}),
      });
    }
    engine.queues.queues.set(queue.sid, queue);
  }
  for (const saved of state.conferences) {
    const { participants, statusCallback, ...c } = saved;
    const conference: Conference = {
      ...c,
      participants: new Map(),
      ...(statusCallback
        ? { statusCallback: { ...statusCallback, events: new Set(statusCallback.events) } }
        : {}),
    };
    for (const { callSid, ...p } of participants) {
      const call = callOf(callSid);
      if (call) conference.participants.set(callSid, { ...p, call, conference, changed: new Signal() });
    }
    engine.conferences.conferences.set(conference.sid, conference);
  }
  for (const rec of state.recordings) engine.recordings.recordings.set(rec.sid, { ...rec });
  for (const live of state.liveRecordings) {
    const rec = engine.recordings.recordings.get(live.recordingSid);
    if (rec) engine.recordings.keepRecording(live.callSid, rec, live.settings);
  }
  // A conference's running recording is the one in the store, so ending the conference finishes it.
  for (const conf of engine.conferences.conferences.values()) {
    const rec = conf.recording && engine.recordings.recordings.get(conf.recording.sid);
    if (rec) conf.recording = rec;
  }
}
