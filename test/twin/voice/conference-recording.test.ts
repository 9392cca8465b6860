// Recording conference calls: the TaskRouter conference instruction's `record` (docs/twilio-behaviour.md §4.8),
// Participants API `Record` and `ConferenceRecord` (§8.2, §5.1.5) and `<Conference record>` (§3.8): which call
// owns the recording, its source, channels, duration on the twin's clock, media, callbacks, pause (§5.1.4).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
  h.route('/rec', '');
  h.route('/conf-rec', '');
});
afterEach(() => h.close());

const auth = {
  authorization: `Basic ${Buffer.from(`${ACCOUNT.accountSid}:${ACCOUNT.authToken}`).toString('base64')}`,
};
const join = async (from: string) =>
  (await h.sim('/calls', { from, to: '+18005550100' })).body.callSid as string;
const callbacks = (path: string) => h.at(path).map((r) => r.params);

async function agentCall(params: Record<string, string>) {
  h.twin.setTaskRouter({
    createTaskForCall: async () => ({ ok: true, taskSid: 'WTrec' }),
    cancelTaskForCall: async () => {},
  });
  h.route('/voice', xml('<Enqueue workflowSid="WW1" waitUrl=""/>'));
  const customer = await join('+15550001111');
  h.twin.parties.register('client:alice', { policy: 'answer' });
  let conferenceSid = '';
  await h.twin.voicePort.conference({
    callSid: customer,
    reservationSid: 'WR1',
    taskSid: 'WTrec',
    to: 'client:alice',
    from: '+18005550100',
    params,
    onOutcome: (_, cf) => {
      conferenceSid = cf ?? '';
    },
  });
  await h.twin.idle();
  const parts = await h.client.conferences(conferenceSid).participants.list();
  const agentLeg = parts.map((p) => p.callSid).find((sid) => sid !== customer) ?? '';
  return { customer, agentLeg, conferenceSid };
}

describe('conference instruction Record (TaskRouter §4.8)', () => {
  it('records the agent leg in two channels until it ends, with in-progress and completed callbacks', async () => {
    const { customer, agentLeg } = await agentCall({
      EndConferenceOnCustomerExit: 'true',
      Record: 'true',
      RecordingChannels: 'dual',
      RecordingStatusCallback: h.url('/rec?call=mine'),
      RecordingStatusCallbackEvent: 'in-progress completed',
    });
    expect(callbacks('/rec').map((p) => p.RecordingStatus)).toEqual(['in-progress']);
    await h.advance(42_000);
    await h.sim(`/calls/${customer}/hangup`, {});
    await h.twin.idle();
    const done = callbacks('/rec').at(-1);
    expect(done).toMatchObject({
      CallSid: agentLeg,
      RecordingStatus: 'completed',
      RecordingChannels: '2',
      RecordingDuration: '42',
      RecordingSource: 'OutboundAPI',
      call: 'mine', // the callback URL's own query is kept
    });
    const rec = await h.client.recordings(done?.RecordingSid as string).fetch();
    expect(rec).toMatchObject({ callSid: agentLeg, channels: 2, duration: '42', status: 'completed' });
    const media = await fetch(`${done?.RecordingUrl}.wav`, { headers: auth });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
  });

  it('pauses on the agent leg; the customer call has no recording and answers 404 (§5.1.4)', async () => {
    const { customer, agentLeg } = await agentCall({ Record: 'true', RecordingChannels: 'dual' });
    const paused = await h.client.calls(agentLeg).recordings('Twilio.CURRENT').update({ status: 'paused' });
    expect(paused.status).toBe('paused');
    const resumed = await h.client.calls(agentLeg).recordings(paused.sid).update({ status: 'in-progress' });
    expect(resumed.status).toBe('in-progress');
    const wrong = h.client.calls(customer).recordings('Twilio.CURRENT').update({ status: 'paused' });
    await expect(wrong).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('leaves the agent leg unrecorded without Record', async () => {
    const { customer } = await agentCall({});
    await h.advance(5_000);
    await h.sim(`/calls/${customer}/hangup`, {});
    expect(await h.client.recordings.list()).toHaveLength(0);
  });
});

describe('Participants API Record and ConferenceRecord (§8.2, §5.1.5)', () => {
  it('records the added participant dual and the conference mono from its start', async () => {
    h.route('/voice', xml('<Dial><Conference endConferenceOnExit="true">room</Conference></Dial>'));
    const host = await join('+15550002222');
    h.twin.parties.register('+15550003333', { policy: 'answer' });
    const added = await h.client.conferences('room').participants.create({
      from: '+18005550100',
      to: '+15550003333',
      record: true,
      recordingChannels: 'dual',
      recordingStatusCallback: h.url('/rec'),
      conferenceRecord: 'record-from-start',
      conferenceRecordingStatusCallback: h.url('/conf-rec'),
    });
    await h.twin.idle();
    await h.advance(30_000);
    await h.sim(`/calls/${host}/hangup`, {});
    await h.twin.idle();
    expect(callbacks('/rec')).toEqual([
      expect.objectContaining({ CallSid: added.callSid, RecordingChannels: '2', RecordingDuration: '30' }),
    ]);
    const conf = callbacks('/conf-rec');
    expect(conf).toHaveLength(1);
    expect(conf[0]).toMatchObject({
      RecordingSource: 'Conference',
      RecordingChannels: '1',
      RecordingDuration: '30',
    });
    expect(conf[0]?.ConferenceSid).toMatch(/^CF/);
    expect(conf[0]?.CallSid).toBeUndefined();
  });
});

describe('<Conference record="record-from-start"> (§3.8)', () => {
  it('records from when the second participant arrives, wait time excluded, one channel', async () => {
    h.route(
      '/voice',
      xml(
        '<Dial><Conference record="record-from-start" recordingStatusCallback="/conf-rec">room</Conference></Dial>',
      ),
    );
    const a = await join('+15550004444');
    await h.advance(20_000); // alone: wait music, not recorded
    const b = await join('+15550005555');
    await h.advance(15_000);
    await h.sim(`/calls/${a}/hangup`, {});
    await h.sim(`/calls/${b}/hangup`, {});
    await h.twin.idle();
    expect(callbacks('/conf-rec')).toEqual([
      expect.objectContaining({
        RecordingSource: 'Conference',
        RecordingChannels: '1',
        RecordingDuration: '15',
        RecordingStatus: 'completed',
      }),
    ]);
  });
});
