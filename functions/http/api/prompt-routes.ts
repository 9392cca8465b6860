// Recorded prompts and hold music, for admins: the library (upload judged from the bytes, list, a presigned
// URL to listen, delete unless assigned), the flow steps a recording may replace, and the assignments
// (a console setting with history: functions/app/prompt-assignments.ts).
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { flows } from '../../../flows/index.js';
import { routing } from '../../../flows/routing.js';
import { readAssignments, replaceAssignments } from '../../app/prompt-assignments.js';
import { deletePrompt, listPrompts, promptAudioUrl, uploadPrompt } from '../../app/prompt-library.js';
import { LANGUAGES } from '../../domain/model.js';
import { invalidField } from '../../domain/problems.js';
import {
  MAX_PROMPT_BYTES,
  MAX_PROMPT_SECONDS,
  MIN_PROMPT_SECONDS,
} from '../../domain/prompts/prompt-library.js';
import { promptSlots } from '../../domain/prompts/prompt-slots.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { errorResponse, jsonBody, jsonOk, listOf, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const LanguageSchema = z.enum(LANGUAGES);

const RecordedPromptSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    language: LanguageSchema,
    format: z.enum(['wav', 'mp3']),
    contentType: z.string(),
    durationSeconds: z.number(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    s3Key: z.string(),
    uploadedBy: z.string(),
    at: z.string(),
  })
  .openapi('RecordedPrompt');

const PerLanguageSchema = z
  .object({ zh: z.string().max(64).optional(), en: z.string().max(64).optional() })
  .strict();

const AssignmentsSchema = z
  .object({
    flows: z.record(z.string(), z.record(z.string(), PerLanguageSchema)).openapi({
      example: { warranty: { greet: { zh: '8d0c…', en: '1f2e…' } } },
    }),
    hold: z.record(z.string(), PerLanguageSchema).openapi({ example: { general: { zh: '3a4b…' } } }),
  })
  .strict()
  .openapi('PromptAssignments');

const SlotSchema = z
  .object({
    flow: z.string(),
    state: z.string(),
    kind: z.string(),
    text: z.object({ zh: z.string().optional(), en: z.string().optional() }),
    reads: listOf(z.string()),
  })
  .openapi('PromptSlot');

const UploadForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'WAV (PCM) or MP3' }),
  language: LanguageSchema,
  name: z.string().max(120).optional(),
});

const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function registerPromptRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps & ChannelDeps,
  guard: Guard,
): void {
  const tags = ['admin'];
  app.openapi(
    securedRoute(guard, 'prompts.list', {
      method: 'get',
      path: '/admin/prompts',
      tags,
      description: 'The recorded prompts and hold music in the library, newest first.',
      responses: { 200: jsonOk(z.object({ items: listOf(RecordedPromptSchema) })), ...SECURED_ERRORS },
    }),
    async (c) => c.json({ items: await listPrompts(deps) }, 200),
  );

  app.openapi(
    securedRoute(guard, 'prompts.upload', {
      method: 'post',
      path: '/admin/prompts',
      tags,
      description: `Adds a recording: WAV (PCM) or MP3, judged from its bytes, up to ${MAX_PROMPT_BYTES / 1048576} MB, playing ${MIN_PROMPT_SECONDS} to ${MAX_PROMPT_SECONDS} s. A refusal names why (too-large, not-audio, not-pcm, corrupt-audio, too-long, too-short).`,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      responses: { 201: jsonOk(RecordedPromptSchema, 'The recording, in the library'), ...SECURED_ERRORS },
    }),
    async (c) => {
      const { file, language, name } = c.req.valid('form') as z.infer<typeof UploadForm>;
      if (!(file instanceof File))
        throw invalidField(
          'body.file',
          'required',
          'send the recording as multipart form data in the field "file"',
        );
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prompt = await uploadPrompt(deps, c.var.user, { name: name || file.name, language, bytes });
      return c.json(prompt, 201);
    },
  );

  app.openapi(
    securedRoute(guard, 'prompts.audio', {
      method: 'get',
      path: '/admin/prompts/{id}/audio',
      tags,
      description: 'A presigned URL the browser plays the recording from, valid a few minutes.',
      request: { params: IdParam },
      responses: {
        200: jsonOk(z.object({ url: z.string(), contentType: z.string(), expiresInSeconds: z.number() })),
        ...SECURED_ERRORS,
        ...NOT_FOUND,
      },
    }),
    async (c) => c.json(await promptAudioUrl(deps, c.req.valid('param').id), 200),
  );

  app.openapi(
    securedRoute(guard, 'prompts.delete', {
      method: 'delete',
      path: '/admin/prompts/{id}',
      tags,
      description: 'Takes a recording out of the library; refused (409 prompt-in-use) while it is assigned.',
      request: { params: IdParam },
      responses: {
        204: { description: 'Deleted' },
        ...SECURED_ERRORS,
        ...NOT_FOUND,
        409: errorResponse('Still assigned: `usedBy` lists where.'),
      },
    }),
    async (c) => {
      await deletePrompt(deps, c.var.user, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    securedRoute(guard, 'prompts.slots', {
      method: 'get',
      path: '/admin/prompt-slots',
      tags,
      description:
        'Where a recording may go: each flow step that speaks a prompt (with its text; one that reads values aloud cannot take a recording), and the queues whose hold music may be set.',
      responses: {
        200: jsonOk(z.object({ slots: listOf(SlotSchema), queues: z.array(z.string()) })),
        ...SECURED_ERRORS,
      },
    }),
    (c) =>
      c.json(
        {
          slots: Object.values(flows).flatMap((f) => promptSlots(f)),
          queues: routing.queues.map((q) => q.name),
        },
        200,
      ),
  );

  app.openapi(
    securedRoute(guard, 'promptAssignments.get', {
      method: 'get',
      path: '/admin/prompt-assignments',
      tags,
      description:
        'Which recording plays in place of which flow step’s prompt, and as which queue’s hold music.',
      responses: { 200: jsonOk(AssignmentsSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await readAssignments(deps.store), 200),
  );

  app.openapi(
    securedRoute(guard, 'promptAssignments.replace', {
      method: 'put',
      path: '/admin/prompt-assignments',
      tags,
      description:
        'Replaces every assignment; applies to the next caller, audited and kept in the history (settings name prompt-assignments).',
      request: { body: jsonBody(AssignmentsSchema) },
      responses: { 200: jsonOk(AssignmentsSchema), ...SECURED_ERRORS },
    }),
    async (c) => c.json(await replaceAssignments(deps, c.var.user, c.req.valid('json')), 200),
  );
}
