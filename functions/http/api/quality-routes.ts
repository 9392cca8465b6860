// Quality scoring: forms (everyone reads; supervisors and admins write), the review queue, scores of
// recorded calls (leads score; agents read their own and dispute one; leads resolve), and the QA figures
// per agent for the reports. The rules are the use cases' (functions/app/quality/).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { dateRange } from '../../app/history/reports.js';
import { createQaForm, qaForm, qaForms, updateQaForm } from '../../app/quality/forms.js';
import { reviewQueue, sampledQueue } from '../../app/quality/queue.js';
import { qualityReport } from '../../app/quality/report.js';
import {
  disputeScore,
  myScores,
  openDisputes,
  resolveDispute,
  type ScoreDeps,
  scoreRecording,
  scoresOfRecording,
  visibleScore,
} from '../../app/quality/scores.js';
import { phraseRules, replacePhraseRules, transcriptOf } from '../../app/quality/transcripts.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  CONFLICT,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  pageOf,
  SECURED_ERRORS,
  UNPROCESSABLE,
} from './common-schemas.js';
import { checkDateRange } from './date-range.js';
import type { Guard } from './guard.js';
import {
  DisputeBody,
  NewQaFormBody,
  NewQaScoreBody,
  PhraseRulesBody,
  PhraseRulesSchema,
  QaFormParam,
  QaFormQuery,
  QaFormSchema,
  QaFormUpdateBody,
  QaQueueItemSchema,
  QaQueueQuery,
  QaRangeQuery,
  QaRecordingParam,
  QaScoreParam,
  QaScoreSchema,
  QualityReportQuery,
  QualityReportSchema,
  ResolveBody,
  TranscriptSchema,
} from './quality-schemas.js';
import { securedRoute } from './secured-route.js';

const Scores = z.object({ items: listOf(QaScoreSchema) });

