import type { ColumnType } from 'kysely';

/**
 * Column types that the generated schema types (schema.generated.ts) use in place of
 * kysely-codegen's defaults, because this project's drivers read these values differently
 * from node-postgres's defaults (see the parsers in database.ts).
 */

/**
 * int8 (bigint: cents, counts, identity ids) is read as a number: database.ts parses it so
 * on both engines. Past 2^53 the parser hands back a bigint rather than round; no amount
 * in cents or count here comes near that, so the read type stays `number`, and arithmetic
 * on a bigint that did come back would throw rather than be silently wrong.
 */
export type Int8Number = ColumnType<number, bigint | number | string, bigint | number | string>;

/**
 * json/jsonb is written as a JSON string (JSON.stringify) and read back parsed. Writing a
 * string, never a raw value, is on purpose: node-postgres would send a JavaScript array
 * as a PostgreSQL array literal, which is not JSON.
 */
export type JsonColumn = ColumnType<unknown, string, string>;
