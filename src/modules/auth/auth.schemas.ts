import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../lib/passwords.js';

export const LoginSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(3)
      .max(254)
      .transform((value) => value.toLowerCase()),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'LoginRequest' });

const RefreshTokenSchema = z.string().min(20).max(200);

export const RefreshSchema = z
  .object({
    refreshToken: RefreshTokenSchema.optional().describe(
      'Required, except from a browser session (`X-Impactbeurs-Client: web`), whose token is read from its cookie and never from the body',
    ),
  })
  .meta({ id: 'RefreshRequest' });

export const TokenPairSchema = z
  .object({
    accessToken: z.string().describe('JWT for the Authorization: Bearer header'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z
      .string()
      .optional()
      .describe(
        'Opaque; single use: each refresh returns a new one. Absent for a browser session (`X-Impactbeurs-Client: web`): its refresh token is in the HttpOnly cookie `impactbeurs_refresh`',
      ),
    refreshTokenExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'TokenPair' });

export type TokenPair = z.infer<typeof TokenPairSchema> & { refreshToken: string };

export const AccessTokenSchema = z
  .object({
    accessToken: z.string().describe('JWT for the Authorization: Bearer header'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
  })
  .meta({ id: 'AccessToken' });

export type AccessToken = z.infer<typeof AccessTokenSchema>;

export const ChangePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'ChangePasswordRequest' });

export const PasswordResetRequestSchema = z
  .strictObject({
    email: z
      .string()
      .trim()
      .min(3)
      .max(254)
      .transform((value) => value.toLowerCase()),
  })
  .meta({ id: 'PasswordResetRequest' });

export const PasswordResetAcceptedSchema = z
  .object({
    status: z.literal('accepted'),
    message: z.string(),
  })
  .meta({ id: 'PasswordResetAccepted' });

export const PasswordResetConfirmSchema = z
  .strictObject({
    token: z.string().min(20).max(200).describe('The token from the link in the e-mail'),
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'PasswordResetConfirmRequest' });