export function registerQualityRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['quality'];
  const q: ScoreDeps = { store: deps.store, clock: deps.clock };
  const timeZone = deps.config.timeZone;

  app.openapi(
    securedRoute(guard, 'quality.forms', {
      method: 'get',
      path: '/quality/forms',
      tags,
      summary: "Every scoring form's latest version",
      responses: { 200: jsonOk(z.object({ items: listOf(QaFormSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await qaForms(q) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.form', {
      method: 'get',
      path: '/quality/forms/{id}',
      tags,
      summary: 'A scoring form: its latest version, or the version asked for (the one a score used)',
      request: { params: QaFormParam, query: QaFormQuery },
      responses: { 200: jsonOk(QaFormSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await qaForm(q, c.req.valid('param').id, c.req.valid('query').version), 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.createForm', {
      method: 'post',
      path: '/quality/forms',
      tags,
      summary: 'Write a new scoring form; audited',
      request: { body: jsonBody(NewQaFormBody) },
      responses: { 201: jsonOk(QaFormSchema, 'Created'), ...SECURED_ERRORS, ...CONFLICT },
    }),
    async (c) => c.json(await createQaForm(q, c.var.user, c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute(guard, 'quality.updateForm', {
      method: 'put',
      path: '/quality/forms/{id}',
      tags,
      summary: 'Save a new version of a form from the version read; scores keep the version they used',
      request: { params: QaFormParam, body: jsonBody(QaFormUpdateBody) },
      responses: { 200: jsonOk(QaFormSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
    }),
    async (c) => {
      const { version, ...fields } = c.req.valid('json');
      return c.json(
        await updateQaForm(q, c.var.user, version, { ...fields, id: c.req.valid('param').id }),
        200,
      );
    },
  );

  app.openapi(
    securedRoute(guard, 'quality.queue', {
      method: 'get',
      path: '/quality/queue',
      tags,
      summary:
        "Agents' recorded calls of a date range, newest first, with their scores and flags; `sample` applies the sampling rule",
      request: { query: QaQueueQuery },
      responses: { 200: jsonOk(pageOf(QaQueueItemSchema)), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { from, to, agent, limit, cursor, sample, seed } = c.req.valid('query');
      checkDateRange(from, to);
      const range = dateRange(from, to, timeZone);
      if (sample !== undefined) {
        const items = await sampledQueue(q, {
          ...range,
          ...(agent ? { agentId: agent } : {}),
          perAgentPerWeek: sample,
          seed: seed ?? `${from}/${to}`,
        });
        return c.json({ items }, 200);
      }
      const page = await reviewQueue(
        q,
        { ...range, ...(agent ? { agentId: agent } : {}) },
        { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
      );
      return c.json(page, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'quality.score', {
      method: 'post',
      path: '/quality/scores',
      tags,
      summary: 'Score a recorded call with a form (every criterion marked); the score is computed; audited',
      request: { body: jsonBody(NewQaScoreBody) },
      responses: {
        201: jsonOk(QaScoreSchema, 'Scored'),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
        ...UNPROCESSABLE,
      },
    }),
    async (c) => c.json(await scoreRecording(q, c.var.user, c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute(guard, 'quality.get', {
      method: 'get',
      path: '/quality/scores/{id}',
      tags,
      summary: 'One score (agents: of their own calls)',
      request: { params: QaScoreParam },
      responses: { 200: jsonOk(QaScoreSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await visibleScore(q, c.var.user, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.ofRecording', {
      method: 'get',
      path: '/quality/recordings/{sid}/scores',
      tags,
      summary: 'Every score a recording was given, oldest first (two or more: calibration)',
      request: { params: QaRecordingParam },
      responses: { 200: jsonOk(Scores), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await scoresOfRecording(q, c.var.user, c.req.valid('param').sid) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.mine', {
      method: 'get',
      path: '/quality/mine',
      tags,
      summary: 'My scores, of calls in a date range',
      request: { query: QaRangeQuery },
      responses: { 200: jsonOk(Scores), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      checkDateRange(from, to);
      const range = dateRange(from, to, timeZone);
      return c.json({ items: await myScores(q, c.var.user, range.from, range.to) }, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'quality.dispute', {
      method: 'post',
      path: '/quality/scores/{id}/dispute',
      tags,
      summary: 'Dispute a score of my own call with a reason (once); audited',
      request: { params: QaScoreParam, body: jsonBody(DisputeBody) },
      responses: {
        200: jsonOk(QaScoreSchema),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
        ...CONFLICT,
        ...UNPROCESSABLE,
      },
    }),
    async (c) => {
      const { version, reason } = c.req.valid('json');
      return c.json(await disputeScore(q, c.var.user, c.req.valid('param').id, version, reason), 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'quality.disputes', {
      method: 'get',
      path: '/quality/disputes',
      tags,
      summary: 'Scores with an open dispute, oldest dispute first',
      responses: { 200: jsonOk(Scores), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await openDisputes(q) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.resolve', {
      method: 'post',
      path: '/quality/scores/{id}/resolve',
      tags,
      summary: 'Resolve a dispute: upheld (the score stands) or overturned (it no longer counts); audited',
      request: { params: QaScoreParam, body: jsonBody(ResolveBody) },
      responses: {
        200: jsonOk(QaScoreSchema),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
        ...CONFLICT,
        ...UNPROCESSABLE,
      },
    }),
    async (c) => {
      const { version, outcome, note } = c.req.valid('json');
      return c.json(
        await resolveDispute(q, c.var.user, c.req.valid('param').id, version, outcome, note),
        200,
      );
    },
  );

  app.openapi(
    securedRoute(guard, 'quality.transcript', {
      method: 'get',
      path: '/quality/recordings/{sid}/transcript',
      tags,
      summary: "A recording's transcript (both channels, with times) and its phrase-check flags",
      request: { params: QaRecordingParam },
      responses: { 200: jsonOk(TranscriptSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) =>
      c.json(
        await transcriptOf(
          { ...q, ...(deps.transcription ? { transcription: deps.transcription } : {}) },
          c.var.user,
          c.req.valid('param').sid,
        ),
        200,
      ),
  );

  app.openapi(
    securedRoute(guard, 'quality.phrases', {
      method: 'get',
      path: '/quality/phrases',
      tags,
      summary: 'The phrase checks: prohibited phrases and required ones, each rule named in both languages',
      responses: { 200: jsonOk(PhraseRulesSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await phraseRules(q), 200),
  );

  app.openapi(
    securedRoute(guard, 'quality.replacePhrases', {
      method: 'put',
      path: '/quality/phrases',
      tags,
      summary: 'Replace the phrase checks (transcripts finished from now on use them); audited',
      request: { body: jsonBody(PhraseRulesBody) },
      responses: { 200: jsonOk(PhraseRulesSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replacePhraseRules(q, c.var.user, c.req.valid('json')), 200),
  );

  app.openapi(
    securedRoute(guard, 'reports.quality', {
      method: 'get',
      path: '/reports/quality',
      tags: ['reports'],
      summary: 'QA per agent over local days: calls scored, average score, auto-fails, disputes',
      request: { query: QualityReportQuery },
      responses: { 200: jsonOk(QualityReportSchema), ...SECURED_ERRORS },
    }),
    async (c) => {
      const query = c.req.valid('query');
      checkDateRange(query.from, query.to);
      return c.json({ rows: await qualityReport(q, timeZone, query) }, 200);
    },
  );
}
