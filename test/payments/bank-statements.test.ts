import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  expectStatus,
  type OrderJson,
  type Person,
  TestContext,
} from '../factory/index.js';

/**
 * Bank statements (issue 17): the platform team uploads the bank's CAMT.053 file; credits pay
 * the invoice orders they name (by payment reference and amount) through the mark-paid path,
 * debits pay the approved payouts they name, exactly once however often the file comes in,
 * and what matching cannot decide waits in a queue for a person.
 */

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ING_V02 = fixture('camt053-ing-v02.xml');
const RABO_V08 = fixture('camt053-rabobank-v08.xml');

const euros = (cents: number) => (cents / 100).toFixed(2);
/** The reference as a person types it from the invoice: in groups of four. */
const spaced = (reference: string) => reference.replace(/(.{4})/g, '$1 ').trim();

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`fixture placeholder ${name} not given`);
    return value;
  });
}

interface Statement {
  id: string;
  statementId: string;
  accountIban: string;
  messageType: string;
  counts: Record<string, number>;
}
interface Entry {
  id: string;
  direction: 'credit' | 'debit';
  amountCents: number;
  batchSize: number;
  transactionIndex: number;
  counterparty: { name: string | null; iban: string | null };
  remittance: { structured: string | null; unstructured: string | null };
  duplicateOf: string | null;
  match: { status: string; orderId: string | null; payoutId: string | null; detail: string | null };
  exception: null | { reason: string; resolution: string | null; note: string | null };
}

let t: TestContext;
let admin: Person;
let secondAdmin: Person;
let supplier: Person;
let statementCounter = 0;

beforeAll(async () => {
  t = await TestContext.create({
    env: { MAX_RESERVED_SHARE_PERCENT: '100', MAX_OPEN_ORDERS_PER_ORGANISATION: '1000' },
  });
  admin = await t.platformAdmin();
  secondAdmin = await t.newAdmin();
  supplier = await t.newSupplier();
}, 120_000);
afterAll(() => t?.close());

function upload(who: Person | null, xml: string | Buffer, contentType = 'application/xml') {
  return t.app.inject({
    method: 'POST',
    url: '/v1/bank-statements',
    headers: { ...(who ? who.as.headers : {}), 'content-type': contentType },
    payload: xml,
  });
}

/** A fresh account and statement id, so that files of different tests never overlap. */
function ids() {
  statementCounter++;
  return {
    ACCOUNT: 'NL69INGB0123456789',
    STMT_ID: `STMT-${process.pid}-${statementCounter}-${randomUUID().slice(0, 8)}`,
    MSG_ID: `MSG-${randomUUID()}`,
  };
}

async function statementDetail(id: string): Promise<Statement & { entries: Entry[] }> {
  return t.getJson(admin, `/v1/bank-statements/${id}`);
}

async function order(credits = 1, project?: { id: string }): Promise<OrderJson> {
  return t.newOrder({ buyer: supplier, credits, ...(project ? { project } : {}) });
}

/** An approved tranche-1 payout of a funded project (approved by `approver`). */
async function approvedPayout(approver: Person) {
  const project = await t.newFundedProject({ credits: 10 });
  const tranche = (await t.funding(admin.as, project.id)).tranches[0];
  expectStatus(await t.post(approver, `/v1/payouts/${tranche.id}/approve`), 200);
  const payout = await t.getJson<{
    id: string;
    amountCents: number;
    status: string;
    transferReference: string;
  }>(admin, `/v1/payouts/${tranche.id}`);
  expect(payout.status).toBe('approved');
  expect(payout.transferReference).toMatch(/^IBP-[0-9A-F]{12}$/);
  return { ...payout, projectId: project.id };
}

