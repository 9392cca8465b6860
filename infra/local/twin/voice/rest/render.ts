// JSON shapes of the 2010-04-01 resources the twin serves: snake_case, RFC 2822 dates, `uri` fields.
import { rfc2822 } from '../../rest-common.js';
import { callSeconds } from '../call-params.js';
import type { Conference, Participant } from '../conferences.js';
import type { Application, PhoneNumber } from '../phone-numbers.js';
import type { CallQueue, QueueMember } from '../queues.js';
import type { Recording } from '../recordings.js';
import type { Call } from '../types.js';

const date = (ms: number | undefined) => (ms === undefined ? null : rfc2822(ms));
const base = (ac: string) => `/2010-04-01/Accounts/${ac}`;

export function renderCall(ac: string, call: Call) {
  const uri = `${base(ac)}/Calls/${call.sid}.json`;
  return {
    sid: call.sid,
    account_sid: ac,
    parent_call_sid: call.parentCallSid ?? null,
    date_created: date(call.dateCreated),
    date_updated: date(call.dateUpdated),
    to: call.to,
    to_formatted: call.to,
    from: call.from,
    from_formatted: call.from,
    phone_number_sid: null,
    status: call.status,
    start_time: date(call.startTime),
    end_time: date(call.endTime),
    duration: call.endTime !== undefined ? String(callSeconds(call)) : null,
    price: null,
    price_unit: 'USD',
    direction: call.direction,
    answered_by: call.answeredBy ?? null,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri,
    subresource_uris: { recordings: uri.replace('.json', '/Recordings.json') },
  };
}

export function renderConference(ac: string, conf: Conference) {
  const uri = `${base(ac)}/Conferences/${conf.sid}.json`;
  return {
    sid: conf.sid,
    account_sid: ac,
    friendly_name: conf.friendlyName,
    status: conf.status,
    date_created: date(conf.dateCreated),
    date_updated: date(conf.dateUpdated),
    api_version: '2010-04-01',
    region: 'us1',
    reason_conference_ended: conf.reasonConferenceEnded ?? null,
    call_sid_ending_conference: conf.callSidEndingConference ?? null,
    uri,
    subresource_uris: { participants: uri.replace('.json', '/Participants.json') },
  };
}

export function renderParticipant(ac: string, p: Participant | ProvisionalParticipant) {
  const conferenceSid = 'conference' in p ? p.conference.sid : p.conferenceSid;
  const callSid = p.call.sid;
  return {
    account_sid: ac,
    call_sid: callSid,
    label: p.label ?? null,
    call_sid_to_coach: p.callSidToCoach ?? null,
    coaching: p.coaching,
    conference_sid: conferenceSid,
    date_created: date(p.dateCreated),
    date_updated: date(p.dateUpdated),
    end_conference_on_exit: p.endConferenceOnExit,
    muted: p.muted,
    hold: p.hold,
    start_conference_on_enter: p.startConferenceOnEnter,
    status: p.status,
    queue_time: null,
    uri: `${base(ac)}/Conferences/${conferenceSid}/Participants/${callSid}.json`,
  };
}

/** A participant still being dialed (REST create answers before the callee picks up). */
export interface ProvisionalParticipant {
  readonly call: Call;
  readonly conferenceSid: string;
  readonly label?: string;
  readonly callSidToCoach?: string;
  readonly coaching: boolean;
  readonly muted: boolean;
  readonly hold: boolean;
  readonly startConferenceOnEnter: boolean;
  readonly endConferenceOnExit: boolean;
  readonly status: 'queued' | 'ringing' | 'failed';
  readonly dateCreated: number;
  readonly dateUpdated: number;
}

export function renderQueue(ac: string, q: CallQueue, averageWait: number) {
  return {
    sid: q.sid,
    account_sid: ac,
    friendly_name: q.friendlyName,
    current_size: q.members.length,
    max_size: q.maxSize,
    average_wait_time: averageWait,
    date_created: date(q.dateCreated),
    date_updated: date(q.dateUpdated),
    uri: `${base(ac)}/Queues/${q.sid}.json`,
  };
}

export function renderMember(ac: string, m: QueueMember, position: number, waitSeconds: number) {
  return {
    call_sid: m.call.sid,
    date_enqueued: date(m.enqueuedAt),
    position,
    wait_time: waitSeconds,
    queue_sid: m.queue.sid,
    uri: `${base(ac)}/Queues/${m.queue.sid}/Members/${m.call.sid}.json`,
  };
}

export function renderRecording(ac: string, r: Recording, mediaUrl: string) {
  return {
    sid: r.sid,
    account_sid: ac,
    call_sid: r.callSid,
    conference_sid: r.conferenceSid ?? null,
    api_version: '2010-04-01',
    date_created: date(r.dateCreated),
    date_updated: date(r.dateUpdated),
    start_time: date(r.startTime),
    duration: String(r.duration),
    price: null,
    price_unit: 'USD',
    status: r.status,
    channels: r.channels,
    source: r.source,
    error_code: null,
    track: r.track,
    encryption_details: null,
    media_url: mediaUrl,
    uri: `${base(ac)}/Recordings/${r.sid}.json`,
    subresource_uris: {},
  };
}

export function renderNumber(ac: string, pn: PhoneNumber) {
  return {
    sid: pn.sid,
    account_sid: ac,
    friendly_name: pn.friendlyName,
    phone_number: pn.phoneNumber,
    ...urls(pn),
    voice_application_sid: pn.voiceApplicationSid ?? null,
    sms_application_sid: pn.smsApplicationSid ?? null,
    voice_caller_id_lookup: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    status: 'in-use',
    date_created: date(pn.dateCreated),
    date_updated: date(pn.dateUpdated),
    api_version: '2010-04-01',
    uri: `${base(ac)}/IncomingPhoneNumbers/${pn.sid}.json`,
  };
}

export function renderApplication(ac: string, app: Application) {
  return {
    sid: app.sid,
    account_sid: ac,
    friendly_name: app.friendlyName,
    ...urls(app),
    date_created: date(app.dateCreated),
    date_updated: date(app.dateUpdated),
    api_version: '2010-04-01',
    uri: `${base(ac)}/Applications/${app.sid}.json`,
  };
}

function urls(s: PhoneNumber | Application) {
  return {
    voice_url: s.voiceUrl ?? null,
    voice_method: s.voiceMethod,
    voice_fallback_url: s.voiceFallbackUrl ?? null,
    voice_fallback_method: s.voiceFallbackMethod,
    status_callback: s.statusCallback ?? null,
    status_callback_method: s.statusCallbackMethod,
    sms_url: s.smsUrl ?? null,
    sms_method: s.smsMethod,
    sms_fallback_url: s.smsFallbackUrl ?? null,
    sms_fallback_method: s.smsFallbackMethod,
  };
}
