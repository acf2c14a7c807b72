import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Actor, Ctx } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { resolveUnattributedRefund } from './purchase-refunds.js';
import { lockLines, lockPurchase } from './purchases.js';
import { settlementRepository as repo } from './settlement.repository.js';

/**
 * An order's attention flags (issue 17): one row per problem, raised by the path that found
 * it (`settlementRepository.flagOrder`) and resolved on its own, by the event that settles
 * it (a full refund resolves `refund_required`, `refund_amount_mismatch`, `refund_failed`)
 * or here, by a platform admin with a note. A flag is never overwritten nor deleted.
 */

export interface OrderFlag {
  id: string;
  code: string;
  detail: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

type FlagRow = Awaited<ReturnType<typeof repo.findFlags>>[number];

const toFlag = (row: FlagRow): OrderFlag => ({
  id: row.id,
  code: row.code,
  detail: row.detail,
  raisedAt: row.raised_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
  resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
});

/** The flags of these orders (open ones only, or all), by order id, oldest first. */
export async function flagsOfOrders(
  db: Kysely<DB>,
  orderIds: readonly string[],
  openOnly: boolean,
): Promise<Map<string, OrderFlag[]>> {
  const byOrder = new Map<string, OrderFlag[]>();
  for (const row of await repo.findFlags(db, orderIds, openOnly)) {
    const list = byOrder.get(row.order_id) ?? [];
    list.push(toFlag(row));
    byOrder.set(row.order_id, list);
  }
  return byOrder;
}

/**
 * A platform admin resolves one flag of an order, with a note; audited. A refund of a
 * purchase's payment that no rule could attribute (`purchase_refund_unattributed`, raised
 * on every line) is one problem: resolving it on one line resolves it on all, and may name
 * the lines the refund gave back, which are then booked (resolveUnattributedRefund).
 */
export async function resolveOrderFlag(
  db: Kysely<DB>,
  ctx: Ctx & { now: Date },
  actor: Actor,
  orderId: string,
  flagId: string,
  note: string,
  refundedOrderIds: readonly string[] = [],
): Promise<OrderFlag> {
  if (!isUuid(orderId) || !isUuid(flagId)) throw notFound('Flag');
  return db.transaction().execute(async (trx) => {
    // The order's row first (docs/architecture.md, "Lock order"), then its flag; a purchase's
    // line: the purchase's row, then its lines' rows, as every path of a purchase takes them.
    const found = await repo.findOrder(trx, orderId);
    const purchase = found?.purchase_id ? await lockPurchase(trx, found.purchase_id) : undefined;
    const lines = purchase ? await lockLines(trx, purchase.id) : [];
    const order = purchase
      ? lines.find((line) => line.id === orderId)
      : await repo.lockOrder(trx, orderId);
    if (!order) throw notFound('Flag');
    const flag = await repo.lockFlag(trx, flagId);
    if (!flag || flag.order_id !== orderId) throw notFound('Flag');
    if (flag.resolved_at !== null)
      throw conflict(
        'ORDER.FLAG_RESOLVED',
        `This flag was resolved already (${flag.resolution_note ?? ''})`,
      );
    if (purchase && flag.code === 'purchase_refund_unattributed') {
      await resolveUnattributedRefund(trx, ctx, actor, {
        purchase,
        lines,
        flag,
        refundedOrderIds,
        note,
      });
    } else {
      if (refundedOrderIds.length > 0)
        throw conflict(
          'ORDER.REFUND_NOT_ATTRIBUTABLE',
          'Only an unattributed refund of a purchase (purchase_refund_unattributed) names the lines it refunded',
        );
      await repo.resolveFlagById(trx, flagId, actor.userId, note, ctx.now);
      await repo.syncAttention(trx, orderId, ctx.now);
      await recordAudit(trx, ctx, {
        action: 'order.flag_resolved',
        subjectType: 'order',
        subjectId: orderId,
        summary: { flagId, code: flag.code, detail: flag.detail, note },
      });
    }
    const [resolved] = await repo
      .findFlags(trx, [orderId], false)
      .then((rows) => rows.filter((row) => row.id === flagId));
    return toFlag(resolved!);
  });
}
