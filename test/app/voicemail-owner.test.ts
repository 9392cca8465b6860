// The owner agent and assignment, on the dynalite store: the owner of the customer who left a message hears
// it (through the voicemail and the recording doors) wherever it was filed, another agent does not; a
// supervisor gives a message to an agent (box and open callback task move, audited), an agent only takes
// one into their own box, and a message cannot go to someone who is not an active agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CenterBasics } from '../../functions/app/center.js';
import { playRecording } from '../../functions/app/recordings.js';
import { assignVoicemail } from '../../functions/app/voicemail-assign.js';
import { listVoicemails, playVoicemail, type VoicemailPlaybackDeps } from '../../functions/app/voicemails.js';
import type { MediaStore } from '../../functions/domain/channel-ports.js';
import type { Role, User } from '../../functions/domain/model.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

let t: TestStore;
let deps: VoicemailPlaybackDeps;

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
    return `https://media.example.com/${key}?X-Amz-Expires=${ttl}`;
  },
};

const user = (id: string, roles: readonly Role[], skills: readonly string[], disabled = false): User => ({
  id,
  name: id,
  roles,
  skills,
  languages: ['zh'],
  regions: [],
  disabled,
  passwordHash: '',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
});
// The owner has no skill for "general", so the queue's box is not one of theirs.
const owner = user('1001', ['agent'], ['claims']);
const stranger = user('1003', ['agent'], ['sales']);
const supervisor = user('sup1', ['supervisor'], []);
const OWNED = `RE${'a'.repeat(32)}`;
const QUEUED = `RE${'b'.repeat(32)}`;

async function leave(recordingSid: string, customerId?: string) {
  t.clock.advance(60_000);
  const { voicemail } = await t.store.voicemails.create({
    recordingSid,
    callSid: `CA${'1'.repeat(32)}`,
    caller: '+8613800003333',
    called: '+18005550100',
    queue: 'general',
    language: 'zh',
    durationSeconds: 12,
    reason: 'caller-choice',
    ...(customerId ? { customerId } : {}),
  });
  const task = await t.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(t.clock.now()).toISOString(),
    phone: '+8613800003333',
    queue: 'general',
    maxAttempts: 3,
    note: `voicemail ${recordingSid}`,
  });
  if (!task.ok) throw new Error(task.reason);
  await t.store.voicemails.update(recordingSid, voicemail.version, { taskId: task.value.id });
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
    ...(customerId ? { customerId } : {}),
  });
}

beforeAll(async () => {
  t = await createTestStore();
  deps = { store: t.store, clock: t.clock, media, playbackTtlSeconds: 300 };
  for (const u of [
    owner,
    stranger,
    supervisor,
    user('gone', ['agent'], ['general'], true),
    user('sup2', ['supervisor'], []),
  ])
    await t.store.users.create(u);
  const made = await t.store.customers.create({
    id: 'cus-1',
    name: '王建国',
    phones: ['+8613800003333'],
    language: 'zh',
    vipTier: 'none',
    ownerAgentId: owner.id,
  });
  if (!made.ok) throw new Error(made.reason);
  // Filed in the queue's box (as before the owner was known at filing time).
  await leave(OWNED, 'cus-1');
  await leave(QUEUED);
});
afterAll(() => t.stop());

describe("the owner agent hears their customers' voicemails", () => {
  it('plays it through the voicemail and the recording doors; another agent is refused', async () => {
    const played = await playVoicemail(deps, owner, OWNED);
    expect(played.url).toContain(`${OWNED}.wav`);
    const center = { ...deps, config: {}, logger: {} } as unknown as CenterBasics & VoicemailPlaybackDeps;
    expect((await playRecording(center, owner, OWNED)).url).toContain(`${OWNED}.wav`);
    await expect(playVoicemail(deps, stranger, OWNED)).rejects.toMatchObject({ status: 403 });
    await expect(playRecording(center, stranger, OWNED)).rejects.toMatchObject({ status: 403 });
    // Not the owner of the customer of a message with no customer.
    await expect(playVoicemail(deps, owner, QUEUED)).rejects.toMatchObject({ status: 403 });
    await expect(playRecording(center, owner, QUEUED)).rejects.toMatchObject({ status: 403 });
  });

  it("lists the customer's name with the message", async () => {
    const all = await listVoicemails(deps, supervisor, {});
    expect(all.items.find((v) => v.recordingSid === OWNED)).toMatchObject({
      customerName: '王建国',
      mailbox: 'queue:general',
    });
  });
});

describe('assigning a voicemail', () => {
  it('a supervisor gives it to an agent: box and open callback task move, audited', async () => {
    const moved = await assignVoicemail(deps, supervisor, QUEUED, owner.id);
    expect(moved).toMatchObject({ agentId: owner.id, mailbox: 'agent:1001' });
    const task = await t.store.tasks.get(moved.taskId ?? '');
    expect(task?.assigneeId).toBe(owner.id);
    const mine = await listVoicemails(deps, owner, { mailbox: 'agent:1001' });
    expect(mine.items.map((v) => v.recordingSid)).toContain(QUEUED);
    expect((await t.store.audit.byActor('sup1')).items).toContainEqual(
      expect.objectContaining({
        action: 'voicemail.assigned',
        target: QUEUED,
        detail: { from: 'queue:general', to: 'agent:1001' },
      }),
    );
    // Again: nothing changes, nothing more is audited.
    const again = await assignVoicemail(deps, supervisor, QUEUED, owner.id);
    expect(again.version).toBe(moved.version);
  });

  it('an agent takes a message into their own box, but gives none to a colleague', async () => {
    await expect(assignVoicemail(deps, owner, QUEUED, stranger.id)).rejects.toMatchObject({ status: 403 });
    const taken = await assignVoicemail(deps, supervisor, OWNED, owner.id);
    expect(taken.mailbox).toBe('agent:1001');
    // The stranger cannot open the owner's box, so cannot take from it either.
    await expect(assignVoicemail(deps, stranger, OWNED, stranger.id)).rejects.toMatchObject({ status: 403 });
  });

  it('refuses someone who is not an active agent (422)', async () => {
    await expect(assignVoicemail(deps, supervisor, OWNED, 'gone')).rejects.toMatchObject({
      status: 422,
      code: 'not-an-agent',
    });
    await expect(assignVoicemail(deps, supervisor, OWNED, 'nobody')).rejects.toMatchObject({ status: 422 });
    await expect(assignVoicemail(deps, supervisor, OWNED, 'sup2')).rejects.toMatchObject({ status: 422 });
  });
});