describe('a day of the bank account (camt.053.001.02, ING)', () => {
  it('pays the orders and the payout it names, queues the rest, and books nothing twice', async () => {
    const [a, b, c, d, e] = [
      await order(2),
      await order(1),
      await order(3),
      await order(2),
      await order(1),
    ];
    const payout = await approvedPayout(admin);
    const names = ids();
    const xml = fill(ING_V02, {
      ...names,
      REF_A: a.paymentReference,
      AMOUNT_A: euros(a.amountCents),
      REF_B_SPACED: spaced(b.paymentReference),
      INVOICE_B: b.invoiceNumber ?? 'onbekend',
      AMOUNT_B: euros(b.amountCents),
      REF_C: c.paymentReference,
      AMOUNT_C: euros(c.amountCents),
      REF_D: d.paymentReference,
      // A partial payment: one euro short.
      AMOUNT_D: euros(d.amountCents - 100),
      AMOUNT_BATCH: euros(c.amountCents + d.amountCents - 100),
      REF_E: e.paymentReference,
      // Too much: paid twice over.
      AMOUNT_E: euros(e.amountCents * 2),
      PAYOUT_REF: payout.transferReference,
      AMOUNT_PAYOUT: euros(payout.amountCents),
    });

    // The uploader (secondAdmin) did not approve the payout: it is paid on the bank's word.
    const response = await upload(secondAdmin, xml);
    expectStatus(response, 201);
    const result = response.json<{ duplicate: boolean; statements: Statement[] }>();
    expect(result.duplicate).toBe(false);
    expect(result.statements).toHaveLength(1);
    const [statement] = result.statements;
    expect(statement).toMatchObject({
      messageType: 'camt.053.001.02',
      accountIban: names.ACCOUNT,
      statementId: names.STMT_ID,
      openingBalanceCents: 12_500_000,
      closingBalanceCents: 12_543_210,
      // 7 booked entries, the batch split in two; the pending (PDNG) entry is not money that moved.
      counts: {
        entries: 8,
        matched: 4,
        exceptions: 3,
        openExceptions: 3,
        unmatched: 1,
        duplicates: 0,
        pending: 0,
      },
    });

    const detail = await statementDetail(statement!.id);
    const byOrder = (id: string) => detail.entries.find((entry) => entry.match.orderId === id)!;
    expect(byOrder(a.id)).toMatchObject({
      direction: 'credit',
      amountCents: a.amountCents,
      counterparty: { name: 'Bouwbedrijf De Vries B.V.', iban: 'NL91ABNA0417164300' },
      remittance: { structured: a.paymentReference },
      match: { status: 'matched_order' },
      exception: null,
    });
    expect(byOrder(b.id)).toMatchObject({
      counterparty: { name: 'Schoonmaak & Zo' },
      remittance: { structured: null },
      match: { status: 'matched_order' },
    });
    expect(byOrder(c.id)).toMatchObject({
      batchSize: 2,
      transactionIndex: 0,
      amountCents: c.amountCents,
      match: { status: 'matched_order' },
    });
    expect(byOrder(d.id)).toMatchObject({
      batchSize: 2,
      transactionIndex: 1,
      amountCents: d.amountCents - 100,
      match: { status: 'exception' },
      exception: { reason: 'partial', resolution: null },
    });
    expect(byOrder(e.id)).toMatchObject({ exception: { reason: 'excess' } });
    const unknown = detail.entries.find((entry) => entry.counterparty.name === 'J. Jansen')!;
    expect(unknown).toMatchObject({
      match: { status: 'exception', orderId: null },
      exception: { reason: 'unknown_reference' },
    });
    const payoutEntry = detail.entries.find((entry) => entry.match.payoutId === payout.id)!;
    expect(payoutEntry).toMatchObject({
      direction: 'debit',
      counterparty: { name: 'Stichting Werkplaats Oost', iban: 'NL20INGB0001234567' },
      match: { status: 'matched_payout' },
    });
    expect(detail.entries.find((entry) => entry.amountCents === 1235)).toMatchObject({
      direction: 'debit',
      match: { status: 'unmatched' },
      exception: null,
    });

    // The orders are paid through the mark-paid path: certificate, invoice, audit with the cause.
    for (const paid of [a, b, c]) {
      const row = await t.orderRow(paid.id);
      expect(row.status).toBe('paid');
      const audit = await t.db
        .selectFrom('audit_events')
        .select('summary')
        .where('action', '=', 'order.paid')
        .where('subject_id', '=', paid.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.summary).toMatchObject({
        method: 'invoice',
        cause: { type: 'bank_statement_entry', id: byOrder(paid.id).id },
      });
    }
    for (const open of [d, e]) expect((await t.orderRow(open.id)).status).toBe('reserved');
    const paidPayout = await t.getJson(admin, `/v1/payouts/${payout.id}`);
    expect(paidPayout).toMatchObject({
      status: 'paid',
      paidBy: secondAdmin.user.id,
      bankReference: `${names.STMT_ID}-ACR-0006`,
    });
    await t.expectInvariants();

    // The same file again: the same statement, nothing new stored or booked.
    const again = await upload(admin, xml);
    expectStatus(again, 201);
    expect(again.json()).toMatchObject({
      duplicate: true,
      statements: [{ id: statement!.id, counts: { entries: 8, matched: 4 } }],
    });
    for (const paid of [a, b, c]) expect(await t.auditCount('order.paid', paid.id)).toBe(1);
    expect(await t.auditCount('payout.paid', payout.id)).toBe(1);

    // The queue holds the three exceptions, each with its reason.
    const queue = await t.getJson<{ items: Entry[] }>(admin, '/v1/bank-statements/exceptions');
    const ours = queue.items.filter((entry) =>
      [byOrder(d.id).id, byOrder(e.id).id, unknown.id].includes(entry.id),
    );
    expect(ours.map((entry) => entry.exception!.reason).sort()).toEqual([
      'excess',
      'partial',
      'unknown_reference',
    ]);

    // A person decides: the partial payment counts (bank costs deducted by the payer's bank).
    const resolve = (entryId: string, body: object, who: Person = admin) =>
      t.post(who, `/v1/bank-statements/exceptions/${entryId}/resolve`, body);
    const partial = byOrder(d.id);
    const booked = await resolve(partial.id, {
      decision: 'book_as_paid',
      note: 'Eén euro bankkosten ingehouden; akkoord',
    });
    expectStatus(booked, 200);
    expect(booked.json()).toMatchObject({
      exception: { reason: 'partial', resolution: 'booked_as_paid' },
    });
    expect((await t.orderRow(d.id)).status).toBe('paid');
    // The same decision again changes nothing; another decision is refused.
    expectStatus(
      await resolve(partial.id, {
        decision: 'book_as_paid',
        note: 'Eén euro bankkosten ingehouden; akkoord',
      }),
      200,
    );
    expectProblem(
      await resolve(partial.id, { decision: 'ignore', note: 'toch niet' }),
      409,
      'BANK_STATEMENT.NOT_AN_OPEN_EXCEPTION',
    );
    expect(await t.auditCount('order.paid', d.id)).toBe(1);
    expect(await t.auditCount('bank_statement_entry.resolved', partial.id)).toBe(1);

    // The unknown transfer was sent back by hand; the excess is booked and its surplus returned.
    expectStatus(
      await resolve(unknown.id, {
        decision: 'refunded_by_hand',
        note: 'Teruggestort aan J. Jansen',
      }),
      200,
    );
    expectStatus(
      await resolve(byOrder(e.id).id, {
        decision: 'book_as_paid',
        note: 'Dubbel betaald; het teveel is teruggestort',
      }),
      200,
    );
    expect((await t.orderRow(e.id)).status).toBe('paid');
    const open = await t.getJson<{ items: Entry[] }>(admin, '/v1/bank-statements/exceptions');
    expect(open.items.filter((entry) => ours.some((o) => o.id === entry.id))).toEqual([]);
    const resolved = await t.getJson<{ items: Entry[] }>(
      admin,
      '/v1/bank-statements/exceptions?status=resolved',
    );
    expect(resolved.items.filter((entry) => ours.some((o) => o.id === entry.id))).toHaveLength(3);
    await t.expectInvariants();
  });

  it('takes the next day’s overlapping statement (camt.053.001.08, Rabobank): the repeated entry is a duplicate, the new one pays', async () => {
    const a = await order(1);
    const f = await order(2);
    const first = ids();
    const day1 = fill(ING_V02, {
      ...first,
      REF_A: a.paymentReference,
      AMOUNT_A: euros(a.amountCents),
      // The rest of the day is bank noise for this test: unknown references.
      REF_B_SPACED: 'geen',
      INVOICE_B: 'geen',
      AMOUNT_B: '10.00',
      REF_C: 'RF00',
      AMOUNT_C: '1.00',
      REF_D: 'geen',
      AMOUNT_D: '2.00',
      AMOUNT_BATCH: '3.00',
      REF_E: 'RF00',
      AMOUNT_E: '4.00',
      PAYOUT_REF: 'IBP-000000000000',
      AMOUNT_PAYOUT: '5.00',
    });
    expectStatus(await upload(admin, day1), 201);
    expect((await t.orderRow(a.id)).status).toBe('paid');

    const day2 = fill(RABO_V08, {
      ...ids(),
      ACCOUNT: first.ACCOUNT,
      REPEAT_STMT_ID: first.STMT_ID,
      REF_A: a.paymentReference,
      AMOUNT_A: euros(a.amountCents),
      // Typed in lower case in the free text: still found.
      REF_F_LOWER: `betaling ${f.paymentReference.toLowerCase()}`,
      AMOUNT_F: euros(f.amountCents),
    });
    const response = await upload(admin, day2);
    expectStatus(response, 201);
    const [statement] = response.json<{ statements: Statement[] }>().statements;
    expect(statement).toMatchObject({
      messageType: 'camt.053.001.08',
      counts: { entries: 2, matched: 1, duplicates: 1, exceptions: 0 },
    });
    const detail = await statementDetail(statement!.id);
    const repeat = detail.entries.find((entry) => entry.match.status === 'duplicate')!;
    expect(repeat.duplicateOf).not.toBeNull();
    expect(repeat.counterparty.name).toBe('Bouwbedrijf De Vries B.V.');
    expect(detail.entries.find((entry) => entry.match.orderId === f.id)).toMatchObject({
      counterparty: { name: 'Facilitair Bedrijf Midden' },
      match: { status: 'matched_order' },
    });
    expect((await t.orderRow(f.id)).status).toBe('paid');
    expect(await t.auditCount('order.paid', a.id)).toBe(1);
    await t.expectInvariants();
  });
});

