import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type ListedProject,
  type OrderJson,
  type Person,
  TestContext,
} from '../factory/index.js';

/**
 * CAMT.053 bank statements paying invoice purchases: the orders of a purchase share its one
 * payment reference, so a credit naming it pays the purchase, all lines at once, and only
 * for the purchase's total; exactly once however often the statement comes in.
 */

const fixture = (name: string) =>
  readFileSync(new URL(`../payments/fixtures/${name}`, import.meta.url), 'utf8');
const ING_V02 = fixture('camt053-ing-v02.xml');
const RABO_V08 = fixture('camt053-rabobank-v08.xml');

const euros = (cents: number) => (cents / 100).toFixed(2);

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`fixture placeholder ${name} not given`);
    return value;
  });
}

interface InvoicePurchase {
  id: string;
  amountCents: number;
  paymentReference: string;
  lines: { amountCents: number; order: OrderJson }[];
}
interface Statement {
  id: string;
  counts: Record<string, number>;
}
interface Entry {
  id: string;
  amountCents: number;
  batchSize: number;
  transactionIndex: number;
  duplicateOf: string | null;
  remittance: { structured: string | null; unstructured: string | null };
  match: { status: string; orderId: string | null; detail: string | null };
  exception: null | { reason: string; resolution: string | null };
}

let t: TestContext;
let admin: Person;
let supplier: Person;
let projects: ListedProject[];

beforeAll(async () => {
  t = await TestContext.create({
    env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
  });
  admin = await t.platformAdmin();
  supplier = await t.newSupplier();
  projects = [];
  for (let i = 0; i < 3; i++) projects.push(await t.newListedProject({ credits: 200 }));
}, 300_000);
afterAll(() => t?.close());

async function invoicePurchase(credits: number[]): Promise<InvoicePurchase> {
  const placed = await t.post(
    supplier,
    '/v1/purchases',
    {
      lines: credits.map((n, i) => ({ projectId: projects[i]!.id, credits: n })),
      paymentMethod: 'invoice',
    },
    { 'idempotency-key': randomUUID() },
  );
  expectStatus(placed, 201);
  return placed.json<InvoicePurchase>();
}

const upload = (xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/bank-statements',
    headers: { ...admin.as.headers, 'content-type': 'application/xml' },
    payload: xml,
  });

/** A fresh statement id on the one account, so files of different tests never overlap. */
const ids = () => ({
  ACCOUNT: 'NL69INGB0123456789',
  STMT_ID: `STMT-P${process.pid}-${randomUUID().slice(0, 8)}`,
  MSG_ID: `MSG-${randomUUID()}`,
});

