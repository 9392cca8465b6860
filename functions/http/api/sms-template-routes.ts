// SMS templates (functions/app/sms-templates.ts): read by everyone (the desk's template picker), replaced
// as a whole by admins (each text checked for unknown variables and its SMS length; audited, versioned
// under the settings name `sms-templates`).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { readSmsTemplates, replaceSmsTemplates } from '../../app/sms-templates.js';
import { MAX_SEGMENTS, MAX_TEMPLATES, VARIABLE_NAMES } from '../../domain/sms-templates.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, listOf, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40')
  .openapi({ example: 'claim-received' });
const Name = z.string().trim().min(1).max(40);
const Text = z.string().trim().min(1).max(1000);

const TemplateSchema = z
  .object({
    id: Id,
    name: z.object({ zh: Name, en: Name }).strict(),
    text: z.object({ zh: Text, en: Text }).strict(),
  })
  .strict()
  .openapi('SmsTemplate');

const TemplatesSchema = z
  .object({ templates: z.array(TemplateSchema).max(MAX_TEMPLATES) })
  .strict()
  .openapi('SmsTemplates', {
    example: {
      templates: [
        {
          id: 'claim-received',
          name: { zh: '理赔受理', en: 'Claim received' },
          text: {
            zh: '{name}您好，您的理赔 {claimNumber} 已受理，如有疑问请致电 {hotline}。',
            en: 'Dear {name}, your claim {claimNumber} is being handled. Questions? Call {hotline}.',
          },
        },
      ],
    },
  });

const TemplateListSchema = z.object({ templates: listOf(TemplateSchema) }).openapi('SmsTemplateList');

const variables = VARIABLE_NAMES.map((v) => `{${v}}`).join(', ');

export function registerSmsTemplateRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  app.openapi(
    securedRoute(guard, 'smsTemplates.get', {
      method: 'get',
      path: '/sms/templates',
      tags: ['sms'],
      description: `The texts agents can start an SMS from, in Chinese and English. Variables: ${variables}.`,
      responses: {
        200: jsonOk(TemplateListSchema),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => c.json(await readSmsTemplates(deps.store), 200),
  );
  app.openapi(
    securedRoute(guard, 'smsTemplates.replace', {
      method: 'put',
      path: '/admin/sms-templates',
      tags: ['admin'],
      description: `Replaces every template. Each text may use only ${variables}, and must fit ${MAX_SEGMENTS} SMS segments with each variable at its longest; audited and versioned.`,
      request: { body: jsonBody(TemplatesSchema) },
      responses: { 200: jsonOk(TemplateListSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replaceSmsTemplates(deps, c.var.user, c.req.valid('json')), 200),
  );
}
