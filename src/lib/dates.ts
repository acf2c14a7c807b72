import { z } from 'zod';

/**
 * The range every date a client sends must lie in. Wide enough for anything this service
 * records (contracts, plans, reports, deadlines), narrow enough that date arithmetic never
 * leaves the four-digit years PostgreSQL, JavaScript and spreadsheets agree on:
 * `?to=9999-12-31` plus one day was `+010000-01-01`, and a 500.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

const OUT_OF_RANGE = { message: `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}` };
/**
 * Years 2000 to 2099: the text is ISO 8601, so its year is its first four digits. Text not
 * shaped like a date at all is left to the format check, which names it once.
 */
const inRange = (value: string) =>
  !/^\d{4}-/.test(value) ||
  (value >= EARLIEST_DATE && value.slice(0, 4) <= LATEST_DATE.slice(0, 4));

/*
 * A refinement rather than a second pattern: the API document keeps `format: date` /
 * `date-time` (two patterns would replace it), and the range is stated in docs.
 */

/** A calendar date, YYYY-MM-DD, in the range above. */
export function boundedDate(message = 'must be a date as YYYY-MM-DD') {
  return z.iso.date(message).refine(inRange, OUT_OF_RANGE);
}

/** A date and time with its offset (ISO 8601), in the range above. */
export function boundedDateTime() {
  return z.iso.datetime({ offset: true }).refine(inRange, OUT_OF_RANGE);
}
