// Bulk SMS sends for supervisors and admins (functions/app/bulk-sms.ts): made as a draft showing its counts
// and first texts, then started, paused or cancelled (audited); the report (recipients by status, the
// skipped ones by reason, the delivery rate) and the recipients page by page.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type BulkAction,
  bulkRecipients,
  bulkSmsCampaigns,
  changeBulkSms,
  createBulkSms,
  getBulkSms,
  listBulkSms,
} from '../../app/bulk-sms.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import {
  BulkIdParam,
  BulkSmsCreateBody,
  BulkSmsCreated,
  BulkSmsSchema,
  RecipientSchema,
} from './bulk-sms-schemas.js';
import {
  CONFLICT,
  errorResponse,
  jsonBody,
  jsonOk,
  listOf,
  NOT_FOUND,
  PageQuery,
  pageOf,
  SECURED_ERRORS,
} from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const tags = ['sms'];

const ACTIONS: Readonly<
  Record<
    BulkAction,
    { readonly op: 'bulkSms.start' | 'bulkSms.pause' | 'bulkSms.cancel'; readonly summary: string }
  >
> = {
  start: { op: 'bulkSms.start', summary: 'Starts (or resumes) sending a draft or paused send; audited' },
  pause: { op: 'bulkSms.pause', summary: 'Pauses a sending send: nothing new goes out; audited' },
  cancel: {
    op: 'bulkSms.cancel',
    summary: 'Ends a send for good: its unsent recipients are never texted; audited',
  },
};

export function registerBulkSmsRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  app.openapi(
    securedRoute(guard, 'bulkSms.list', {
      method: 'get',
      path: '/sms/bulk',
      tags,
      summary: 'Bulk SMS sends, newest first, with their progress',
      responses: { 200: jsonOk(z.object({ items: listOf(BulkSmsSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await listBulkSms(deps) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'bulkSms.create', {
      method: 'post',
      path: '/sms/bulk',
      tags,
      summary: 'Makes a draft send: the audience read into recipients, the first filled texts and the counts',
      description:
        'Recipients on the do-not-call list, opted out, with an invalid or repeated number, or whose text cannot be filled within 3 segments are kept as skipped with the reason. Nothing is sent until the send is started.',
      request: { body: jsonBody(BulkSmsCreateBody) },
      responses: { 201: jsonOk(BulkSmsCreated, 'Created as a draft'), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await createBulkSms(deps, c.var.user, c.req.valid('json')), 201),
  );

  app.openapi(
    securedRoute(guard, 'bulkSms.get', {
      method: 'get',
      path: '/sms/bulk/{id}',
      tags,
      summary: 'One send and its report: recipients by status, the skipped by reason, the delivery rate',
      request: { params: BulkIdParam },
      responses: { 200: jsonOk(BulkSmsSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await getBulkSms(deps, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'bulkSms.recipients', {
      method: 'get',
      path: '/sms/bulk/{id}/recipients',
      tags,
      summary: "A send's recipients in order, with their status, text, message SID and error",
      request: { params: BulkIdParam, query: PageQuery },
      responses: { 200: jsonOk(pageOf(RecipientSchema)), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await bulkRecipients(deps, c.req.valid('param').id, {
        ...(limit ? { limit } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'bulkSms.campaigns', {
      method: 'get',
      path: '/sms/bulk-campaigns',
      tags,
      summary: 'The campaigns whose contacts a send can go to, newest first',
      responses: {
        200: jsonOk(
          z.object({
            items: listOf(
              z.object({ id: z.string(), name: z.string(), status: z.string(), contacts: z.number() }),
            ),
          }),
        ),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => c.json({ items: await bulkSmsCampaigns(deps) }, 200),
  );

  for (const [action, { op, summary }] of Object.entries(ACTIONS) as [
    BulkAction,
    (typeof ACTIONS)[BulkAction],
  ][]) {
    app.openapi(
      securedRoute(guard, op, {
        method: 'post',
        path: `/sms/bulk/{id}/${action}`,
        tags,
        summary,
        description: 'Asking for the status the send already has changes nothing.',
        request: { params: BulkIdParam },
        responses: {
          200: jsonOk(BulkSmsSchema),
          ...SECURED_ERRORS,
          ...NOT_FOUND,
          ...CONFLICT,
          409: errorResponse('`invalid-transition`: the send is in a status this action cannot come from.'),
        },
      }),
      async (c) => c.json(await changeBulkSms(deps, c.var.user, c.req.valid('param').id, action), 200),
    );
  }
}
