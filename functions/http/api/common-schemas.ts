// Schemas shared by every resource: errors, paging, optimistic-lock versions, and the documented
// error responses each route lists in the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: 'validation' }),
    message: z.string().openapi({ example: 'Invalid request: body.subject: Too small' }),
    issues: z
      .array(z.object({ path: z.string(), code: z.string().optional(), message: z.string() }))
      .optional(),
  })
  .passthrough()
  .openapi('Error');

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ example: 50 }),
  cursor: z.string().min(1).max(2000).optional(),
});

/** Arrays in responses are readonly, matching the store's records. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: listOf(item), cursor: z.string().optional() });
}

export const Version = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'The version you read; a stale one gets 409.' });

export const IsoDateTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-03-01T09:30:00Z' });
// Two-digit years would be read as 19xx by the date arithmetic, and no record predates 1900.
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01', { message: 'must be a date from 1900-01-01 on (YYYY-MM-DD)' })
  .openapi({ example: '2026-03-01' });

export const Stamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } };
}

/** Error responses every secured route can give. */
export const SECURED_ERRORS = {
  400: errorResponse('A parameter or body field is invalid; `issues` names each one.'),
  401: errorResponse('No valid session.'),
  403: errorResponse('The session lacks the role this operation needs.'),
} as const;

export const NOT_FOUND = { 404: errorResponse('No such record.') } as const;
export const CONFLICT = {
  409: errorResponse('Stale `version` (the body carries the current record) or a duplicate unique key.'),
} as const;
export const UNPROCESSABLE = {
  422: errorResponse('The change breaks a business rule, e.g. a ticket transition.'),
};

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export function jsonOk<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A phone number in the path (`/sms/threads/{phone}`, `/supervisor/whitelist/{phone}`), URL-encoded. */
export const PhoneParam = z.object({
  phone: z
    .string()
    .min(3)
    .max(32)
    .openapi({ param: { name: 'phone', in: 'path' }, example: '+8613800138000' }),
});
