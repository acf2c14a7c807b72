import { describe, expect, it } from 'vitest';
import {
  centsToDecimalString,
  formatDate,
  formatInteger,
  formatMoney,
  formatPercentFromBasisPoints,
} from '../../src/lib/format.js';

describe('formatting for documents', () => {
  it('writes euros the Dutch way, with a non-breaking space after €', () => {
    expect(formatMoney(123_456, 'nl')).toBe('€\u00a01.234,56');
    expect(formatMoney(5, 'nl')).toBe('€\u00a00,05');
    expect(formatMoney(-123_456, 'nl')).toBe('€\u00a0-1.234,56');
    expect(formatMoney(4_750_000n, 'nl')).toBe('€\u00a047.500,00');
  });

  it('writes euros the English way', () => {
    expect(formatMoney(123_456, 'en')).toBe('€1,234.56');
    expect(formatMoney(-123_456, 'en')).toBe('-€1,234.56');
  });

  it('keeps every cent of amounts no float holds exactly', () => {
    expect(centsToDecimalString(900_719_925_474_099_3n)).toBe('90071992547409.93');
    expect(formatMoney(900_719_925_474_099_3n, 'nl')).toBe('€\u00a090.071.992.547.409,93');
    expect(centsToDecimalString(-7)).toBe('-0.07');
    expect(() => formatMoney(12.5, 'nl')).toThrow(RangeError);
  });

  it('writes whole numbers and percentages in each language', () => {
    expect(formatInteger(1_250, 'nl')).toBe('1.250');
    expect(formatInteger(1_250, 'en')).toBe('1,250');
    expect(formatPercentFromBasisPoints(2100, 'nl')).toBe('21%');
    expect(formatPercentFromBasisPoints(950, 'nl')).toBe('9,5%');
    expect(formatPercentFromBasisPoints(950, 'en')).toBe('9.5%');
    expect(formatPercentFromBasisPoints(1234, 'nl')).toBe('12,34%');
    expect(formatPercentFromBasisPoints(0, 'en')).toBe('0%');
  });

  it('writes dates as Dutch calendar dates', () => {
    expect(formatDate(new Date('2026-11-22T12:00:00Z'), 'nl')).toBe('22 november 2026');
    expect(formatDate(new Date('2026-11-22T12:00:00Z'), 'en')).toBe('22 November 2026');
    // Midnight in Amsterdam, not in UTC (winter and summer time)
    expect(formatDate(new Date('2026-12-31T23:30:00Z'), 'nl')).toBe('1 januari 2027');
    expect(formatDate(new Date('2026-06-30T22:30:00Z'), 'nl')).toBe('1 juli 2026');
    expect(formatDate(new Date('2026-06-30T21:30:00Z'), 'nl')).toBe('30 juni 2026');
    expect(() => formatDate(new Date('nope'), 'nl')).toThrow(RangeError);
  });
});
