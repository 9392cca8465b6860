// The parameters Twilio sends on every request of a call (docs/twilio-behaviour.md §1.2), and the status callback extras
// (§1.3: CallbackSource, SequenceNumber from 0, CallDuration seconds and Duration minutes on completion).
import { rfc2822 } from '../rest-common.js';
import type { Call, Params } from './types.js';

export function callParams(accountSid: string, call: Call): Record<string, string> {
  return {
    CallSid: call.sid,
    AccountSid: accountSid,
    From: call.from,
    To: call.to,
    Caller: call.from,
    Called: call.to,
    CallStatus: call.status,
    ApiVersion: '2010-04-01',
    Direction: call.direction,
    ...(call.parentCallSid ? { ParentCallSid: call.parentCallSid } : {}),
    ...(call.applicationSid ? { ApplicationSid: call.applicationSid } : {}),
    ...call.extraParams,
  };
}

export function statusCallbackParams(
  accountSid: string,
  call: Call,
  callStatus: string,
  nowMs: number,
  extra: Params = {},
): Record<string, string> {
  const params: Record<string, string> = {
    ...callParams(accountSid, call),
    CallStatus: callStatus,
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(call.sequence++),
    Timestamp: rfc2822(nowMs),
    ...extra,
  };
  if (callStatus === 'completed') {
    const seconds = callSeconds(call);
    params.CallDuration = String(seconds);
    params.Duration = String(Math.ceil(seconds / 60));
  }
  return params;
}

/** Billable seconds: from answer to end, 0 when never answered. */
export function callSeconds(call: Call): number {
  if (call.startTime === undefined || call.endTime === undefined) return 0;
  return Math.round((call.endTime - call.startTime) / 1000);
}
