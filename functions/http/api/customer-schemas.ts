// Request and response schemas for customers and what they own (vehicles, devices, warranty policies).
import { z } from '@hono/zod-openapi';
import { LANGUAGES, POLICY_STATUSES, VIP_TIERS } from '../../domain/model.js';
import { IsoDate, listOf, Stamps, Version } from './common-schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    phones: listOf(z.string()),
    company: z.string().optional(),
    idCode: z.string().optional(),
    language: z.enum(LANGUAGES),
    vipTier: z.enum(VIP_TIERS),
    ownerAgentId: z.string().optional(),
    region: z.string().optional(),
    email: z.string().optional(),
    notes: z.string().optional(),
    ...Stamps,
  })
  .openapi('Customer');

const customerFields = {
  name: text(200),
  phones: z
    .array(z.string().min(3).max(40))
    .min(1)
    .max(10)
    .openapi({ example: ['+8613800138000'] }),
  company: text(200).optional(),
  idCode: text(64).optional(),
  language: z.enum(LANGUAGES),
  vipTier: z.enum(VIP_TIERS),
  ownerAgentId: text(64).optional(),
  region: text(64).optional(),
  email: z.email().optional(),
  notes: z.string().max(4000).optional(),
};

const sharedPhone = z.boolean().optional().openapi({
  description:
    "Give a phone another customer already has (a family's shared line) to this one as well. Without it such a phone is refused (409 `phone-in-use`): a number shared by several customers identifies nobody, so the IVR stops greeting and routing its callers by name.",
});

export const NewCustomerBody = z
  .object({
    ...customerFields,
    sharedPhone,
    language: customerFields.language.default('zh'),
    vipTier: customerFields.vipTier.default('none'),
  })
  .strict();

export const CustomerPatchBody = z
  .object({ version: Version, ...z.object(customerFields).partial().shape, sharedPhone })
  .strict();

export const VehicleSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    kind: z.literal('vehicle'),
    vin: z.string(),
    plate: z.string().optional(),
    make: z.string(),
    model: z.string(),
    year: z.number().int(),
    ...Stamps,
  })
  .openapi('Vehicle');
export const DeviceSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    kind: z.literal('device'),
    product: z.string(),
    serial: z.string(),
    ...Stamps,
  })
  .openapi('Device');
export const AssetSchema = z.discriminatedUnion('kind', [VehicleSchema, DeviceSchema]).openapi('Asset');

export const NewAssetBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('vehicle'),
      vin: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-HJ-NPR-Z0-9]{17}$/, '17 characters: digits and letters except I, O and Q'),
      // Plates are stored without spaces or separators so "京A 12345" and "京A-12345" are one plate.
      plate: z
        .string()
        .transform((p) => p.toUpperCase().replace(/[\s\-·.]/g, ''))
        .pipe(z.string().min(2).max(16))
        .optional(),
      make: text(64),
      model: text(64),
      year: z.number().int().min(1900).max(2100),
    })
    .strict(),
  z.object({ kind: z.literal('device'), product: text(120), serial: text(120) }).strict(),
]);

export const PolicySchema = z
  .object({
    number: z.string(),
    customerId: z.string(),
    vehicleId: z.string().optional(),
    status: z.enum(POLICY_STATUSES),
    product: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    dealer: z.object({ name: z.string(), phone: z.string().optional() }),
    ...Stamps,
  })
  .openapi('Policy');

export const NewPolicyBody = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, '4-40 letters, digits or hyphens'),
    vehicleId: z.string().min(1).optional(),
    status: z.enum(POLICY_STATUSES).default('valid'),
    product: text(120),
    startsOn: IsoDate,
    endsOn: IsoDate,
    dealer: z.object({ name: text(200), phone: z.string().min(3).max(40).optional() }).strict(),
  })
  .strict()
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export const CustomerIdParam = z.object({ id: z.string().min(1).max(64) });
