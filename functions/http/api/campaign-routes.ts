// Outbound campaigns for supervisors and admins: set one up (settings checked field by field), start,
// pause, resume and stop it, preview and import its contact list (CSV as text/csv or JSON `{csv}`), page
// through its contacts and export them with their outcomes. The rules are the use cases'
// (functions/app/campaigns/).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { campaignCallView, saveCampaignAnswers } from '../../app/campaigns/call-questionnaire.js';
import {
  campaignContacts,
  checkCsvSize,
  exportContacts,
  importContacts,
  MAX_CSV_BYTES,
  previewContacts,
} from '../../app/campaigns/contacts.js';
import type { CampaignDeps } from '../../app/campaigns/deps.js';
import {
  type CampaignAction,
  campaignChoices,
  changeCampaignStatus,
  createCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from '../../app/campaigns/manage.js';
import { invalidField } from '../../domain/problems.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { CallParam } from './agent-schemas.js';
import {
  CampaignListSchema,
  CampaignParam,
  CampaignSchema,
  CampaignUpdateBody,
  ContactSchema,
  ContactsQuery,
  CsvJsonBody,
  ImportSchema,
  NewCampaignBody,
  PreviewSchema,
} from './campaign-schemas.js';
import {
  CONFLICT,
  errorResponse,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  pageOf,
  SECURED_ERRORS,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const MB = MAX_CSV_BYTES / 1048576;

/** A contact list: the CSV itself, or JSON holding it (what a page that pasted the text sends). */
const CsvBody = {
  required: false,
  description: `The contact list as CSV (UTF-8, first line the column names: a phone column (phone, mobile, 电话…) and optionally name, customerId, timezone, region, tier; other columns are kept as variables), up to ${MB} MB.`,
  content: {
    'text/csv': { schema: z.string() },
    'text/plain': { schema: z.string() },
    'application/json': { schema: CsvJsonBody },
  },
} as const;

const CSV_ERRORS = {
  413: errorResponse(`The list is over ${MB} MB.`),
  415: errorResponse('The body is neither text/csv, text/plain nor JSON.'),
} as const;

/**
 * The list of either body, refused by its declared size before it is read. A CSV body stays bytes, so a
 * file saved in another encoding is named as such rather than read as garbled text.
 */
async function csvOf(c: Context<ApiEnv>): Promise<string | Uint8Array> {
  checkCsvSize(Number(c.req.header('content-length') ?? '0'));
  const type = c.req.header('content-type') ?? '';
  const list = /json/i.test(type)
    ? ((c.req.valid as (t: 'json') => { csv?: string })('json').csv ?? '')
    : new Uint8Array(await c.req.arrayBuffer());
  const empty = typeof list === 'string' ? !list.trim() : list.length === 0;
  if (empty) throw invalidField('body.csv', 'empty-file', 'the list is empty: send the CSV text');
  return list;
}

const ACTIONS: readonly { action: CampaignAction; summary: string }[] = [
  { action: 'start', summary: 'Start dialling a draft or paused campaign (it needs contacts to call)' },
  { action: 'pause', summary: 'Pause a running campaign: nothing new is dialled, calls under way finish' },
  { action: 'resume', summary: 'Resume a paused campaign' },
  { action: 'stop', summary: 'End the campaign for good (a completed one is ended already)' },
];

const Bilingual = z.object({ zh: z.string(), en: z.string() });

const CampaignCallSchema = z
  .object({
    callSid: z.string(),
    campaignId: z.string(),
    campaignName: z.string(),
    contact: z.object({ id: z.string(), phone: z.string(), name: z.string().optional() }),
    questionnaire: z
      .object({
        id: z.string(),
        name: Bilingual,
        intro: Bilingual,
        questions: listOf(
          z.object({
            id: z.string(),
            kind: z.enum(['choice', 'scale', 'yesno', 'text']),
            text: Bilingual,
            options: listOf(Bilingual).optional(),
            max: z.number().optional(),
            csat: z.boolean().optional(),
          }),
        ),
      })
      .optional(),
    answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  })
  .openapi('CampaignCall');

const AnswersBody = z
  .object({
    answers: z
      .record(z.string().max(40), z.unknown())
      .openapi({ description: 'By question id: an option number, a scale point, true/false, or a text' }),
  })
  .strict();

export function registerCampaignRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['campaigns'];
  const d: CampaignDeps = deps;

  // The desk's side of a campaign call: agents on their own calls, supervisors and admins on any.
  app.openapi(
    securedRoute(guard, 'calls.campaign', {
      method: 'get',
      path: '/calls/{callSid}/campaign',
      tags: ['calls'],
      summary: "A campaign call's campaign, contact, questionnaire and the answers recorded so far",
      request: { params: CallParam },
      responses: { 200: jsonOk(CampaignCallSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await campaignCallView(deps, c.var.user, c.req.valid('param').callSid), 200),
  );

  app.openapi(
    securedRoute(guard, 'calls.campaignAnswers', {
      method: 'post',
      path: '/calls/{callSid}/campaign-answers',
      tags: ['calls'],
      summary: "Records the contact's answers to the campaign's questionnaire (merged with earlier ones)",
      request: { params: CallParam, body: jsonBody(AnswersBody) },
      responses: { 200: jsonOk(CampaignCallSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) =>
      c.json(
        await saveCampaignAnswers(
          deps,
          c.var.user,
          c.req.valid('param').callSid,
          c.req.valid('json').answers,
        ),
        200,
      ),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.list', {
      method: 'get',
      path: '/campaigns',
      tags,
      summary:
        'Every campaign, newest first, with its counts; and the caller ids and queues settings pick from',
      responses: { 200: jsonOk(CampaignListSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await listCampaigns(d), choices: await campaignChoices(d) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.create', {
      method: 'post',
      path: '/campaigns',
      tags,
      summary: 'Set up a campaign (draft); every bad setting named with what is allowed; audited',
      request: { body: jsonBody(NewCampaignBody) },
      responses: { 201: jsonOk(CampaignSchema, 'Created'), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await createCampaign(d, c.var.user, c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.get', {
      method: 'get',
      path: '/campaigns/{id}',
      tags,
      summary: 'A campaign with its settings, status and counts',
      request: { params: CampaignParam },
      responses: { 200: jsonOk(CampaignSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await getCampaign(d, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.update', {
      method: 'patch',
      path: '/campaigns/{id}',
      tags,
      summary:
        'Change settings of a draft or paused campaign, from the version read (409 with the current one when stale); audited',
      request: { params: CampaignParam, body: jsonBody(CampaignUpdateBody) },
      responses: { 200: jsonOk(CampaignSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
    }),
    async (c) => {
      const { version, ...change } = c.req.valid('json');
      return c.json(await updateCampaign(d, c.var.user, c.req.valid('param').id, version, change), 200);
    },
  );

  for (const { action, summary } of ACTIONS) {
    app.openapi(
      securedRoute(guard, `campaigns.${action}`, {
        method: 'post',
        path: `/campaigns/{id}/${action}`,
        tags,
        summary: `${summary}; audited. 409 names the status it is in.`,
        request: { params: CampaignParam },
        responses: { 200: jsonOk(CampaignSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CONFLICT },
      }),
      async (c) => c.json(await changeCampaignStatus(d, c.var.user, c.req.valid('param').id, action), 200),
    );
  }

  app.openapi(
    securedRoute(guard, 'campaigns.previewContacts', {
      method: 'post',
      path: '/campaigns/{id}/contacts/preview',
      tags,
      summary:
        'Read a contact list as the import would: counts, and every refused row with its reason; stores nothing',
      request: { params: CampaignParam, body: CsvBody },
      responses: { 200: jsonOk(PreviewSchema), ...SECURED_ERRORS, ...NOT_FOUND, ...CSV_ERRORS },
    }),
    async (c) => c.json(await previewContacts(d, c.req.valid('param').id, await csvOf(c)), 200),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.importContacts', {
      method: 'post',
      path: '/campaigns/{id}/contacts',
      tags,
      summary:
        'Import a contact list: refused rows and do-not-call numbers left out, the rest due at once; audited',
      request: { params: CampaignParam, body: CsvBody },
      responses: {
        200: jsonOk(ImportSchema),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
        ...CSV_ERRORS,
        409: errorResponse('The campaign is stopped or completed.'),
      },
    }),
    async (c) => c.json(await importContacts(d, c.var.user, c.req.valid('param').id, await csvOf(c)), 200),
  );

  app.openapi(
    securedRoute(guard, 'campaigns.contacts', {
      method: 'get',
      path: '/campaigns/{id}/contacts',
      tags,
      summary: "The campaign's contacts in list order, a page at a time",
      request: { params: CampaignParam, query: ContactsQuery },
      responses: { 200: jsonOk(pageOf(ContactSchema)), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await campaignContacts(d, c.req.valid('param').id, {
        limit: limit ?? 50,
        ...(cursor ? { cursor } : {}),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'campaigns.exportContacts', {
      method: 'get',
      path: '/campaigns/{id}/contacts.csv',
      tags,
      summary: 'Every contact with status, attempts, last outcome and disposition, as CSV (UTF-8 with BOM)',
      request: { params: CampaignParam },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...SECURED_ERRORS,
        ...NOT_FOUND,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return new Response(await exportContacts(d, id), {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="campaign-${id}-contacts.csv"`,
        },
      });
    },
  );
}
