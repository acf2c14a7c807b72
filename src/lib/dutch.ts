import { z } from 'zod';

/** KvK number: eight digits (Dutch Chamber of Commerce). */
export const KvkNumberSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{8}$/, 'must be 8 digits')
  .refine((value) => value !== '00000000', 'is not a valid KvK number')
  .describe('KvK number, 8 digits')
  .meta({ example: '12345678' });

/**
 * VAT identification number, upper case without spaces or dots. Dutch numbers follow
 * NL + 9 digits + B + 2 digits; other EU numbers are checked for shape only.
 */
export const VatNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s.]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'must be a VAT number such as NL123456789B01')
      .refine(
        (value) => !value.startsWith('NL') || /^NL[0-9]{9}B[0-9]{2}$/.test(value),
        'must be NL + 9 digits + B + 2 digits',
      ),
  )
  .meta({ example: 'NL123456789B01' });

export const AddressSchema = z
  .object({
    street: z.string().trim().min(1).max(200).describe('Street and number'),
    postalCode: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .default('NL'),
  })
  .superRefine((address, issue) => {
    if (address.country === 'NL' && !/^[1-9][0-9]{3} ?[A-Z]{2}$/i.test(address.postalCode)) {
      issue.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: 'must be a Dutch postal code such as 1234 AB',
      });
    }
  })
  .transform((address) => ({
    ...address,
    postalCode:
      address.country === 'NL'
        ? address.postalCode.replace(
            /^([0-9]{4}) ?([a-z]{2})$/i,
            (_m, digits: string, letters: string) => `${digits} ${letters.toUpperCase()}`,
          )
        : address.postalCode,
  }));

/** Email address, trimmed and lower-cased (addresses are unique case-insensitively). */
export const EmailSchema = z.string().trim().toLowerCase().max(254).check(z.email());
