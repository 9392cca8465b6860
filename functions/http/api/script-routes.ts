// Guided agent scripts (flows/scripts/): the list an agent is offered (the scripts of the hotlines whose
// queues they serve, and those for every hotline) and one script in full, for the desk to walk.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { flows } from '../../../flows/index.js';
import { scripts } from '../../../flows/scripts/index.js';
import { NotFoundError } from '../../domain/problems.js';
import { hotlinesOfUser, scriptsForHotlines, summaryOf } from '../../domain/scripts/catalogue.js';
import type { ApiEnv } from '../env.js';
import { jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { ScriptNameParam, ScriptSchema, ScriptSummarySchema } from './script-schemas.js';
import { securedRoute } from './secured-route.js';

/** The queues each hotline's calls wait in (and leave voicemail for), read from its flow. */
const QUEUES_BY_HOTLINE: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.values(flows).map((flow) => [
    flow.name,
    [
      ...new Set(
        Object.values(flow.states).flatMap((s) =>
          s.kind === 'queue' || s.kind === 'voicemail' ? [s.queue] : [],
        ),
      ),
    ],
  ]),
);

export function registerScriptRoutes(app: OpenAPIHono<ApiEnv>, guard: Guard): void {
  const tags = ['scripts'];

  app.openapi(
    securedRoute(guard, 'scripts.list', {
      method: 'get',
      path: '/scripts',
      tags,
      summary: 'The guided scripts of the hotlines I answer, or of one hotline',
      request: {
        query: z.object({
          hotline: z.string().min(1).max(40).optional().openapi({ example: 'warranty' }),
        }),
      },
      responses: { 200: jsonOk(z.object({ items: listOf(ScriptSummarySchema) })), ...SECURED_ERRORS },
    }),
    (c) => {
      const { hotline } = c.req.valid('query');
      const mine = hotlinesOfUser(c.var.user, QUEUES_BY_HOTLINE);
      const offered = scriptsForHotlines(Object.values(scripts), hotline ? [hotline] : mine);
      return c.json({ items: offered.map(summaryOf) }, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'scripts.get', {
      method: 'get',
      path: '/scripts/{name}',
      tags,
      summary: 'One guided script, every step in both languages',
      request: { params: ScriptNameParam },
      responses: { 200: jsonOk(ScriptSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    (c) => {
      const { name } = c.req.valid('param');
      const script = scripts[name];
      if (!script) throw new NotFoundError('script', name);
      return c.json({ ...script, queues: script.queues ?? [] }, 200);
    },
  );
}
