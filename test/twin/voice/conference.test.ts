// <Conference> and the Participants API (docs/twilio-behaviour.md §3.8, §8.1-8.4, Appendix A items 5-6): start rules, wait music,
// endConferenceOnExit, the first participant's statusCallback, coaching, hold with holdUrl (GET default), mute.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
  h.route('/events', '');
});
afterEach(() => h.close());

const join = async (from: string) =>
  (await h.sim('/calls', { from, to: '+18005550100' })).body.callSid as string;
const conf = async (name: string) => (await h.sim(`/conferences/${name}`)).body;

describe('Conference noun (§3.8)', () => {
  it('starts with two participants, plays waitUrl until then, first statusCallback wins, end on exit', async () => {
    h.route('/voice', (p) =>
      xml(
        p.From === '+1'
          ? '<Dial action="/after"><Conference waitUrl="/wait" statusCallback="/events" statusCallbackEvent="start end join leave">room</Conference></Dial>'
          : '<Dial action="/after"><Conference endConferenceOnExit="true" statusCallback="/ignored" statusCallbackEvent="join">room</Conference></Dial>',
      ),
    );
    h.route('/wait', xml('<Say>Waiting for others</Say>'));
    h.route('/after', xml('<Say>Conference over</Say>'));
    const a = await join('+1');
    expect((await conf('room')).status).toBe('init');
    expect((await h.view(a)).heard.map((x: { text: string }) => x.text)).toContain('Waiting for others');
    expect(h.at('/wait')).toHaveLength(1); // then silence, not a loop
    await h.advance(60_000);
    expect(h.at('/wait')).toHaveLength(1);
    const b = await join('+2');
    expect((await conf('room')).status).toBe('in-progress');
    await h.advance(30_000);
    await h.sim(`/calls/${b}/hangup`, {});
    const events = h.at('/events').map((r) => r.params.StatusCallbackEvent);
    expect(events).toEqual([
      'participant-join',
      'participant-join',
      'conference-start',
      'participant-leave',
      'participant-leave',
      'conference-end',
    ]);
    const end = h.at('/events').at(-1)?.params;
    expect(end).toMatchObject({
      ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left',
      CallSidEndingConference: b,
    });
    expect(h.at('/ignored')).toHaveLength(0);
    // A's call continues at the Dial action, without DialCallSid/DialCallDuration (Appendix A item 5).
    const after = h.at('/after').find((r) => r.params.CallSid === a)?.params;
    expect(after?.DialCallStatus).toBe('completed');
    expect(after?.DialCallSid).toBeUndefined();
    expect(after?.DialCallDuration).toBeUndefined();
    expect((await h.view(a)).heard.at(-1).text).toBe('Conference over');
  });

  it('startConferenceOnEnter=false participants alone do not start it; a coach is heard only by the coached call', async () => {
    let agent = '';
    h.route('/voice', (p) => {
      if (p.From === '+cust')
        return xml('<Dial><Conference startConferenceOnEnter="false" waitUrl="">c1</Conference></Dial>');
      if (p.From === '+agent') return xml('<Dial><Conference>c1</Conference></Dial>');
      return xml(`<Dial><Conference coach="${agent}" beep="false">c1</Conference></Dial>`);
    });
    const cust = await join('+cust');
    agent = await join('+agent');
    const sup = await join('+sup');
    const c = await conf('c1');
    expect(c.status).toBe('in-progress');
    expect(c.hears[agent]).toEqual(expect.arrayContaining([cust, sup]));
    expect(c.hears[cust]).toEqual([agent]);
  });
});

