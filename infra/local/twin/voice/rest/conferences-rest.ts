// REST Conferences and Participants (docs/twilio-behaviour.md §8.1-8.2): list/fetch/end conferences; list/fetch participants;
// create (dial a party in), update Hold/HoldUrl/HoldMethod (GET default)/Muted (only "true" mutes)/Coaching/
// CallSidToCoach/EndConferenceOnExit/AnnounceUrl, and delete (remove and hang up that leg).
import type { Hono } from 'hono';
import {
  type FormParams,
  param,
  paramBool,
  paramList,
  readParams,
  TwilioRestError,
} from '../../rest-common.js';
import { assertCallerId } from '../caller-id.js';
import { attendConference } from '../conference-attend.js';
import type { Conference, Participant } from '../conferences.js';
import type { VoiceEngine } from '../engine.js';
import { ringLeg } from '../legs.js';
import { callRecordSettings, conferenceRecordSettings } from '../record-settings.js';
import { checkVoiceTwiml } from '../twiml-schema.js';
import { method } from './calls-rest.js';
import { listPage, stripJson } from './paging.js';
import { type ProvisionalParticipant, renderConference, renderParticipant } from './render.js';

export function mountConferences(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const store = engine.conferences;
  const notFound = (what: string) =>
    new TwilioRestError(404, 20404, `The requested resource ${what} was not found`);
  const conference = (id: string): Conference => {
    const conf = store.conferences.get(stripJson(id) ?? id) ?? store.active(stripJson(id) ?? id);
    if (!conf) throw notFound(id);
    return conf;
  };
  const participant = (conf: Conference, file: string): Participant => {
    const key = stripJson(file) ?? file;
    const p = conf.participants.get(key) ?? [...conf.participants.values()].find((x) => x.label === key);
    if (!p) throw notFound(file);
    return p;
  };

  app.get('/Conferences.json', (c) => {
    const fn = c.req.query('FriendlyName');
    const st = c.req.query('Status');
    const list = [...store.conferences.values()]
      .filter((x) => (!fn || x.friendlyName === fn) && (!st || x.status === st))
      .reverse();
    return c.json(listPage(c, 'conferences', list, (x) => renderConference(ac, x)));
  });
  app.get('/Conferences/:file', (c) => c.json(renderConference(ac, conference(c.req.param('file')))));
  app.post('/Conferences/:file', async (c) => {
    const conf = conference(c.req.param('file'));
    const p = await readParams(c);
    // What the request sets going happens on the participants' calls: those are waited for, not the whole
    // twin (with many calls under way it is never quiet, and Twilio answers at once).
    const calls = [...conf.participants.values()].map((x) => x.call.sid);
    if (param(p, 'AnnounceUrl')) for (const x of conf.participants.values()) await announce(engine, x, p);
    if (param(p, 'Status') === 'completed') store.end(conf, 'conference-ended-via-api');
    await Promise.all(calls.map((sid) => engine.idleButNotifications(sid)));
    return c.json(renderConference(ac, conf));
  });

  app.get('/Conferences/:conf/Participants.json', (c) => {
    const conf = conference(c.req.param('conf'));
    return c.json(
      listPage(c, 'participants', [...conf.participants.values()], (x) => renderParticipant(ac, x)),
    );
  });
  app.get('/Conferences/:conf/Participants/:file', (c) => {
    const conf = conference(c.req.param('conf'));
    return c.json(renderParticipant(ac, participant(conf, c.req.param('file'))));
  });

  app.post('/Conferences/:conf/Participants.json', async (c) => {
    const id = c.req.param('conf');
    const p = await readParams(c);
    const from = param(p, 'From');
    const to = param(p, 'To');
    if (!from || !to) throw new TwilioRestError(400, 21604, 'From and To are required');
    assertCallerId(engine.deps.numbers, from, to);
    const existing = store.conferences.get(id) ?? store.active(id);
    if (!existing && id.startsWith('CF')) throw notFound(id);
    const name = existing?.friendlyName ?? id;
    const coaching = paramBool(p, 'Coaching') ?? false;
    const callSidToCoach = param(p, 'CallSidToCoach');
    if (coaching && !callSidToCoach)
      throw new TwilioRestError(400, 16001, 'CallSidToCoach is required when Coaching is true');
    const cb = param(p, 'ConferenceStatusCallback');
    const events = paramList(p, 'ConferenceStatusCallbackEvent').flatMap((e) => e.split(/[\s,]+/));
    // `Record` records this participant's call from answer to hang-up (§5.1.5); [K] as an OutboundAPI recording.
    const recordCall = callRecordSettings(p, 'OutboundAPI');
    const conferenceRecord = conferenceRecordSettings(p);
    const leg = ringLeg(engine, {
      from,
      to,
      direction: 'outbound-api',
      timeoutSeconds: Math.min(600, Math.max(5, Number(param(p, 'Timeout') ?? 60) || 60)),
      queuedFirst: true,
      ...(recordCall ? { init: { recordCall } } : {}),
    });
    const options = {
      ...(param(p, 'Label') ? { label: param(p, 'Label') as string } : {}),
      muted: paramBool(p, 'Muted') ?? false,
      beep: param(p, 'Beep') ?? 'true',
      startConferenceOnEnter: paramBool(p, 'StartConferenceOnEnter') ?? true,
      endConferenceOnExit: paramBool(p, 'EndConferenceOnExit') ?? false,
      ...(param(p, 'WaitUrl') !== undefined ? { waitUrl: param(p, 'WaitUrl') as string } : {}),
      waitMethod: method(param(p, 'WaitMethod')),
      coaching,
      ...(callSidToCoach ? { callSidToCoach } : {}),
      ...(cb
        ? { statusCallback: cb, statusCallbackMethod: method(param(p, 'ConferenceStatusCallbackMethod')) }
        : {}),
      ...(events.length ? { statusCallbackEvent: events } : {}),
      ...(conferenceRecord ? { record: conferenceRecord } : {}),
    };
    // The leg has no TwiML of its own: it sits in the conference and hangs up when it leaves.
    void leg.outcome.then(async (o) => {
      if (o !== 'answered') {
        const conf = store.active(name);
        if (conf) store.addFailed(conf, leg.call, options, o);
        return;
      }
      await attendConference(engine, leg.call, name, options);
      engine.end(leg.call, 'completed');
    });
    await engine.idle(leg.call.sid);
    const joined = store.active(name)?.participants.get(leg.call.sid);
    const now = engine.clock.now();
    const provisional: ProvisionalParticipant = {
      call: leg.call,
      conferenceSid: store.active(name)?.sid ?? existing?.sid ?? '',
      coaching,
      ...(callSidToCoach ? { callSidToCoach } : {}),
      ...(options.label ? { label: options.label } : {}),
      muted: options.muted,
      hold: false,
      startConferenceOnEnter: options.startConferenceOnEnter,
      endConferenceOnExit: options.endConferenceOnExit,
      status: engine.isEnded(leg.call) ? 'failed' : 'ringing',
      dateCreated: now,
      dateUpdated: now,
    };
    return c.json(renderParticipant(ac, joined ?? provisional), 201);
  });

  app.post('/Conferences/:conf/Participants/:file', async (c) => {
    const part = participant(conference(c.req.param('conf')), c.req.param('file'));
    const p = await readParams(c);
    const coaching = paramBool(p, 'Coaching');
    const callSidToCoach = param(p, 'CallSidToCoach');
    if (coaching && !callSidToCoach && !part.callSidToCoach) {
      throw new TwilioRestError(400, 16001, 'CallSidToCoach is required when Coaching is true');
    }
    const hold = paramBool(p, 'Hold');
    store.update(part, {
      // Only the exact value "true" mutes (docs/twilio-behaviour.md §8.2).
      ...(param(p, 'Muted') !== undefined ? { muted: param(p, 'Muted') === 'true' } : {}),
      ...(param(p, 'HoldUrl') !== undefined ? { holdUrl: param(p, 'HoldUrl') as string } : {}),
      ...(param(p, 'HoldUrl') !== undefined || hold !== undefined
        ? { holdMethod: method(param(p, 'HoldMethod'), 'GET') }
        : {}),
      ...(hold !== undefined ? { hold } : {}),
      ...(coaching !== undefined ? { coaching } : {}),
      ...(callSidToCoach ? { callSidToCoach } : {}),
      ...(paramBool(p, 'EndConferenceOnExit') !== undefined
        ? { endConferenceOnExit: paramBool(p, 'EndConferenceOnExit') as boolean }
        : {}),
      ...(param(p, 'WaitUrl') !== undefined ? { waitUrl: param(p, 'WaitUrl') as string } : {}),
    });
    if (param(p, 'AnnounceUrl')) await announce(engine, part, p);
    await engine.idleButNotifications(part.call.sid);
    return c.json(renderParticipant(ac, part));
  });

  app.delete('/Conferences/:conf/Participants/:file', async (c) => {
    const conf = conference(c.req.param('conf'));
    const part = participant(conf, c.req.param('file'));
    // Its leaving may end the conference (the last one, or one that ends it on exit): every call in it.
    const calls = [...conf.participants.values()].map((x) => x.call.sid);
    store.leave(part, 'participant_updated_via_api');
    engine.end(part.call, 'completed');
    await Promise.all(calls.map((sid) => engine.idleButNotifications(sid)));
    return c.body(null, 204);
  });
}

/** AnnounceUrl: the document's Say/Play reach the participant (TwiML) or the URL plays as audio. */
async function announce(engine: VoiceEngine, part: Participant, p: FormParams): Promise<void> {
  const url = param(p, 'AnnounceUrl') as string;
  const res = await engine.send(part.call, url, method(param(p, 'AnnounceMethod')), engine.params(part.call));
  if (!res.ok) return;
  if (res.contentType.startsWith('audio/')) {
    engine.heard(part.call, { verb: 'play', text: url });
    return;
  }
  const check = checkVoiceTwiml(res.body);
  if (!check.ok) return engine.error(part.call, check.code, check.message);
  for (const v of check.verbs) {
    const text = v.children
      .filter((x): x is string => typeof x === 'string')
      .join('')
      .trim();
    if (v.name === 'Say')
      engine.heard(part.call, { verb: 'say', text, language: v.attrs.language ?? 'en-US' });
    if (v.name === 'Play') engine.heard(part.call, { verb: 'play', text });
  }
}
