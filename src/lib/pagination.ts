import { z } from 'zod';
import { badRequest } from './errors.js';

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Page size, 1–100'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
});

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last page'),
  });

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * A list that is returned whole, in the one list shape of the API: `nextCursor` is null
 * because there is no next page (docs/api-contract.md).
 */
export function wholeList<Item>(items: Item[]): Page<Item> {
  return { items, nextCursor: null };
}

export function encodeCursor(values: Record<string, string>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * A cursor comes back from the client, so it is untrusted input: `isValid` checks its values
 * (e.g. that an id is a uuid) before they reach a query, where a bad one would be a 500.
 */
export function decodeCursor<K extends string>(
  cursor: string | undefined,
  keys: readonly K[],
  isValid: (values: Record<K, string>) => boolean = () => true,
): Record<K, string> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    // PostgreSQL text cannot hold a NUL byte; one in a query parameter is an error, not a miss.
    const usable = (value: unknown) => typeof value === 'string' && !value.includes('\u0000');
    if (keys.every((key) => usable(parsed[key])) && isValid(parsed as Record<K, string>))
      return parsed as Record<K, string>;
  } catch {
    // fall through to the error below
  }
  throw badRequest('VALIDATION.INVALID_CURSOR', 'The cursor is not valid for this list');
}

/** Rows were fetched with limit + 1; the extra row only tells whether another page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  cursorOf: (row: Row) => Record<string, string>,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
