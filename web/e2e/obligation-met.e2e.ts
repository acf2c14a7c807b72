import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser } from './helpers';
import { markPaidInQueues } from './journeys/admin';
import { AUTHORITY, approveClaimsInInbox } from './journeys/authority';
import { claimCertificates, openCertificate } from './journeys/certificates';
import { apiCall, apiToken } from './journeys/plans';
import { decodePdfQrCodes } from './journeys/qr';
import { PEOPLE, signInAs } from './journeys/review';
import { buyObligationByInvoice, signInSupplier, SUPPLIER } from './journeys/supplier';

/**
 * Issue 19's whole journey, joined across three roles and done through the pages: a
 * supplier with a EUR 100,000 social-return obligation (5% of a EUR 2,000,000 contract)
 * buys it in one purchase by invoice, with the invoice in hand before paying; the platform
 * team marks the one bank transfer paid; the supplier claims every certificate of the
 * purchase toward the contract; the coordinator approves the claims; the wallet shows the
 * obligation met to the cent and not overdue.
 *
 * The contract is this file's own (registered through the API as a fixture: registering by
 * page is authority.e2e.ts's journey), so that the demo's open obligation stays open for
 * the journeys that buy toward it.
 */

const ADDRESS = '198.51.100.171';
const CONTRACT = {
  reference: 'RTD-2026-0777',
  title: 'Renovatie sporthal Feijenoord',
  valueCents: 2_000_000_00,
  obligationCents: 100_000_00,
} as const;
/** The demo supplier's KvK number (src/seed/seed.ts). */
const SUPPLIER_KVK = '70000002';

interface PurchaseJson {
  status: string;
  amountCents: number;
  lines: { order: { id: string } }[];
}
interface CertificateJson {
  number: string;
  orderId: string;
  status: string;
}
interface ObligationJson {
  reference: string;
  progress: {
    requiredCents: number;
    approvedCents: number;
    pendingCents: number;
    remainingCents: number;
    overdue: boolean;
  };
}

async function registerContract(): Promise<void> {
  const coordinator = await apiToken(AUTHORITY.coordinator.email, ADDRESS);
  await apiCall(
    coordinator,
    'POST',
    '/v1/contracts',
    {
      supplier: { kvkNumber: SUPPLIER_KVK },
      reference: CONTRACT.reference,
      title: CONTRACT.title,
      valueCents: CONTRACT.valueCents,
      startsOn: '2026-10-01',
      endsOn: '2028-09-30',
      obligation: { basis: 'contract_value', percentageBp: 500 },
    },
    201,
    ADDRESS,
  );
}

async function obligation(token: string): Promise<ObligationJson> {
  const list = await apiCall<{ items: ObligationJson[] }>(
    token,
    'GET',
    '/v1/obligations?limit=100',
    undefined,
    200,
    ADDRESS,
  );
  const mine = list.items.find((o) => o.reference === CONTRACT.reference);
  if (!mine) throw new Error(`the supplier's wallet has no contract ${CONTRACT.reference}`);
  return mine;
}

describe('a supplier meets a EUR 100,000 obligation with one purchase and one transfer (issue 19)', () => {
  const s = useBrowser();

  it('buys by invoice, is marked paid, claims, is approved, and the wallet shows it met to the cent', async () => {
    const { page, context } = s;
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': ADDRESS });
    await registerContract();

    // The supplier buys the whole obligation in one purchase, invoice in hand at once.
    await signInSupplier(page, '/wallet');
    const purchase = await buyObligationByInvoice(page, {
      address: ADDRESS,
      obligation: {
        reference: CONTRACT.reference,
        title: CONTRACT.title,
        shown: '€ 100.000,00',
      },
    });
    const [epc] = await decodePdfQrCodes(purchase.invoice);
    expect(epc?.split('\n')[9]).toBe(purchase.paymentReference);

    // One bank transfer arrives; the platform team marks the purchase paid in its queue.
    await signInAs(page, PEOPLE.admin.email, '/queues');
    await markPaidInQueues(page, purchase.invoiceNumber, `NL-BANK-${purchase.invoiceNumber}`);

    const supplier = await apiToken(SUPPLIER.email, ADDRESS);
    const paid = await apiCall<PurchaseJson>(
      supplier,
      'GET',
      `/v1/purchases/${purchase.id}`,
      undefined,
      200,
      ADDRESS,
    );
    expect(paid.status).toBe('paid');
    const orders = paid.lines.map((line) => line.order.id);
    const certificates = (
      await apiCall<{ items: CertificateJson[] }>(
        supplier,
        'GET',
        '/v1/certificates?limit=100',
        undefined,
        200,
        ADDRESS,
      )
    ).items.filter((c) => orders.includes(c.orderId));
    // A certificate per project line, each valid.
    expect(certificates).toHaveLength(orders.length);
    expect(certificates.every((c) => c.status === 'active')).toBe(true);

    // The supplier claims each certificate toward the contract, seeing first what it counts.
    await signInAs(page, SUPPLIER.email, '/certificates');
    for (const certificate of certificates) {
      await openCertificate(page, certificate.number);
      await claimCertificates(page, CONTRACT.title);
    }
    const claimed = await obligation(supplier);
    expect(claimed.progress.pendingCents).toBe(CONTRACT.obligationCents);
    expect(claimed.progress.approvedCents).toBe(0);

    // The coordinator approves them in the inbox.
    await signInAs(page, AUTHORITY.coordinator.email, '/claims');
    await approveClaimsInInbox(page, CONTRACT.title);

    // Met to the cent, not overdue, in the wallet and in the API.
    await signInAs(page, SUPPLIER.email, '/wallet');
    const row = page.getByTestId(`obligation-${CONTRACT.reference}`);
    await row.getByText('Nagekomen').first().waitFor();
    await expectAccessible(page);
    const met = await obligation(supplier);
    expect(met.progress).toMatchObject({
      requiredCents: CONTRACT.obligationCents,
      approvedCents: CONTRACT.obligationCents,
      pendingCents: 0,
      remainingCents: 0,
      overdue: false,
    });
  }, 600_000);
});
