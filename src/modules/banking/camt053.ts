import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads an ISO 20022 BankToCustomerStatement (camt.053.001.02 up to .13; what ING, Rabobank
 * and ABN AMRO export) into plain values. Only what matching and bookkeeping need is read;
 * everything else in the file is ignored. The parser never expands a DTD (a document with
 * one is refused: no external or recursive entities), keeps every value as text, and amounts
 * are turned into integer cents from their decimal text, never through a float.
 */

export interface CamtStatement {
  /** Its position among the file's statements (Stmt). */
  index: number;
  messageType: string;
  statementId: string;
  accountIban: string;
  currency: string;
  createdAt: Date | null;
  periodFrom: Date | null;
  periodTo: Date | null;
  openingBalanceCents: number | null;
  closingBalanceCents: number | null;
  transactions: CamtTransaction[];
}

/** One transaction: an entry (Ntry), or one transaction of a batch entry split per TxDtls. */
export interface CamtTransaction {
  entryIndex: number;
  transactionIndex: number;
  batchSize: number;
  /** Stable across re-exports of the same booking: what makes a second sighting a duplicate. */
  key: string;
  bookingDate: string;
  valueDate: string | null;
  amountCents: number;
  currency: string;
  direction: 'credit' | 'debit';
  reversal: boolean;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittanceStructured: string | null;
  remittanceUnstructured: string | null;
  endToEndId: string | null;
  accountServicerReference: string | null;
}

export class CamtError extends Error {
  override name = 'CamtError';
  constructor(
    readonly kind: 'not_camt053' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const MESSAGE_NAMESPACE =
  /\bxmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*["']urn:iso:std:iso:20022:tech:xsd:(camt\.053\.001\.(\d{2}))["']/;
/** Elements that repeat in the schema: always read as lists, also when the file has one. */
const REPEATING = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);
/** The most transactions one upload may hold: a day of a busy account is far below it. */
export const MAX_TRANSACTIONS = 20_000;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (tagName) => REPEATING.has(tagName),
});

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function child(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    if (!isNode(current)) return undefined;
    current = current[name];
  }
  return current;
}

/** The text of an element, also when it carries attributes (`{ '#text': …, '@Ccy': … }`). */
function text(node: unknown, ...path: string[]): string | null {
  const value = child(node, ...path);
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'].trim() || null;
  return null;
}

function list(node: unknown, ...path: string[]): unknown[] {
  const value = child(node, ...path);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** "1234.5" → 123450: decimal text to cents, exactly; at most two decimals. */
export function toCents(amount: string): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function date(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1]! : null;
}

