import { type Kysely, sql } from 'kysely';

// The e-mail and webhook of a placed invoice order, told in the placement itself.
//
// An invoice order's `order.placed` domain event (which sends the buyer the invoice and
// tells their webhooks) was recorded in a transaction of its own after place_order had
// committed: a crash between the two left an order, with its invoice, that nobody was
// told about. The event is now written by the placement statement itself, so the order
// and the news of it commit together or not at all. A Stripe order is still told when it
// is paid. The audience is the buyer, as recordEvent's audienceOf gives for an order.
// Frozen in time: never import from src/.

const TOLD = sql.raw(`, told AS (
        INSERT INTO domain_events (type, object_type, object_id, organisation_ids, occurred_at)
        SELECT 'order.placed', 'order', o.id, ARRAY[v.organisation_id], v.placed_at
        FROM placed o, verdict v
        WHERE o.payment_method = 'invoice'
      )`);

const placeOrder = (told: ReturnType<typeof sql.raw>) => sql`
    CREATE OR REPLACE FUNCTION place_order(
      p_order_id uuid, p_organisation_id uuid, p_user_id uuid, p_project_id uuid, p_quantity int,
      p_payment_method text, p_reserved_until timestamptz, p_reserved_until_text text, p_payment_reference text,
      p_placed_at timestamptz, p_invoice_year int, p_max_open_orders int, p_max_share_percent int,
      p_key text, p_scope text, p_request_hash text, p_pending jsonb, p_response_template jsonb, p_request_id text
    )
    RETURNS TABLE (
      refusal text,
      available integer,
      project_status text,
      open_orders bigint,
      reserved_on_project bigint,
      max_share bigint,
      key_scope text,
      key_request_hash text,
      key_status text,
      key_response_status integer,
      key_response_body jsonb,
      key_created_at timestamptz,
      response jsonb
    )
    LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
    #variable_conflict use_column
    BEGIN
      RETURN QUERY
      WITH args AS (
        SELECT p_order_id AS order_id, p_organisation_id AS organisation_id, p_user_id AS user_id,
          p_project_id AS project_id, p_quantity AS quantity, p_payment_method AS payment_method,
          p_reserved_until AS reserved_until, p_reserved_until_text AS reserved_until_text,
          p_payment_reference AS payment_reference, p_placed_at AS placed_at, p_invoice_year AS invoice_year,
          p_max_open_orders AS max_open_orders, p_max_share_percent AS max_share_percent,
          p_key AS key, p_scope AS scope, p_request_hash AS request_hash,
          p_pending AS pending, p_response_template AS response_template, p_request_id AS request_id
      ), state AS (
        SELECT s.* FROM args, order_placement_state(args.organisation_id, args.project_id, args.key) s
      ), verdict AS (
        SELECT args.*, s.*, b.name, b.kvk_number, b.vat_number,
          CASE WHEN coalesce(b.address_street, '') <> '' THEN jsonb_build_object(
            'street', b.address_street, 'postalCode', coalesce(b.address_postal_code, ''),
            'city', coalesce(b.address_city, ''), 'country', b.address_country) END AS address,
          p.title, p.status AS project_status, a.credit_price_cents,
          pb.supply - pb.reserved - pb.sold AS available,
          greatest(1, pb.supply::bigint * args.max_share_percent / 100) AS max_share,
          CASE
            WHEN b.status <> 'active' THEN 'buyer_inactive'
            WHEN s.key_status IS NOT NULL THEN 'key_exists'
            WHEN p.id IS NULL THEN 'project_not_found'
            WHEN p.status NOT IN ('listed', 'funded') OR pb.supply IS NULL OR a.credit_price_cents IS NULL THEN 'project_not_selling'
            WHEN p.funding_deadline IS NULL OR p.funding_deadline <= args.placed_at THEN 'deadline_passed'
            -- only a fast path: the balance's CHECK on the reservation below is the judge
            WHEN args.quantity > pb.supply - pb.reserved - pb.sold THEN 'insufficient_credits'
            WHEN s.open_orders >= args.max_open_orders THEN 'open_orders_limit'
            WHEN s.reserved_on_project + args.quantity > greatest(1, pb.supply::bigint * args.max_share_percent / 100) THEN 'share_limit'
          END AS refusal
        FROM args
        CROSS JOIN state s
        JOIN organisations b ON b.id = args.organisation_id
        LEFT JOIN projects p ON p.id = args.project_id
        LEFT JOIN project_credit_balances pb ON pb.project_id = p.id
        LEFT JOIN awards a ON a.project_id = p.id AND a.decision = 'approved'
      ), counter AS (
        INSERT INTO document_counters AS c (kind, year, last_value)
        SELECT 'invoice', v.invoice_year, 1 FROM verdict v WHERE v.refusal IS NULL AND v.payment_method = 'invoice'
        ON CONFLICT (kind, year) DO UPDATE SET last_value = c.last_value + 1
        RETURNING 'INV-' || year || '-' || lpad(last_value::text, 6, '0') AS invoice_number
      ), claimed AS (
        INSERT INTO idempotency_keys (organisation_id, key, scope, request_hash, status, response_status, response_body, created_at, completed_at)
        SELECT v.organisation_id, v.key, v.scope, v.request_hash,
          CASE WHEN v.payment_method = 'invoice' THEN 'completed' ELSE 'in_progress' END,
          CASE WHEN v.payment_method = 'invoice' THEN 201 END,
          CASE WHEN v.payment_method = 'invoice'
            -- the answer the service built, completed with what only the database knows
            THEN v.response_template || jsonb_build_object(
              'project', jsonb_build_object('id', v.project_id, 'title', v.title),
              'unitPriceCents', v.credit_price_cents,
              'amountCents', v.quantity * v.credit_price_cents::bigint,
              'invoiceNumber', n.invoice_number,
              'billing', jsonb_build_object('name', v.name, 'kvkNumber', v.kvk_number, 'vatNumber', v.vat_number, 'address', v.address))
            ELSE v.pending
          END,
          v.placed_at,
          CASE WHEN v.payment_method = 'invoice' THEN v.placed_at END
        FROM verdict v LEFT JOIN counter n ON true
        WHERE v.refusal IS NULL
        RETURNING response_body
      ), placed AS (
        INSERT INTO orders (
          id, buyer_organisation_id, created_by, project_id, quantity, unit_price_cents, amount_cents,
          payment_method, reserved_until, billing_name, billing_kvk_number, billing_vat_number,
          billing_address, payment_reference, invoice_number, created_at, updated_at
        )
        SELECT v.order_id, v.organisation_id, v.user_id, v.project_id, v.quantity, v.credit_price_cents,
          v.quantity * v.credit_price_cents::bigint, v.payment_method, v.reserved_until, v.name, v.kvk_number,
          v.vat_number, v.address, v.payment_reference, n.invoice_number, v.placed_at, v.placed_at
        FROM claimed, verdict v LEFT JOIN counter n ON true
        RETURNING id, project_id, quantity, amount_cents, payment_method, invoice_number
      ), audited AS (
        INSERT INTO audit_events (actor_user_id, actor_organisation_id, action, subject_type, subject_id, summary, request_id)
        SELECT v.user_id, v.organisation_id, 'order.created', 'order', o.id::text,
          jsonb_build_object('projectId', o.project_id, 'quantity', o.quantity, 'amountCents', o.amount_cents,
            'paymentMethod', o.payment_method, 'invoiceNumber', o.invoice_number, 'reservedUntil', v.reserved_until_text),
          v.request_id
        FROM placed o, verdict v
      ), reserved AS (
        INSERT INTO credit_ledger (project_id, entry_type, quantity, reference_type, reference_id, actor_user_id, created_at)
        SELECT o.project_id, 'reserve', o.quantity, 'order', o.id, v.user_id, v.placed_at
        FROM placed o, verdict v
      )${told}
      SELECT v.refusal, v.available, v.project_status, v.open_orders, v.reserved_on_project, v.max_share,
        v.key_scope, v.key_request_hash, v.key_status, v.key_response_status, v.key_response_body, v.key_created_at,
        (SELECT c.response_body FROM claimed c) AS response
      FROM verdict v;
    END
    $$
`;

export async function up(db: Kysely<any>): Promise<void> {
  await placeOrder(TOLD).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await placeOrder(sql.raw('')).execute(db);
}