describe('exceptions', () => {
  /** A one-entry statement paying `amountCents` with `reference`. */
  function single(reference: string, amountCents: number, direction: 'CRDT' | 'DBIT' = 'CRDT') {
    const names = ids();
    return {
      names,
      xml: `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${names.MSG_ID}</MsgId><CreDtTm>2026-12-07T06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${names.STMT_ID}</Id>
      <Acct><Id><IBAN>${names.ACCOUNT}</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">${euros(amountCents)}</Amt>
        <CdtDbtInd>${direction}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-12-06</Dt></BookgDt>
        <AcctSvcrRef>${names.STMT_ID}-1</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>${reference}</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`,
    };
  }

  async function onlyEntry(response: Awaited<ReturnType<typeof upload>>): Promise<Entry> {
    expectStatus(response, 201);
    const [statement] = response.json<{ statements: Statement[] }>().statements;
    const detail = await statementDetail(statement!.id);
    expect(detail.entries).toHaveLength(1);
    return detail.entries[0]!;
  }

  it('queues a payment for an order paid before, and refuses to book it again', async () => {
    const paid = await t.newPaidOrder({ buyer: supplier });
    const entry = await onlyEntry(
      await upload(admin, single(paid.paymentReference, paid.amountCents).xml),
    );
    expect(entry).toMatchObject({
      match: { status: 'exception', orderId: paid.id },
      exception: { reason: 'already_paid' },
    });
    expectProblem(
      await t.post(admin, `/v1/bank-statements/exceptions/${entry.id}/resolve`, {
        decision: 'book_as_paid',
        note: 'nog eens',
      }),
      409,
      'BANK_STATEMENT.DECISION_NOT_POSSIBLE',
    );
    expect(await t.auditCount('order.paid', paid.id)).toBe(1);
    await t.expectInvariants();
  });

  it('pays a purchase over two projects with its one transfer: the total, once', async () => {
    const [first, second] = [
      await t.newListedProject({ credits: 100 }),
      await t.newListedProject({ credits: 100 }),
    ];
    const placed = await t.post(
      supplier,
      '/v1/purchases',
      {
        lines: [
          { projectId: first!.id, credits: 2 },
          { projectId: second!.id, credits: 3 },
        ],
        paymentMethod: 'invoice',
      },
      { 'idempotency-key': randomUUID() },
    );
    expectStatus(placed, 201);
    const purchase = placed.json<{
      id: string;
      amountCents: number;
      paymentReference: string;
      lines: { order: { id: string } }[];
    }>();
    // A transfer of one line's amount is not the purchase's: queued, nothing paid.
    const partial = await onlyEntry(
      await upload(admin, single(spaced(purchase.paymentReference), 100).xml),
    );
    expect(partial).toMatchObject({
      match: { status: 'exception' },
      exception: { reason: 'partial' },
    });
    // Recorded against one of the purchase's orders.
    expect(purchase.lines.map((line) => line.order.id)).toContain(partial.match.orderId);
    const exact = single(purchase.paymentReference, purchase.amountCents);
    const paid = await onlyEntry(await upload(admin, exact.xml));
    expect(paid.match.status).toBe('matched_order');
    for (const line of purchase.lines) {
      expect((await t.orderRow(line.order.id)).status).toBe('paid');
      expect(await t.auditCount('order.paid', line.order.id)).toBe(1);
    }
    // The same file again books nothing more.
    expect((await upload(admin, exact.xml)).json<{ duplicate: boolean }>().duplicate).toBe(true);
    for (const line of purchase.lines)
      expect(await t.auditCount('order.paid', line.order.id)).toBe(1);
    await t.expectInvariants();
  });

  it('books an unknown transfer on the order a person names, once', async () => {
    const target = await order(1);
    const entry = await onlyEntry(
      await upload(admin, single('Factuur van vorige week', target.amountCents).xml),
    );
    expect(entry.exception).toMatchObject({ reason: 'unknown_reference' });
    const resolve = (body: object) =>
      t.post(admin, `/v1/bank-statements/exceptions/${entry.id}/resolve`, body);
    expectProblem(
      await resolve({ decision: 'book_as_paid', note: 'zonder order' }),
      409,
      'BANK_STATEMENT.DECISION_NOT_POSSIBLE',
    );
    expectProblem(
      await resolve({ decision: 'book_as_paid', note: 'onbekende order', orderId: randomUUID() }),
      404,
      'RESOURCE.NOT_FOUND',
    );
    const booked = await resolve({
      decision: 'book_as_paid',
      note: 'Klant belde: dit is de betaling',
      orderId: target.id,
    });
    expectStatus(booked, 200);
    expect(booked.json()).toMatchObject({
      match: { status: 'exception', orderId: target.id },
      exception: { resolution: 'booked_as_paid', note: 'Klant belde: dit is de betaling' },
    });
    expect((await t.orderRow(target.id)).status).toBe('paid');
    await t.expectInvariants();
  });

  it('queues a payout transfer its approver uploads (four eyes); another admin books it', async () => {
    const payout = await approvedPayout(admin);
    const entry = await onlyEntry(
      await upload(
        admin,
        single(`Uitbetaling ${payout.transferReference}`, payout.amountCents, 'DBIT').xml,
      ),
    );
    expect(entry).toMatchObject({
      direction: 'debit',
      match: { status: 'exception', payoutId: payout.id },
      exception: { reason: 'four_eyes' },
    });
    expect((await t.getJson(admin, `/v1/payouts/${payout.id}`)).status).toBe('approved');
    expectProblem(
      await t.post(admin, `/v1/bank-statements/exceptions/${entry.id}/resolve`, {
        decision: 'book_as_paid',
        note: 'zelf',
      }),
      403,
      'PAYOUT.FOUR_EYES',
    );
    expectStatus(
      await t.post(secondAdmin, `/v1/bank-statements/exceptions/${entry.id}/resolve`, {
        decision: 'book_as_paid',
        note: 'Overboeking gecontroleerd',
      }),
      200,
    );
    expect(await t.getJson(admin, `/v1/payouts/${payout.id}`)).toMatchObject({
      status: 'paid',
      paidBy: secondAdmin.user.id,
    });
    await t.expectInvariants();
  });

  it('queues a payout transfer of another amount, and a transfer for a payout no one approved', async () => {
    const payout = await approvedPayout(admin);
    const wrong = await onlyEntry(
      await upload(
        secondAdmin,
        single(payout.transferReference, payout.amountCents - 1, 'DBIT').xml,
      ),
    );
    expect(wrong.exception).toMatchObject({ reason: 'payout_amount_mismatch' });
    const project = await t.newFundedProject({ credits: 10 });
    const due = (await t.funding(admin.as, project.id)).tranches[0];
    const dueRef = (await t.getJson(admin, `/v1/payouts/${due.id}`)).transferReference;
    const unapproved = await onlyEntry(
      await upload(secondAdmin, single(dueRef, due.amountCents, 'DBIT').xml),
    );
    expect(unapproved.exception).toMatchObject({ reason: 'payout_not_approved' });
    expect((await t.getJson(admin, `/v1/payouts/${payout.id}`)).status).toBe('approved');
    await t.expectInvariants();
  });
});

