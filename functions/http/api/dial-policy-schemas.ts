// Schemas of the dialling policy (admins read and replace it) and of the refused outbound attempts
// supervisors see. The content checks beyond the shape (a country that exists) are the domain's.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/model.js';
import { listOf } from './common-schemas.js';

const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166 country code, e.g. CN')
  .openapi({ example: 'CN' });
const Prefix = z
  .string()
  .regex(/^\+[1-9]\d{0,7}$/, 'must be + and up to 8 digits, e.g. +1900')
  .openapi({ example: '+1900' });
const E164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +18005550100')
  .openapi({ example: '+18005550100' });
const Count = z.number().int().min(1).max(100_000);

const AllowList = z
  .object({ countries: z.array(Country).max(250).readonly(), prefixes: z.array(Prefix).max(500).readonly() })
  .strict()
  .openapi('DialAllowList');

const roleLists = Object.fromEntries(ROLES.map((role) => [role, AllowList])) as Record<
  (typeof ROLES)[number],
  typeof AllowList
>;

export const DialPolicySchema = z
  .object({
    allowed: z.object(roleLists).strict().openapi({ description: 'Destinations each role may call.' }),
    campaigns: z
      .record(z.string().min(1).max(64), AllowList)
      .openapi({ description: 'A campaign dials only its own list, whoever runs it.' }),
    blockedPrefixes: z.array(Prefix).max(1000).readonly().openapi({
      description: 'Refused whatever the allow lists say; the defaults list known high-cost destinations.',
    }),
    callerIds: z
      .array(E164)
      .max(100)
      .readonly()
      .openapi({ description: 'Caller ids beyond the hotlines and the SMS sender.' }),
    limits: z
      .object({
        windowMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60),
        agent: z.object({ calls: Count, sms: Count }).strict(),
        center: z.object({ calls: Count, sms: Count }).strict(),
      })
      .strict(),
  })
  .strict()
  .openapi('DialPolicy');

export const DialPolicyViewSchema = z
  .object({
    policy: DialPolicySchema,
    stored: z.boolean().openapi({ description: 'False while the defaults apply.' }),
    defaults: DialPolicySchema,
    builtInBlockedPrefixes: listOf(z.string()),
    callerIds: listOf(z.string()).openapi({ description: 'Every number the center may show.' }),
  })
  .openapi('DialPolicyView');

export const DialRefusalsSchema = z
  .object({
    items: listOf(
      z.object({
        id: z.string(),
        at: z.string(),
        actor: z.string(),
        number: z.string(),
        purpose: z.string(),
        reason: z.string(),
        message: z.string(),
      }),
    ),
    bursts: z.record(z.string(), z.number()).openapi({ description: 'Actors with a burst of refusals.' }),
    burstThreshold: z.number(),
    burstWindowMinutes: z.number(),
  })
  .openapi('DialRefusals');
