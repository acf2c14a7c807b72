import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { BankStatementEntries, BankStatements } from '../../db/schema.generated.js';
import type { CamtStatement, CamtTransaction } from './camt053.js';

export type BankStatementRow = Selectable<BankStatements>;
export type BankEntryRow = Selectable<BankStatementEntries>;

export interface StatementCounts {
  entries: number;
  matched: number;
  exceptions: number;
  openExceptions: number;
  unmatched: number;
  duplicates: number;
  pending: number;
}

export type StatementWithCounts = BankStatementRow & { counts: StatementCounts };

const n = (value: unknown): number => Number(value ?? 0);

/** The bank statements and their entries (issue 17): this module is their one writer. */
export const bankingRepository = {
  /**
   * Stores a statement of a file once: a second upload of the same file finds the row (and
   * waits, on the unique index, until a concurrent first upload commits) and answers undefined.
   */
  async insertStatement(
    trx: Transaction<DB>,
    values: {
      sha256: string;
      size: number;
      statement: CamtStatement;
      uploadedBy: string;
      at: Date;
    },
  ): Promise<BankStatementRow | undefined> {
    const s = values.statement;
    return trx
      .insertInto('bank_statements')
      .values({
        file_sha256: values.sha256,
        file_size: values.size,
        statement_index: s.index,
        message_type: s.messageType,
        account_iban: s.accountIban,
        statement_id: s.statementId,
        created_at_bank: s.createdAt,
        period_from: s.periodFrom,
        period_to: s.periodTo,
        currency: s.currency,
        opening_balance_cents: s.openingBalanceCents,
        closing_balance_cents: s.closingBalanceCents,
        uploaded_by: values.uploadedBy,
        uploaded_at: values.at,
      })
      .onConflict((oc) => oc.columns(['file_sha256', 'statement_index']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  async findStatementOfFile(
    db: Kysely<DB>,
    sha256: string,
    index: number,
  ): Promise<BankStatementRow | undefined> {
    return db
      .selectFrom('bank_statements')
      .selectAll()
      .where('file_sha256', '=', sha256)
      .where('statement_index', '=', index)
      .executeTakeFirst();
  },

  /**
   * Stores one transaction of a statement: as its first sighting (pending, to be matched) or,
   * when an entry with its key was stored before (by another file), as a duplicate of that one.
   */
  async insertEntry(
    trx: Transaction<DB>,
    statementId: string,
    tx: CamtTransaction,
  ): Promise<BankEntryRow> {
    const values = {
      statement_id: statementId,
      entry_index: tx.entryIndex,
      transaction_index: tx.transactionIndex,
      batch_size: tx.batchSize,
      entry_key: tx.key,
      booking_date: tx.bookingDate,
      value_date: tx.valueDate,
      amount_cents: tx.amountCents,
      currency: tx.currency,
      direction: tx.direction,
      reversal: tx.reversal,
      counterparty_name: tx.counterpartyName,
      counterparty_iban: tx.counterpartyIban,
      remittance_structured: tx.remittanceStructured,
      remittance_unstructured: tx.remittanceUnstructured,
      end_to_end_id: tx.endToEndId,
      account_servicer_reference: tx.accountServicerReference,
    };
    const first = await trx
      .insertInto('bank_statement_entries')
      .values({ ...values, match_status: 'pending' })
      .onConflict((oc) =>
        oc
          .column('entry_key')
          .where(sql<boolean>`duplicate_of IS NULL`)
          .doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (first) return first;
    const original = await trx
      .selectFrom('bank_statement_entries')
      .select('id')
      .where('entry_key', '=', tx.key)
      .where('duplicate_of', 'is', null)
      .executeTakeFirstOrThrow();
    return trx
      .insertInto('bank_statement_entries')
      .values({
        ...values,
        duplicate_of: original.id,
        match_status: 'duplicate',
        match_detail: 'booked from an earlier statement',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async pendingEntryIds(db: Kysely<DB>, statementIds: readonly string[]): Promise<string[]> {
    if (statementIds.length === 0) return [];
    const rows = await db
      .selectFrom('bank_statement_entries')
      .select('id')
      .where('statement_id', 'in', statementIds)
      .where('match_status', '=', 'pending')
      .orderBy('seq')
      .execute();
    return rows.map((row) => row.id);
  },

  async lockEntry(trx: Transaction<DB>, id: string): Promise<BankEntryRow | undefined> {
    return trx
      .selectFrom('bank_statement_entries')
      .selectAll()
      .where('id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst();
  },

  async updateEntry(
    trx: Transaction<DB>,
    id: string,
    values: Updateable<BankStatementEntries>,
  ): Promise<BankEntryRow> {
    return trx
      .updateTable('bank_statement_entries')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async findEntry(db: Kysely<DB>, id: string): Promise<BankEntryRow | undefined> {
    return db
      .selectFrom('bank_statement_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findStatement(db: Kysely<DB>, id: string): Promise<StatementWithCounts | undefined> {
    const row = await db
      .selectFrom('bank_statements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return { ...row, counts: (await this.countsOf(db, [row.id])).get(row.id)! };
  },

  /** Newest upload first (seq descending); `before` is the cursor's seq. */
  async listStatements(
    db: Kysely<DB>,
    options: { before: number | undefined; limit: number },
  ): Promise<StatementWithCounts[]> {
    let query = db.selectFrom('bank_statements').selectAll();
    if (options.before !== undefined) query = query.where('seq', '<', options.before);
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(options.limit + 1)
      .execute();
    const counts = await this.countsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({ ...row, counts: counts.get(row.id)! }));
  },

  async countsOf(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, StatementCounts>> {
    const result = new Map<string, StatementCounts>(
      ids.map((id) => [
        id,
        {
          entries: 0,
          matched: 0,
          exceptions: 0,
          openExceptions: 0,
          unmatched: 0,
          duplicates: 0,
          pending: 0,
        },
      ]),
    );
    if (ids.length === 0) return result;
    const rows = await db
      .selectFrom('bank_statement_entries')
      .select([
        'statement_id',
        sql<string>`count(*)`.as('entries'),
        sql<string>`count(*) FILTER (WHERE match_status IN ('matched_order', 'matched_payout'))`.as(
          'matched',
        ),
        sql<string>`count(*) FILTER (WHERE match_status = 'exception')`.as('exceptions'),
        sql<string>`count(*) FILTER (WHERE match_status = 'exception' AND resolved_at IS NULL)`.as(
          'open_exceptions',
        ),
        sql<string>`count(*) FILTER (WHERE match_status = 'unmatched')`.as('unmatched'),
        sql<string>`count(*) FILTER (WHERE match_status = 'duplicate')`.as('duplicates'),
        sql<string>`count(*) FILTER (WHERE match_status = 'pending')`.as('pending'),
      ])
      .where('statement_id', 'in', ids)
      .groupBy('statement_id')
      .execute();
    for (const row of rows)
      result.set(row.statement_id, {
        entries: n(row.entries),
        matched: n(row.matched),
        exceptions: n(row.exceptions),
        openExceptions: n(row.open_exceptions),
        unmatched: n(row.unmatched),
        duplicates: n(row.duplicates),
        pending: n(row.pending),
      });
    return result;
  },

  async entriesOf(db: Kysely<DB>, statementId: string): Promise<BankEntryRow[]> {
    return db
      .selectFrom('bank_statement_entries')
      .selectAll()
      .where('statement_id', '=', statementId)
      .orderBy('seq')
      .execute();
  },

  /** The exceptions queue, oldest first; `after` is the cursor's seq. */
  async listExceptions(
    db: Kysely<DB>,
    options: { status: 'open' | 'resolved' | 'all'; after: number | undefined; limit: number },
  ): Promise<BankEntryRow[]> {
    let query = db
      .selectFrom('bank_statement_entries')
      .selectAll()
      .where('match_status', '=', 'exception');
    if (options.status === 'open') query = query.where('resolved_at', 'is', null);
    if (options.status === 'resolved') query = query.where('resolved_at', 'is not', null);
    if (options.after !== undefined) query = query.where('seq', '>', options.after);
    return query
      .orderBy('seq')
      .limit(options.limit + 1)
      .execute();
  },
};
