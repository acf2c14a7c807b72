import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';

/**
 * DESIGN §5 invariants 1, 2, 4 and 5, checked against the whole database. Answers one line
 * per violation (empty when all hold). Tests call it after every scenario; an operator
 * can run it against production (it only reads).
 */
export async function checkInvariants(db: Kysely<DB>): Promise<string[]> {
  const violations: string[] = [];
  const report = (
    rows: Record<string, unknown>[],
    describe: (row: Record<string, unknown>) => string,
  ) => {
    for (const row of rows) violations.push(describe(row));
  };

  // 1. sold + reserved + available = supply, none negative, and the balance is the sum of its ledger.
  report(
    await rows(
      db,
      sql`
      WITH ledger AS (
        SELECT project_id,
          sum(quantity) FILTER (WHERE entry_type = 'issue') AS issued,
          coalesce(sum(CASE entry_type WHEN 'reserve' THEN quantity WHEN 'release' THEN -quantity WHEN 'sell' THEN -quantity ELSE 0 END), 0) AS reserved,
          coalesce(sum(CASE entry_type WHEN 'sell' THEN quantity WHEN 'refund' THEN -quantity ELSE 0 END), 0) AS sold
        FROM credit_ledger GROUP BY project_id
      )
      SELECT b.project_id, b.supply, b.reserved, b.sold, l.issued, l.reserved AS ledger_reserved, l.sold AS ledger_sold
      FROM project_credit_balances b FULL JOIN ledger l USING (project_id)
      WHERE b.project_id IS NULL OR l.project_id IS NULL
         OR b.supply IS DISTINCT FROM l.issued OR b.reserved <> l.reserved OR b.sold <> l.sold
         OR b.reserved < 0 OR b.sold < 0 OR b.supply - b.reserved - b.sold < 0
    `,
    ),
    (r) =>
      `credits: project ${r.project_id} balance supply ${r.supply} reserved ${r.reserved} sold ${r.sold} vs ledger issued ${r.issued} reserved ${r.ledger_reserved} sold ${r.ledger_sold}`,
  );

  // 1. the balance agrees with the orders: reserved = Σ reserved orders, sold = Σ paid orders.
  report(
    await rows(
      db,
      sql`
      WITH o AS (
        SELECT project_id,
          coalesce(sum(quantity) FILTER (WHERE status = 'reserved'), 0) AS reserved,
          coalesce(sum(quantity) FILTER (WHERE status = 'paid'), 0) AS sold
        FROM orders GROUP BY project_id
      )
      SELECT b.project_id, b.reserved, b.sold, coalesce(o.reserved, 0) AS order_reserved, coalesce(o.sold, 0) AS order_sold
      FROM project_credit_balances b LEFT JOIN o USING (project_id)
      WHERE b.reserved <> coalesce(o.reserved, 0) OR b.sold <> coalesce(o.sold, 0)
    `,
    ),
    (r) =>
      `credits: project ${r.project_id} balance reserved ${r.reserved} sold ${r.sold} vs orders reserved ${r.order_reserved} paid ${r.order_sold}`,
  );

  // 2. a paid order owns exactly one allocation of its quantity, on one live certificate with the same serials.
  report(
    await rows(
      db,
      sql`
      SELECT o.id, o.quantity, a.serial_start, a.serial_end, c.serial_start AS c_start, c.serial_end AS c_end, c.credits, c.status AS c_status
      FROM orders o
      LEFT JOIN credit_allocations a ON a.order_id = o.id
      LEFT JOIN certificates c ON c.order_id = o.id
      WHERE o.status = 'paid' AND (
        a.order_id IS NULL OR c.id IS NULL OR c.status NOT IN ('active', 'suspended')
        OR a.serial_end - a.serial_start + 1 <> o.quantity
        OR c.serial_start <> a.serial_start OR c.serial_end <> a.serial_end OR c.credits <> o.quantity
        OR a.project_id <> o.project_id OR c.project_id <> o.project_id OR c.buyer_organisation_id <> o.buyer_organisation_id
      )
    `,
    ),
    (r) =>
      `serials: paid order ${r.id} (quantity ${r.quantity}) has allocation ${r.serial_start ?? '-'}..${r.serial_end ?? '-'} and certificate ${r.c_status ?? 'none'} ${r.c_start ?? '-'}..${r.c_end ?? '-'}`,
  );

  // 2. only a paid order has a live certificate.
  report(
    await rows(
      db,
      sql`
      SELECT c.id, c.status, o.id AS order_id, o.status AS order_status
      FROM certificates c JOIN orders o ON o.id = c.order_id
      WHERE o.status <> 'paid' AND c.status <> 'revoked'
    `,
    ),
    (r) =>
      `serials: certificate ${r.id} is ${r.status} but its order ${r.order_id} is ${r.order_status}`,
  );

  // 2. serials are allocated to orders that were paid (and may since have been refunded), no others.
  report(
    await rows(
      db,
      sql`
      SELECT a.order_id, o.status FROM credit_allocations a JOIN orders o ON o.id = a.order_id
      WHERE o.status NOT IN ('paid', 'refunded') OR a.project_id <> o.project_id
    `,
    ),
    (r) => `serials: order ${r.order_id} is ${r.status} but holds an allocation`,
  );

  // 2. serial ranges never overlap within a project, and lie below the project's next free serial.
  report(
    await rows(
      db,
      sql`
      SELECT a.order_id AS a_order, b.order_id AS b_order, a.project_id
      FROM credit_allocations a JOIN credit_allocations b
        ON a.project_id = b.project_id AND a.order_id < b.order_id
       AND a.serial_start <= b.serial_end AND b.serial_start <= a.serial_end
    `,
    ),
    (r) =>
      `serials: allocations of orders ${r.a_order} and ${r.b_order} overlap in project ${r.project_id}`,
  );
  report(
    await rows(
      db,
      sql`
      SELECT a.order_id, a.serial_end, b.next_serial
      FROM credit_allocations a JOIN project_credit_balances b USING (project_id)
      WHERE a.serial_end >= b.next_serial
    `,
    ),
    (r) =>
      `serials: allocation of order ${r.order_id} ends at ${r.serial_end}, beyond the next free serial ${r.next_serial}`,
  );

  // 4. a certificate's counter is the sum of its live (pending + approved) claims and within its credits.
  report(
    await rows(
      db,
      sql`
      SELECT c.id, c.credits, c.claimed_credits, coalesce(sum(cl.credits), 0) AS live
      FROM certificates c LEFT JOIN claims cl ON cl.certificate_id = c.id AND cl.status IN ('pending', 'approved')
      GROUP BY c.id, c.credits, c.claimed_credits
      HAVING c.claimed_credits <> coalesce(sum(cl.credits), 0) OR coalesce(sum(cl.credits), 0) > c.credits
    `,
    ),
    (r) =>
      `claims: certificate ${r.id} of ${r.credits} credits counts ${r.claimed_credits} claimed but its live claims hold ${r.live}`,
  );

  // 4. a revoked certificate has no approved claims, and a certificate that is not active no pending ones.
  report(
    await rows(
      db,
      sql`
      SELECT cl.id, cl.status, c.id AS certificate_id, c.status AS certificate_status
      FROM claims cl JOIN certificates c ON c.id = cl.certificate_id
      WHERE (c.status = 'revoked' AND cl.status = 'approved') OR (c.status <> 'active' AND cl.status = 'pending')
    `,
    ),
    (r) =>
      `claims: claim ${r.id} is ${r.status} on ${r.certificate_status} certificate ${r.certificate_id}`,
  );

  // 4. no claim counts while a refund of its certificate's order is under way: the request
  // is made only with no approval standing, and approvals wait until it is settled.
  report(
    await rows(
      db,
      sql`
      SELECT cl.id, c.id AS certificate_id, o.id AS order_id
      FROM claims cl JOIN certificates c ON c.id = cl.certificate_id JOIN orders o ON o.id = c.order_id
      WHERE cl.status = 'approved' AND o.refund_requested_at IS NOT NULL
    `,
    ),
    (r) =>
      `claims: claim ${r.id} is approved on certificate ${r.certificate_id} while a refund of order ${r.order_id} is under way`,
  );

  // 4. what counts toward an obligation: a contract's counter is the sum of what its approved
  // claims count, and never more than the obligation; a claim counts its value, or (its last
  // credit in part) less, with every other credit counted in full.
  report(
    await rows(
      db,
      sql`
      SELECT k.id, k.obligation_cents, k.counted_cents, coalesce(sum(cl.counted_cents), 0) AS approved
      FROM contracts k LEFT JOIN claims cl ON cl.contract_id = k.id AND cl.status = 'approved'
      GROUP BY k.id, k.obligation_cents, k.counted_cents
      HAVING k.counted_cents <> coalesce(sum(cl.counted_cents), 0) OR k.counted_cents > k.obligation_cents
    `,
    ),
    (r) =>
      `claims: contract ${r.id} (obligation ${r.obligation_cents}) counts ${r.counted_cents} but its approved claims count ${r.approved}`,
  );
  report(
    await rows(
      db,
      sql`
      SELECT id, credits, value_cents, counted_cents FROM claims
      WHERE counted_cents > value_cents OR counted_cents < 0
         OR (counted_cents < value_cents
             AND counted_cents::numeric * 10000 <= (credits - 1)::numeric * unit_price_cents * credit_factor_bp)
    `,
    ),
    (r) =>
      `claims: claim ${r.id} of ${r.credits} credits worth ${r.value_cents} counts ${r.counted_cents}`,
  );

  // 5. per project: payments received = escrow + paid out + refunded, escrow never negative.
  report(
    await rows(
      db,
      sql`
      SELECT project_id,
        coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payment_received'), 0) AS received,
        coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payout'), 0) AS paid_out,
        coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'refund_paid'), 0) AS refunded
      FROM money_ledger GROUP BY project_id
      HAVING coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payment_received'), 0)
           - coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payout'), 0)
           - coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'refund_paid'), 0) < 0
    `,
    ),
    (r) =>
      `money: project ${r.project_id} received ${r.received}, paid out ${r.paid_out}, refunded ${r.refunded}: escrow is negative`,
  );

  // 5. each order's money: a paid order received exactly its amount and nothing went back;
  // a refunded order received and returned its amount; an order never paid holds nothing.
  report(
    await rows(
      db,
      sql`
      WITH m AS (
        SELECT order_id,
          coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'payment_received'), 0) AS received,
          coalesce(sum(amount_cents) FILTER (WHERE entry_type = 'refund_paid'), 0) AS refunded,
          count(*) FILTER (WHERE entry_type = 'payment_received') AS payments
        FROM money_ledger WHERE order_id IS NOT NULL GROUP BY order_id
      )
      SELECT o.id, o.status, o.amount_cents, coalesce(m.received, 0) AS received, coalesce(m.refunded, 0) AS refunded
      FROM orders o LEFT JOIN m ON m.order_id = o.id
      WHERE (o.status = 'paid' AND (coalesce(m.received, 0) <> o.amount_cents OR coalesce(m.refunded, 0) <> 0))
         OR (o.status = 'refunded' AND (coalesce(m.received, 0) <> o.amount_cents OR coalesce(m.refunded, 0) <> o.amount_cents))
         OR (o.status = 'reserved' AND coalesce(m.received, 0) + coalesce(m.refunded, 0) <> 0)
         OR (o.status IN ('expired', 'cancelled') AND (
              coalesce(m.refunded, 0) <> 0
              OR (coalesce(m.received, 0) <> 0 AND (coalesce(m.received, 0) <> o.amount_cents OR NOT EXISTS (SELECT 1 FROM order_flags f
                WHERE f.order_id = o.id AND f.code = 'refund_required' AND f.resolved_at IS NULL)))))
         OR coalesce(m.payments, 0) > 1
    `,
    ),
    (r) =>
      `money: order ${r.id} (${r.status}, amount ${r.amount_cents}) received ${r.received} and refunded ${r.refunded}`,
  );

  return violations;
}

async function rows(
  db: Kysely<DB>,
  query: ReturnType<typeof sql>,
): Promise<Record<string, unknown>[]> {
  const result = await query.execute(db);
  return result.rows as Record<string, unknown>[];
}
