// Holiday calendars for admins (functions/app/holiday-calendars.ts): read the one in force, replace it
// whole (every bad day named; audited; a version in its history), and preview a CSV or iCalendar import
// merged into it, which writes nothing until the admin saves the preview with PUT.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { previewCalendarImport } from '../../app/calendar-import.js';
import { readCalendar, replaceCalendar } from '../../app/holiday-calendars.js';
import { MAX_IMPORT_BYTES } from '../../domain/calendar-import.js';
import { invalidField } from '../../domain/problems.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, NOT_FOUND, SECURED_ERRORS } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';

const Days = z.record(z.string().max(20), z.string().max(200));

const CalendarBody = z
  .object({
    holidays: Days.openapi({ example: { '2027-10-01': '国庆节 National Day' } }),
    makeUpDays: Days.openapi({ example: { '2027-09-26': '国庆节调休 National Day make-up day' } }),
  })
  .strict()
  .openapi('HolidayCalendarBody');

const CalendarSchema = z
  .object({
    name: z.string(),
    source: z.enum(['console', 'built-in']),
    holidays: z.record(z.string(), z.string()),
    makeUpDays: z.record(z.string(), z.string()),
  })
  .openapi('HolidayCalendar');

const Issue = z.object({ path: z.string(), code: z.string(), message: z.string() });

const PreviewSchema = z
  .object({
    name: z.string(),
    format: z.enum(['csv', 'ics']),
    calendar: z.object({
      holidays: z.record(z.string(), z.string()),
      makeUpDays: z.record(z.string(), z.string()),
    }),
    days: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })).readonly(),
    issues: z.array(Issue).readonly(),
  })
  .openapi('CalendarImportPreview');

const NameParam = z.object({
  name: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'cn' }),
});

const UploadForm = z.object({
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: 'CSV (date,name,kind or 日期,名称,类型) or iCalendar (.ics), UTF-8, up to 200 KB',
  }),
});

export function registerCalendarRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDeps, guard: Guard): void {
  const tags = ['admin'];
  app.openapi(
    securedRoute(guard, 'calendar.get', {
      method: 'get',
      path: '/admin/calendars/{name}',
      tags,
      description:
        'The holiday calendar in force: holidays close the line, make-up days (调休) open it with weekday hours.',
      request: { params: NameParam },
      responses: { 200: jsonOk(CalendarSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => c.json(await readCalendar(deps, c.req.valid('param').name), 200),
  );
  app.openapi(
    securedRoute(guard, 'calendar.replace', {
      method: 'put',
      path: '/admin/calendars/{name}',
      tags,
      description:
        'Replaces the calendar: real dates, no day both kinds, names of 1 to 60 characters, at most 400 days. Applies to calls within seconds; audited and kept as a version.',
      request: { params: NameParam, body: jsonBody(CalendarBody) },
      responses: { 200: jsonOk(CalendarSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) =>
      c.json(await replaceCalendar(deps, c.var.user, c.req.valid('param').name, c.req.valid('json')), 200),
  );
  app.openapi(
    securedRoute(guard, 'calendar.import', {
      method: 'post',
      path: '/admin/calendars/{name}/import',
      tags,
      description:
        'Previews a CSV or iCalendar file merged into the calendar, naming each row not taken by its line; writes nothing (save the preview with PUT).',
      request: {
        params: NameParam,
        body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } },
      },
      responses: { 200: jsonOk(PreviewSchema), ...SECURED_ERRORS, ...NOT_FOUND },
    }),
    async (c) => {
      const { file } = c.req.valid('form') as { file?: unknown };
      if (!(file instanceof File))
        throw invalidField(
          'body.file',
          'required',
          'send the file as multipart form data in the field "file"',
        );
      // Judged by its size before its bytes are read.
      if (file.size > MAX_IMPORT_BYTES)
        throw invalidField('body.file', 'file-too-big', `the file is over ${MAX_IMPORT_BYTES / 1024} KB`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const preview = await previewCalendarImport(deps, c.req.valid('param').name, {
        name: file.name,
        type: file.type,
        bytes,
      });
      return c.json(preview, 200);
    },
  );
}
