import { type Kysely, sql } from 'kysely';

// A reviewer who marks a budget line as not eligible says why (issue 18): the reasons are
// stored with the score, one per flagged line, as a JSON array of
// { budgetLineId, reason }. Existing scores have none. The append-only trigger on
// review_scores keeps them final like the rest of the score.
// Frozen in time: never import from src/.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE review_scores
      ADD COLUMN ineligible_line_reasons jsonb NOT NULL DEFAULT '[]'::jsonb
        CONSTRAINT review_scores_line_reasons_array CHECK (jsonb_typeof(ineligible_line_reasons) = 'array')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE review_scores DROP COLUMN ineligible_line_reasons`.execute(db);
}
