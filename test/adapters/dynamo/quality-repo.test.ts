// The quality-scoring storage contract, run on dynalite (or the DynamoDB at DYNAMODB_ENDPOINT): forms created
// once and replaced only from the version read, every version kept for the scores that used it; scores found
// by recording, by agent and by month over a range; disputes listed while open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FORM } from '../../../functions/domain/quality/demo-form.js';
import type { NewQaScore } from '../../../functions/domain/quality/score-record.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const score = (over: Partial<NewQaScore>): NewQaScore => ({
  recordingSid: 'RE1',
  agentId: '1001',
  callStartedAt: '2026-03-01T08:00:00.000Z',
  formId: DEMO_FORM.id,
  formVersion: 1,
  marks: {},
  comments: [{ atSeconds: 12.5, text: '没有报工号' }],
  overall: 'ok',
  result: { points: 90, maxPoints: 100, percent: 90, autoFailed: false, autoFails: [] },
  scoredBy: '2001',
  ...over,
});

describe('quality repository', () => {
  it('creates a form once, replaces it from the version read and keeps every version', async () => {
    const q = ts.store.quality;
    const made = await q.putForm(DEMO_FORM, null, '2001');
    expect(made).toMatchObject({ ok: true, value: { id: DEMO_FORM.id, version: 1, updatedBy: '2001' } });
    expect(await q.putForm(DEMO_FORM, null, '2001')).toEqual({
      ok: false,
      reason: 'duplicate',
      field: 'id',
      value: DEMO_FORM.id,
    });
    const renamed = { ...DEMO_FORM, name: { zh: '新表', en: 'New' } };
    expect(await q.putForm(renamed, 1, '2002')).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await q.putForm(renamed, 1, '2002')).toMatchObject({
      ok: false,
      reason: 'conflict',
      current: { version: 2 },
    });
    expect(await q.putForm({ ...renamed, id: 'nowhere' }, 1, '2002')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect((await q.getForm(DEMO_FORM.id))?.name.en).toBe('New');
    expect((await q.getForm(DEMO_FORM.id, 1))?.name.en).toBe(DEMO_FORM.name.en);
    expect(await q.getForm(DEMO_FORM.id, 9)).toBeUndefined();
    expect((await q.listForms()).map((f) => [f.id, f.version])).toEqual([[DEMO_FORM.id, 2]]);
  });

  it('finds scores by recording, by agent and over a range of months', async () => {
    const q = ts.store.quality;
    const a = await q.addScore(score({}));
    await ts.clock.advance(1000);
    const b = await q.addScore(score({ scoredBy: '2002' }));
    const c = await q.addScore(
      score({ recordingSid: 'RE2', agentId: '1002', callStartedAt: '2026-04-02T08:00:00.000Z' }),
    );
    expect(a).toMatchObject({ version: 1, scoredAt: '2026-03-01T09:00:00.000Z' });
    expect((await q.getScore(a.id))?.comments).toEqual([{ atSeconds: 12.5, text: '没有报工号' }]);
    expect((await q.scoresOfRecording('RE1')).map((s) => s.id)).toEqual([a.id, b.id]);
    expect((await q.scoresOfAgent('1001', '2026-03-01', '2026-03-31')).map((s) => s.id)).toEqual([
      a.id,
      b.id,
    ]);
    expect(await q.scoresOfAgent('1001', '2026-03-02', '2026-03-31')).toEqual([]);
    expect((await q.scoresBetween('2026-02-15', '2026-04-30')).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    expect((await q.scoresBetween('2026-04-01', '2026-04-02')).map((s) => s.id)).toEqual([c.id]);
  });

  it('lists a dispute while it is open, and replaces a score only from the version read', async () => {
    const q = ts.store.quality;
    const s = await q.addScore(score({ recordingSid: 'RE3' }));
    const dispute = {
      reason: '我报了工号',
      by: '1001',
      at: '2026-03-02T09:00:00.000Z',
      state: 'open' as const,
    };
    const disputed = await q.updateScore({ ...s, dispute }, 1);
    expect(disputed).toMatchObject({ ok: true, value: { version: 2, dispute } });
    expect(await q.updateScore({ ...s, dispute }, 1)).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await q.openDisputes()).map((d) => d.id)).toEqual([s.id]);
    const resolved = {
      ...dispute,
      state: 'resolved' as const,
      outcome: 'upheld' as const,
      resolvedBy: '2001',
    };
    expect(await q.updateScore({ ...s, dispute: resolved }, 2)).toMatchObject({ ok: true });
    expect(await q.openDisputes()).toEqual([]);
    expect(await q.updateScore({ ...s, id: 'missing' }, 1)).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('quality repository: transcripts', () => {
  const transcript = (sid: string, startedAt: string, flagged: boolean) => ({
    recordingSid: sid,
    state: 'ready' as const,
    agentId: '1001',
    callStartedAt: startedAt,
    sentences: [
      { channel: 2 as const, speaker: 'agent' as const, startSeconds: 1, endSeconds: 2, text: '您好' },
    ],
    source: 'test',
    flags: flagged
      ? [{ kind: 'missing' as const, ruleId: 'thanks', name: { zh: '感谢来电', en: 'Thanks' } }]
      : [],
    storedAt: '2026-03-05T00:00:00.000Z',
  });

  it('stores a transcript, replaces it, and lists only the flagged ones over a range', async () => {
    const q = ts.store.quality;
    await q.putTranscript({ ...transcript('RT1', '2026-05-01T08:00:00.000Z', false), state: 'pending' });
    expect((await q.getTranscript('RT1'))?.state).toBe('pending');
    await q.putTranscript(transcript('RT1', '2026-05-01T08:00:00.000Z', true));
    await q.putTranscript(transcript('RT2', '2026-05-02T08:00:00.000Z', false));
    await q.putTranscript(transcript('RT3', '2026-06-02T08:00:00.000Z', true));
    expect((await q.getTranscript('RT1'))?.sentences[0]?.text).toBe('您好');
    expect(await q.getTranscript('RT9')).toBeUndefined();
    expect((await q.flaggedBetween('2026-05-01', '2026-06-30')).map((t) => t.recordingSid)).toEqual([
      'RT1',
      'RT3',
    ]);
    expect((await q.flaggedBetween('2026-05-02', '2026-05-31')).map((t) => t.recordingSid)).toEqual([]);
    await q.putTranscript(transcript('RT1', '2026-05-01T08:00:00.000Z', false));
    expect((await q.flaggedBetween('2026-05-01', '2026-05-31')).map((t) => t.recordingSid)).toEqual([]);
  });
});