/** A statement of one credit entry: `amountCents` with `remittance` as its free text. */
function oneEntry(remittance: string, amountCents: number) {
  const names = ids();
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${names.MSG_ID}</MsgId><CreDtTm>2026-12-07T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${names.STMT_ID}</Id>
      <Acct><Id><IBAN>${names.ACCOUNT}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">${euros(amountCents)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-12-06</Dt></BookgDt>
        <AcctSvcrRef>${names.STMT_ID}-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

const entriesOf = async (statementId: string) =>
  (await t.getJson<{ entries: Entry[] }>(admin, `/v1/bank-statements/${statementId}`)).entries;

/** Each line's order status and how often it was paid (order.paid audits). */
async function linesOf(purchase: InvoicePurchase) {
  const lines = [];
  for (const line of purchase.lines)
    lines.push({
      status: (await t.orderRow(line.order.id)).status,
      paid: await t.auditCount('order.paid', line.order.id),
    });
  return lines;
}
const paidOnce = (purchase: InvoicePurchase) =>
  purchase.lines.map(() => ({ status: 'paid', paid: 1 }));
const unpaid = (purchase: InvoicePurchase) =>
  purchase.lines.map(() => ({ status: 'reserved', paid: 0 }));
const paidAt = async (purchase: InvoicePurchase) =>
  (
    await t.db
      .selectFrom('purchases')
      .select('paid_at')
      .where('id', '=', purchase.id)
      .executeTakeFirstOrThrow()
  ).paid_at;

describe('bank statements paying purchases', () => {
  it('a batch entry pays a purchase by its RF reference; the same file twice and a repeat in the next statement book nothing more; other amounts are queued', async () => {
    const batched = await invoicePurchase([1, 2, 3]);
    const single = await invoicePurchase([2, 1]);
    const short = await invoicePurchase([1, 1, 1]);
    const over = await invoicePurchase([3]);
    const nextDay = await invoicePurchase([1, 4]);
    const names = ids();
    const xml = fill(ING_V02, {
      ...names,
      // Entry 1 (structured reference): the single purchase, exactly.
      REF_A: single.paymentReference,
      AMOUNT_A: euros(single.amountCents),
      // Entry 2: bank noise, no reference.
      REF_B_SPACED: 'geen kenmerk',
      INVOICE_B: 'onbekend',
      AMOUNT_B: '10.00',
      // Entry 3, a batch of two: the purchase by its RF reference, and one a euro short.
      REF_C: batched.paymentReference,
      AMOUNT_C: euros(batched.amountCents),
      REF_D: short.paymentReference,
      AMOUNT_D: euros(short.amountCents - 100),
      AMOUNT_BATCH: euros(batched.amountCents + short.amountCents - 100),
      // Entry 4: paid twice over.
      REF_E: over.paymentReference,
      AMOUNT_E: euros(over.amountCents * 2),
      PAYOUT_REF: 'IBP-000000000000',
      AMOUNT_PAYOUT: '5.00',
    });

    const first = await upload(xml);
    expectStatus(first, 201);
    const [statement] = first.json<{ duplicate: boolean; statements: Statement[] }>().statements;
    expect(first.json()).toMatchObject({ duplicate: false });
    const entries = await entriesOf(statement!.id);
    const byReference = (purchase: InvoicePurchase) =>
      entries.filter(
        (entry) =>
          entry.remittance.structured === purchase.paymentReference ||
          (entry.remittance.unstructured ?? '').includes(purchase.paymentReference),
      );

    // The batch's transaction pays every line of its purchase, once; the entry names the
    // purchase's first order.
    const [batchEntry, ...noOther] = byReference(batched);
    expect(noOther).toEqual([]);
    expect(batchEntry).toMatchObject({
      batchSize: 2,
      transactionIndex: 0,
      amountCents: batched.amountCents,
      match: { status: 'matched_order' },
      exception: null,
    });
    expect(batched.lines.map((line) => line.order.id)).toContain(batchEntry!.match.orderId);
    expect(await linesOf(batched)).toEqual(paidOnce(batched));
    expect(await paidAt(batched)).not.toBeNull();
    for (const line of batched.lines) {
      const audit = await t.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'order.paid')
        .where('subject_id', '=', line.order.id)
        .executeTakeFirstOrThrow();
      expect(audit.summary).toMatchObject({
        method: 'invoice',
        cause: { type: 'bank_statement_entry', id: batchEntry!.id },
      });
    }
    expect(byReference(single)[0]).toMatchObject({ match: { status: 'matched_order' } });
    expect(await linesOf(single)).toEqual(paidOnce(single));

    // Amounts that differ from the purchase's total: queued, nothing paid.
    const [shortEntry] = byReference(short);
    expect(shortEntry).toMatchObject({
      batchSize: 2,
      transactionIndex: 1,
      amountCents: short.amountCents - 100,
      match: { status: 'exception' },
      exception: { reason: 'partial', resolution: null },
    });
    expect(short.lines.map((line) => line.order.id)).toContain(shortEntry!.match.orderId);
    const [overEntry] = byReference(over);
    expect(overEntry).toMatchObject({
      match: { status: 'exception' },
      exception: { reason: 'excess' },
    });
    for (const queued of [short, over]) {
      expect(await linesOf(queued)).toEqual(unpaid(queued));
      expect(await paidAt(queued)).toBeNull();
    }
    const queue = await t.getJson<{ items: Entry[] }>(
      admin,
      '/v1/bank-statements/exceptions?limit=100',
    );
    expect(
      queue.items
        .filter((entry) => [shortEntry!.id, overEntry!.id].includes(entry.id))
        .map((entry) => entry.exception!.reason)
        .sort(),
    ).toEqual(['excess', 'partial']);
    await t.expectInvariants();

    // The same file again: the same statement, nothing stored or booked again.
    const again = await upload(xml);
    expectStatus(again, 201);
    expect(again.json()).toMatchObject({
      duplicate: true,
      statements: [{ id: statement!.id }],
    });
    for (const purchase of [batched, single])
      expect(await linesOf(purchase)).toEqual(paidOnce(purchase));
    for (const purchase of [short, over]) expect(await linesOf(purchase)).toEqual(unpaid(purchase));

    // The next day's statement reports the single purchase's transfer again: a duplicate of
    // the first sighting, which books nothing; its new entry pays another purchase.
    const day2 = fill(RABO_V08, {
      ...ids(),
      ACCOUNT: names.ACCOUNT,
      REPEAT_STMT_ID: names.STMT_ID,
      REF_A: single.paymentReference,
      AMOUNT_A: euros(single.amountCents),
      REF_F_LOWER: `factuur ${nextDay.paymentReference.toLowerCase()}`,
      AMOUNT_F: euros(nextDay.amountCents),
    });
    const second = await upload(day2);
    expectStatus(second, 201);
    const [nextStatement] = second.json<{ statements: Statement[] }>().statements;
    expect(nextStatement).toMatchObject({
      counts: { entries: 2, matched: 1, duplicates: 1, exceptions: 0 },
    });
    const nextEntries = await entriesOf(nextStatement!.id);
    const repeat = nextEntries.find((entry) => entry.match.status === 'duplicate')!;
    expect(repeat.duplicateOf).toBe(byReference(single)[0]!.id);
    expect(repeat.match.orderId).toBeNull();
    expect(await linesOf(single)).toEqual(paidOnce(single));
    expect(await linesOf(nextDay)).toEqual(paidOnce(nextDay));
    await t.expectInvariants();
  }, 180_000);

  it('a queued transfer of another amount that a person books as paid pays the whole purchase, once', async () => {
    const purchase = await invoicePurchase([2, 1, 3]);
    const xml = oneEntry(purchase.paymentReference, purchase.amountCents - 50);
    const uploaded = await upload(xml);
    expectStatus(uploaded, 201);
    const [statement] = uploaded.json<{ statements: Statement[] }>().statements;
    const [entry] = await entriesOf(statement!.id);
    expect(entry).toMatchObject({ exception: { reason: 'partial' } });
    expect(await linesOf(purchase)).toEqual(unpaid(purchase));

    const resolve = (body: object) =>
      t.post(admin, `/v1/bank-statements/exceptions/${entry!.id}/resolve`, body);
    const note = 'Bankkosten ingehouden; akkoord';
    const booked = await resolve({ decision: 'book_as_paid', note });
    expectStatus(booked, 200);
    expect(booked.json()).toMatchObject({
      exception: { reason: 'partial', resolution: 'booked_as_paid' },
    });
    // Every line paid, at its own amount; the purchase is paid.
    expect(await linesOf(purchase)).toEqual(paidOnce(purchase));
    expect(await paidAt(purchase)).not.toBeNull();
    for (const line of purchase.lines) {
      // Each line's payment names the entry, with the amount the bank reported.
      const audit = await t.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'order.paid')
        .where('subject_id', '=', line.order.id)
        .executeTakeFirstOrThrow();
      expect(audit.summary).toMatchObject({
        cause: {
          type: 'bank_statement_entry',
          id: entry!.id,
          amountCents: purchase.amountCents - 50,
        },
      });
      const money = await t.moneyEntries(line.order.id);
      expect(money).toEqual([
        expect.objectContaining({ entry_type: 'payment_received', amount_cents: line.amountCents }),
      ]);
    }
    // The same decision again changes nothing; another is refused.
    expectStatus(await resolve({ decision: 'book_as_paid', note }), 200);
    expectProblem(
      await resolve({ decision: 'ignore', note: 'toch niet' }),
      409,
      'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION',
    );
    expect(await linesOf(purchase)).toEqual(paidOnce(purchase));
    await t.expectInvariants();
  }, 120_000);

  it('a transfer without a reference that a person books on a purchase’s line pays the whole purchase', async () => {
    const purchase = await invoicePurchase([1, 3]);
    const uploaded = await upload(oneEntry('Betaling impactcredits', purchase.amountCents));
    expectStatus(uploaded, 201);
    const [statement] = uploaded.json<{ statements: Statement[] }>().statements;
    const [entry] = await entriesOf(statement!.id);
    expect(entry).toMatchObject({ exception: { reason: 'unknown_reference' } });
    const line = purchase.lines[1]!.order.id;
    const booked = await t.post(admin, `/v1/bank-statements/exceptions/${entry!.id}/resolve`, {
      decision: 'book_as_paid',
      note: 'Kenmerk vergeten; factuur herkend',
      orderId: line,
    });
    expectStatus(booked, 200);
    expect(booked.json()).toMatchObject({ match: { orderId: line } });
    expect(await linesOf(purchase)).toEqual(paidOnce(purchase));
    expect(await paidAt(purchase)).not.toBeNull();
    await t.expectInvariants();
  }, 120_000);
});
