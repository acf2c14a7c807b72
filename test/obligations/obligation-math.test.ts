import { describe, expect, it } from 'vitest';
import {
  claimValueCents,
  creditCapCents,
  filledShareBp,
  obligationCents,
} from '../../src/modules/obligations/obligation-math.js';

describe('obligation arithmetic', () => {
  it('takes 5% of the contract value, the usual social-return share', () => {
    expect(obligationCents(1_000_000_00, { basis: 'contract_value', percentageBp: 500 })).toBe(
      50_000_00,
    );
  });

  it('takes 2% for labour-extensive work', () => {
    expect(obligationCents(2_500_000_00, { basis: 'contract_value', percentageBp: 200 })).toBe(
      50_000_00,
    );
  });

  it('takes the percentage of the wage sum, not of the contract value, on the wage-sum basis', () => {
    expect(
      obligationCents(9_999_999_99, {
        basis: 'wage_sum',
        percentageBp: 500,
        wageSumCents: 400_000_00,
      }),
    ).toBe(20_000_00);
  });

  it('uses the fixed amount as it is', () => {
    expect(obligationCents(1_000_000_00, { basis: 'fixed', fixedAmountCents: 12_345_67 })).toBe(
      12_345_67,
    );
  });

  it('rounds half a cent up and less than half down', () => {
    // 5% of 10 cents = 0.5 cent → 1; 5% of 9 cents = 0.45 cent → 0; 5% of 30 cents = 1.5 → 2
    expect(obligationCents(10, { basis: 'contract_value', percentageBp: 500 })).toBe(1);
    expect(obligationCents(9, { basis: 'contract_value', percentageBp: 500 })).toBe(0);
    expect(obligationCents(30, { basis: 'contract_value', percentageBp: 500 })).toBe(2);
    // 3.33% of € 1.234,57 = 4111.1181 cents → 4111
    expect(obligationCents(1_234_57, { basis: 'contract_value', percentageBp: 333 })).toBe(4111);
  });

  it('stays exact for contract values where a float product would not be', () => {
    // 10^15 cents × 500 is beyond 2^53; the BigInt path keeps it exact.
    expect(
      obligationCents(1_000_000_000_000_000, { basis: 'contract_value', percentageBp: 500 }),
    ).toBe(50_000_000_000_000);
    expect(obligationCents(999_999_999_999_999, { basis: 'contract_value', percentageBp: 1 })).toBe(
      100_000_000_000,
    );
  });

  it('values a claim at credits × price paid × factor, rounded half up', () => {
    expect(claimValueCents(10, 38_00, 10_000)).toBe(380_00);
    expect(claimValueCents(10, 38_00, 5_000)).toBe(190_00);
    // 3 × 38.00 × 33.33% = 37.9962 → 38.00
    expect(claimValueCents(3, 38_00, 3_333)).toBe(3800);
    // 1 × 0.01 × 50% = half a cent → 1 cent
    expect(claimValueCents(1, 1, 5_000)).toBe(1);
    expect(claimValueCents(1, 1, 4_999)).toBe(0);
  });

  it('rounds the credit share cap down so credits never fill more than allowed', () => {
    expect(creditCapCents(50_000_00, 10_000)).toBe(50_000_00);
    expect(creditCapCents(50_000_00, 5_000)).toBe(25_000_00);
    expect(creditCapCents(99, 5_000)).toBe(49);
    expect(creditCapCents(50_000_00, 0)).toBe(0);
  });

  it('reports the filled share in basis points, rounded down', () => {
    expect(filledShareBp(25_000_00, 50_000_00)).toBe(5_000);
    expect(filledShareBp(49_999_99, 50_000_00)).toBe(9_999);
    expect(filledShareBp(0, 0)).toBe(0);
  });
});
