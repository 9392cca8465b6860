// Voicemail through the twin: a <Record> message copied into S3 by the worker notifies its mailbox's owner
// (SMS through the send job, not to an opted-out number; email to the outbox); who may list and hear which
// box (agent own and skills' queues, supervisor, admin); listening audited; mark handled; call back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processMailSend } from '../../functions/app/voicemail-notice.js';
import { PermanentJobError } from '../../functions/domain/jobs.js';
import type { Voicemail } from '../../functions/domain/model.js';
import { MAILBOX_SETTINGS } from '../../functions/domain/voicemail-box.js';
import { type ChannelStack, HOTLINE, startChannelStack } from './stack.js';

const LEAD_PHONE = '+8613700000009';
const AGENT2_PHONE = '+8613700000002';
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('voicemail: mailboxes, notices and the desk', () => {
  let s: ChannelStack;
  let queueVm: Voicemail;
  let agentVm: Voicemail;

  /**
   * A caller leaves a message with <Record> and hangs up. The recording callback wins the race against the
   * IVR's action here: the worker stores the media, finds no voicemail item yet and retries; the item is
   * then written as the IVR's action does, and the retry notifies.
   */
  async function leave(caller: string, input: { queue: string; customerId?: string }): Promise<Voicemail> {
    // The twin dials out (an unregistered number answers); the call runs the same <Record> the IVR renders.
    const call = await s.twilio.calls.create({
      to: caller,
      from: HOTLINE,
      twiml: `<Response><Record action="${s.appBase()}/health" maxLength="60" recordingStatusCallback="${s.appBase()}/twilio/recording-status"/></Response>`,
    });
    await s.twin.idle();
    await s.clock.advance(12_000);
    await fetch(`${s.twinBase()}/sim/calls/${call.sid}/hangup`, { method: 'POST' });
    await s.drain();
    const rec = [...s.twin.voice.recordings.recordings.values()].find((r) => r.callSid === call.sid);
    if (!rec) throw new Error('no recording');
    const { voicemail } = await s.store.voicemails.create({
      recordingSid: rec.sid,
      callSid: call.sid,
      caller,
      called: HOTLINE,
      queue: input.queue,
      language: 'zh',
      durationSeconds: 12,
      reason: 'after-hours',
      ...(input.customerId ? { customerId: input.customerId } : {}),
    });
    await s.clock.advance(2000);
    await s.drain();
    return voicemail;
  }

  beforeAll(async () => {
    s = await startChannelStack();
    for (const [id, patch] of [
      ['1001', { skills: ['claims'] }],
      ['1002', { skills: [], phone: AGENT2_PHONE }],
    ] as const) {
      const u = await s.store.users.get(id);
      if (!u) throw new Error(id);
      await s.store.users.update(id, u.version, patch);
    }
    await s.store.settings.put(MAILBOX_SETTINGS, {
      'queue:claims': { sms: [LEAD_PHONE], email: ['claims-lead@example.com'] },
    });
    await s.store.messaging.suppress(AGENT2_PHONE, 'STOP');
    const c = await s.store.customers.create({
      name: 'Wang Fang',
      phones: ['+8613911112222'],
      language: 'zh',
      vipTier: 'gold',
      ownerAgentId: '1002',
    });
    if (!c.ok) throw new Error('customer');
    queueVm = await leave('+8613800138000', { queue: 'claims' });
    agentVm = await leave('+8613911112222', { queue: 'general', customerId: c.value.id });
  }, 60_000);
  afterAll(() => s?.stop());

  it("stores the message like a recording, under voicemails/, and deletes Twilio's copy", async () => {
    const rec = await s.store.recordings.get(queueVm.recordingSid);
    expect(rec).toMatchObject({ kind: 'voicemail', voicemailId: queueVm.recordingSid, source: 'RecordVerb' });
    expect(rec?.s3Key).toMatch(/^voicemails\//);
    expect(rec?.twilioDeletedAt).toMatch(ISO_TIME);
    expect(s.twin.voice.recordings.recordings.get(queueVm.recordingSid)?.status).toBe('deleted');
    expect(s.queue.stats.deadLettered).toBe(0);
  });

  it('notifies the queue box by SMS and email, once', async () => {
    const texts = (await s.sim(`/messages?to=${encodeURIComponent(LEAD_PHONE)}`)).body.messages as {
      body: string;
    }[];
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toContain('queue:claims');
    expect(texts[0]?.body).toContain('+8613800138000');
    const mail = (await s.outbox.list()).filter((m) => m.to === 'claims-lead@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('New voicemail in queue:claims');
  });

  it("puts an owned customer's message in the owner agent's box, and texts nobody who opted out", async () => {
    expect((await s.store.voicemails.get(agentVm.recordingSid))?.agentId).toBe('1002');
    const texts = (await s.sim(`/messages?to=${encodeURIComponent(AGENT2_PHONE)}`)).body.messages;
    expect(texts).toHaveLength(0);
    const thread = await s.store.messaging.thread(AGENT2_PHONE);
    expect(thread.items.map((m) => [m.status, m.purpose])).toEqual([['suppressed', 'voicemail']]);
  });

  it("agents list their own box and their skills' queues; supervisors and admins every box", async () => {
    const sids = async (who: string, q = '') =>
      ((await s.api('GET', `/voicemails${q}`, who)).body.items as { recordingSid: string }[]).map(
        (v) => v.recordingSid,
      );
    expect(await sids('1001')).toEqual([queueVm.recordingSid]);
    expect(await sids('1002')).toEqual([agentVm.recordingSid]);
    for (const who of ['sup1', 'admin'])
      expect(new Set(await sids(who))).toEqual(new Set([queueVm.recordingSid, agentVm.recordingSid]));
    expect(await sids('sup1', '?mailbox=agent:1002')).toEqual([agentVm.recordingSid]);
    expect((await s.api('GET', '/voicemails?mailbox=agent:1002', '1001')).status).toBe(403);
    expect((await s.api('GET', '/voicemails?mailbox=queue:claims', '1002')).status).toBe(403);
    expect((await s.api('GET', `/voicemails/${agentVm.recordingSid}`, '1001')).status).toBe(403);
    expect((await s.api('POST', `/voicemails/${agentVm.recordingSid}/playback`, '1001')).status).toBe(403);
    expect((await s.api('POST', `/voicemails/${queueVm.recordingSid}/handled`, '1002')).status).toBe(403);
    expect((await s.api('POST', `/voicemails/${queueVm.recordingSid}/callback`, '1002')).status).toBe(403);
    const one = await s.api('GET', `/voicemails/${queueVm.recordingSid}`, '1001');
    expect(one.body).toMatchObject({ mailbox: 'queue:claims', stored: true, status: 'new' });
    expect((await s.api('GET', `/voicemails/RE${'f'.repeat(32)}`, 'admin')).status).toBe(404);
    expect((await fetch(`${s.appBase()}/api/voicemails`)).status).toBe(401);
  });

  it('listening is a presigned URL that plays, and every listen is audited', async () => {
    const res = await s.api('POST', `/voicemails/${queueVm.recordingSid}/playback`, '1001');
    expect(res.status).toBe(200);
    const audio = new Uint8Array(await (await fetch(res.body.url)).arrayBuffer());
    expect(Buffer.from(audio.subarray(0, 4)).toString()).toBe('RIFF');
    const audit = (await s.store.audit.byActor('1001')).items;
    expect(audit.find((a) => a.action === 'voicemail.playback')).toMatchObject({
      target: queueVm.recordingSid,
      detail: { mailbox: 'queue:claims' },
    });
    expect((await s.api('POST', `/voicemails/${agentVm.recordingSid}/playback`, 'sup1')).status).toBe(200);
  });

  it('mark handled takes the message off the new list, once', async () => {
    const res = await s.api('POST', `/voicemails/${queueVm.recordingSid}/handled`, '1001');
    expect(res.body).toMatchObject({ status: 'handled', handledBy: '1001' });
    const again = await s.api('POST', `/voicemails/${queueVm.recordingSid}/handled`, '1001');
    expect(again.body.version).toBe(res.body.version);
    expect((await s.api('GET', '/voicemails', '1001')).body.items).toEqual([]);
    const handled = await s.api('GET', '/voicemails?status=handled', '1001');
    expect(handled.body.items.map((v: { recordingSid: string }) => v.recordingSid)).toEqual([
      queueVm.recordingSid,
    ]);
  });

  it('call back creates a callback task for the agent, keeping when the message was left', async () => {
    const res = await s.api('POST', `/voicemails/${agentVm.recordingSid}/callback`, '1002');
    expect(res.status).toBe(201);
    expect(res.body.task).toMatchObject({
      kind: 'callback',
      status: 'open',
      assigneeId: '1002',
      phone: '+8613911112222',
      queue: 'general',
      enqueuedAt: agentVm.createdAt,
    });
    expect((await s.store.voicemails.get(agentVm.recordingSid))?.taskId).toBe(res.body.task.id);
    const again = await s.api('POST', `/voicemails/${agentVm.recordingSid}/callback`, 'sup1');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, task: { id: res.body.task.id, assigneeId: 'sup1' } });
  });
  it("files a message whose IVR action never wrote the item (store down), in its call's queue", async () => {
    const caller = '+8613855556666';
    const call = await s.twilio.calls.create({
      to: caller,
      from: HOTLINE,
      twiml: `<Response><Record action="${s.appBase()}/health" maxLength="60" recordingStatusCallback="${s.appBase()}/twilio/recording-status"/></Response>`,
    });
    await s.store.calls.record({
      callSid: call.sid,
      direction: 'inbound',
      from: caller,
      to: HOTLINE,
      startedAt: new Date(s.clock.now()).toISOString(),
      status: 'in-progress',
      queue: 'support',
    });
    await s.twin.idle();
    await s.clock.advance(8000);
    await fetch(`${s.twinBase()}/sim/calls/${call.sid}/hangup`, { method: 'POST' });
    await s.drain();
    const rec = [...s.twin.voice.recordings.recordings.values()].find((r) => r.callSid === call.sid);
    if (!rec) throw new Error('no recording');
    expect(await s.store.voicemails.get(rec.sid)).toBeUndefined(); // the action may still land
    for (let i = 0; i < 4; i++) {
      await s.clock.advance(8000);
      await s.drain();
    }
    expect(await s.store.voicemails.get(rec.sid)).toMatchObject({
      reason: 'unfiled',
      queue: 'support',
      caller,
      status: 'new',
    });
    expect((await s.store.recordings.get(rec.sid))?.twilioDeletedAt).toMatch(ISO_TIME);
    expect(s.twin.voice.recordings.recordings.get(rec.sid)?.status).toBe('deleted');
    expect(s.queue.stats.deadLettered).toBe(0);
  });
  it('mail goes out once per key on its own job; with no sender it is a dead letter at once', async () => {
    const job = { kind: 'mail-send', to: 'x@example.com', subject: 's', text: 't', dedupeKey: 'k1' } as const;
    const deps = { store: s.store, clock: s.clock, mail: s.outbox };
    expect(await processMailSend(deps, job)).toBe('sent');
    expect(await processMailSend(deps, job)).toBe('duplicate');
    expect((await s.outbox.list()).filter((m) => m.to === 'x@example.com')).toHaveLength(1);
    await expect(processMailSend({ store: s.store, clock: s.clock }, job)).rejects.toBeInstanceOf(
      PermanentJobError,
    );
  });
});
