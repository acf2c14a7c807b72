import { z } from 'zod';
import { AddressSchema, EmailSchema, KvkNumberSchema, VatNumberSchema } from '../../lib/dutch.js';
import { PageQuerySchema, pageSchema } from '../../lib/pagination.js';

export const OrganisationKindSchema = z
  .enum(['platform', 'initiative', 'supplier', 'authority'])
  .meta({ id: 'OrganisationKind' });
export const CreatableKindSchema = z.enum(['initiative', 'supplier', 'authority']);
export const ActiveStatusSchema = z.enum(['active', 'disabled']).meta({ id: 'ActiveStatus' });
export const OrganisationStatusSchema = z
  .enum(['active', 'disabled', 'pending'])
  .describe(
    "'pending': named in an authority's contract before it registered; becomes active when its first user accepts the invitation",
  )
  .meta({ id: 'OrganisationStatus' });

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    kind: OrganisationKindSchema,
    name: z.string(),
    kvkNumber: z.string().nullable(),
    vatNumber: z.string().nullable(),
    address: z
      .object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() })
      .nullable(),
    contactEmail: z.string().nullable(),
    status: OrganisationStatusSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });

export type Organisation = z.infer<typeof OrganisationSchema>;

export const CreateOrganisationSchema = z
  .object({
    kind: CreatableKindSchema.describe(
      'The platform organisation exists once and is not created through the API',
    ),
    name: z.string().trim().min(1).max(200),
    kvkNumber: KvkNumberSchema,
    vatNumber: VatNumberSchema.optional(),
    address: AddressSchema.optional(),
    contactEmail: EmailSchema.optional(),
  })
  .meta({ id: 'CreateOrganisation' });

export type CreateOrganisationInput = z.infer<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z
  .strictObject({
    vatNumber: VatNumberSchema.nullable().optional(),
    address: AddressSchema.nullable().optional(),
    contactEmail: EmailSchema.nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'at least one field must be given')
  .describe(
    'Contact and billing details. The legal name and KvK number are not changed here: they are on certificates and public verification, and only the platform team changes them (setOrganisationLegalDetails, with a reason).',
  )
  .meta({ id: 'UpdateOrganisation' });

export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationSchema>;

export const SetLegalDetailsSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional().describe('The registered legal name'),
    kvkNumber: KvkNumberSchema.optional(),
    reason: z
      .string()
      .trim()
      .min(3)
      .max(1000)
      .describe('Why (e.g. a KvK extract of the renaming): kept in the audit trail'),
  })
  .refine(
    (value) => value.name !== undefined || value.kvkNumber !== undefined,
    'give a name, a KvK number or both',
  )
  .meta({ id: 'SetOrganisationLegalDetails' });

export type SetLegalDetailsInput = z.infer<typeof SetLegalDetailsSchema>;

export const ListOrganisationsQuerySchema = PageQuerySchema.extend({
  kind: OrganisationKindSchema.optional(),
  status: OrganisationStatusSchema.optional(),
  kvkNumber: z
    .string()
    .regex(/^[0-9]{8}$/)
    .optional(),
});

export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuerySchema>;

export const OrganisationPageSchema = pageSchema(OrganisationSchema).meta({
  id: 'OrganisationPage',
});

export const IdParamsSchema = z.object({ id: z.uuid() });
