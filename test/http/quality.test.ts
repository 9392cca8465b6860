// Quality scoring through the API: forms written by supervisors (versioned, audited, refused with the field
// named), a supervisor scoring a recorded call (computed score, auto-fail, comments pinned to times), the
// score in the agent's QA report, an agent's dispute and its resolution, and bad input answered with 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTranscript } from '../../functions/app/quality/transcripts.js';
import { DEMO_FORM } from '../../functions/domain/quality/demo-form.js';
import { marksFor, recordingSid, saveCallRecording } from '../support/quality.js';
import { createHarness, type Harness, USERS } from './harness.js';

describe('quality API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    const made = await h.store.quality.putForm(DEMO_FORM, null, 'seed');
    if (!made.ok) throw new Error('seed form');
    await saveCallRecording(h.store, recordingSid(1), USERS.agent.id);
    await saveCallRecording(h.store, recordingSid(2), USERS.agent.id, '2026-03-02T08:30:00.000Z');
  });
  afterAll(() => h.stop());

  it('scores a recorded call and the score appears in the agent report', async () => {
    const scored = await h.as('supervisor', 'POST', '/api/quality/scores', {
      recordingSid: recordingSid(1),
      formId: DEMO_FORM.id,
      marks: marksFor(DEMO_FORM, 'pass', { 'anything-else': 'fail', apologise: 'na' }),
      comments: [
        { atSeconds: 40, text: '结束语缺少“还有什么可以帮您”' },
        { atSeconds: 3.5, text: '问候语标准' },
      ],
      overall: 'Good call',
    });
    expect(scored.status, JSON.stringify(scored.body)).toBe(201);
    expect(scored.body).toMatchObject({
      agentId: USERS.agent.id,
      formVersion: 1,
      scoredBy: USERS.supervisor.id,
      result: { points: 85, maxPoints: 90, percent: 94.4, autoFailed: false },
    });
    expect(scored.body.comments.map((c: { atSeconds: number }) => c.atSeconds)).toEqual([3.5, 40]);

    const failed = await h.as('supervisor', 'POST', '/api/quality/scores', {
      recordingSid: recordingSid(2),
      formId: DEMO_FORM.id,
      marks: marksFor(DEMO_FORM, 'pass', { 'identity-check': 'fail' }),
    });
    expect(failed.body.result).toMatchObject({ percent: 0, autoFailed: true, autoFails: ['identity-check'] });

    const report = await h.as('supervisor', 'GET', '/api/reports/quality?from=2026-03-01&to=2026-03-07');
    expect(report.status).toBe(200);
    expect(report.body.rows).toEqual([
      {
        agent: USERS.agent.id,
        scored: 2,
        average: 47.2,
        autoFails: 1,
        openDisputes: 0,
        overturned: 0,
        flagged: 0,
      },
    ]);
    const later = await h.as('supervisor', 'GET', '/api/reports/quality?from=2026-03-05&to=2026-03-07');
    expect(later.body.rows).toEqual([]);

    const audit = (await h.store.audit.byActor(USERS.supervisor.id)).items;
    expect(audit.find((e) => e.action === 'quality.score' && e.target === recordingSid(1))).toMatchObject({
      detail: { after: { id: scored.body.id } },
    });

    const queue = await h.as(
      'supervisor',
      'GET',
      `/api/quality/queue?from=2026-03-01&to=2026-03-02&agent=${USERS.agent.id}`,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { recording: { sid: string } }) => i.recording.sid)).toEqual([
      recordingSid(2),
      recordingSid(1),
    ]);
    expect(queue.body.items[1].scores[0]).toMatchObject({ id: scored.body.id, result: { percent: 94.4 } });

    const mine = await h.as('agent', 'GET', '/api/quality/mine?from=2026-03-01&to=2026-03-01');
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([scored.body.id]);
  });

  it('lets the agent dispute a score once and a supervisor resolve it', async () => {
    await saveCallRecording(h.store, recordingSid(3), USERS.agent.id, '2026-03-03T08:30:00.000Z');
    const scored = await h.as('supervisor', 'POST', '/api/quality/scores', {
      recordingSid: recordingSid(3),
      formId: DEMO_FORM.id,
      marks: marksFor(DEMO_FORM, 'fail'),
    });
    const path = `/api/quality/scores/${scored.body.id}`;
    const disputed = await h.as('agent', 'POST', `${path}/dispute`, { version: 1, reason: '我核实了身份' });
    expect(disputed).toMatchObject({
      status: 200,
      body: { version: 2, dispute: { state: 'open', by: '1001' } },
    });
    const again = await h.as('agent', 'POST', `${path}/dispute`, { version: 2, reason: 'again' });
    expect(again).toMatchObject({ status: 422, body: { error: 'already-disputed' } });
    const open = await h.as('supervisor', 'GET', '/api/quality/disputes');
    expect(open.body.items.map((s: { id: string }) => s.id)).toEqual([scored.body.id]);

    const stale = await h.as('supervisor', 'POST', `${path}/resolve`, {
      version: 1,
      outcome: 'overturned',
      note: 'x',
    });
    expect(stale.status).toBe(409);
    const resolved = await h.as('supervisor', 'POST', `${path}/resolve`, {
      version: 2,
      outcome: 'overturned',
      note: '录音 0:12 处已核实身份',
    });
    expect(resolved.body.dispute).toMatchObject({
      state: 'resolved',
      outcome: 'overturned',
      resolvedBy: 'sup1',
    });
    expect((await h.as('supervisor', 'GET', '/api/quality/disputes')).body.items).toEqual([]);
    const report = await h.as('supervisor', 'GET', '/api/reports/quality?from=2026-03-03&to=2026-03-03');
    expect(report.body.rows).toEqual([
      { agent: '1001', scored: 0, average: null, autoFails: 0, openDisputes: 0, overturned: 1, flagged: 0 },
    ]);
    const audit = (await h.store.audit.byActor(USERS.supervisor.id)).items;
    expect(audit.find((e) => e.action === 'quality.resolve')).toMatchObject({
      detail: { before: { state: 'open' }, after: { state: 'resolved' } },
    });
  });

  it('keeps a score on the form version it used when the form changes', async () => {
    const form = await h.as('agent', 'GET', `/api/quality/forms/${DEMO_FORM.id}`);
    const { id: _id, version, updatedAt: _u, updatedBy: _b, ...fields } = form.body;
    const renamed = { ...fields, version, name: { zh: '新版', en: 'New edition' } };
    const saved = await h.as('supervisor', 'PUT', `/api/quality/forms/${DEMO_FORM.id}`, renamed);
    expect(saved).toMatchObject({ status: 200, body: { version: 2 } });
    expect((await h.as('supervisor', 'PUT', `/api/quality/forms/${DEMO_FORM.id}`, renamed)).status).toBe(409);
    const old = await h.as('agent', 'GET', `/api/quality/forms/${DEMO_FORM.id}?version=1`);
    expect(old.body.name.en).toBe(DEMO_FORM.name.en);
    const audit = (await h.store.audit.byActor(USERS.supervisor.id)).items;
    expect(audit.find((e) => e.action === 'quality.form.update')).toMatchObject({
      detail: { before: { version: 1 }, after: { version: 2 } },
    });
  });

  it('keeps agents to their own scores', async () => {
    await saveCallRecording(h.store, recordingSid(4), '1002');
    const other = await h.as('supervisor', 'POST', '/api/quality/scores', {
      recordingSid: recordingSid(4),
      formId: DEMO_FORM.id,
      marks: marksFor(DEMO_FORM, 'pass'),
    });
    expect((await h.as('agent', 'GET', `/api/quality/scores/${other.body.id}`)).status).toBe(403);
    expect(
      (await h.as('agent', 'GET', `/api/quality/recordings/${recordingSid(4)}/scores`)).body.items,
    ).toEqual([]);
    expect(
      (
        await h.as('agent', 'POST', `/api/quality/scores/${other.body.id}/dispute`, {
          version: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('shows a transcript with both channels, and the calls its phrase checks flag in the queue and report', async () => {
    await saveCallRecording(h.store, recordingSid(5), '1002', '2026-03-04T08:30:00.000Z');
    const rec = await h.store.recordings.get(recordingSid(5));
    if (!rec) throw new Error('seed recording');
    await recordTranscript(
      h.deps,
      rec,
      [
        { channel: 2, speaker: 'agent', startSeconds: 0.8, endSeconds: 3, text: '您好，工号 1002。' },
        { channel: 1, speaker: 'customer', startSeconds: 3.5, endSeconds: 6, text: '我的宽带又断了。' },
        {
          channel: 2,
          speaker: 'agent',
          startSeconds: 6.2,
          endSeconds: 8,
          text: '这个我不知道，不归我们管。',
        },
      ],
      'test',
    );
    const transcript = await h.as(
      'supervisor',
      'GET',
      `/api/quality/recordings/${recordingSid(5)}/transcript`,
    );
    expect(transcript.status).toBe(200);
    expect(transcript.body.sentences.map((s: { speaker: string }) => s.speaker)).toEqual([
      'agent',
      'customer',
      'agent',
    ]);
    expect(
      transcript.body.flags.map((f: { kind: string; ruleId: string }) => `${f.kind}:${f.ruleId}`),
    ).toEqual([
      'prohibited:dont-know',
      'prohibited:not-our-business',
      'missing:anything-else',
      'missing:thanks',
    ]);
    expect((await h.as('agent', 'GET', `/api/quality/recordings/${recordingSid(5)}/transcript`)).status).toBe(
      403,
    );
    expect(
      (await h.as('supervisor', 'GET', `/api/quality/recordings/${recordingSid(1)}/transcript`)).status,
    ).toBe(404);

    const queue = await h.as('supervisor', 'GET', '/api/quality/queue?from=2026-03-04&to=2026-03-04');
    expect(queue.body.items[0]).toMatchObject({
      recording: { sid: recordingSid(5) },
      transcript: { state: 'ready' },
    });
    expect(queue.body.items[0].transcript.flags).toHaveLength(4);
    const report = await h.as('supervisor', 'GET', '/api/reports/quality?from=2026-03-04&to=2026-03-04');
    expect(report.body.rows).toEqual([
      { agent: '1002', scored: 0, average: null, autoFails: 0, openDisputes: 0, overturned: 0, flagged: 1 },
    ]);
  });

  it('lets supervisors replace the phrase checks, audited, and refuses bad rules naming the field', async () => {
    const rules = {
      prohibited: [{ id: 'no-slang', name: { zh: '俚语', en: 'Slang' }, phrases: ['搞定', 'gonna'] }],
      required: [{ id: 'greeting', name: { zh: '问候', en: 'Greeting' }, phrases: ['您好'] }],
    };
    expect((await h.as('agent', 'PUT', '/api/quality/phrases', rules)).status).toBe(403);
    expect(await h.as('supervisor', 'PUT', '/api/quality/phrases', rules)).toMatchObject({
      status: 200,
      body: rules,
    });
    expect((await h.as('agent', 'GET', '/api/quality/phrases')).body).toEqual(rules);
    const audit = (await h.store.audit.byActor(USERS.supervisor.id)).items;
    expect(audit.find((e) => e.action === 'quality.phrases.replace')).toMatchObject({
      detail: {
        before: { required: [{ id: 'greeting' }, { id: 'anything-else' }, { id: 'thanks' }] },
        after: rules,
      },
    });
    const bad = await h.as('supervisor', 'PUT', '/api/quality/phrases', {
      ...rules,
      required: [...rules.required, { ...rules.required[0], phrases: ['hi'] }],
    });
    expect(bad).toMatchObject({ status: 400, body: { issues: [{ path: 'body.required.1.id' }] } });
    const empty = await h.as('supervisor', 'PUT', '/api/quality/phrases', {
      ...rules,
      prohibited: [{ id: 'x', name: { zh: 'x', en: 'x' }, phrases: [] }],
    });
    expect(empty).toMatchObject({ status: 400, body: { issues: [{ path: 'body.prohibited.0.phrases' }] } });
  });

  it('builds the sampled queue: n per agent per week, reproducibly, plus complaints and flagged calls', async () => {
    const complaint = await h.store.tickets.create(
      { type: 'complaint', status: 'new', priority: 'normal', subject: 'Rude agent' },
      'seed',
    );
    if (!complaint.ok) throw new Error('seed ticket');
    // Agent 1003, week of Monday 2026-03-16: six calls, one with the complaint, one flagged.
    for (let i = 0; i < 6; i++)
      await saveCallRecording(
        h.store,
        recordingSid(60 + i),
        '1003',
        `2026-03-1${6 + (i % 3)}T0${i}:00:00.000Z`,
        {
          ticketNumbers: i === 4 ? [complaint.value.number] : [],
        },
      );
    const flaggedRec = await h.store.recordings.get(recordingSid(65));
    if (!flaggedRec) throw new Error('seed');
    await recordTranscript(
      h.deps,
      flaggedRec,
      [{ channel: 2, speaker: 'agent', startSeconds: 1, endSeconds: 2, text: '喂？' }],
      'test',
    );

    const path = '/api/quality/queue?from=2026-03-16&to=2026-03-22&agent=1003&sample=2&seed=wk12';
    const sampled = await h.as('supervisor', 'GET', path);
    expect(sampled.status).toBe(200);
    const reasons = Object.fromEntries(
      sampled.body.items.map((i: { recording: { sid: string }; reasons: string[] }) => [
        i.recording.sid,
        i.reasons,
      ]),
    );
    expect(Object.values(reasons).filter((r) => (r as string[]).includes('random'))).toHaveLength(2);
    expect(reasons[recordingSid(64)]).toContain('complaint');
    expect(reasons[recordingSid(65)]).toContain('flagged');
    expect((await h.as('supervisor', 'GET', path)).body).toEqual(sampled.body);
    const none = await h.as('supervisor', 'GET', path.replace('sample=2', 'sample=0'));
    expect(none.body.items.map((i: { recording: { sid: string } }) => i.recording.sid).sort()).toEqual([
      recordingSid(64),
      recordingSid(65),
    ]);
    const bad = await h.as('supervisor', 'GET', path.replace('sample=2', 'sample=500'));
    expect(bad).toMatchObject({ status: 400, body: { issues: [{ path: 'query.sample' }] } });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const score = (body: Record<string, unknown>) =>
      h.as('supervisor', 'POST', '/api/quality/scores', {
        recordingSid: recordingSid(1),
        formId: DEMO_FORM.id,
        marks: marksFor(DEMO_FORM, 'pass'),
        ...body,
      });
    const paths = (r: { body: { issues: { path: string }[] } }) => r.body.issues.map((i) => i.path);
    const unmarked = await score({ marks: { greeting: 'pass', bogus: 'pass' } });
    expect(unmarked.status).toBe(400);
    expect(paths(unmarked)).toContain('body.marks.identity-check');
    expect(paths(unmarked)).toContain('body.marks.bogus');
    const badMark = await score({ marks: { greeting: 'maybe' } });
    expect(badMark.status).toBe(400);
    expect(paths(badMark)[0]).toMatch(/^body\.marks/);
    const late = await score({ comments: [{ atSeconds: 96, text: 'after the end' }] });
    expect(late.status).toBe(400);
    expect(paths(late)).toEqual(['body.comments.0.atSeconds']);
    const noForm = await score({ formId: 'nope' });
    expect(paths(noForm)).toEqual(['body.formId']);
    expect((await score({ recordingSid: recordingSid(99) })).status).toBe(404);

    const form = await h.as('supervisor', 'POST', '/api/quality/forms', {
      id: 'Bad Id',
      name: { zh: '表', en: 'Form' },
      sections: [
        {
          id: 's',
          name: { zh: '段', en: 'S' },
          criteria: [{ id: 'c', name: { zh: 'c', en: 'c' }, points: 0 }],
        },
      ],
    });
    expect(form.status).toBe(400);
    expect(paths(form)).toEqual(['body.id']);
    expect(form.body.issues[0].code).toBe('id-format');
    const worthless = await h.as('supervisor', 'POST', '/api/quality/forms', {
      id: 'worthless',
      name: { zh: '表', en: 'Form' },
      sections: [
        {
          id: 's',
          name: { zh: '段', en: 'S' },
          criteria: [
            { id: 'c', name: { zh: 'c', en: 'c' }, points: 0, autoFail: true },
            { id: 'c', name: { zh: 'd', en: 'd' }, points: 0 },
          ],
        },
      ],
    });
    // Each with the code the console says in its own language.
    expect(worthless.body.issues).toEqual([
      expect.objectContaining({ path: 'body.sections.0.criteria.1.id', code: 'duplicate' }),
    ]);
    const points = await h.as('supervisor', 'POST', '/api/quality/forms', {
      id: 'x',
      name: { zh: '表', en: 'Form' },
      sections: [
        {
          id: 's',
          name: { zh: '段', en: 'S' },
          criteria: [{ id: 'c', name: { zh: 'c', en: 'c' }, points: 500 }],
        },
      ],
    });
    expect(paths(points)).toEqual(['body.sections.0.criteria.0.points']);
    const range = await h.as('supervisor', 'GET', '/api/reports/quality?from=2026-03-07&to=2026-03-01');
    expect(range).toMatchObject({ status: 400, body: { issues: [{ path: 'query.to' }] } });
    const date = await h.as('supervisor', 'GET', '/api/quality/queue?from=yesterday&to=2026-03-01');
    expect(date).toMatchObject({ status: 400, body: { issues: [{ path: 'query.from' }] } });
  });
});
