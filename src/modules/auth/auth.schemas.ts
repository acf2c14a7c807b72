import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../lib/passwords.js';

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

export const RefreshSchema = z
  .object({ refreshToken: z.string().min(20).max(200) })
  .meta({ id: 'RefreshRequest' });

export const TokenPairSchema = z
  .object({
    accessToken: z.string().describe('JWT for the Authorization: Bearer header'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z.string().describe('Opaque; single use: each refresh returns a new one'),
    refreshTokenExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'TokenPair' });

export type TokenPair = z.infer<typeof TokenPairSchema>;
