// The telephony port over Twilio's Voice REST API (the twin locally): calls, conferences and their
// participants.
import {
  type CallView,
  type ParticipantView,
  ProviderError,
  type RecordingView,
  type TelephonyPort,
} from '../../domain/telephony-port.js';
import type { Json, RestTransport } from './rest-transport.js';

const bool = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
const num = (v: number | undefined) => (v === undefined ? undefined : String(v));
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** Twilio's RFC 2822 dates as ISO, or undefined for null and anything unreadable. */
function isoDate(v: unknown): string | undefined {
  const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Twilio sends durations as strings ("42"), null while unknown, and -1 for a recording still running. */
function seconds(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function callView(j: Json): CallView {
  const from = str(j.from);
  const to = str(j.to);
  const startedAt = isoDate(j.start_time);
  const endedAt = isoDate(j.end_time);
  const durationSeconds = endedAt ? seconds(j.duration) : undefined;
  return {
    sid: String(j.sid),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    status: String(j.status),
    ...(startedAt ? { startedAt } : {}),
    ...(endedAt ? { endedAt } : {}),
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
  };
}

function recordingView(j: Json): RecordingView {
  const conferenceSid = str(j.conference_sid);
  const startedAt = isoDate(j.start_time);
  return {
    sid: String(j.sid),
    callSid: String(j.call_sid),
    ...(conferenceSid ? { conferenceSid } : {}),
    status: String(j.status),
    durationSeconds: seconds(j.duration) ?? 0,
    channels: Number(j.channels) === 2 ? 2 : 1,
    source: str(j.source) ?? 'unknown',
    ...(startedAt ? { startedAt } : {}),
  };
}

function participant(j: Json): ParticipantView {
  const label = str(j.label);
  return {
    callSid: String(j.call_sid),
    ...(label ? { label } : {}),
    hold: j.hold === true,
    muted: j.muted === true,
    ...(typeof j.coaching === 'boolean' ? { coaching: j.coaching } : {}),
    ...(str(j.call_sid_to_coach) ? { callSidToCoach: str(j.call_sid_to_coach) as string } : {}),
  };
}

export function createTelephonyRest(rest: RestTransport): TelephonyPort {
  const conf = (c: string) => `Conferences/${encodeURIComponent(c)}`;
  return {
    async call(callSid) {
      try {
        return callView(await rest.voice(`Calls/${callSid}.json`));
      } catch (err) {
        if (err instanceof ProviderError && err.status === 404) return undefined;
        throw err;
      }
    },
    async createCall(input) {
      const amd = input.machineDetection;
      const j = await rest.voice('Calls.json', {
        From: input.from,
        To: input.to,
        Twiml: input.twiml,
        Url: input.url,
        StatusCallback: input.statusCallback,
        StatusCallbackEvent: input.statusCallbackEvents,
        Timeout: num(input.timeoutSeconds),
        ...(amd
          ? {
              MachineDetection: amd.mode,
              MachineDetectionTimeout: num(amd.timeoutSeconds),
              ...(amd.asyncCallback
                ? {
                    AsyncAmd: 'true',
                    AsyncAmdStatusCallback: amd.asyncCallback,
                    AsyncAmdStatusCallbackMethod: 'POST',
                  }
                : {}),
            }
          : {}),
      });
      return { sid: String(j.sid), from: input.from, to: input.to, status: String(j.status ?? 'queued') };
    },
    async updateCall(callSid, update) {
      await rest.voice(`Calls/${callSid}.json`, { Status: update.status, Twiml: update.twiml });
    },
    async ringing(to) {
      // One list per status: the Calls list filters on a single one.
      const lists = await Promise.all(
        (['queued', 'ringing'] as const).map((Status) =>
          rest.voiceList('Calls.json', 'calls', { To: to, Status }),
        ),
      );
      return lists.flat().map(callView);
    },
    async conferences(filter) {
      const list = await rest.voiceList('Conferences.json', 'conferences', {
        FriendlyName: filter.name,
        Status: filter.status,
      });
      return list.map((j) => ({
        sid: String(j.sid),
        name: String(j.friendly_name),
        status: String(j.status),
      }));
    },
    async endConference(conference) {
      await rest.voice(`${conf(conference)}.json`, { Status: 'completed' });
    },
    async participants(conference) {
      return (await rest.voiceList(`${conf(conference)}/Participants.json`, 'participants')).map(participant);
    },
    async addParticipant(conference, p) {
      const j = await rest.voice(`${conf(conference)}/Participants.json`, {
        From: p.from,
        To: p.to,
        Label: p.label,
        EndConferenceOnExit: bool(p.endConferenceOnExit),
        Beep: bool(p.beep),
        Muted: bool(p.muted),
        Coaching: bool(p.coaching),
        CallSidToCoach: p.callSidToCoach,
        Timeout: num(p.timeoutSeconds),
        StatusCallback: p.statusCallback,
        StatusCallbackEvent: p.statusCallbackEvent,
        ...(p.conferenceStatusCallback
          ? {
              ConferenceStatusCallback: p.conferenceStatusCallback.url,
              ConferenceStatusCallbackMethod: 'POST',
              ConferenceStatusCallbackEvent: p.conferenceStatusCallback.events.join(' '),
            }
          : {}),
        ...(p.record
          ? {
              Record: 'true',
              RecordingChannels: p.record.channels,
              RecordingStatusCallback: p.record.statusCallback,
              RecordingStatusCallbackMethod: 'POST',
              RecordingStatusCallbackEvent: p.record.statusCallbackEvent.join(' '),
            }
          : {}),
      });
      return { callSid: String(j.call_sid) };
    },
    async updateParticipant(conference, callSid, u) {
      await rest.voice(`${conf(conference)}/Participants/${callSid}.json`, {
        EndConferenceOnExit: bool(u.endConferenceOnExit),
        Hold: bool(u.hold),
        HoldUrl: u.holdUrl,
        Muted: bool(u.muted),
        Coaching: bool(u.coaching),
        CallSidToCoach: u.callSidToCoach,
        ...(u.announceUrl ? { AnnounceUrl: u.announceUrl, AnnounceMethod: 'POST' } : {}),
      });
    },
    async setRecording(callSid, action, recordingSid = 'Twilio.CURRENT') {
      await rest.voice(
        `Calls/${callSid}/Recordings/${recordingSid}.json`,
        action === 'pause' ? { Status: 'paused', PauseBehavior: 'silence' } : { Status: 'in-progress' },
      );
    },
    async recordings(callSid) {
      const list = await rest.voiceList('Recordings.json', 'recordings', { CallSid: callSid });
      return list.map(recordingView);
    },
    async removeParticipant(conference, callSid) {
      await rest.voiceDelete(`${conf(conference)}/Participants/${callSid}.json`);
    },
  };
}
