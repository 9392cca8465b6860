// The voicemail use cases on the dynalite store, for the rules the route tests do not reach: an agent's
// boxes merged newest first and capped, listening refused until the media is stored, and calling back on
// a message whose task someone else holds (reassigned) or that is already closed (a new task).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callBackVoicemail,
  listVoicemails,
  markVoicemailHandled,
  playVoicemail,
  type VoicemailPlaybackDeps,
} from '../../functions/app/voicemails.js';
import type { MediaStore } from '../../functions/domain/channel-ports.js';
import type { Role, User } from '../../functions/domain/model.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

let t: TestStore;
let deps: VoicemailPlaybackDeps;
const presigned: string[] = [];

/** Only presigning is reached by these use cases; the URL names the key and lifetime it was asked for. */
const media: MediaStore = {
  async put() {},
  async head() {
    return undefined;
  },
  async read() {
    return undefined;
  },
  async digest() {
    return undefined;
  },
  async presignGet(key, ttl) {
    presigned.push(key);
    return `https://media.example.com/${key}?X-Amz-Expires=${ttl}`;
  },
};

const user = (id: string, roles: readonly Role[], skills: readonly string[]): User => ({
  id,
  name: id,
  roles,
  skills,
  languages: ['zh'],
  regions: [],
  disabled: false,
  passwordHash: '',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
});
const agent = user('1001', ['agent'], ['claims']);
const otherAgent = user('1003', ['agent'], ['claims']);
const supervisor = user('sup1', ['supervisor'], []);

const sid = (ch: string) => `RE${ch.repeat(32)}`;

async function leave(recordingSid: string, box: { queue: string; agentId?: string }) {
  t.clock.advance(60_000);
  await t.store.voicemails.create({
    recordingSid,
    callSid: `CA${'1'.repeat(32)}`,
    caller: '+8613800003333',
    called: '+18005550100',
    language: 'zh',
    durationSeconds: 12,
    reason: 'after-hours',
    ...box,
  });
}

async function store(recordingSid: string) {
  await t.store.recordings.save({
    sid: recordingSid,
    kind: 'voicemail',
    voicemailId: recordingSid,
    startedAt: '2026-03-01T09:00:00.000Z',
    durationSeconds: 12,
    channels: 1,
    source: 'RecordVerb',
    ticketNumbers: [],
    s3Key: `voicemails/2026/03/01/no-call/${recordingSid}.wav`,
    contentType: 'audio/wav',
    sizeBytes: 44,
    sha256: '0'.repeat(64),
    storedAt: '2026-03-01T09:00:00.000Z',
  });
}

beforeAll(async () => {
  t = await createTestStore();
  deps = { store: t.store, clock: t.clock, media, playbackTtlSeconds: 300 };
  await leave(sid('a'), { queue: 'claims' });
  await leave(sid('b'), { queue: 'claims', agentId: '1001' });
  await leave(sid('c'), { queue: 'sales' });
  await leave(sid('d'), { queue: 'claims' });
  await leave(sid('e'), { queue: 'claims', agentId: '1001' });
});
afterAll(() => t.stop());

describe('voicemails', () => {
  it("merges an agent's own box and skill queues newest first, by status, capped at the limit", async () => {
    await markVoicemailHandled(deps, agent, sid('d'));
    const fresh = await listVoicemails(deps, agent, {});
    expect(fresh.items.map((v) => v.recordingSid)).toEqual([sid('e'), sid('b'), sid('a')]);
    expect(fresh.items.map((v) => v.mailbox)).toEqual(['agent:1001', 'agent:1001', 'queue:claims']);
    expect(fresh.cursor).toBeUndefined();
    const two = await listVoicemails(deps, agent, { limit: 2 });
    expect(two.items.map((v) => v.recordingSid)).toEqual([sid('e'), sid('b')]);
    const handled = await listVoicemails(deps, agent, { status: 'handled' });
    expect(handled.items.map((v) => v.recordingSid)).toEqual([sid('d')]);
    // Another queue's box is closed to the agent, open to a supervisor.
    await expect(listVoicemails(deps, agent, { mailbox: 'queue:sales' })).rejects.toMatchObject({
      status: 403,
    });
    const sales = await listVoicemails(deps, supervisor, { mailbox: 'queue:sales' });
    expect(sales.items.map((v) => v.recordingSid)).toEqual([sid('c')]);
  });

  it('refuses to play a message still being copied, with nothing presigned or audited, then plays it', async () => {
    await expect(playVoicemail(deps, agent, sid('a'))).rejects.toMatchObject({
      status: 422,
      code: 'not-stored-yet',
    });
    expect(presigned).toEqual([]);
    expect((await t.store.audit.byActor('1001')).items.map((a) => a.action)).not.toContain(
      'voicemail.playback',
    );

    await store(sid('a'));
    const played = await playVoicemail(deps, agent, sid('a'));
    expect(played).toEqual({
      url: `https://media.example.com/voicemails/2026/03/01/no-call/${sid('a')}.wav?X-Amz-Expires=300`,
      expiresAt: new Date(t.clock.now() + 300_000).toISOString(),
      contentType: 'audio/wav',
    });
    const audit = (await t.store.audit.byActor('1001')).items.find((a) => a.action === 'voicemail.playback');
    expect(audit).toMatchObject({
      target: sid('a'),
      detail: { mailbox: 'queue:claims', callSid: `CA${'1'.repeat(32)}`, ttlSeconds: 300 },
    });
  });

  it('gives an open callback task to whoever calls back, and makes a new one once it is closed', async () => {
    const first = await callBackVoicemail(deps, agent, sid('a'));
    expect(first.created).toBe(true);
    expect(first.task).toMatchObject({
      kind: 'callback',
      assigneeId: '1001',
      queue: 'claims',
      maxAttempts: 3,
    });

    const taken = await callBackVoicemail(deps, otherAgent, sid('a'));
    expect(taken).toMatchObject({ created: false, task: { id: first.task.id, assigneeId: '1003' } });
    expect((await t.store.tasks.get(first.task.id))?.assigneeId).toBe('1003');
    expect((await t.store.audit.byActor('1003')).items).toContainEqual(
      expect.objectContaining({
        action: 'voicemail.callback',
        target: sid('a'),
        detail: { taskId: first.task.id },
      }),
    );

    const current = await t.store.tasks.get(first.task.id);
    if (!current) throw new Error('the callback task was stored');
    await t.store.tasks.update(current.id, current.version, { status: 'done' });
    const again = await callBackVoicemail(deps, otherAgent, sid('a'));
    expect(again.created).toBe(true);
    expect(again.task.id).not.toBe(first.task.id);
    expect((await t.store.voicemails.get(sid('a')))?.taskId).toBe(again.task.id);
  });
});
