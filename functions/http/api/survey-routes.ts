// Post-call surveys: the questionnaires and which hotline asks which by keypad or SMS (admins; a console
// setting with history and restore), and the results per question, hotline, agent and period (leads).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { MAX_RESULT_DAYS, readSurveys, replaceSurveys, surveyResults } from '../../app/surveys.js';
import type { SurveysSetting } from '../../domain/surveys.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { IsoDate, jsonBody, jsonOk, listOf, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40')
  .openapi({ example: 'follow-up-visit' });
const Text = z.string().trim().min(1).max(300);
const Bilingual = z.object({ zh: Text, en: Text }).strict().openapi('BilingualText');

const QuestionSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        id: Id,
        kind: z.literal('choice'),
        text: Bilingual,
        options: z.array(Bilingual).min(2).max(9),
      })
      .strict(),
    z
      .object({
        id: Id,
        kind: z.literal('scale'),
        text: Bilingual,
        max: z.union([z.literal(5), z.literal(10)]),
        csat: z.boolean().optional(),
      })
      .strict(),
    z.object({ id: Id, kind: z.literal('yesno'), text: Bilingual }).strict(),
    z.object({ id: Id, kind: z.literal('text'), text: Bilingual }).strict(),
  ])
  .openapi('SurveyQuestion');

const QuestionnaireSchema = z
  .object({ id: Id, name: Bilingual, intro: Bilingual, questions: z.array(QuestionSchema).min(1).max(10) })
  .strict()
  .openapi('Questionnaire');

const SurveysSchema = z
  .object({
    questionnaires: z.array(QuestionnaireSchema).max(20),
    hotlines: z.record(
      z.string(),
      z.object({ questionnaire: Id, channel: z.enum(['keypad', 'sms']) }).strict(),
    ),
  })
  .strict()
  .openapi('Surveys');

const Counts = listOf(z.number().int());
const ResultsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    asked: z.number().int(),
    answered: z.number().int(),
    completed: z.number().int(),
    byChannel: z.record(z.string(), z.object({ asked: z.number().int(), answered: z.number().int() })),
    csat: z.number().optional(),
    byAgent: listOf(
      z.object({ agentId: z.string(), answered: z.number().int(), csat: z.number().optional() }),
    ),
    byHotline: listOf(
      z.object({ hotline: z.string(), answered: z.number().int(), csat: z.number().optional() }),
    ),
    questionnaires: listOf(
      z.object({
        id: z.string(),
        name: Bilingual,
        answered: z.number().int(),
        questions: listOf(
          z.object({
            id: z.string(),
            kind: z.string(),
            text: Bilingual,
            answered: z.number().int(),
            counts: Counts.optional(),
            options: listOf(Bilingual).optional(),
            average: z.number().optional(),
            comments: listOf(
              z.object({ text: z.string(), at: z.string(), agentId: z.string().optional() }),
            ).optional(),
          }),
        ),
      }),
    ),
  })
  .openapi('SurveyResults');

export function registerSurveyRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  app.openapi(
    securedRoute(guard, 'surveys.get', {
      method: 'get',
      path: '/admin/surveys',
      tags: ['admin'],
      description: 'The questionnaires, and which hotline asks which after a call, by keypad or SMS.',
      responses: { 200: jsonOk(SurveysSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json((await readSurveys(deps)) as z.infer<typeof SurveysSchema>, 200),
  );
  app.openapi(
    securedRoute(guard, 'surveys.replace', {
      method: 'put',
      path: '/admin/surveys',
      tags: ['admin'],
      description:
        'Replaces the questionnaires and the hotlines’ choices; applies to the next call; audited and kept in the history.',
      request: { body: jsonBody(SurveysSchema) },
      responses: { 200: jsonOk(SurveysSchema), ...SECURED_ERRORS },
    }),
    async (c) => {
      const saved = await replaceSurveys(deps, c.var.user, c.req.valid('json') as SurveysSetting);
      return c.json(saved as z.infer<typeof SurveysSchema>, 200);
    },
  );
  app.openapi(
    securedRoute(guard, 'surveys.results', {
      method: 'get',
      path: '/surveys/results',
      tags: ['reports'],
      description: `Answers per question, hotline and agent for the surveys asked on UTC days from..to (at most ${MAX_RESULT_DAYS}).`,
      request: {
        query: z.object({
          from: IsoDate,
          to: IsoDate,
          hotline: z.string().max(40).optional(),
          agent: z.string().max(40).optional(),
          questionnaire: z.string().max(40).optional(),
        }),
      },
      responses: { 200: jsonOk(ResultsSchema), ...SECURED_ERRORS },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await surveyResults(deps, {
          from: q.from,
          to: q.to,
          ...(q.hotline ? { hotline: q.hotline } : {}),
          ...(q.agent ? { agent: q.agent } : {}),
          ...(q.questionnaire ? { questionnaire: q.questionnaire } : {}),
        }),
        200,
      );
    },
  );
}