describe('the upload', () => {
  it('refuses what is not a CAMT.053 statement, and stores nothing', async () => {
    const before = await t.db
      .selectFrom('bank_statements')
      .select(t.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expectProblem(
      await t.post(admin, '/v1/bank-statements', { file: 'camt' }),
      415,
      'BANK_STATEMENT.XML_REQUIRED',
    );
    expectProblem(await upload(admin, 'geen xml <'), 422, 'BANK_STATEMENT.NOT_CAMT');
    expectProblem(
      await upload(
        admin,
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>',
      ),
      422,
      'BANK_STATEMENT.NOT_CAMT',
    );
    expectProblem(
      await upload(
        admin,
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>',
      ),
      422,
      'BANK_STATEMENT.NOT_CAMT',
    );
    // A statement without its account: a camt.053, but not one to book from.
    const noAccount = fill(ING_V02, {
      ...ids(),
      ACCOUNT: '',
      REF_A: 'x',
      AMOUNT_A: '1.00',
      REF_B_SPACED: 'x',
      INVOICE_B: 'x',
      AMOUNT_B: '1.00',
      REF_C: 'x',
      AMOUNT_C: '1.00',
      REF_D: 'x',
      AMOUNT_D: '1.00',
      AMOUNT_BATCH: '2.00',
      REF_E: 'x',
      AMOUNT_E: '1.00',
      PAYOUT_REF: 'x',
      AMOUNT_PAYOUT: '1.00',
    });
    expectProblem(await upload(admin, noAccount, 'text/xml'), 422, 'BANK_STATEMENT.INVALID');
    const tooLarge = await upload(admin, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    expect(tooLarge.statusCode).toBe(413);
    const after = await t.db
      .selectFrom('bank_statements')
      .select(t.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is for platform admins only', async () => {
    const xml = fill(RABO_V08, {
      ...ids(),
      REPEAT_STMT_ID: 'X',
      REF_A: 'x',
      AMOUNT_A: '1.00',
      REF_F_LOWER: 'x',
      AMOUNT_F: '1.00',
    });
    expectProblem(await upload(supplier, xml), 403, 'AUTH.FORBIDDEN');
    expect((await upload(null, xml)).statusCode).toBe(401);
    for (const url of [
      '/v1/bank-statements',
      '/v1/bank-statements/exceptions',
      `/v1/bank-statements/${randomUUID()}`,
    ])
      expectProblem(await t.get(supplier, url), 403, 'AUTH.FORBIDDEN');
    expectProblem(
      await t.post(supplier, `/v1/bank-statements/exceptions/${randomUUID()}/resolve`, {
        decision: 'ignore',
        note: 'x',
      }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await t.get(admin, `/v1/bank-statements/${randomUUID()}`),
      404,
      'RESOURCE.NOT_FOUND',
    );
    expectProblem(
      await t.post(admin, `/v1/bank-statements/exceptions/${randomUUID()}/resolve`, {
        decision: 'ignore',
        note: 'x',
      }),
      404,
      'RESOURCE.NOT_FOUND',
    );
  });

  it('lists statements newest first, a page at a time', async () => {
    const first = await t.getJson<{ items: Statement[]; nextCursor: string | null }>(
      admin,
      '/v1/bank-statements?limit=1',
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.getJson<{ items: Statement[] }>(
      admin,
      `/v1/bank-statements?limit=1&cursor=${first.nextCursor}`,
    );
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
  });

  it('books once when the same file is uploaded twice at once', async () => {
    const a = await order(1);
    const xml = fill(RABO_V08, {
      ...ids(),
      REPEAT_STMT_ID: `R-${randomUUID()}`,
      REF_A: a.paymentReference,
      AMOUNT_A: euros(a.amountCents),
      REF_F_LOWER: 'niets',
      AMOUNT_F: '1.00',
    });
    const responses = await Promise.all([upload(admin, xml), upload(secondAdmin, xml)]);
    for (const response of responses) expectStatus(response, 201);
    const bodies = responses.map((r) => r.json<{ duplicate: boolean; statements: Statement[] }>());
    expect(bodies.map((body) => body.duplicate).sort()).toEqual([false, true]);
    expect(bodies[0]!.statements[0]!.id).toBe(bodies[1]!.statements[0]!.id);
    expect((await t.orderRow(a.id)).status).toBe('paid');
    expect(await t.auditCount('order.paid', a.id)).toBe(1);
    expect(await t.auditCount('bank_statement.uploaded', bodies[0]!.statements[0]!.id)).toBe(1);
    await t.expectInvariants();
  });
});
