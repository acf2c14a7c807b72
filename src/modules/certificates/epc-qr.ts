/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002) that banking apps read to fill in a
 * SEPA credit transfer: service tag BCD, version 002, character set 1 (UTF-8),
 * identification SCT, the beneficiary's BIC (optional in version 002 within the EEA), name
 * (at most 70 characters) and IBAN, the amount as EUR with two decimals, an empty purpose,
 * the structured creditor reference (ISO 11649, RF…) and an empty unstructured remittance.
 * Lines are separated by LF; nothing follows the last element that is filled in. The code
 * itself is drawn with error correction level M, as the guideline requires.
 */

export interface EpcTransfer {
  /** The beneficiary: the seller as configured. */
  name: string;
  iban: string;
  bic?: string | null;
  amountCents: number;
  /** The ISO 11649 creditor reference the buyer quotes. */
  reference: string;
}

/** EPC069-12: at most 999,999,999.99 euros, at least 0.01. */
const MAX_CENTS = 99_999_999_999;

export function epcPayload(transfer: EpcTransfer): string {
  const { amountCents } = transfer;
  if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > MAX_CENTS)
    throw new RangeError('an EPC transfer is between EUR 0.01 and EUR 999999999.99');
  const iban = transfer.iban.replace(/\s+/g, '').toUpperCase();
  const name = [...transfer.name.replace(/[\r\n]+/g, ' ').trim()].slice(0, 70).join('');
  const euros = Math.floor(amountCents / 100);
  const cents = String(amountCents % 100).padStart(2, '0');
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    (transfer.bic ?? '').trim().toUpperCase(),
    name,
    iban,
    `EUR${euros}.${cents}`,
    '', // purpose
    transfer.reference.replace(/\s+/g, ''),
  ].join('\n');
}
