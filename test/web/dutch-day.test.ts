import { describe, expect, it } from 'vitest';
import { dutchDayBound } from '../../web/src/lib/format.js';

// The audit log's date filter: a typed date is a Dutch calendar day, in any browser.
describe('dutchDayBound', () => {
  it('starts a winter day at 23:00 UTC the evening before', () => {
    expect(dutchDayBound('2026-12-07')).toBe('2026-12-06T23:00:00.000Z');
    expect(dutchDayBound('2026-12-07', true)).toBe('2026-12-07T23:00:00.000Z');
  });

  it('starts a summer day at 22:00 UTC the evening before', () => {
    expect(dutchDayBound('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('gives the days around the clock changes their real length (23 and 25 hours)', () => {
    // Summer time starts on 29 March 2026, ends on 25 October 2026.
    const hours = (day: string) =>
      (Date.parse(dutchDayBound(day, true)!) - Date.parse(dutchDayBound(day)!)) / 3_600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-10-26')).toBe(24);
  });

  it('ends the year on the first of January', () => {
    expect(dutchDayBound('2026-12-31', true)).toBe('2026-12-31T23:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(dutchDayBound(undefined)).toBeUndefined();
    expect(dutchDayBound('')).toBeUndefined();
    expect(dutchDayBound('7-12-2026')).toBeUndefined();
    expect(dutchDayBound('2026-02-30')).toBeUndefined();
  });
});
