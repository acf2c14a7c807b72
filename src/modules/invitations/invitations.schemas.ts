import { z } from 'zod';
import { EmailSchema } from '../../lib/dutch.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../lib/passwords.js';
import { LanguageSchema, UserRoleSchema } from '../users/users.schemas.js';
import { pageSchema } from '../../lib/pagination.js';

export const InvitationStatusSchema = z
  .enum(['pending', 'accepted', 'expired'])
  .meta({ id: 'InvitationStatus' });

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string(),
    role: UserRoleSchema,
    status: InvitationStatusSchema,
    invitedBy: z.uuid().nullable(),
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });

export type Invitation = z.infer<typeof InvitationSchema>;

export const CreateInvitationSchema = z
  .object({
    email: EmailSchema,
    role: UserRoleSchema,
    language: LanguageSchema.optional().describe(
      'The language of the invitation e-mail; by default the inviter’s own language',
    ),
  })
  .meta({ id: 'CreateInvitation' });

export const CreatedInvitationSchema = z
  .object({
    invitation: InvitationSchema,
    token: z
      .string()
      .describe('Single-use secret, shown only in this response; hand it to the invitee'),
    acceptUrl: z
      .string()
      .describe('Where the invitee sets a password; the invitee is also sent this link by e-mail'),
  })
  .meta({ id: 'CreatedInvitation' });

export const InvitationListSchema = pageSchema(InvitationSchema).meta({ id: 'InvitationList' });

export const AcceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(1).max(200),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH),
    language: LanguageSchema.optional().describe(
      'The new user’s language (its e-mails); by default Dutch',
    ),
  })
  .meta({ id: 'AcceptInvitation' });

export const InvitationTokenSchema = z
  .strictObject({ token: z.string().min(20).max(200) })
  .meta({ id: 'InvitationToken' });

export const InvitationPreviewSchema = z
  .object({
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    email: z.string().describe('The address the account will have; it cannot be changed here'),
    role: UserRoleSchema,
    expiresAt: z.iso.datetime(),
    status: z
      .literal('open')
      .describe(
        'Always `open`: an invitation that is used, expired or revoked answers a problem instead',
      ),
  })
  .meta({ id: 'InvitationPreview' });

export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
