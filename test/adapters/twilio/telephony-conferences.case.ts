// TelephonyPort contract, conferences: list them by name and status, add participants (by friendly
// name or SID), read them (label, hold, muted, coaching), hold with music, mute, coach, remove, end.
import { describe, expect, it } from 'vitest';
import { refusal } from './refusal.js';
import {
  joinConference,
  type TelephonyFixture,
  UNKNOWN_CALL,
  UNKNOWN_CONFERENCE,
} from './telephony-fixture.js';

/** A customer waiting alone in conference `name`, then an agent added to it by friendly name. */
async function desk(f: () => TelephonyFixture, name = 'desk') {
  const { port, callerId, phones } = f();
  const customer = (await port.createCall({ from: callerId, to: phones[0], twiml: joinConference(name) }))
    .sid;
  await f().settle();
  const [waiting] = await port.conferences({ name });
  const { callSid: agent } = await port.addParticipant(name, {
    from: callerId,
    to: phones[1],
    label: 'agent',
    endConferenceOnExit: false,
    beep: false,
  });
  await f().settle();
  return { customer, agent, conference: waiting?.sid ?? '' };
}

export function conferenceCases(f: () => TelephonyFixture): void {
  describe('conferences and participants', () => {
    it('lists conferences by friendly name and by status', async () => {
      const { port, callerId, phones } = f();
      await port.createCall({ from: callerId, to: phones[2], twiml: joinConference('elsewhere') });
      await port.createCall({ from: callerId, to: phones[0], twiml: joinConference('desk') });
      await f().settle();
      const [alone] = await port.conferences({ name: 'desk' });
      expect(await port.conferences({ name: 'desk' })).toEqual([
        { sid: expect.stringMatching(/^CF[0-9a-f]{32}$/), name: 'desk', status: 'init' },
      ]);
      // One participant does not start a conference.
      expect(await port.conferences({ name: 'desk', status: 'in-progress' })).toEqual([]);

      await port.addParticipant('desk', { from: callerId, to: phones[1], label: 'agent' });
      await f().settle();
      expect(await port.conferences({ name: 'desk', status: 'in-progress' })).toEqual([
        { sid: alone?.sid, name: 'desk', status: 'in-progress' },
      ]);
      expect((await port.conferences({ status: 'in-progress' })).map((c) => c.name)).toEqual(['desk']);
      expect((await port.conferences({})).map((c) => c.name).sort()).toEqual(['desk', 'elsewhere']);
    });

    it('adds a participant by friendly name and lists participants with label, hold and mute', async () => {
      const { port, callerId, phones } = f();
      const { customer, agent, conference } = await desk(f);
      expect(agent).toMatch(/^CA[0-9a-f]{32}$/);
      const listed = await port.participants(conference);
      expect(listed).toHaveLength(2);
      expect(listed.find((p) => p.callSid === agent)).toMatchObject({
        label: 'agent',
        hold: false,
        muted: false,
      });
      const caller = listed.find((p) => p.callSid === customer);
      expect(caller).toMatchObject({ hold: false, muted: false });
      expect(caller?.label).toBeUndefined();

      // A participant can be added muted, by the conference SID as well.
      const { callSid: listener } = await port.addParticipant(conference, {
        from: callerId,
        to: phones[2],
        label: 'listener',
        muted: true,
      });
      await f().settle();
      expect((await port.participants(conference)).find((p) => p.callSid === listener)).toMatchObject({
        label: 'listener',
        muted: true,
        hold: false,
      });
    });

    it('starts a conference by adding a participant to a friendly name not in use yet', async () => {
      const { port, callerId, phones } = f();
      const { callSid } = await port.addParticipant('brand-new', { from: callerId, to: phones[0] });
      await f().settle();
      const [created] = await port.conferences({ name: 'brand-new' });
      expect(created).toMatchObject({ name: 'brand-new', status: 'init' });
      expect((await port.participants(created?.sid ?? '')).map((p) => p.callSid)).toEqual([callSid]);
    });

    it('holds a participant with hold music and takes it off hold; mutes and unmutes', async () => {
      const { port } = f();
      const { customer, agent, conference } = await desk(f);
      const fetched = f().holdUrlFetches();
      await port.updateParticipant(conference, customer, { hold: true, holdUrl: f().holdUrl });
      await f().settle();
      const held = await port.participants(conference);
      expect(held.find((p) => p.callSid === customer)).toMatchObject({ hold: true, muted: false });
      expect(held.find((p) => p.callSid === agent)).toMatchObject({ hold: false });
      expect(f().holdUrlFetches()).toBeGreaterThan(fetched);
      await port.updateParticipant(conference, customer, { hold: false });
      expect((await port.participants(conference)).find((p) => p.callSid === customer)?.hold).toBe(false);

      await port.updateParticipant(conference, agent, { muted: true });
      expect((await port.participants(conference)).find((p) => p.callSid === agent)?.muted).toBe(true);
      await port.updateParticipant(conference, agent, { muted: false });
      expect((await port.participants(conference)).find((p) => p.callSid === agent)?.muted).toBe(false);
    });

    it('adds a coach for the agent, and switches coaching off and on again', async () => {
      const { port, callerId, phones } = f();
      const { agent, conference } = await desk(f);
      const { callSid: coach } = await port.addParticipant(conference, {
        from: callerId,
        to: phones[2],
        label: 'supervisor',
        coaching: true,
        callSidToCoach: agent,
      });
      await f().settle();
      const find = async () => (await port.participants(conference)).find((p) => p.callSid === coach);
      expect(await find()).toMatchObject({ label: 'supervisor', coaching: true });
      await port.updateParticipant(conference, coach, { coaching: false });
      expect((await find())?.coaching).toBe(false);
      await port.updateParticipant(conference, coach, { coaching: true, callSidToCoach: agent });
      expect((await find())?.coaching).toBe(true);
    });

    it('removes a participant, hanging up its leg, and ends the conference for everyone', async () => {
      const { port, callerId, phones } = f();
      const { customer, agent, conference } = await desk(f);
      const { callSid: third } = await port.addParticipant(conference, { from: callerId, to: phones[2] });
      await f().settle();
      await port.removeParticipant(conference, third);
      await f().settle();
      expect((await port.participants(conference)).map((p) => p.callSid).sort()).toEqual(
        [customer, agent].sort(),
      );
      expect((await port.call(third))?.status).toBe('completed');

      await port.endConference(conference);
      await f().settle();
      expect(await port.conferences({ name: 'desk' })).toEqual([
        { sid: conference, name: 'desk', status: 'completed' },
      ]);
      expect((await port.call(customer))?.status).toBe('completed');
      expect((await port.call(agent))?.status).toBe('completed');
    });

    it('ends the conference when a participant added with endConferenceOnExit leaves', async () => {
      const { port, callerId, phones } = f();
      const customer = (
        await port.createCall({ from: callerId, to: phones[0], twiml: joinConference('desk') })
      ).sid;
      await f().settle();
      const { callSid: agent } = await port.addParticipant('desk', {
        from: callerId,
        to: phones[1],
        endConferenceOnExit: true,
      });
      await f().settle();
      await port.removeParticipant((await port.conferences({ name: 'desk' }))[0]?.sid ?? '', agent);
      await f().settle();
      expect((await port.conferences({ name: 'desk' }))[0]?.status).toBe('completed');
      expect((await port.call(customer))?.status).toBe('completed');
    });

    it('gives up on a participant who does not answer within the timeout', async () => {
      const { port, callerId, silentPhone } = f();
      const { conference } = await desk(f);
      const { callSid } = await port.addParticipant(conference, {
        from: callerId,
        to: silentPhone,
        timeoutSeconds: 10,
      });
      await f().settle();
      expect((await port.call(callSid))?.status).toBe('ringing');
      await f().advance(11);
      expect((await port.call(callSid))?.status).toBe('no-answer');
      expect((await port.participants(conference)).map((p) => p.callSid)).not.toContain(callSid);
    });

    it('refuses unknown conferences and participants with a ProviderError carrying status and code', async () => {
      const { port } = f();
      const { conference } = await desk(f);
      expect(await refusal(port.participants(UNKNOWN_CONFERENCE))).toMatchObject({
        status: 404,
        code: 20404,
      });
      expect(await refusal(port.removeParticipant(conference, UNKNOWN_CALL))).toMatchObject({
        status: 404,
        code: 20404,
      });
      expect(await refusal(port.updateParticipant(conference, UNKNOWN_CALL, { muted: true }))).toMatchObject({
        status: 404,
      });
      expect(await refusal(port.endConference(UNKNOWN_CONFERENCE))).toMatchObject({ status: 404 });
    });
  });
}
