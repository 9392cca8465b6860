// The VoicePort the TaskRouter engine uses to carry out reservation instructions: dequeue (ring the worker and
// bridge the queued caller), conference (both into a conference named after the task), redirect and call.
import type { VoicePort } from '../ports.js';
import { placeCall } from './call-starts.js';
import type { VoiceEngine } from './engine.js';
import { ringLeg } from './legs.js';
import { callRecordSettings, conferenceRecordSettings } from './record-settings.js';
import type { CallEvent, StatusCallbackConfig } from './types.js';
import { bridgeMember } from './verbs/dial-queue.js';

const CALL_EVENTS: readonly CallEvent[] = ['initiated', 'ringing', 'answered', 'completed'];

/** The requested status events; with none listed only `completed` is sent (docs/twilio-behaviour.md §1.3). */
function eventsOf(list: string | undefined): ReadonlySet<CallEvent> {
  const asked = (list ?? '')
    .split(/[\s,]+/)
    .filter((e): e is CallEvent => CALL_EVENTS.includes(e as CallEvent));
  return new Set<CallEvent>(asked.length ? asked : ['completed']);
}

export function createVoicePort(engine: VoiceEngine): VoicePort {
  const callback = (url?: string, events?: string): { statusCallback?: StatusCallbackConfig } =>
    url ? { statusCallback: { url, method: 'POST', events: eventsOf(events) } } : {};

  return {
    async dequeue(input) {
      const caller = engine.calls.get(input.callSid);
      const member = caller ? engine.queues.memberOf(caller) : undefined;
      if (!caller || !member || engine.isEnded(caller) || member.state !== 'waiting') {
        input.onOutcome('caller-gone');
        return;
      }
      const leg = ringLeg(engine, {
        from: input.from,
        to: input.to,
        direction: 'outbound-api',
        timeoutSeconds: input.timeoutSeconds ?? 30,
        ...callback(input.statusCallbackUrl, input.statusCallbackEvents),
      });
      engine.onEnd(caller, () => leg.cancel());
      input.registerCancel?.(() => leg.cancel());
      void leg.outcome.then((o) => {
        if (o === 'answered' && !engine.isEnded(caller) && member.state === 'waiting') {
          const bridge = bridgeMember(engine, member, leg.call, [leg.call.sid]);
          if (input.record && input.record !== 'do-not-record') {
            void bridge.ended.promise.then(() =>
              engine.recordings.complete({
                call: caller,
                startMs: bridge.startedAt,
                endMs: bridge.endedAt ?? engine.clock.now(),
                channels: input.record?.endsWith('-dual') ? 2 : 1,
                source: 'DialVerb',
              }),
            );
          }
          input.onOutcome('bridged');
          return;
        }
        if (o === 'answered') engine.end(leg.call, 'completed');
        input.onOutcome(engine.isEnded(caller) || member.state !== 'waiting' ? 'caller-gone' : 'no-answer');
      });
    },

    async conference(input) {
      const caller = engine.calls.get(input.callSid);
      if (!caller || engine.isEnded(caller)) {
        input.onOutcome('caller-gone');
        return;
      }
      const p = input.params;
      // `record` records the worker's leg, as Participants `Record` does (docs/twilio-behaviour.md §4.8, §5.1.5):
      // from its answer to its hang-up, with its own SID as the recording's CallSid.
      const recordCall = callRecordSettings(p, 'OutboundAPI');
      const leg = ringLeg(engine, {
        from: input.from,
        to: input.to,
        direction: 'outbound-api',
        timeoutSeconds: Number(p.Timeout ?? 30),
        ...callback(p.StatusCallback, p.StatusCallbackEvent),
        ...(recordCall ? { init: { recordCall } } : {}),
      });
      engine.onEnd(caller, () => leg.cancel());
      input.registerCancel?.(() => leg.cancel());
      const join = async (o: Awaited<typeof leg.outcome>) => {
        // [K] a reservation that ended while its leg rang (rejected, rescinded) does not bridge a late answer.
        if (o === 'answered' && input.isPending && !input.isPending()) {
          engine.end(leg.call, 'completed');
          return;
        }
        if (o !== 'answered' || engine.isEnded(caller)) {
          if (o === 'answered') engine.end(leg.call, 'completed');
          input.onOutcome(engine.isEnded(caller) ? 'caller-gone' : 'no-answer');
          return;
        }
        const name = input.taskSid;
        const conferenceRecord = conferenceRecordSettings(p);
        const shared = conferenceAttrs({
          statusCallback: p.ConferenceStatusCallback,
          statusCallbackEvent: p.ConferenceStatusCallbackEvent?.replace(/,/g, ' '),
          statusCallbackMethod: p.ConferenceStatusCallbackMethod,
          ...(conferenceRecord
            ? {
                record: 'record-from-start',
                recordingStatusCallback: conferenceRecord.statusCallback,
                recordingStatusCallbackMethod: conferenceRecord.statusCallbackMethod,
                recordingStatusCallbackEvent: conferenceRecord.statusCallbackEvents.join(' ') || undefined,
              }
            : {}),
        });
        const agentAttrs = conferenceAttrs({
          startConferenceOnEnter: p.StartConferenceOnEnter ?? 'true',
          endConferenceOnExit: p.EndConferenceOnExit ?? 'false',
          beep: p.Beep,
        });
        const callerAttrs = conferenceAttrs({
          endConferenceOnExit: p.EndConferenceOnCustomerExit ?? 'false',
          beep: p.BeepOnCustomerEntrance,
        });
        // The caller is moved out of its <Enqueue> into the conference, as a REST redirect would; it left
        // the queue by being connected, so <Enqueue> does not cancel the (now assigned) task.
        const member = engine.queues.memberOf(caller);
        if (member && member.state === 'waiting') {
          member.state = 'bridged';
          member.leftAt ??= engine.clock.now();
          engine.queues.poke(member);
        }
        engine.redirect(caller, {
          kind: 'twiml',
          twiml: dialConferenceTwiml(name, `${shared} ${callerAttrs}`),
        });
        void engine.run(leg.call, {
          kind: 'twiml',
          twiml: dialConferenceTwiml(name, `${shared} ${agentAttrs}`),
        });
        await engine.idle(leg.call.sid);
        input.onOutcome('bridged', engine.conferences.active(name)?.sid);
      };
      // Like dequeue, the instruction is carried out once the agent leg rings; the rest follows its answer,
      // so a ring waiting for a browser does not hold up TaskRouter's settle().
      void leg.outcome.then(join);
    },

    async redirect(callSid, url, method = 'POST') {
      const call = engine.calls.get(callSid);
      if (call) engine.redirect(call, { kind: 'url', url, method });
    },

    async call(input) {
      return placeCall(engine, {
        from: input.from,
        to: input.to,
        nav: { kind: 'url', url: input.url, method: 'POST' },
        ...(input.timeoutSeconds !== undefined ? { timeoutSeconds: input.timeoutSeconds } : {}),
        ...callback(input.statusCallbackUrl),
      }).sid;
    },
  };
}

function conferenceAttrs(attrs: Record<string, string | undefined>): string {
  return Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(' ');
}

function dialConferenceTwiml(name: string, attrs: string): string {
  return `<Response><Dial><Conference ${attrs}>${escapeXml(name)}</Conference></Dial></Response>`;
}

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}
