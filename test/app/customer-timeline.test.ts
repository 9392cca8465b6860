// The timeline on the dynalite store, for what the e2e test does not reach: recordings and voicemails
// are listed once each, and marked playable only for who may play them (the call's agent, the box's
// agents, the customer's owner agent, supervisors).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerTimeline } from '../../functions/app/customer-timeline.js';
import type { Role, User } from '../../functions/domain/model.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

let t: TestStore;
const CUSTOMER = 'cus-t1';
const CALL = `CA${'1'.repeat(32)}`;
const CALL_REC = `RE${'a'.repeat(32)}`;
const VOICEMAIL = `RE${'b'.repeat(32)}`;

const user = (id: string, roles: readonly Role[], skills: readonly string[] = []): User => ({
  id,
  name: id,
  roles,
  skills,
  languages: ['en'],
  regions: [],
  disabled: false,
  passwordHash: '',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
});

const recording = (sid: string, kind: 'call' | 'voicemail', agentId?: string) => ({
  sid,
  kind,
  ...(kind === 'call' ? { callSid: CALL } : { voicemailId: sid }),
  ...(agentId ? { agentId } : {}),
  customerId: CUSTOMER,
  startedAt: '2026-03-01T09:05:00.000Z',
  durationSeconds: 40,
  channels: kind === 'call' ? (2 as const) : (1 as const),
  source: kind === 'call' ? 'Conference' : 'RecordVerb',
  ticketNumbers: [],
  s3Key: `x/${sid}.wav`,
  contentType: 'audio/wav',
  sizeBytes: 44,
  sha256: '0'.repeat(64),
  storedAt: '2026-03-01T09:06:00.000Z',
});

beforeAll(async () => {
  t = await createTestStore();
  await t.store.customers.create({
    id: CUSTOMER,
    name: 'Timeline Test',
    phones: ['+8613800001111'],
    language: 'en',
    vipTier: 'none',
    ownerAgentId: '1009',
  });
  await t.store.calls.record({
    callSid: CALL,
    direction: 'inbound',
    from: '+8613800001111',
    to: '+18005550111',
    startedAt: '2026-03-01T09:04:00.000Z',
    status: 'completed',
    customerId: CUSTOMER,
    agentId: '1001',
  });
  await t.store.calls.update(CALL, {
    disposition: 'rescue-dispatched',
    answeredAt: '2026-03-01T09:04:30.000Z',
    endedAt: '2026-03-01T09:06:00.000Z',
  });
  await t.store.recordings.save(recording(CALL_REC, 'call', '1001'));
  await t.store.recordings.save(recording(VOICEMAIL, 'voicemail'));
  await t.store.voicemails.create({
    recordingSid: VOICEMAIL,
    callSid: `CA${'2'.repeat(32)}`,
    caller: '+8613800001111',
    called: '+18005550111',
    customerId: CUSTOMER,
    queue: 'rescue',
    language: 'en',
    durationSeconds: 12,
    reason: 'after-hours',
  });
});
afterAll(() => t.stop());

const read = (who: User) =>
  customerTimeline({ store: t.store, config: { defaultPhoneRegion: 'CN' } }, who, CUSTOMER);

describe('customer timeline', () => {
  it('lists the call with its rescue outcome, one recording entry and one voicemail entry', async () => {
    const { items } = await read(user('sup1', ['supervisor']));
    expect(items.filter((e) => e.kind === 'recording')).toHaveLength(1);
    expect(items.filter((e) => e.kind === 'voicemail')).toHaveLength(1);
    expect(items.find((e) => e.kind === 'call')).toMatchObject({
      disposition: 'rescue-dispatched',
      dispositionLabel: { en: 'Rescue dispatched' },
      durationSeconds: 90,
    });
  });

  it('marks audio playable for a supervisor, the agent on the call, the box and the owner agent only', async () => {
    const playable = async (who: User) =>
      Object.fromEntries(
        (await read(who)).items
          .filter((e) => e.kind === 'recording' || e.kind === 'voicemail')
          .map((e) => [e.kind, 'playable' in e ? e.playable : undefined]),
      );
    expect(await playable(user('sup1', ['supervisor']))).toEqual({ recording: true, voicemail: true });
    expect(await playable(user('1001', ['agent']))).toEqual({ recording: true, voicemail: false });
    expect(await playable(user('1005', ['agent'], ['rescue']))).toEqual({
      recording: false,
      voicemail: true,
    });
    expect(await playable(user('1009', ['agent']))).toEqual({ recording: false, voicemail: true });
    expect(await playable(user('1007', ['agent'], ['claims']))).toEqual({
      recording: false,
      voicemail: false,
    });
  });
});
