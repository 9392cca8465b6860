// The recording parameters that REST calls, REST participants and the TaskRouter conference instruction
// share (docs/twilio-behaviour.md §5.1.2, §5.1.5, §4.8): `Record` with `RecordingChannels` and
// `RecordingStatusCallback*` records that one call; `ConferenceRecord` with `ConferenceRecordingStatusCallback*`
// records the whole conference, always in one channel.
import { type FormParams, param, paramBool, paramList } from '../rest-common.js';
import type { HttpMethod, RecordSettings } from './types.js';

const methodOf = (v: string | undefined): HttpMethod => (v?.toUpperCase() === 'GET' ? 'GET' : 'POST');
const eventsOf = (p: FormParams, key: string) => paramList(p, key).flatMap((e) => e.split(/[\s,]+/));

/** `Record=true`: the call is recorded from answer to hang-up, `RecordingChannels=dual` on two channels. */
export function callRecordSettings(
  p: FormParams,
  source: RecordSettings['source'],
): RecordSettings | undefined {
  if (!paramBool(p, 'Record')) return undefined;
  const url = param(p, 'RecordingStatusCallback');
  return {
    ...(url ? { statusCallback: url } : {}),
    statusCallbackMethod: methodOf(param(p, 'RecordingStatusCallbackMethod')),
    statusCallbackEvents: eventsOf(p, 'RecordingStatusCallbackEvent'),
    channels: param(p, 'RecordingChannels') === 'dual' ? 2 : 1,
    source,
  };
}

/** `ConferenceRecord=true|record-from-start`: the conference is recorded, mono, from when it starts. */
export function conferenceRecordSettings(p: FormParams): RecordSettings | undefined {
  const record = param(p, 'ConferenceRecord');
  if (record !== 'true' && record !== 'record-from-start') return undefined;
  const url = param(p, 'ConferenceRecordingStatusCallback');
  return {
    ...(url ? { statusCallback: url } : {}),
    statusCallbackMethod: methodOf(param(p, 'ConferenceRecordingStatusCallbackMethod')),
    statusCallbackEvents: eventsOf(p, 'ConferenceRecordingStatusCallbackEvent'),
    channels: 1,
    source: 'Conference',
  };
}
