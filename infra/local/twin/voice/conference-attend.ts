// A call's time in a conference, shared by <Dial><Conference>, REST-created participants and the TaskRouter
// conference instruction: wait music until the conference starts (then silence at the document's end), hold
// music while held, and leaving on hang-up, redirect, removal or the conference ending.
import { Signal } from './call-control.js';
import type { Participant, ParticipantOptions } from './conferences.js';
import type { VoiceEngine } from './engine.js';
import type { Call, Navigation } from './types.js';
import { DEFAULT_HOLD_MUSIC } from './verbs/enqueue.js';

export type AttendResult =
  | { readonly ok: true; readonly participant: Participant }
  | { readonly ok: false; readonly error: number; readonly message: string };

export interface AttendOptions extends ParticipantOptions {
  /** Called once the participant has joined (before waiting), e.g. to report the ConferenceSid. */
  readonly onJoin?: (p: Participant) => void;
}

export async function attendConference(
  engine: VoiceEngine,
  call: Call,
  name: string,
  options: AttendOptions,
): Promise<AttendResult> {
  // A participant already there is one a restarted twin carries on, with its hold and mute as they were.
  const kept = engine.conferences.participantOf(call);
  const joined = kept ?? engine.conferences.join(call, name, options);
  if ('error' in joined) {
    engine.error(call, joined.error, joined.message);
    return { ok: false, error: joined.error, message: joined.message };
  }
  const p = joined;
  options.onJoin?.(p);
  if (!kept && options.beep !== 'false' && options.beep !== 'onExit')
    engine.heard(call, { verb: 'beep', text: '' });
  let mode: 'waiting' | 'held' | 'talking' | undefined;
  let nav: Navigation | undefined;
  for (;;) {
    if (p.status === 'complete') break;
    if (call.control.interruption) {
      engine.conferences.leave(
        p,
        call.control.hungUp ? 'participant_hung_up' : 'participant_updated_via_api',
      );
      break;
    }
    const sig = p.changed;
    if (sig.fired) {
      p.changed = new Signal();
      continue;
    }
    const now = p.hold ? 'held' : p.conference.status === 'in-progress' ? 'talking' : 'waiting';
    if (now !== mode) {
      mode = now;
      nav = musicFor(p, mode);
    }
    if (!nav) {
      await call.control.wait(mode === 'talking' ? 'nothing' : 'agent', { until: sig });
      continue;
    }
    const current = nav;
    nav = undefined; // after the document ends, silence (docs/twilio-behaviour.md §3.8), unless it redirects
    const doc = await engine.load(call, current, false);
    if (!doc || sig.fired || call.control.interruption) continue;
    const flow = await engine.runDocument(
      call,
      doc.verbs,
      doc.url,
      mode === 'held' ? 'hold' : 'conference-wait',
      sig,
    );
    if (flow.kind === 'goto') nav = flow.nav;
  }
  return { ok: true, participant: p };
}

function musicFor(p: Participant, mode: 'waiting' | 'held' | 'talking'): Navigation | undefined {
  if (mode === 'talking') return undefined;
  const url = mode === 'held' ? p.holdUrl : p.waitUrl;
  const method = mode === 'held' ? p.holdMethod : p.waitMethod;
  if (url === '') return undefined;
  if (url === undefined)
    return { kind: 'twiml', twiml: `<Response><Play>${DEFAULT_HOLD_MUSIC}</Play></Response>` };
  return { kind: 'url', url, method };
}
