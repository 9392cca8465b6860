// The telephony port over Twilio's Voice REST API (the twin locally): calls, conferences and their
// participants.
import { type ParticipantView, ProviderError, type TelephonyPort } from '../../domain/telephony-port.js';
import type { Json, RestTransport } from './rest-transport.js';

const bool = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

function participant(j: Json): ParticipantView {
  const label = str(j.label);
  return {
    callSid: String(j.call_sid),
    ...(label ? { label } : {}),
    hold: j.hold === true,
    muted: j.muted === true,
    ...(typeof j.coaching === 'boolean' ? { coaching: j.coaching } : {}),
  };
}

export function createTelephonyRest(rest: RestTransport): TelephonyPort {
  const conf = (c: string) => `Conferences/${encodeURIComponent(c)}`;
  return {
    async call(callSid) {
      try {
        const j = await rest.voice(`Calls/${callSid}.json`);
        const from = str(j.from);
        const to = str(j.to);
        return {
          sid: String(j.sid),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          status: String(j.status),
        };
      } catch (err) {
        if (err instanceof ProviderError && err.status === 404) return undefined;
        throw err;
      }
    },
    async createCall(input) {
      const j = await rest.voice('Calls.json', { From: input.from, To: input.to, Twiml: input.twiml });
      return { sid: String(j.sid), from: input.from, to: input.to, status: String(j.status ?? 'queued') };
    },
    async updateCall(callSid, update) {
      await rest.voice(`Calls/${callSid}.json`, { Status: update.status, Twiml: update.twiml });
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
        Timeout: p.timeoutSeconds === undefined ? undefined : String(p.timeoutSeconds),
        StatusCallback: p.statusCallback,
        StatusCallbackEvent: p.statusCallbackEvent,
      });
      return { callSid: String(j.call_sid) };
    },
    async updateParticipant(conference, callSid, u) {
      await rest.voice(`${conf(conference)}/Participants/${callSid}.json`, {
        Hold: bool(u.hold),
        HoldUrl: u.holdUrl,
        Muted: bool(u.muted),
        Coaching: bool(u.coaching),
        CallSidToCoach: u.callSidToCoach,
      });
    },
    async setRecording(callSid, action) {
      await rest.voice(
        `Calls/${callSid}/Recordings/Twilio.CURRENT.json`,
        action === 'pause' ? { Status: 'paused', PauseBehavior: 'silence' } : { Status: 'in-progress' },
      );
    },
    async removeParticipant(conference, callSid) {
      await rest.voiceDelete(`${conf(conference)}/Participants/${callSid}.json`);
    },
  };
}