function timestamp(value: string | null): Date | null {
  if (!value) return null;
  // A date alone (FrDtTm may be one) is the start of that day in Dutch banks' exports.
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

const clip = (value: string | null, length: number): string | null =>
  value === null ? null : value.slice(0, length);

/** A party's name: camt.053.001.02 has Dbtr/Nm, .08 and later Dbtr/Pty/Nm. */
function partyName(party: unknown): string | null {
  return text(party, 'Nm') ?? text(party, 'Pty', 'Nm');
}

/** An account's IBAN, without spaces. */
function iban(account: unknown): string | null {
  const value = text(account, 'Id', 'IBAN');
  return value ? value.replace(/\s+/g, '').toUpperCase() : null;
}

function invalid(message: string): never {
  throw new CamtError('invalid', message);
}

/** Parses the file; throws CamtError when it is not a camt.053 statement or not readable as one. */
export function parseCamt053(xml: string): CamtStatement[] {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml))
    throw new CamtError(
      'not_camt053',
      'A document type declaration is not allowed in a bank statement',
    );
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new CamtError(
      'not_camt053',
      `The file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  let parsed: Node;
  try {
    parsed = parser.parse(xml) as Node;
  } catch (error) {
    throw new CamtError('not_camt053', `The file could not be read as XML: ${String(error)}`);
  }
  const document = parsed['Document'];
  // The parser drops namespace declarations with their prefixes; the message's is read from the text.
  const message = MESSAGE_NAMESPACE.exec(xml);
  if (!isNode(document) || !message || !isNode(document['BkToCstmrStmt']))
    throw new CamtError(
      'not_camt053',
      'The file is not an ISO 20022 camt.053 BankToCustomerStatement (Document in namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN)',
    );
  const messageType = message[1]!;
  const root = document['BkToCstmrStmt'];
  const statements = list(root, 'Stmt');
  if (statements.length === 0) invalid('The file holds no statement (Stmt)');
  const groupCreated = timestamp(text(root, 'GrpHdr', 'CreDtTm'));
  let count = 0;
  return statements.map((stmt, index) => {
    const statementId = text(stmt, 'Id') ?? invalid(`Statement ${index + 1} has no Id`);
    const accountIban =
      iban(child(stmt, 'Acct')) ?? invalid(`Statement ${statementId} names no account IBAN`);
    if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(accountIban))
      invalid(`Statement ${statementId}: ${accountIban} is not an IBAN`);
    const balances = list(stmt, 'Bal');
    const balance = (codes: string[]): { cents: number; ccy: string | null } | null => {
      const found = balances.find((bal) =>
        codes.includes(text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? ''),
      );
      if (!found) return null;
      const cents = toCents(text(found, 'Amt') ?? '');
      if (cents === null) invalid(`Statement ${statementId} has a balance that is not an amount`);
      return {
        cents: text(found, 'CdtDbtInd') === 'DBIT' ? -cents : cents,
        ccy: text(found, 'Amt', '@Ccy'),
      };
    };
    const opening = balance(['OPBD', 'PRCD']);
    const closing = balance(['CLBD']);
    const currency = (
      text(stmt, 'Acct', 'Ccy') ??
      opening?.ccy ??
      closing?.ccy ??
      'EUR'
    ).toUpperCase();
    const transactions: CamtTransaction[] = [];
    list(stmt, 'Ntry').forEach((ntry, entryIndex) => {
      // camt.053.001.02: <Sts>BOOK</Sts>; .08 and later: <Sts><Cd>BOOK</Cd></Sts>.
      const status = text(ntry, 'Sts') ?? text(ntry, 'Sts', 'Cd') ?? 'BOOK';
      if (status !== 'BOOK') return; // pending or information only: not money that moved
      const where = `Statement ${statementId}, entry ${entryIndex + 1}`;
      const entryCents = toCents(text(ntry, 'Amt') ?? '') ?? invalid(`${where}: no valid amount`);
      const entryCurrency = (text(ntry, 'Amt', '@Ccy') ?? currency).toUpperCase();
      const indicator = text(ntry, 'CdtDbtInd');
      if (indicator !== 'CRDT' && indicator !== 'DBIT')
        invalid(`${where}: CdtDbtInd must be CRDT or DBIT`);
      const bookingDate =
        date(text(ntry, 'BookgDt', 'Dt') ?? text(ntry, 'BookgDt', 'DtTm')) ??
        invalid(`${where}: no booking date`);
      const valueDate = date(text(ntry, 'ValDt', 'Dt') ?? text(ntry, 'ValDt', 'DtTm'));
      const reversal = text(ntry, 'RvslInd') === 'true';
      const entryRef = text(ntry, 'AcctSvcrRef') ?? text(ntry, 'NtryRef');
      const details = list(ntry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
      const direction = indicator === 'CRDT' ? 'credit' : 'debit';
      // A batch entry (several TxDtls) is split per transaction, each with its own amount.
      const parts = details.length > 0 ? details : [undefined];
      parts.forEach((tx, transactionIndex) => {
        const txWhere = parts.length > 1 ? `${where}, transaction ${transactionIndex + 1}` : where;
        let amountCents = entryCents;
        if (parts.length > 1) {
          const txAmount = text(tx, 'Amt') ?? text(tx, 'AmtDtls', 'TxAmt', 'Amt');
          amountCents =
            (txAmount ? toCents(txAmount) : null) ?? invalid(`${txWhere}: no valid amount`);
        }
        if (amountCents <= 0) invalid(`${txWhere}: the amount is zero`);
        const txIndicator = text(tx, 'CdtDbtInd');
        const txDirection =
          txIndicator === 'CRDT' ? 'credit' : txIndicator === 'DBIT' ? 'debit' : direction;
        // The other party: who paid a credit, who received a debit.
        const party = txDirection === 'credit' ? 'Dbtr' : 'Cdtr';
        const related = child(tx, 'RltdPties');
        const strd = list(tx, 'RmtInf', 'Strd');
        const structured =
          strd.map((s) => text(s, 'CdtrRefInf', 'Ref')).find((ref) => ref !== null) ?? null;
        const unstructured = list(tx, 'RmtInf', 'Ustrd')
          .map((u) => (typeof u === 'string' ? u : text(u)))
          .filter((u): u is string => !!u)
          .join(' ');
        const endToEndId = text(tx, 'Refs', 'EndToEndId');
        const txRef = text(tx, 'Refs', 'AcctSvcrRef');
        const key = [
          accountIban,
          entryRef ??
            `${bookingDate}/${indicator}/${entryCents}/${endToEndId ?? ''}/${structured ?? unstructured}`,
          parts.length > 1 ? (txRef ?? String(transactionIndex)) : '',
        ].join('|');
        transactions.push({
          entryIndex,
          transactionIndex,
          batchSize: parts.length,
          key: key.slice(0, 400),
          bookingDate,
          valueDate,
          amountCents,
          currency: entryCurrency,
          direction: txDirection,
          reversal,
          counterpartyName: clip(partyName(child(related, party)), 140),
          counterpartyIban: clip(iban(child(related, `${party}Acct`)), 34),
          remittanceStructured: clip(structured, 140),
          remittanceUnstructured: clip(unstructured || null, 1000),
          endToEndId: endToEndId === 'NOTPROVIDED' ? null : clip(endToEndId, 140),
          accountServicerReference: clip(txRef ?? entryRef, 140),
        });
        if (++count > MAX_TRANSACTIONS)
          invalid(`The file holds more than ${MAX_TRANSACTIONS} transactions; upload it in parts`);
      });
    });
    return {
      index,
      messageType,
      statementId: statementId.slice(0, 140),
      accountIban,
      currency,
      createdAt: timestamp(text(stmt, 'CreDtTm')) ?? groupCreated,
      periodFrom: timestamp(text(stmt, 'FrToDt', 'FrDtTm')),
      periodTo: timestamp(text(stmt, 'FrToDt', 'ToDtTm')),
      openingBalanceCents: opening?.cents ?? null,
      closingBalanceCents: closing?.cents ?? null,
      transactions,
    };
  });
}
