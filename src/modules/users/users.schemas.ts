import { z } from 'zod';
import {
  ActiveStatusSchema,
  OrganisationKindSchema,
  OrganisationSchema,
} from '../organisations/organisations.schemas.js';
import { pageSchema } from '../../lib/pagination.js';

export const UserRoleSchema = z
  .enum(['admin', 'reviewer', 'member', 'coordinator', 'viewer'])
  .meta({ id: 'UserRole' });

export const LanguageSchema = z
  .enum(['nl', 'en'])
  .describe(
    'The language of the user’s e-mails and of the web app when signed in; Dutch by default',
  )
  .meta({ id: 'Language' });

export const UpdateMeSchema = z
  .strictObject({ language: LanguageSchema.optional() })
  .meta({ id: 'UpdateMeRequest' });

export const UserSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationKind: OrganisationKindSchema,
    email: z.string(),
    name: z.string(),
    role: UserRoleSchema,
    status: ActiveStatusSchema,
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    language: LanguageSchema,
  })
  .meta({ id: 'User' });

export type User = z.infer<typeof UserSchema>;

export const MeSchema = z
  .object({
    user: UserSchema,
    organisation: OrganisationSchema,
  })
  .meta({ id: 'Me' });

export const UserListSchema = pageSchema(UserSchema).meta({ id: 'UserList' });
