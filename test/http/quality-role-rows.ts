// Role-matrix rows for quality scoring, and what they act on: the demo form, a recording of the matrix
// agent's call, and a fresh score (disputed, for resolving) for each row that changes one.

import { recordTranscript } from '../../functions/app/quality/transcripts.js';
import type { Store } from '../../functions/domain/ports.js';
import { DEMO_FORM } from '../../functions/domain/quality/demo-form.js';
import { DEFAULT_PHRASE_RULES } from '../../functions/domain/quality/phrases.js';
import { computeScore } from '../../functions/domain/quality/score.js';
import { marksFor, recordingSid, saveCallRecording } from '../support/quality.js';
import type { MatrixRole, MatrixRow } from './agent-role-rows.js';

const ALL: readonly MatrixRole[] = ['agent', 'supervisor', 'admin'];
const LEADS: readonly MatrixRole[] = ['supervisor', 'admin'];
const REC = recordingSid(777);
const range = 'from=2026-03-01&to=2026-03-07';

export async function seedQualityData(store: Store, agentId: string): Promise<void> {
  const made = await store.quality.putForm(DEMO_FORM, null, 'sup1');
  if (!made.ok) throw new Error('seed qa form');
  await saveCallRecording(store, REC, agentId);
  const rec = await store.recordings.get(REC);
  if (!rec) throw new Error('seed recording');
  const line = {
    channel: 2 as const,
    speaker: 'agent' as const,
    startSeconds: 1,
    endSeconds: 2,
    text: '您好',
  };
  await recordTranscript(
    { store, clock: { now: () => Date.parse('2026-03-01T09:00:00Z') } },
    rec,
    [line],
    'seed',
  );
}

async function freshScore(store: Store, agentId: string, disputed: boolean) {
  const marks = marksFor(DEMO_FORM, 'pass');
  const score = await store.quality.addScore({
    recordingSid: REC,
    agentId,
    callStartedAt: '2026-03-01T08:30:00.000Z',
    formId: DEMO_FORM.id,
    formVersion: 1,
    marks,
    comments: [],
    overall: '',
    result: computeScore(DEMO_FORM, marks),
    scoredBy: 'sup1',
  });
  if (!disputed) return score;
  const dispute = { reason: 'r', by: agentId, at: '2026-03-02T00:00:00.000Z', state: 'open' as const };
  const updated = await store.quality.updateScore({ ...score, dispute }, 1);
  if (!updated.ok) throw new Error('seed dispute');
  return updated.value;
}

export function qualityRows(store: () => Store, unique: () => string, agentId: string): MatrixRow[] {
  let target = { id: '', version: 1 };
  const fresh = (disputed: boolean) => async () => {
    target = await freshScore(store(), agentId, disputed);
    return target;
  };
  const form = { name: { zh: '表', en: 'Form' }, sections: DEMO_FORM.sections };
  return [
    { op: 'quality.forms', method: 'GET', path: () => '/api/quality/forms', roles: ALL, ok: 200 },
    {
      op: 'quality.form',
      method: 'GET',
      path: () => `/api/quality/forms/${DEMO_FORM.id}`,
      roles: ALL,
      ok: 200,
    },
    {
      op: 'quality.createForm',
      method: 'POST',
      path: () => '/api/quality/forms',
      body: () => ({ ...form, id: `matrix-${unique()}` }),
      roles: LEADS,
      ok: 201,
    },
    {
      op: 'quality.updateForm',
      method: 'PUT',
      path: () => `/api/quality/forms/${DEMO_FORM.id}`,
      body: async () => ({ ...form, version: (await store().quality.getForm(DEMO_FORM.id))?.version }),
      roles: LEADS,
      ok: 200,
    },
    { op: 'quality.queue', method: 'GET', path: () => `/api/quality/queue?${range}`, roles: LEADS, ok: 200 },
    {
      op: 'quality.score',
      method: 'POST',
      path: () => '/api/quality/scores',
      body: () => ({ recordingSid: REC, formId: DEMO_FORM.id, marks: marksFor(DEMO_FORM, 'pass') }),
      roles: LEADS,
      ok: 201,
    },
    {
      op: 'quality.get',
      method: 'GET',
      path: () => `/api/quality/scores/${target.id}`,
      body: async () => {
        await fresh(false)();
        return undefined;
      },
      roles: ALL,
      ok: 200,
    },
    {
      op: 'quality.ofRecording',
      method: 'GET',
      path: () => `/api/quality/recordings/${REC}/scores`,
      roles: ALL,
      ok: 200,
    },
    { op: 'quality.mine', method: 'GET', path: () => `/api/quality/mine?${range}`, roles: ALL, ok: 200 },
    {
      op: 'quality.dispute',
      method: 'POST',
      path: () => `/api/quality/scores/${target.id}/dispute`,
      body: async () => ({ version: (await fresh(false)()).version, reason: 'I verified the caller' }),
      roles: ['agent'],
      ok: 200,
    },
    { op: 'quality.disputes', method: 'GET', path: () => '/api/quality/disputes', roles: LEADS, ok: 200 },
    {
      op: 'quality.resolve',
      method: 'POST',
      path: () => `/api/quality/scores/${target.id}/resolve`,
      body: async () => ({ version: (await fresh(true)()).version, outcome: 'upheld', note: 'stands' }),
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'quality.transcript',
      method: 'GET',
      path: () => `/api/quality/recordings/${REC}/transcript`,
      roles: ALL,
      ok: 200,
    },
    { op: 'quality.phrases', method: 'GET', path: () => '/api/quality/phrases', roles: ALL, ok: 200 },
    {
      op: 'quality.replacePhrases',
      method: 'PUT',
      path: () => '/api/quality/phrases',
      body: () => DEFAULT_PHRASE_RULES,
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'reports.quality',
      method: 'GET',
      path: () => `/api/reports/quality?${range}`,
      roles: LEADS,
      ok: 200,
    },
  ];
}