describe('Participants API (§8.2-8.4)', () => {
  it('adds a participant, mutes (only "true"), coaches, barges, holds with holdUrl via GET, unholds, removes', async () => {
    h.route(
      '/voice',
      xml(
        '<Dial><Conference statusCallback="/events" statusCallbackEvent="join leave mute hold modify">desk</Conference></Dial>',
      ),
    );
    h.route('/hold', xml('<Play>https://x.example/hold.mp3</Play>'));
    const cust = await join('+cust');
    h.twin.parties.register('client:agent1', { policy: 'answer' });
    const p = await h.client.conferences('desk').participants.create({
      from: '+18005550100',
      to: 'client:agent1',
      endConferenceOnExit: false,
      label: 'agent',
    });
    expect(p.callSid).toMatch(/^CA/);
    expect(p.status).toBe('connected');
    const agent = p.callSid;
    const conference = (await h.client.conferences.list({ friendlyName: 'desk' }))[0];
    expect(conference?.status).toBe('in-progress');
    const cf = conference?.sid as string;
    expect((await h.client.conferences(cf).participants.list()).map((x) => x.callSid).sort()).toEqual(
      [cust, agent].sort(),
    );

    h.twin.parties.register('client:sup', { policy: 'answer' });
    const sup = (
      await h.client
        .conferences(cf)
        .participants.create({ from: '+18005550100', to: 'client:sup', muted: true, beep: 'false' })
    ).callSid;
    expect((await conf('desk')).hears[cust]).toEqual([agent]);
    await h.client.conferences(cf).participants(sup).update({ coaching: true, callSidToCoach: agent });
    await h.client.conferences(cf).participants(sup).update({ muted: false });
    let c = await conf('desk');
    expect(c.hears[agent]).toContain(sup);
    expect(c.hears[cust]).not.toContain(sup);
    await h.client.conferences(cf).participants(sup).update({ coaching: false });
    expect((await conf('desk')).hears[cust]).toContain(sup);

    const held = await h.client
      .conferences(cf)
      .participants(cust)
      .update({ hold: true, holdUrl: h.url('/hold') });
    expect(held.hold).toBe(true);
    expect(h.at('/hold')[0]?.method).toBe('GET');
    expect((await h.view(cust)).heard.at(-1).text).toBe('https://x.example/hold.mp3');
    c = await conf('desk');
    expect(c.hears[cust]).toEqual([]);
    expect(c.hears[agent]).not.toContain(cust);
    await h.client.conferences(cf).participants(cust).update({ hold: false });
    expect((await conf('desk')).hears[cust]).toContain(agent);

    // Any value but exactly "true" unmutes (docs/twilio-behaviour.md §8.2); through the raw API since the client sends booleans.
    await h.client.conferences(cf).participants(agent).update({ muted: true });
    expect((await h.client.conferences(cf).participants(agent).fetch()).muted).toBe(true);

    await h.client.conferences(cf).participants(sup).remove();
    expect((await h.view(sup)).status).toBe('completed');
    const events = h.at('/events').map((r) => r.params.StatusCallbackEvent);
    expect(events).toEqual(
      expect.arrayContaining([
        'participant-join',
        'participant-mute',
        'participant-unmute',
        'participant-modify',
        'participant-hold',
        'participant-unhold',
        'participant-leave',
      ]),
    );
    await h.client.conferences(cf).update({ status: 'completed' });
    expect((await h.client.conferences(cf).fetch()).status).toBe('completed');
    expect((await h.view(cust)).status).toBe('completed');
  });

  it('the TaskRouter conference instruction puts caller and agent into a conference named after the task', async () => {
    h.twin.setTaskRouter({
      createTaskForCall: async () => ({ ok: true, taskSid: 'WTconf' }),
      cancelTaskForCall: async () => {},
    });
    h.route('/voice', xml('<Enqueue workflowSid="WW1" waitUrl=""/>'));
    const cust = await join('+cust');
    h.twin.parties.register('client:alice', { policy: 'answer' });
    const outcomes: unknown[] = [];
    await h.twin.voicePort.conference({
      callSid: cust,
      reservationSid: 'WR1',
      taskSid: 'WTconf',
      to: 'client:alice',
      from: '+18005550100',
      params: { EndConferenceOnCustomerExit: 'true' },
      onOutcome: (o, cf) => outcomes.push([o, cf]),
    });
    await h.twin.idle();
    const c = await conf('WTconf');
    expect(outcomes).toEqual([['bridged', c.sid]]);
    expect(c.participants).toHaveLength(2);
    await h.sim(`/calls/${cust}/hangup`, {});
    expect((await conf(c.sid)).status).toBe('completed');
  });
});
