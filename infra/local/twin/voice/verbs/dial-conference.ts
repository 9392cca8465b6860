// <Dial><Conference> (docs/twilio-behaviour.md §3.8): joins the named conference with the noun's settings (coach, mute, start
// and end rules, waitUrl, the first participant's statusCallback), then requests the Dial action with
// DialCallStatus but no DialCallSid/DialCallDuration (Appendix A item 5), or runs the next verb.
// `record="record-from-start"` records the conference itself, mono (§5.1.5).
import { attendConference } from '../conference-attend.js';
import type { Flow } from '../types.js';
import { textOf, type XmlElement } from '../xml.js';
import { boolAttr, methodAttr, urlAttr } from './attrs.js';
import { afterDial } from './dial-result.js';
import type { VerbContext } from './verb-context.js';

export async function dialConference(ctx: VerbContext, el: XmlElement, noun: XmlElement): Promise<Flow> {
  const a = noun.attrs;
  const waitUrl = a.waitUrl === '' ? '' : urlAttr(ctx, noun, 'waitUrl');
  const statusCallback = urlAttr(ctx, noun, 'statusCallback');
  const recordingCallback = urlAttr(ctx, noun, 'recordingStatusCallback');
  const result = await attendConference(ctx.engine, ctx.call, textOf(noun), {
    ...(a.participantLabel ? { label: a.participantLabel } : {}),
    muted: boolAttr(noun, 'muted', false),
    beep: a.beep ?? 'true',
    startConferenceOnEnter: boolAttr(noun, 'startConferenceOnEnter', true),
    endConferenceOnExit: boolAttr(noun, 'endConferenceOnExit', false),
    ...(waitUrl !== undefined ? { waitUrl } : {}),
    waitMethod: methodAttr(noun, 'waitMethod'),
    ...(a.coach ? { coaching: true, callSidToCoach: a.coach } : {}),
    ...(statusCallback ? { statusCallback } : {}),
    statusCallbackMethod: methodAttr(noun, 'statusCallbackMethod'),
    ...(a.statusCallbackEvent ? { statusCallbackEvent: a.statusCallbackEvent.split(/\s+/) } : {}),
    ...(a.record === 'record-from-start'
      ? {
          record: {
            ...(recordingCallback ? { statusCallback: recordingCallback } : {}),
            statusCallbackMethod: methodAttr(noun, 'recordingStatusCallbackMethod'),
            statusCallbackEvents: (a.recordingStatusCallbackEvent ?? '').split(/[\s,]+/).filter(Boolean),
            channels: 1,
            source: 'Conference',
          } as const,
        }
      : {}),
  });
  if (!result.ok) {
    // A taken label falls through to the next verb; a bad coach target goes to the action (docs/twilio-behaviour.md §3.8).
    if (result.error === 16025) return { kind: 'next' };
    return afterDial(ctx, el, { DialCallStatus: 'failed', ErrorCode: String(result.error) });
  }
  return afterDial(ctx, el, { DialCallStatus: 'completed' });
}
