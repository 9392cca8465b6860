// Users as the API shows them: everything but the password hash (the use cases' publicUser).
import { z } from '@hono/zod-openapi';
import { LANGUAGES, ROLES } from '../../domain/model.js';
import { listOf, Stamps } from './common-schemas.js';

export const PublicUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    roles: listOf(z.enum(ROLES)),
    skills: listOf(z.string()),
    skillLevels: z.record(z.string(), z.number()).optional(),
    languages: listOf(z.enum(LANGUAGES)),
    regions: listOf(z.string()),
    extension: z.string().optional(),
    phone: z.string().optional(),
    disabled: z.boolean(),
    ...Stamps,
  })
  .openapi('User');
