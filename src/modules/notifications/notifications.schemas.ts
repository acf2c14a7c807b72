import { z } from 'zod';
import {
  NOTIFICATION_NAMES,
  OPTIONAL_NOTIFICATIONS,
  type NotificationName,
} from '../mail/notification-templates.js';

export const NotificationTypeSchema = z
  .enum(NOTIFICATION_NAMES)
  .describe('An e-mail notification; docs/email.md says when each is sent and to whom')
  .meta({ id: 'NotificationType' });

const OptionalNotificationTypeSchema = z
  .enum(OPTIONAL_NOTIFICATIONS as [NotificationName, ...NotificationName[]])
  .describe('A notification the user may switch off (the mandatory ones cannot be)')
  .meta({ id: 'OptionalNotificationType' });

export const NotificationPreferencesSchema = z
  .object({
    notifications: z
      .array(
        z.object({
          type: NotificationTypeSchema,
          mandatory: z.boolean().describe('About the user’s own money or obligations: always sent'),
          enabled: z.boolean(),
        }),
      )
      .describe('The notifications that concern users of the user’s kind of organisation'),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const UpdateNotificationPreferencesSchema = z
  .strictObject({
    disabled: z
      .array(OptionalNotificationTypeSchema)
      .max(OPTIONAL_NOTIFICATIONS.length)
      .describe('Every optional notification the user does not want; all others are sent')
      .transform((types) => [...new Set(types)].sort()),
  })
  .meta({ id: 'UpdateNotificationPreferences' });
export type UpdateNotificationPreferencesInput = z.infer<
  typeof UpdateNotificationPreferencesSchema
>;
