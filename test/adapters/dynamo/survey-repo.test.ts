// Survey answers: one per call, replaced as answers arrive, listed by agent (newest first) and by the UTC
// day they were asked (oldest first), so results can be read per period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../../functions/domain/channel-ports.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';

let ts: TestStore;
beforeAll(async () => {
  ts = await createTestStore();
});
afterAll(() => ts.stop());

const asked = (callSid: string, askedAt: string, agentId?: string): SurveyResponse => ({
  callSid,
  phone: '+8613800138000',
  askedAt,
  questionnaire: 'follow-up-visit',
  hotline: 'warranty',
  channel: 'keypad',
  ...(agentId ? { agentId } : {}),
});

describe('survey answers', () => {
  it('keeps the answers as they arrive and lists them by day and by agent', async () => {
    const m = ts.store.messaging;
    await m.putSurvey(asked('CA2', '2026-03-02T23:59:00.000Z', '1001'));
    await m.putSurvey(asked('CA1', '2026-03-02T08:00:00.000Z', '1001'));
    await m.putSurvey(asked('CA3', '2026-03-03T00:01:00.000Z', '1002'));
    await m.putSurvey({
      ...asked('CA1', '2026-03-02T08:00:00.000Z', '1001'),
      answers: { solved: true, attitude: 1, score: 9 },
      csat: 9,
      answeredAt: '2026-03-02T08:01:00.000Z',
    });
    expect(await m.getSurvey('CA1')).toMatchObject({
      answers: { solved: true, attitude: 1, score: 9 },
      csat: 9,
    });
    expect((await m.surveysOfDay('2026-03-02')).items.map((s) => s.callSid)).toEqual(['CA1', 'CA2']);
    expect((await m.surveysOfDay('2026-03-03')).items.map((s) => s.callSid)).toEqual(['CA3']);
    expect((await m.surveysOfDay('2026-03-04')).items).toEqual([]);
    expect((await m.surveysByAgent('1001')).items.map((s) => s.callSid)).toEqual(['CA2', 'CA1']);
  });
});
