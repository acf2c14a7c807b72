import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../lib/clock.js';
import { type Ctx, requireActor } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { MANDATORY_NOTIFICATIONS, type NotificationName } from '../mail/notification-templates.js';
import { notificationsRepository as repo } from './notifications.repository.js';
import type {
  NotificationPreferences,
  UpdateNotificationPreferencesInput,
} from './notifications.schemas.js';

/** The notifications a user of each kind of organisation can get (docs/email.md). */
export const NOTIFICATIONS_BY_KIND: Record<string, readonly NotificationName[]> = {
  platform: [
    'plan-submitted',
    'review-assigned',
    'review-panel-complete',
    'webhook-endpoint-disabled',
  ],
  initiative: [
    'plan-questions',
    'plan-awarded',
    'project-listed',
    'funding-reached',
    'funding-failed',
    'outcome-report-due',
    'outcome-report-returned',
    'outcome-report-accepted',
    'payout-approved',
    'payout-paid',
  ],
  supplier: [
    'order-placed',
    'purchase-placed',
    'order-paid',
    'purchase-paid',
    'order-refunded',
    'certificate-issued',
    'contract-registered',
    'claim-approved',
    'claim-rejected',
    'claim-withdrawn',
    'funding-reached',
    'funding-failed',
    'webhook-endpoint-disabled',
  ],
  authority: ['claim-submitted', 'webhook-endpoint-disabled'],
};

/** The signed-in user's own notification settings (GET/PUT /v1/me/notification-preferences). */
export function createNotificationsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;

  async function preferences(ctx: Ctx): Promise<NotificationPreferences> {
    const actor = requireActor(ctx);
    const optOuts = await repo.optOuts(db, actor.userId);
    return {
      notifications: (NOTIFICATIONS_BY_KIND[actor.organisationKind] ?? []).map((type) => {
        const mandatory = MANDATORY_NOTIFICATIONS.includes(type);
        return { type, mandatory, enabled: mandatory || !optOuts.includes(type) };
      }),
    };
  }

  return {
    preferences,

    async update(
      ctx: Ctx,
      input: UpdateNotificationPreferencesInput,
    ): Promise<NotificationPreferences> {
      const actor = requireActor(ctx);
      await db.transaction().execute(async (trx) => {
        const before = await repo.optOuts(trx, actor.userId);
        await repo.setOptOuts(trx, actor.userId, input.disabled, clock.now());
        await recordAudit(trx, ctx, {
          action: 'user.notification_preferences_changed',
          subjectType: 'user',
          subjectId: actor.userId,
          summary: { before, after: input.disabled },
        });
      });
      return preferences(ctx);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
