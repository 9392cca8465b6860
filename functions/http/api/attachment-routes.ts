// Ticket attachments: upload a file (multipart, field `file`; type judged from its bytes, size limited) and
// get a short-lived URL to download one; the rules are functions/app/ticket-attachments.ts's.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { attachmentUrl, attachToTicket } from '../../app/ticket-attachments.js';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.js';
import { invalidField } from '../../domain/problems.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { errorResponse, jsonOk, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import { TicketNumberParam, TicketSchema } from './ticket-schemas.js';

const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, .txt or .docx' }),
});

export function registerAttachmentRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const tags = ['tickets'];
  const attachDeps = { ...deps, jobs: deps.jobs };

  const upload = securedRoute(guard, 'tickets.attach', {
    method: 'post',
    path: '/tickets/{number}/attachments',
    tags,
    description: `Adds a file to the ticket: PDF, JPEG, PNG, plain text or Word (.docx), judged from its bytes, up to ${MAX_ATTACHMENT_BYTES / 1048576} MB.`,
    request: {
      params: TicketNumberParam,
      body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } },
    },
    responses: {
      201: jsonOk(TicketSchema, 'The ticket with the file listed'),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
      413: errorResponse(`The file is over ${MAX_ATTACHMENT_BYTES / 1048576} MB.`),
    },
  });
  app.openapi(upload, async (c) => {
    const { file } = c.req.valid('form') as { file?: unknown };
    if (!(file instanceof File))
      throw invalidField('body.file', 'required', 'send the file as multipart form data in the field "file"');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const ticket = await attachToTicket(attachDeps, c.var.user, c.req.valid('param').number, {
      name: file.name,
      bytes,
    });
    return c.json(ticket, 201);
  });

  const download = securedRoute(guard, 'tickets.attachment', {
    method: 'get',
    path: '/tickets/{number}/attachments/{id}',
    tags,
    description: 'A presigned URL to download the file, valid a few minutes.',
    request: { params: TicketNumberParam.extend({ id: z.string().uuid() }) },
    responses: {
      200: jsonOk(z.object({ url: z.string(), name: z.string(), expiresInSeconds: z.number() })),
      ...SECURED_ERRORS,
      ...NOT_FOUND,
    },
  });
  app.openapi(download, async (c) => {
    const { number, id } = c.req.valid('param');
    return c.json(await attachmentUrl(attachDeps, number, id), 200);
  });
}
